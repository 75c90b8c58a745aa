package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jalons/internal/sitetest"
)

// TestWatchedCache: once a watcher tells the cache every change (jalons
// serve), a file of content/ is read again when Changed names it, and only
// then; a file reached through a symbolic link, whose changes a watcher
// sees under another name, is checked on every build.
func TestWatchedCache(t *testing.T) {
	const action = "+++\ntitle = %q\naxis = \"precarites\"\nstatus = \"done\"\n+++\n"
	tests := []struct {
		name   string
		file   string                         // the file edited, from the site's folder
		page   string                         // the page that shows its title
		setup  func(t *testing.T, dir string) // before the first build
		tell   func(c *Cache)                 // what the watcher says after the edit (of a link: nothing, or another name)
		wantOK bool                           // the next build shows the new title
	}{
		{"an edit not told yet", "content/actions/epicerie.md", "actions/epicerie/index.html", nil,
			func(c *Cache) {}, false},
		{"an edit told", "content/actions/epicerie.md", "actions/epicerie/index.html", nil,
			func(c *Cache) { c.Changed([]string{"content/actions/epicerie.md"}, false) }, true},
		{"another file told", "content/actions/epicerie.md", "actions/epicerie/index.html", nil,
			func(c *Cache) { c.Changed([]string{"content/news/reunion.md"}, false) }, false},
		{"anything may have changed", "content/actions/epicerie.md", "actions/epicerie/index.html", nil,
			func(c *Cache) { c.Changed(nil, true) }, true},
		{"an action that is a link", "fiches/liee.md", "actions/liee/index.html", func(t *testing.T, dir string) {
			mkfile(t, filepath.Join(dir, "fiches", "liee.md"), strings.ReplaceAll(action, "%q", `"Avant"`))
			if err := os.Symlink("../../fiches/liee.md", filepath.Join(dir, "content", "actions", "liee.md")); err != nil {
				t.Skip("no symbolic links here:", err)
			}
		}, func(c *Cache) {}, true},
		{"an action in a linked folder", "fiches/liee.md", "actions/liee/index.html", func(t *testing.T, dir string) {
			mkfile(t, filepath.Join(dir, "fiches", "liee.md"), strings.ReplaceAll(action, "%q", `"Avant"`))
			mkfile(t, filepath.Join(dir, "fiches", "epicerie.md"), strings.ReplaceAll(action, "%q", `"Épicerie"`))
			os.RemoveAll(filepath.Join(dir, "content", "actions"))
			if err := os.Symlink("../fiches", filepath.Join(dir, "content", "actions")); err != nil {
				t.Skip("no symbolic links here:", err)
			}
		}, func(c *Cache) {}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := sitetest.Dir(t, small)
			if tt.setup != nil {
				tt.setup(t, dir)
			}
			cache := &Cache{}
			cache.Watch()
			opts := Options{Source: dir, Cache: cache, NoGit: true}
			if _, err := Render(t.Context(), opts); err != nil {
				t.Fatal(err)
			}
			text := strings.ReplaceAll(action, "%q", `"Titre nouveau"`)
			// The same size and time as before would fool a stamp, not a
			// watcher: the new text is longer, so only trust explains an
			// old page.
			mkfile(t, filepath.Join(dir, tt.file), text)
			tt.tell(cache)
			res, err := Render(t.Context(), opts)
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Contains(string(res.Files[tt.page]), "Titre nouveau")
			if got != tt.wantOK {
				t.Errorf("after the edit, %s shows the new title: %v; want %v", tt.page, got, tt.wantOK)
			}
		})
	}
}

