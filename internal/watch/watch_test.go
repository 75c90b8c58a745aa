package watch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Tests wait on channels, never on the clock: timeout only bounds a wait
// for something that must come.
const (
	quiet   = 50 * time.Millisecond
	timeout = 5 * time.Second
)

// site writes files (path → content, slash-separated) under a new folder.
func site(t *testing.T, files ...string) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range files {
		write(t, filepath.Join(root, f), "x")
	}
	return root
}

func start(t *testing.T, root string, opts Options) *Watcher {
	t.Helper()
	if opts.Quiet == 0 {
		opts.Quiet = quiet
	}
	w, err := New(root, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// next returns the next batch, failing on an error or after timeout.
func next(t *testing.T, w *Watcher) Batch {
	t.Helper()
	select {
	case b := <-w.Events():
		return b
	case err := <-w.Errors():
		t.Fatalf("error: %v", err)
	case <-time.After(timeout):
		t.Fatalf("no batch after %v", timeout)
	}
	return Batch{}
}

// expect fails unless the next batch is want.
func expect(t *testing.T, w *Watcher, want Batch) {
	t.Helper()
	if got := next(t, w); !reflect.DeepEqual(got, want) {
		t.Fatalf("batch = %+v; want %+v", got, want)
	}
}

// collect reads batches until they have named every path of want and
// returns how many it read. A path may come twice (a stalled writer's
// open and write can fall in two batches); no other path may come.
func collect(t *testing.T, w *Watcher, want ...string) int {
	t.Helper()
	left, allowed := map[string]bool{}, map[string]bool{}
	for _, p := range want {
		left[p], allowed[p] = true, true
	}
	n := 0
	for len(left) > 0 {
		b := next(t, w)
		n++
		if b.Full || len(b.Paths) == 0 {
			t.Fatalf("batch = %+v; want paths among %v", b, want)
		}
		for _, p := range b.Paths {
			if !allowed[p] {
				t.Fatalf("batch = %+v; want paths among %v", b, want)
			}
			delete(left, p)
		}
	}
	return n
}

var sentinels atomic.Int64

// writeSentinel writes a new file in one event (a hidden temporary file
// renamed), so that it cannot come in two batches.
func writeSentinel(t *testing.T, root string) string {
	t.Helper()
	name := fmt.Sprintf("content/sentinel%d.md", sentinels.Add(1))
	tmp := filepath.Join(root, "content/.sentinel.tmp")
	write(t, tmp, "s")
	must(t, os.Rename(tmp, filepath.Join(root, name)))
	return name
}

// expectOnly checks that nothing but allowed was reported, without
// waiting for silence: it writes a new file and reads batches until one
// names it, since anything left over comes before or with it.
func expectOnly(t *testing.T, w *Watcher, root string, allowed ...string) {
	t.Helper()
	sentinel := writeSentinel(t, root)
	for {
		b := next(t, w)
		for _, p := range b.Paths {
			if p != sentinel && !slices.Contains(allowed, p) {
				t.Fatalf("batch = %+v; want only %s", b, sentinel)
			}
		}
		if b.Full {
			t.Fatalf("batch = %+v; want only %s", b, sentinel)
		}
		if slices.Contains(b.Paths, sentinel) {
			return
		}
	}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	must(t, os.MkdirAll(filepath.Dir(path), 0o755))
	must(t, os.WriteFile(path, []byte(data), 0o644))
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// Each editor saves content/news/a.md its own way; each save must give
// exactly one batch naming that file and none of the editor's temporary
// names.
func TestEditors(t *testing.T) {
	tests := []struct {
		name string
		save func(t *testing.T, dir string) // dir holds a.md
	}{
		{"vim rename then create", func(t *testing.T, dir string) {
			a := filepath.Join(dir, "a.md")
			write(t, filepath.Join(dir, ".a.md.swp"), "swap")
			write(t, filepath.Join(dir, "4913"), "")
			must(t, os.Remove(filepath.Join(dir, "4913")))
			must(t, os.Rename(a, a+"~"))
			write(t, a, "new")
			must(t, os.Chmod(a, 0o644))
			must(t, os.Remove(a+"~"))
			must(t, os.Remove(filepath.Join(dir, ".a.md.swp")))
		}},
		{"vim backupcopy=yes (in place)", func(t *testing.T, dir string) {
			a := filepath.Join(dir, "a.md")
			write(t, filepath.Join(dir, ".a.md.swx"), "swap")
			write(t, filepath.Join(dir, "4913"), "")
			must(t, os.Remove(filepath.Join(dir, "4913")))
			write(t, a+"~", "x") // backup copy
			f, err := os.OpenFile(a, os.O_WRONLY|os.O_TRUNC, 0)
			must(t, err)
			_, err = f.WriteString("new")
			must(t, err)
			must(t, f.Close())
			must(t, os.Remove(a+"~"))
			must(t, os.Remove(filepath.Join(dir, ".a.md.swx")))
		}},
		{"emacs", func(t *testing.T, dir string) {
			a := filepath.Join(dir, "a.md")
			must(t, os.Symlink("user@host.1234:1700000000", filepath.Join(dir, ".#a.md"))) // lock
			write(t, filepath.Join(dir, "#a.md#"), "auto-save")
			must(t, os.Rename(a, a+"~")) // backup, first save
			write(t, a, "new")
			must(t, os.Remove(filepath.Join(dir, "#a.md#")))
			must(t, os.Remove(filepath.Join(dir, ".#a.md")))
		}},
		{"vs code truncate then write", func(t *testing.T, dir string) {
			f, err := os.OpenFile(filepath.Join(dir, "a.md"), os.O_WRONLY|os.O_TRUNC, 0)
			must(t, err)
			_, err = f.WriteString("first half, ")
			must(t, err)
			_, err = f.WriteString("second half")
			must(t, err)
			must(t, f.Close())
		}},
		{"sed -i", func(t *testing.T, dir string) {
			f, err := os.CreateTemp(dir, "sed") // sedXXXXXX, no telling name
			must(t, err)
			_, err = f.WriteString("new")
			must(t, err)
			must(t, f.Close())
			must(t, os.Chmod(f.Name(), 0o644))
			must(t, os.Rename(f.Name(), filepath.Join(dir, "a.md")))
		}},
		{"temp file then rename", func(t *testing.T, dir string) {
			f, err := os.CreateTemp(dir, "a.md.") // a.md.123456
			must(t, err)
			_, err = f.WriteString("new")
			must(t, err)
			must(t, f.Sync())
			must(t, f.Close())
			must(t, os.Rename(f.Name(), filepath.Join(dir, "a.md")))
		}},
		{"hidden temp file then rename", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, ".a.md.tmp"), "new")
			must(t, os.Rename(filepath.Join(dir, ".a.md.tmp"), filepath.Join(dir, "a.md")))
		}},
		{"jetbrains safe write", func(t *testing.T, dir string) {
			a := filepath.Join(dir, "a.md")
			write(t, a+"___jb_tmp___", "new")
			must(t, os.Rename(a, a+"___jb_old___"))
			must(t, os.Rename(a+"___jb_tmp___", a))
			must(t, os.Remove(a+"___jb_old___"))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			root := site(t, "content/news/a.md")
			// A save is a handful of calls: a long quiet keeps a stall of
			// this goroutine on a loaded machine from splitting it.
			w := start(t, root, Options{Quiet: 500 * time.Millisecond})
			tt.save(t, filepath.Join(root, "content/news"))
			expect(t, w, Batch{Paths: []string{"content/news/a.md"}})
			expectOnly(t, w, root)
		})
	}
}

