package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jalons/internal/sitetest"
)

// TestLinksOutOfTheSite: no symbolic link under the site is followed out
// of it, whatever it stands for; each one skipped is said; links that stay
// inside the site are read.
func TestLinksOutOfTheSite(t *testing.T) {
	const skip = "skipped: a symbolic link that leads out of the site's folder, to nothing, or by an absolute path (copy the file into the site, or make the link relative)"
	tests := []struct {
		name  string
		setup func(t *testing.T, src, outside string)
		notes []string // the notes of the build, path first
		has   []string // output files that must be there
	}{
		{"static/ is a link out", func(t *testing.T, src, outside string) {
			os.Symlink(outside, filepath.Join(src, "static"))
		}, []string{"static:1:1: " + skip}, nil},
		{"a file of static/ is a link out", func(t *testing.T, src, outside string) {
			mkfile(t, filepath.Join(src, "static", "images", "logo.svg"), "<svg/>")
			os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(src, "static", "secret.txt"))
		}, []string{"static/secret.txt:1:1: " + skip}, []string{"images/logo.svg"}},
		{"a folder of static/ is a link out", func(t *testing.T, src, outside string) {
			os.MkdirAll(filepath.Join(src, "static"), 0o755)
			os.Symlink(outside, filepath.Join(src, "static", "docs"))
		}, []string{"static/docs:1:1: " + skip}, nil},
		{"an action is a link out", func(t *testing.T, src, outside string) {
			mkfile(t, filepath.Join(outside, "fiche.md"), "+++\ntitle = \"Secret\"\naxis = \"precarites\"\nstatus = \"done\"\n+++\nsecret.txt\n")
			os.Symlink(filepath.Join(outside, "fiche.md"), filepath.Join(src, "content", "actions", "fiche.md"))
		}, []string{"content/actions/fiche.md:1:1: " + skip}, nil},
		{"content/news is a link out", func(t *testing.T, src, outside string) {
			os.RemoveAll(filepath.Join(src, "content", "news"))
			os.Symlink(outside, filepath.Join(src, "content", "news"))
		}, []string{"content/news:1:1: " + skip}, nil},
		{"an absolute link, even into the site", func(t *testing.T, src, outside string) {
			mkfile(t, filepath.Join(src, "documents", "cr.pdf"), "%PDF")
			os.MkdirAll(filepath.Join(src, "static"), 0o755)
			os.Symlink(filepath.Join(src, "documents", "cr.pdf"), filepath.Join(src, "static", "cr.pdf"))
		}, []string{"static/cr.pdf:1:1: " + skip}, nil},
		{"a chain of links to folders", func(t *testing.T, src, outside string) {
			mkfile(t, filepath.Join(src, "documents", "cr.pdf"), "%PDF")
			mkfile(t, filepath.Join(src, "archives", "2017.pdf"), "%PDF")
			os.Symlink("../archives", filepath.Join(src, "documents", "archives"))
			os.MkdirAll(filepath.Join(src, "static"), 0o755)
			os.Symlink("../documents", filepath.Join(src, "static", "docs"))
		}, []string{"static/docs/archives:1:1: skipped: a symbolic link to a folder inside a linked folder (Jalons follows one link to a folder, not a chain of them)"},
			[]string{"docs/cr.pdf"}},
		{"a dangling link", func(t *testing.T, src, outside string) {
			os.MkdirAll(filepath.Join(src, "static"), 0o755)
			os.Symlink("nowhere.png", filepath.Join(src, "static", "x.png"))
		}, []string{"static/x.png:1:1: " + skip}, nil},
		{"links that stay inside", func(t *testing.T, src, outside string) {
			mkfile(t, filepath.Join(src, "documents", "cr.pdf"), "%PDF")
			mkfile(t, filepath.Join(src, "static", "images", "logo.svg"), "<svg/>")
			os.Symlink("../documents/cr.pdf", filepath.Join(src, "static", "cr.pdf"))
			os.Symlink("../documents", filepath.Join(src, "static", "docs"))
			os.Symlink("images", filepath.Join(src, "static", "img"))
		}, nil, []string{"cr.pdf", "docs/cr.pdf", "img/logo.svg", "images/logo.svg"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, outside := sitetest.Dir(t, small), t.TempDir()
			mkfile(t, filepath.Join(outside, "secret.txt"), "the secret")
			tt.setup(t, src, outside)
			res, err := Render(t.Context(), Options{Source: src})
			if err != nil {
				t.Fatalf("Render: %v", err)
			}
			var notes []string
			for _, n := range res.Site.Notes {
				notes = append(notes, n.Error())
			}
			if strings.Join(notes, "\n") != strings.Join(tt.notes, "\n") {
				t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(notes, "\n"), strings.Join(tt.notes, "\n"))
			}
			for p, b := range res.Files {
				if strings.Contains(string(b), "the secret") || strings.Contains(p, "secret") {
					t.Errorf("%s publishes a file from outside the site", p)
				}
			}
			for _, p := range tt.has {
				if _, ok := res.Files[p]; !ok {
					t.Errorf("%s is not published", p)
				}
			}
		})
	}
}
