package build

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSiteFSOpen shows that the site's files, opened with openFile, read
// and fail as os.DirFS's do: errors name the file as the site names it.
func TestSiteFSOpen(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content", "actions"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "actions", "épicerie.md"), []byte("+++\ntitle = \"É\"\n+++\n"), 0o644)
	s, root, err := openSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	tests := []struct {
		name string
		text string // what the file holds, for a file that opens
		err  error  // else what the error is
	}{
		{"content/actions/épicerie.md", "+++\ntitle = \"É\"\n+++\n", nil},
		{"content/actions/absent.md", "", fs.ErrNotExist},
		{"content/../config.toml", "", fs.ErrInvalid},
		{"/etc/passwd", "", fs.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := s.Open(tt.name)
			if tt.err != nil {
				var pe *fs.PathError
				if !errors.Is(err, tt.err) || !errors.As(err, &pe) || pe.Op != "open" || pe.Path != tt.name {
					t.Fatalf("Open(%q) = %v; want open %s: %v", tt.name, err, tt.name, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Open(%q) = %v", tt.name, err)
			}
			defer f.Close()
			b, err := io.ReadAll(f)
			if err != nil || string(b) != tt.text {
				t.Fatalf("Open(%q) reads %q, %v; want %q", tt.name, b, err, tt.text)
			}
			if st, err := f.Stat(); err != nil || st.Size() != int64(len(tt.text)) {
				t.Fatalf("Open(%q).Stat() = %v, %v; want size %d", tt.name, st, err, len(tt.text))
			}
		})
	}
	// A folder opens too, and lists its files.
	entries, err := fs.ReadDir(struct{ fs.FS }{s}, "content/actions")
	if err != nil || len(entries) != 1 || entries[0].Name() != "épicerie.md" {
		t.Fatalf("ReadDir(content/actions) = %v, %v; want [épicerie.md]", entries, err)
	}
}

// TestWriteFile shows that writeFile writes, replaces a longer file
// whole, and names the file it cannot write.
func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "index.html")
	for _, text := range []string{"<p>une page plus longue</p>\n", "<p>courte</p>\n"} {
		if err := writeFile(name, []byte(text)); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(name); string(b) != text {
			t.Fatalf("after writeFile(%q), the file holds %q", text, b)
		}
	}
	ref := filepath.Join(dir, "ref.html") // the mode os.WriteFile gives
	os.WriteFile(ref, nil, 0o644)
	if st, rst := stat(name), stat(ref); st != rst {
		t.Errorf("writeFile made a file of mode %v; want %v, as os.WriteFile", st, rst)
	}
	missing := filepath.Join(dir, "absent", "index.html")
	err := writeFile(missing, []byte("x"))
	var pe *fs.PathError
	if !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &pe) || pe.Path != missing {
		t.Fatalf("writeFile(%q) = %v; want open %s: no such file or directory", missing, err, missing)
	}
}

func stat(name string) fs.FileMode {
	st, err := os.Stat(name)
	if err != nil {
		return 0
	}
	return st.Mode()
}

// TestRemoveAll removes an old output: files at every depth, folders in
// folders, and links, which are removed, never followed.
func TestRemoveAll(t *testing.T) {
	dir := t.TempDir()
	kept := filepath.Join(dir, "kept")
	os.MkdirAll(filepath.Join(kept, "sub"), 0o755)
	os.WriteFile(filepath.Join(kept, "sub", "page.html"), []byte("x"), 0o644)
	old := filepath.Join(dir, "old")
	for _, f := range []string{"index.html", "actions/a/index.html", "actions/b/index.html", "data/search/fr/1.json", "css/jalons.css", "empty/"} {
		p := filepath.Join(old, filepath.FromSlash(f))
		if strings.HasSuffix(f, "/") {
			os.MkdirAll(p, 0o755)
			continue
		}
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(f), 0o644)
	}
	for _, l := range []string{"lien", "actions/lien", "actions/a/lien"} {
		if err := os.Symlink(kept, filepath.Join(old, filepath.FromSlash(l))); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	if err := removeAll(old); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(old); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("after removeAll, Lstat(old) = %v; want not there", err)
	}
	if b, err := os.ReadFile(filepath.Join(kept, "sub", "page.html")); err != nil || string(b) != "x" {
		t.Errorf("a link's target was touched: %q, %v", b, err)
	}
	if err := removeAll(old); err != nil {
		t.Errorf("removeAll of nothing = %v; want nil", err)
	}
}
