package build

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"jalons/internal/render"
	"jalons/internal/sitetest"
)

// snapshot is every file and folder under dir with its content, to show
// that a refused build left a destination byte for byte as it was.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			b.WriteString(p + " error " + err.Error() + "\n")
			return nil
		}
		info, _ := d.Info()
		b.WriteString(p + " " + info.Mode().String() + "\n")
		if d.Type().IsRegular() {
			data, _ := os.ReadFile(p)
			b.Write(data)
			b.WriteString("\n")
		}
		return nil
	})
	return b.String()
}

func mkfile(t *testing.T, p, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDestinationRefused: each destination a build must not replace is
// refused with its reason, and left as it was.
func TestDestinationRefused(t *testing.T) {
	tests := []struct {
		name string
		// setup returns the source and the destination, under tmp
		setup func(t *testing.T, tmp string) (src, dest string)
		want  string // the reason in the message
	}{
		{"a folder of someone's files", func(t *testing.T, tmp string) (string, string) {
			home := filepath.Join(tmp, "home")
			mkfile(t, filepath.Join(home, ".ssh", "id_ed25519"), "secret")
			mkfile(t, filepath.Join(home, "Documents", "budget.ods"), "figures")
			return sitetest.Dir(t, small), home
		}, "already holds files that a build did not make (it has no .jalons-build file)"},
		{"the real parent of a site reached through a link", func(t *testing.T, tmp string) (string, string) {
			real := filepath.Join(tmp, "sites", "ps")
			os.MkdirAll(filepath.Dir(real), 0o755)
			os.Rename(sitetest.Dir(t, small), real)
			link := filepath.Join(tmp, "link-to-site")
			os.Symlink(real, link)
			return link, filepath.Join(tmp, "sites")
		}, "holds the site's folder, which a build would delete"},
		{"the site's .git folder", func(t *testing.T, tmp string) (string, string) {
			src := sitetest.Dir(t, small)
			mkfile(t, filepath.Join(src, ".git", "HEAD"), "ref: refs/heads/main\n")
			return src, filepath.Join(src, ".git")
		}, "is inside the site's folder"},
		{"a new folder inside the site", func(t *testing.T, tmp string) (string, string) {
			src := sitetest.Dir(t, small)
			return src, filepath.Join(src, "out")
		}, "is inside the site's folder"},
		{"content/ reached with ..", func(t *testing.T, tmp string) (string, string) {
			src := sitetest.Dir(t, small)
			return src, filepath.Join(src, "public", "..", "content")
		}, "is inside the site's folder"},
		{"the site itself", func(t *testing.T, tmp string) (string, string) {
			src := sitetest.Dir(t, small)
			return src, src
		}, "holds the site's folder, which a build would delete"},
		{"a parent written in another case", func(t *testing.T, tmp string) (string, string) {
			parent := filepath.Join(tmp, "Sites")
			os.MkdirAll(parent, 0o755)
			src := filepath.Join(parent, "ps")
			os.Rename(sitetest.Dir(t, small), src)
			return src, filepath.Join(tmp, "SITES")
		}, "holds the site's folder, which a build would delete"},
		{"a regular file", func(t *testing.T, tmp string) (string, string) {
			f := filepath.Join(tmp, "notes.txt")
			mkfile(t, f, "do not lose me")
			return sitetest.Dir(t, small), f
		}, "is a file, not a folder"},
		{"the root", func(t *testing.T, tmp string) (string, string) {
			return sitetest.Dir(t, small), "/"
		}, "is the root of the disk"},
		{"the home folder", func(t *testing.T, tmp string) (string, string) {
			home := filepath.Join(tmp, "me")
			os.MkdirAll(home, 0o755)
			t.Setenv("HOME", home)
			return sitetest.Dir(t, small), home
		}, "is your home folder"},
		{"a link to someone's folder", func(t *testing.T, tmp string) (string, string) {
			docs := filepath.Join(tmp, "docs")
			mkfile(t, filepath.Join(docs, "lettre.odt"), "x")
			link := filepath.Join(tmp, "www")
			os.Symlink(docs, link)
			return sitetest.Dir(t, small), link
		}, "already holds files that a build did not make"},
		{"an old public/ holding a file a build does not write", func(t *testing.T, tmp string) (string, string) {
			src := sitetest.Dir(t, small)
			mkfile(t, filepath.Join(src, "public", "index.html"), "<p>old</p>")
			mkfile(t, filepath.Join(src, "public", ".env"), "PASSWORD=x")
			return src, ""
		}, "holds .env, which a build does not write"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp := t.TempDir()
			src, dest := tt.setup(t, tmp)
			look := dest
			if look == "" || look == "/" {
				look = filepath.Join(src, "public")
			}
			before, site := snapshot(t, look), snapshot(t, src)
			_, err := Build(t.Context(), Options{Source: src, Destination: dest})
			want := tt.want
			if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "nothing was written") {
				t.Fatalf("Build(-destination %s) = %v; want a refusal saying %q", dest, err, want)
			}
			if after := snapshot(t, look); after != before {
				t.Errorf("the refused destination changed:\n%s\nwas\n%s", after, before)
			}
			if after := snapshot(t, src); after != site {
				t.Errorf("the site's folder changed")
			}
		})
	}
}