func TestNewNestedFolder(t *testing.T) {
	root := site(t, "content/news/a.md")
	w := start(t, root, Options{})
	var want []string
	for _, p := range []string{"2026/one.md", "2026/03/two.md", "2026/03/x/three.md", "2026/03/x/four.md", "2026/y/five.md"} {
		p = "content/news/" + p
		write(t, filepath.Join(root, p), "x")
		want = append(want, p)
	}
	collect(t, w, want...)
	expectOnly(t, w, root, want...)
	// The new folders are watched.
	write(t, filepath.Join(root, "content/news/2026/03/x/late.md"), "x")
	collect(t, w, "content/news/2026/03/x/late.md")
}

// A folder moved into the tree brings files that sent no event.
func TestFolderMovedIn(t *testing.T) {
	root := site(t, "content/news/a.md")
	outside := site(t, "2026/b.md", "2026/sub/c.md")
	w := start(t, root, Options{})
	must(t, os.Rename(filepath.Join(outside, "2026"), filepath.Join(root, "content/news/2026")))
	expect(t, w, Batch{Paths: []string{"content/news/2026/b.md", "content/news/2026/sub/c.md"}})
	write(t, filepath.Join(root, "content/news/2026/sub/d.md"), "x")
	collect(t, w, "content/news/2026/sub/d.md")
}

