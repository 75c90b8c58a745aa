package site

import (
	"testing"
	"testing/fstest"

	"jalons/internal/config"
	"jalons/internal/content"
)

// kindPaths are where FuzzLoad puts its file, by kind.
var kindPaths = []string{
	"content/axes/a.md", "content/actions/a.md", "content/indicators/a.toml",
	"content/news/a.md", "content/pages/a.md", "content/governance.md", "content/_index.md",
}

// FuzzLoad reads and links a site of one file of any kind and any
// content: no panic, and every problem names the file.
func FuzzLoad(f *testing.F) {
	f.Add(uint8(0), []byte("+++\ntitle = \"A\"\n+++\nTexte.\n"))
	f.Fuzz(func(t *testing.T, kind uint8, data []byte) {
		path := kindPaths[int(kind)%len(kindPaths)]
		fsys := fstest.MapFS{
			"config.toml": {Data: []byte("title = \"Projet\"\n")},
			path:          {Data: data},
		}
		cfg, errs := config.Load(fsys)
		if errs != nil {
			t.Fatal(errs)
		}
		items, errs := content.Load(fsys, cfg, true)
		s, lerrs := Link(items, testToday)
		errs.Append(lerrs)
		for _, e := range errs {
			if e.Pos.File != path {
				t.Fatalf("Load(%s: %q): problem elsewhere: %v", path, data, e)
			}
		}
		if s == nil && len(errs) == 0 {
			t.Fatalf("Load(%s: %q): no site and no problem", path, data)
		}
	})
}