// TestWatchedCacheKeepsChecks: in a watched cache, what reading a file
// gave once checked is kept with it. Its problems come back on the next
// build though the file is not read again; a news item's image and a
// meeting's report, which live in other files, are looked for on every
// build.
func TestWatchedCacheKeepsChecks(t *testing.T) {
	const dates = "+++\ntitle = \"Dates\"\naxis = \"precarites\"\nstatus = \"done\"\nstart = 2024-05-01\nend = 2024-01-01\n+++\n"
	const report = "+++\n[[bodies]]\nid = \"copil\"\nname = \"Comité de pilotage\"\n\n[[meetings]]\ndate = 2024-01-01\nbody = \"copil\"\n" +
		"title = \"Bilan\"\n\n\nreport = \"images/photo.jpg\"\n+++\n"
	const photo = "+++\ntitle = \"Photo\"\ndate = 2024-01-01\nimage = \"images/photo.jpg\"\nimageAlt = \"Une photo\"\n+++\nTexte.\n"
	tests := []struct {
		name  string
		file  string // written before the first build
		text  string
		edit  string // then removed, and told, before the second build
		first string // in the first build's problems ("" for none)
		want  string // in the second's
	}{
		{"a problem in a file not read again", "content/actions/dates.md", dates, "content/news/reunion.md",
			"content/actions/dates.md:6:1: end 2024-01-01 is before start 2024-05-01 (end must be on or after start)",
			"content/actions/dates.md:6:1: end 2024-01-01 is before start 2024-05-01 (end must be on or after start)"},
		{"a news item's image removed", "content/news/photo.md", photo, "static/images/photo.jpg", "",
			`content/news/photo.md:4:1: image "images/photo.jpg": no such file under static/ (put the file in static/images/photo.jpg)`},
		{"a meeting's report removed", "content/governance.md", report, "static/images/photo.jpg", "",
			`content/governance.md:12:1: report "images/photo.jpg": no such file under static/ (put the file in static/images/photo.jpg)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := sitetest.Dir(t, small)
			mkfile(t, filepath.Join(dir, tt.file), tt.text)
			mkfile(t, filepath.Join(dir, "static", "images", "photo.jpg"), "jpeg")
			cache := &Cache{}
			cache.Watch()
			opts := Options{Source: dir, Cache: cache, NoGit: true}
			problems := func() string {
				_, err := Render(t.Context(), opts)
				if err == nil {
					return ""
				}
				return err.Error()
			}
			if got := problems(); !strings.Contains(got, tt.first) || tt.first == "" && got != "" {
				t.Fatalf("first build: %q; want %q", got, tt.first)
			}
			if err := os.Remove(filepath.Join(dir, tt.edit)); err != nil {
				t.Fatal(err)
			}
			cache.Changed([]string{tt.edit}, false)
			if got := problems(); !strings.Contains(got, tt.want) {
				t.Errorf("second build: %q; want %q", got, tt.want)
			}
		})
	}
}

// TestWatchedImageAdded: a news item that gains an image while serve runs
// has it checked at every rebuild after, as one that had it from the
// start.
func TestWatchedImageAdded(t *testing.T) {
	const plain = "+++\ntitle = \"Photo\"\ndate = 2024-01-01\n+++\nTexte.\n"
	const photo = "+++\ntitle = \"Photo\"\ndate = 2024-01-01\nimage = \"images/photo.jpg\"\nimageAlt = \"Une photo\"\n+++\nTexte.\n"
	dir := sitetest.Dir(t, small)
	mkfile(t, filepath.Join(dir, "content/news/photo.md"), plain)
	mkfile(t, filepath.Join(dir, "static/images/photo.jpg"), "jpeg")
	cache := &Cache{}
	cache.Watch()
	for _, step := range []struct {
		do   func()
		told string
		want string // the problems of the build after it
	}{
		{func() {}, "", ""},
		{func() { mkfile(t, filepath.Join(dir, "content/news/photo.md"), photo) }, "content/news/photo.md", ""},
		{func() { os.Remove(filepath.Join(dir, "static/images/photo.jpg")) }, "static/images/photo.jpg",
			`content/news/photo.md:4:1: image "images/photo.jpg": no such file under static/ (put the file in static/images/photo.jpg)`},
	} {
		step.do()
		if step.told != "" {
			cache.Changed([]string{step.told}, false)
		}
		got := ""
		if _, err := Render(t.Context(), Options{Source: dir, Cache: cache, NoGit: true}); err != nil {
			got = err.Error()
		}
		if got != step.want {
			t.Errorf("after %s told: problems %q; want %q", step.told, got, step.want)
		}
	}
}

// TestWatchedWalk: in a watched cache, content/ is walked again when a
// path told changed was added or removed, and only then.
func TestWatchedWalk(t *testing.T) {
	const other = "+++\ntitle = \"Autre action\"\naxis = \"precarites\"\nstatus = \"done\"\n+++\n"
	tests := []struct {
		name    string
		do      func(t *testing.T, dir string)
		told    []string
		page    string // a page of the second build
		want    bool   // whether it is made
		problem string // in the second build's problems
	}{
		{"an action added and told", func(t *testing.T, dir string) {
			mkfile(t, filepath.Join(dir, "content/actions/autre.md"), other)
		}, []string{"content/actions/autre.md"}, "actions/autre/index.html", true, ""},
		{"an action added, not told", func(t *testing.T, dir string) {
			mkfile(t, filepath.Join(dir, "content/actions/autre.md"), other)
		}, []string{"content/actions/epicerie.md"}, "actions/autre/index.html", false, ""},
		{"a news item removed and told", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "content/news/reunion.md"))
		}, []string{"content/news/reunion.md"}, "actualites/reunion/index.html", false, ""},
		{"a news item edited and told", func(t *testing.T, dir string) {
			mkfile(t, filepath.Join(dir, "content/news/reunion.md"), "+++\ntitle = \"Réunion\"\ndate = 2017-04-29\n+++\nAutre texte.\n")
		}, []string{"content/news/reunion.md"}, "actualites/reunion/index.html", true, ""},
		{"a folder added and told", func(t *testing.T, dir string) {
			os.Mkdir(filepath.Join(dir, "content/fiches"), 0o755)
		}, []string{"content/fiches"}, "index.html", false,
			"content/fiches:1:1: unexpected folder: content/ holds the folders axes, actions, indicators, news and pages"},
		{"a file replaced by a folder", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "content/news/reunion.md"))
			os.Mkdir(filepath.Join(dir, "content/news/reunion.md"), 0o755)
		}, []string{"content/news/reunion.md"}, "", false,
			"content/news/reunion.md:1:1: unexpected folder: content/ holds the folders axes, actions, indicators, news and pages"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := sitetest.Dir(t, small)
			cache := &Cache{}
			cache.Watch()
			opts := Options{Source: dir, Cache: cache, NoGit: true}
			if _, err := Render(t.Context(), opts); err != nil {
				t.Fatal(err)
			}
			tt.do(t, dir)
			cache.Changed(tt.told, false)
			res, err := Render(t.Context(), opts)
			if tt.problem != "" {
				if err == nil || !strings.Contains(err.Error(), tt.problem) {
					t.Fatalf("second build: %v; want %q", err, tt.problem)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if _, got := res.Files[tt.page]; got != tt.want {
				t.Errorf("after the change, %s made: %v; want %v", tt.page, got, tt.want)
			}
		})
	}
}