func TestFolderRemoved(t *testing.T) {
	root := site(t, "content/news/a.md", "content/news/sub/b.md", "content/pages/p.md")
	w := start(t, root, Options{})
	must(t, os.RemoveAll(filepath.Join(root, "content/news")))
	expectFull(t, w, root, "content/news/")
	write(t, filepath.Join(root, "content/pages/q.md"), "x")
	collect(t, w, "content/pages/q.md")
}

// After a folder is renamed, changes under it carry the new name
// (fsnotify #694: watches on subfolders keep the old one).
func TestFolderRenamed(t *testing.T) {
	root := site(t, "content/news/a.md", "content/news/sub/b.md")
	w := start(t, root, Options{})
	must(t, os.Rename(filepath.Join(root, "content/news"), filepath.Join(root, "content/actu")))
	expectFull(t, w, root, "content/news/", "content/actu/")
	write(t, filepath.Join(root, "content/actu/sub/b.md"), "new")
	collect(t, w, "content/actu/sub/b.md")
}

// expectFull reads the batches that follow removing or renaming a folder
// until a file written after has come: at least one must be Full, and
// they may name only paths under the folders given.
func expectFull(t *testing.T, w *Watcher, root string, folders ...string) {
	t.Helper()
	sentinel := writeSentinel(t, root)
	full := false
	for done := false; !done; {
		b := next(t, w)
		full = full || b.Full
		for _, p := range b.Paths {
			done = done || p == sentinel
			if p != sentinel && !slices.ContainsFunc(folders, func(f string) bool { return strings.HasPrefix(p, f) }) {
				t.Fatalf("batch = %+v; want paths under %v", b, folders)
			}
		}
	}
	if !full {
		t.Fatalf("no Full batch")
	}
}

// A `git checkout` of hundreds of files gives one batch, two if it
// outlasts MaxWait.
func TestManyFiles(t *testing.T) {
	root := site(t, "content/news/a.md")
	w := start(t, root, Options{})
	var want []string
	for i := range 300 {
		p := fmt.Sprintf("content/news/n%03d.md", i)
		write(t, filepath.Join(root, p), "x")
		want = append(want, p)
	}
	batches := collect(t, w, want...)
	if batches > 2 {
		t.Errorf("300 files gave %d batches; want 1 or 2", batches)
	}
	expectOnly(t, w, root, want...)
}

