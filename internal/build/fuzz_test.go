package build

import (
	"os"
	"path/filepath"
	"testing"
)

// fuzzPaths are where FuzzRender puts its file, by kind.
var fuzzPaths = []string{
	"content/axes/a.md", "content/actions/a.md", "content/indicators/a.toml",
	"content/news/a.md", "content/pages/a.md", "content/governance.md", "content/_index.md",
}

// FuzzRender builds, in memory, a site of one axis and one file of any
// kind and content: no panic, and either a site or problems.
func FuzzRender(f *testing.F) {
	f.Add(uint8(3), []byte("+++\ntitle = \"N\"\ndate = 2020-01-01\n+++\nTexte.\n"))
	f.Fuzz(func(t *testing.T, kind uint8, data []byte) {
		dir := t.TempDir()
		files := map[string][]byte{
			"config.toml":       []byte("title = \"Projet\"\n"),
			"content/axes/b.md": []byte("+++\ntitle = \"B\"\n+++\n"),
		}
		files[fuzzPaths[int(kind)%len(fuzzPaths)]] = data
		for name, b := range files {
			p := filepath.Join(dir, name)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		res, err := Render(t.Context(), Options{Source: dir})
		if err == nil && (res == nil || res.Pages == 0) {
			t.Fatalf("Render: no error and no page")
		}
	})
}
