package gitlog

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"jalons/internal/sitetest"
)

// repo makes a git repository whose site is in its folder site/, with
// three commits on fixed days, and returns the site's folder.
func repo(t *testing.T) string {
	t.Helper()
	top := t.TempDir()
	sitetest.NoGitAbove(t, top)
	sitetest.Git(t, top, "", "init", "-q")
	sitetest.Commit(t, top, "2020-01-02", "First version\n\nWith a body.", `
-- site/content/actions/a.md --
a1
-- site/content/actions/b.md --
b1
-- README.md --
outside the site
`)
	sitetest.Commit(t, top, "2021-03-04", "Second: a changes, b is renamed c", `
-- site/content/actions/a.md --
a2
-- site/content/actions/b.md --
-- site/content/actions/c.md --
b1
`)
	sitetest.Commit(t, top, "2022-05-06", "Only outside the site", `
-- README.md --
changed
`)
	return filepath.Join(top, "site")
}

func TestLog(t *testing.T) {
	r := Open(repo(t))
	if r == nil {
		t.Fatal("Open = nil; want the repository")
	}
	log, err := r.Log(".")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for file, commits := range log {
		var s []string
		for _, c := range commits {
			s = append(s, c.Date.String()+" "+c.Subject)
		}
		got[file] = strings.Join(s, " | ")
	}
	want := map[string]string{
		"content/actions/a.md": "2021-03-04 Second: a changes, b is renamed c | 2020-01-02 First version",
		"content/actions/b.md": "2021-03-04 Second: a changes, b is renamed c | 2020-01-02 First version",
		"content/actions/c.md": "2021-03-04 Second: a changes, b is renamed c",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Log() = %v; want %v", got, want)
	}
}

func TestStatus(t *testing.T) {
	dir := repo(t)
	r := Open(dir)
	st, err := r.Status(".")
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Head) != 40 || len(st.Uncommitted) != 0 {
		t.Errorf("Status() of a clean tree = %+v; want a head and no file", st)
	}
	sitetest.WriteFiles(t, dir, `
-- content/actions/a.md --
a3
-- content/actions/new.md --
new
-- content/news/staged.md --
staged
`)
	sitetest.Git(t, dir, "", "add", "content/news/staged.md")
	sitetest.Git(t, dir, "", "mv", "content/actions/c.md", "content/actions/d.md")
	os.WriteFile(filepath.Join(dir, "..", "README.md"), []byte("outside"), 0o644)
	st, err = r.Status(".")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"content/actions/a.md": true, "content/actions/new.md": true, "content/news/staged.md": true,
		"content/actions/d.md": true}
	if !reflect.DeepEqual(st.Uncommitted, want) {
		t.Errorf("Status().Uncommitted = %v; want %v", st.Uncommitted, want)
	}
}

// TestStatusOfFiles: over some files, status says of those files alone.
func TestStatusOfFiles(t *testing.T) {
	dir := repo(t)
	r := Open(dir)
	sitetest.WriteFiles(t, dir, "-- content/actions/a.md --\na3\n-- content/actions/b.md --\nb3\n-- content/actions/[x].md --\nx\n")
	st, err := r.Status("content", "content/actions/a.md", "content/actions/[x].md", "content/actions/c.md")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"content/actions/a.md": true, "content/actions/[x].md": true}
	if len(st.Head) != 40 || !reflect.DeepEqual(st.Uncommitted, want) {
		t.Errorf("Status(a, [x], c) = %+v; want a head and %v", st, want)
	}
}

// TestStamp: the stamp changes with what git status reads beside the work
// tree (the index, HEAD and its branch), not with the work tree.
func TestStamp(t *testing.T) {
	dir := repo(t)
	r := Open(dir)
	steps := []struct {
		name    string
		do      func()
		changes bool
	}{
		{"nothing", func() {}, false},
		{"a file saved", func() { sitetest.WriteFiles(t, dir, "-- content/actions/a.md --\na3\n") }, false},
		{"a file added to the index", func() { sitetest.Git(t, dir, "", "add", "content/actions/a.md") }, true},
		{"a commit", func() { sitetest.Git(t, dir, "2022-01-01", "commit", "-q", "-m", "Third") }, true},
		{"another branch", func() { sitetest.Git(t, dir, "", "checkout", "-q", "-b", "other") }, true},
		{"an empty commit on it", func() { sitetest.Git(t, dir, "2022-01-02", "commit", "-q", "--allow-empty", "-m", "Fourth") }, true},
		{"a new file, not added", func() { sitetest.WriteFiles(t, dir, "-- content/news/n.md --\nn\n") }, false},
	}
	last := r.Stamp()
	for _, s := range steps {
		s.do()
		now := r.Stamp()
		if changed := now != last; changed != s.changes {
			t.Errorf("after %s: stamp changed = %v; want %v\n%s", s.name, changed, s.changes, now)
		}
		last = now
	}
}

func TestRead(t *testing.T) {
	dir := repo(t)
	r := Open(dir)
	log, _ := r.Log(".")
	a, b := log["content/actions/a.md"], log["content/actions/b.md"]
	if b[0].Blob != "" || b[1].Blob == "" {
		t.Fatalf("blobs of b.md = %q, %q; want none after it was renamed, one before", b[0].Blob, b[1].Blob)
	}
	blobs := []string{a[0].Blob, a[1].Blob, strings.Repeat("0", 40), b[1].Blob}
	got := map[int]string{}
	if err := r.Read(blobs, 1<<20, func(i int, text []byte) { got[i] = string(text) }); err != nil {
		t.Fatal(err)
	}
	want := map[int]string{0: "a2\n", 1: "a1\n", 3: "b1\n"} // no such blob as 000…
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Read() = %v; want %v", got, want)
	}
	got = map[int]string{}
	r.Read(blobs, 2, func(i int, text []byte) { got[i] = string(text) })
	if len(got) != 0 {
		t.Errorf("Read() with a limit of 2 bytes = %v; want nothing", got)
	}
}

func TestOpenWithoutGit(t *testing.T) {
	dir := t.TempDir()
	sitetest.NoGitAbove(t, dir)
	if r := Open(dir); r != nil {
		t.Errorf("Open(folder outside git) = %+v; want nil", r)
	}
	inside := repo(t)
	t.Setenv("PATH", t.TempDir())
	if r := Open(inside); r != nil {
		t.Errorf("Open() without git on PATH = %+v; want nil", r)
	}
}

// TestEmptyRepository: before the first commit, every file is new.
func TestEmptyRepository(t *testing.T) {
	dir := t.TempDir()
	sitetest.NoGitAbove(t, dir)
	sitetest.Git(t, dir, "", "init", "-q")
	sitetest.WriteFiles(t, dir, "-- config.toml --\ntitle = \"x\"\n")
	r := Open(dir)
	st, err := r.Status(".")
	if err != nil || st.Head != "" || !st.Uncommitted["config.toml"] {
		t.Errorf("Status() = %+v, %v; want no head and config.toml uncommitted", st, err)
	}
}