// Changes that never pause for Quiet still give a batch after MaxWait.
func TestMaxWait(t *testing.T) {
	root := site(t, "content/news/a.md")
	w := start(t, root, Options{Quiet: time.Second, MaxWait: 200 * time.Millisecond})
	stop, stopped := make(chan struct{}), make(chan error)
	go func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				stopped <- nil
				return
			case <-time.After(10 * time.Millisecond):
			}
			if err := os.WriteFile(filepath.Join(root, "content/news/a.md"), []byte(fmt.Sprint(i)), 0o644); err != nil {
				stopped <- err
				return
			}
		}
	}()
	b := next(t, w)
	close(stop)
	must(t, <-stopped)
	if !reflect.DeepEqual(b, Batch{Paths: []string{"content/news/a.md"}}) {
		t.Errorf("batch = %+v; want content/news/a.md", b)
	}
}

// While the consumer builds, later changes merge into the batch it has not
// taken: none is lost, and no batch is empty.
func TestSlowConsumer(t *testing.T) {
	root := site(t, "content/news/a.md")
	w := start(t, root, Options{})
	var want []string
	for _, name := range []string{"a.md", "b.md", "c.md"} {
		p := "content/news/" + name
		write(t, filepath.Join(root, p), "new")
		want = append(want, p)
		time.Sleep(3 * quiet) // most often lets a batch be made; the test holds either way
	}
	collect(t, w, want...)
	expectOnly(t, w, root, want...)
}

func TestTemporaryNames(t *testing.T) {
	root := site(t, "content/news/a.md")
	w := start(t, root, Options{})
	dir := filepath.Join(root, "content/news")
	for _, name := range []string{".a.md.swp", "a.md.swx", "4913", "a.tmp", "a.md___jb_tmp___", "a.md___jb_old___",
		"#a.md#", ".#a.md", "a.md~", "_draft.md", ".git/config", "_drafts/b.md"} {
		write(t, filepath.Join(dir, name), "x")
	}
	expectOnly(t, w, root)
}

func TestChmodAlone(t *testing.T) {
	root := site(t, "content/news/a.md")
	w := start(t, root, Options{})
	must(t, os.Chmod(filepath.Join(root, "content/news/a.md"), 0o600))
	must(t, os.Chtimes(filepath.Join(root, "content/news/a.md"), time.Now(), time.Now()))
	expectOnly(t, w, root)
}

// The output folder is skipped, and so is the build's swap beside it.
func TestSkip(t *testing.T) {
	root := site(t, "content/news/a.md", "public/index.html")
	w := start(t, root, Options{Skip: func(rel string) bool { return rel == "public" }})
	tmp, err := os.MkdirTemp(root, ".public.new-")
	must(t, err)
	write(t, filepath.Join(tmp, "index.html"), "new")
	must(t, os.Rename(filepath.Join(root, "public"), tmp+".old"))
	must(t, os.Rename(tmp, filepath.Join(root, "public")))
	must(t, os.RemoveAll(tmp+".old"))
	write(t, filepath.Join(root, "public/late.html"), "x")
	expectOnly(t, w, root)
}

func TestOverflow(t *testing.T) {
	root := site(t, "content/news/a.md")
	w := start(t, root, Options{})
	w.fsw.Errors <- fsnotify.ErrEventOverflow // as the inotify backend sends it
	expect(t, w, Batch{Full: true})
	expectOnly(t, w, root)
}

func TestPoll(t *testing.T) {
	root := site(t, "content/news/a.md", "content/pages/p.md")
	w := start(t, root, Options{Poll: 10 * time.Millisecond})
	b := filepath.Join(root, "content/news/b.md")
	steps := []struct {
		name string
		do   func()
		want string
	}{
		{"create", func() { write(t, b, "x") }, "content/news/b.md"},
		{"modify", func() { write(t, b, "longer") }, "content/news/b.md"},
		{"touch", func() {
			later := time.Now().Add(time.Hour)
			must(t, os.Chtimes(b, later, later))
		}, "content/news/b.md"},
		{"delete", func() { must(t, os.Remove(b)) }, "content/news/b.md"},
		{"temporary names", func() {
			write(t, filepath.Join(root, "content/news/.a.md.swp"), "x")
			write(t, filepath.Join(root, "content/news/4913"), "x")
			write(t, filepath.Join(root, "content/news/a.md"), "new")
		}, "content/news/a.md"},
		{"new folder", func() { write(t, filepath.Join(root, "content/news/2026/c.md"), "x") }, "content/news/2026/c.md"},
	}
	for _, s := range steps {
		t.Log(s.name)
		s.do()
		collect(t, w, s.want)
		expectOnly(t, w, root, s.want)
	}

	// A folder removed: its files, then or with them Full.
	must(t, os.RemoveAll(filepath.Join(root, "content/pages")))
	for b := next(t, w); !b.Full; b = next(t, w) {
		if !reflect.DeepEqual(b.Paths, []string{"content/pages/p.md"}) {
			t.Fatalf("batch = %+v; want content/pages/p.md, then Full", b)
		}
	}
}