// TestDestinationAccepted: absent, empty and marked folders are replaced,
// and so is a public/ made by a version without the mark.
func TestDestinationAccepted(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, tmp, src string) string
	}{
		{"absent", func(t *testing.T, tmp, src string) string { return filepath.Join(tmp, "new", "site") }},
		{"empty", func(t *testing.T, tmp, src string) string {
			os.MkdirAll(filepath.Join(tmp, "empty"), 0o755)
			return filepath.Join(tmp, "empty")
		}},
		{"marked", func(t *testing.T, tmp, src string) string {
			mkfile(t, filepath.Join(tmp, "www", Marker), "")
			mkfile(t, filepath.Join(tmp, "www", "stale.html"), "old")
			return filepath.Join(tmp, "www")
		}},
		{"marked, inside the site", func(t *testing.T, tmp, src string) string {
			mkfile(t, filepath.Join(src, "out", Marker), "")
			return filepath.Join(src, "out")
		}},
		{"public/ of an earlier version", func(t *testing.T, tmp, src string) string {
			mkfile(t, filepath.Join(src, "public", "stale.html"), "old")
			mkfile(t, filepath.Join(src, "public", "data", "site.json"), "{}")
			mkfile(t, filepath.Join(src, "public", "js", "echarts.LICENSE"), "Apache")
			mkfile(t, filepath.Join(src, "public", "documents", "cr.pdf"), "%PDF")
			return ""
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp := t.TempDir()
			src := sitetest.Dir(t, small)
			dest := tt.setup(t, tmp, src)
			if _, err := Build(t.Context(), Options{Source: src, Destination: dest}); err != nil {
				t.Fatalf("Build(-destination %q): %v", dest, err)
			}
			if dest == "" {
				dest = filepath.Join(src, "public")
			}
			out := readTree(t, dest)
			if _, ok := out[Marker]; !ok {
				t.Errorf("no %s in the output", Marker)
			}
			if _, ok := out["stale.html"]; ok {
				t.Error("a file of the replaced folder lingers")
			}
			if _, ok := out["actions/epicerie/index.html"]; !ok {
				t.Error("the site was not written")
			}
			// A second build replaces the first: it carries the mark.
			if _, err := Build(t.Context(), Options{Source: src, Destination: dest}); err != nil {
				t.Fatalf("second build: %v", err)
			}
		})
	}
}

// TestDestinationThroughLink: a destination that is a link to a marked
// folder is written where the link leads; the link stays.
func TestDestinationThroughLink(t *testing.T) {
	tmp := t.TempDir()
	src := sitetest.Dir(t, small)
	real := filepath.Join(tmp, "var", "www")
	mkfile(t, filepath.Join(real, Marker), "")
	link := filepath.Join(tmp, "www")
	os.Symlink(real, link)
	if _, err := Build(t.Context(), Options{Source: src, Destination: link}); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	if _, err := os.Stat(filepath.Join(real, "index.html")); err != nil {
		t.Error("the site was not written where the link leads")
	}
}

// TestInterrupted: a cancelled build writes nothing and leaves no
// temporary folder.
func TestInterrupted(t *testing.T) {
	src := sitetest.Dir(t, small)
	dest := filepath.Join(src, "public")
	if _, err := Build(t.Context(), Options{Source: src}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dest)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := Build(ctx, Options{Source: src}); !errors.Is(err, context.Canceled) {
		t.Errorf("Build after cancel = %v; want context.Canceled", err)
	}
	files := render.Files{}
	for i := range 200 {
		files[filepath.ToSlash(filepath.Join("p", strings.Repeat("x", i%7+1), "index.html"))+string(rune('a'+i%26))] = []byte("x")
	}
	if err := Write(ctx, dest, files); !errors.Is(err, context.Canceled) {
		t.Errorf("Write after cancel = %v; want context.Canceled", err)
	}
	if snapshot(t, dest) != before {
		t.Error("an interrupted build changed the output")
	}
	if left := leftovers(t, dest); len(left) > 0 {
		t.Errorf("an interrupted build left %v", left)
	}
}