func TestRootIsLink(t *testing.T) {
	root := site(t, "content/news/a.md")
	link := filepath.Join(t.TempDir(), "site")
	must(t, os.Symlink(root, link))
	w := start(t, link, Options{})
	write(t, filepath.Join(link, "content/news/b.md"), "x")
	collect(t, w, "content/news/b.md")
}

func TestClose(t *testing.T) {
	for _, poll := range []time.Duration{0, 10 * time.Millisecond} {
		w := start(t, site(t, "content/news/a.md"), Options{Poll: poll})
		must(t, w.Close())
		must(t, w.Close())
		if _, ok := <-w.Events(); ok {
			t.Errorf("poll %v: Events open after Close", poll)
		}
		if _, ok := <-w.Errors(); ok {
			t.Errorf("poll %v: Errors open after Close", poll)
		}
	}
}

func TestNewErrors(t *testing.T) {
	root := site(t, "file")
	for _, p := range []string{filepath.Join(root, "missing"), filepath.Join(root, "file")} {
		if _, err := New(p, Options{}); err == nil || !strings.HasPrefix(err.Error(), "cannot watch "+p) {
			t.Errorf("New(%s) = %v; want cannot watch %s", p, err, p)
		}
	}
}

func TestLimitErrors(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{fmt.Errorf("add: %w", syscall.ENOSPC), "site/content: cannot watch folder: the system's limit on watched folders is reached: add: no space left on device " +
			"(raise it with: sudo sysctl fs.inotify.max_user_watches=524288; or use -poll)"},
		{fmt.Errorf("couldn't initialize inotify: %w", syscall.EMFILE), "site/content: cannot start watching: the system's limit on inotify instances is reached: couldn't initialize inotify: too many open files " +
			"(raise it with: sudo sysctl fs.inotify.max_user_instances=512; or use -poll)"},
		{syscall.EACCES, "site/content: cannot watch: permission denied"},
	}
	for _, tt := range tests {
		err := limitError("site/content", tt.err)
		if err.Error() != tt.want {
			t.Errorf("limitError(%v) = %q; want %q", tt.err, err, tt.want)
		}
		if !errors.Is(err, tt.err) {
			t.Errorf("limitError(%v) does not wrap it", tt.err)
		}
	}
}

func TestSkipNames(t *testing.T) {
	w := &Watcher{opts: Options{Skip: func(rel string) bool { return rel == "public" || rel == "content/x" }}}
	tests := map[string]bool{
		"content/news/a.md": false, "content/_index.md": false, "config.toml": false,
		"public": true, "public/index.html": true, "content/x/y.md": true, "content/xy.md": false,
		"content/news/.a.md.swp": true, "content/news/a.md.swx": true, "content/news/4913": true,
		"content/news/a.tmp": true, "content/news/a.md___jb_tmp___": true, "content/news/#a.md#": true,
		"content/news/.#a.md": true, "content/news/a.md~": true, ".git/HEAD": true, "content/_drafts/a.md": true,
	}
	for rel, want := range tests {
		if got := w.skip(rel); got != want {
			t.Errorf("skip(%q) = %v; want %v", rel, got, want)
		}
	}
}