// TestInterruptedWhileWriting: a build writes its files as it renders
// them; cancelled at any moment, it leaves the output as it was and
// nothing beside it. (The moments vary with the machine; the outcome may
// not.)
func TestInterruptedWhileWriting(t *testing.T) {
	src := writeLargeSite(t, 300)
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Build(t.Context(), Options{Source: src, Destination: dest}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dest)
	for _, after := range []time.Duration{0, time.Millisecond, 5 * time.Millisecond, 20 * time.Millisecond, 50 * time.Millisecond, 100 * time.Millisecond, 200 * time.Millisecond} {
		ctx, cancel := context.WithCancel(t.Context())
		timer := time.AfterFunc(after, cancel)
		_, err := Build(ctx, Options{Source: src, Destination: dest})
		timer.Stop()
		cancel()
		if err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("Build cancelled after %v = %v; want context.Canceled or success", after, err)
		}
		if snapshot(t, dest) != before {
			t.Errorf("a build cancelled after %v changed the output", after)
		}
		if left := leftovers(t, dest); len(left) > 0 {
			t.Errorf("a build cancelled after %v left %v", after, left)
		}
	}
}

// TestLeftoversRemoved: what a killed build left beside the destination
// goes with the next build; other folders stay.
func TestLeftoversRemoved(t *testing.T) {
	src := sitetest.Dir(t, small)
	for _, name := range []string{".public.new-123456", ".public.new-99.old"} {
		mkfile(t, filepath.Join(src, name, "index.html"), "half")
	}
	mkfile(t, filepath.Join(src, ".public.new-mine", "keep.txt"), "not ours")
	if _, err := Build(t.Context(), Options{Source: src}); err != nil {
		t.Fatal(err)
	}
	if left := leftovers(t, filepath.Join(src, "public")); len(left) != 1 || !strings.HasSuffix(left[0], ".public.new-mine") {
		t.Errorf("beside public/ after a build: %v; want only .public.new-mine", left)
	}
}

func leftovers(t *testing.T, dest string) []string {
	t.Helper()
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".new-*"))
	sort.Strings(left)
	return left
}

func TestLeftover(t *testing.T) {
	for _, c := range []struct {
		name, base string
		want       bool
	}{
		{".public.new-123456", "public", true},
		{".public.new-99.old", "public", true},
		{".public.new-99.old", "", true},
		{".site.new-7", "", true},
		{".x.new-1.new-5", "x.new-1", true},
		{".public.new-123456", "site", false},
		{".public.new-mine", "public", false},
		{".public.new-", "", false},
		{".public.new-1.old.old", "", false},
		{"public.new-1", "", false},
		{".new-1", "", false},
		{"public", "", false},
	} {
		if got := leftover(c.name, c.base); got != c.want {
			t.Errorf("leftover(%q, %q) = %v, want %v", c.name, c.base, got, c.want)
		}
	}
}

// TestAside: with Options.Aside, Build gives the previous output, moved
// beside the new one, instead of removing it; RemoveAside removes it, and
// refuses any other folder.
func TestAside(t *testing.T) {
	src := sitetest.Dir(t, small)
	dest := filepath.Join(t.TempDir(), "out")
	var dirs []string
	var pages []int
	opts := Options{Source: src, Destination: dest, Aside: func(dir string, n int) error {
		dirs, pages = append(dirs, dir), append(pages, n)
		return nil
	}}
	first, err := Build(t.Context(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) != 0 {
		t.Fatalf("the first build gave %v aside: there was no previous output", dirs)
	}
	if _, err := Build(t.Context(), opts); err != nil {
		t.Fatal(err)
	}
	if len(dirs) != 1 || pages[0] != first.Pages {
		t.Fatalf("the second build gave %v aside with %v pages; want one folder, %d pages", dirs, pages, first.Pages)
	}
	if left := leftovers(t, dest); len(left) != 1 || left[0] != dirs[0] {
		t.Fatalf("beside the output: %v; want %s", left, dirs[0])
	}
	if _, err := os.Stat(filepath.Join(dirs[0], Marker)); err != nil {
		t.Errorf("the folder given aside is not the previous output: %v", err)
	}
	if err := RemoveAside(dirs[0]); err != nil {
		t.Fatal(err)
	}
	if left := leftovers(t, dest); len(left) != 0 {
		t.Errorf("beside the output after RemoveAside: %v", left)
	}
	if _, err := os.Stat(filepath.Join(dest, "index.html")); err != nil {
		t.Errorf("the output: %v", err)
	}

	// An error of Aside is Build's, once the new output is in place.
	opts.Aside = func(string, int) error { return errors.New("no room") }
	if _, err := Build(t.Context(), opts); err == nil || err.Error() != "no room" {
		t.Errorf("Build with a failing Aside: %v", err)
	}

	for _, dir := range []string{dest, src, filepath.Join(t.TempDir(), ".public.new-mine")} {
		os.MkdirAll(dir, 0o755)
		want := dir + " is not a folder that a build left beside its output: not removed"
		if err := RemoveAside(dir); err == nil || err.Error() != want {
			t.Errorf("RemoveAside(%s) = %v, want %q", dir, err, want)
		}
		if _, err := os.Stat(dir); err != nil {
			t.Errorf("RemoveAside removed %s", dir)
		}
	}
}
