package build

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jalons/internal/render"
	"jalons/internal/sitetest"
)

// wideTheme is a site theme whose action pages list every news item, and
// whose axis pages reach through the links of the items they show.
const wideTheme = `
-- themes/large/layouts/action.html --
{{define "main"}}<h1>{{.Action.Title}}</h1>
<ul>{{range .Site.News}}<li>{{.Title}}</li>{{end}}</ul>
<p>{{.Action.Axis.Title}}: {{range .Action.Axis.Actions}}{{.Title}} {{end}}</p>{{end}}
-- themes/large/layouts/axis.html --
{{define "main"}}<h1>{{.Axis.Title}}</h1>
{{range .Axis.Actions}}<p>{{.Title}}: {{range .Indicators}}{{.Title}} {{end}}{{with .Axis}}{{.Title}}{{end}}</p>{{end}}{{end}}
`

// TestCacheIsCorrect edits a site the ways a writer does and checks, after
// each edit, that a build with the cache of the earlier builds gives the
// same bytes as a build from scratch: with the default theme, and with a
// theme that reads site-wide data.
func TestCacheIsCorrect(t *testing.T) {
	t.Run("default theme", func(t *testing.T) { cacheIsCorrect(t, "", "", false, false) })
	t.Run("theme reading the whole site", func(t *testing.T) { cacheIsCorrect(t, wideTheme, "theme = \"large\"\n", false, false) })
	t.Run("pages kept gzipped", func(t *testing.T) { cacheIsCorrect(t, "", "", true, false) })
	// As serve: each edit told, and only the files told read again.
	t.Run("watched", func(t *testing.T) { cacheIsCorrect(t, "", "", true, true) })
	t.Run("watched, theme reading the whole site", func(t *testing.T) { cacheIsCorrect(t, wideTheme, "theme = \"large\"\n", true, true) })
}

func cacheIsCorrect(t *testing.T, theme, themeKey string, gzipped, watched bool) {
	dir := sitetest.Dir(t, small+theme+`
-- content/actions/autre.md --
+++
title = "Autre action"
axis = "precarites"
status = "planned"
+++
-- content/governance.md --
+++
[[structures]]
id = "ccas"
name = "CCAS"
+++
-- content/pages/mentions.md --
+++
title = "Mentions légales"
+++
`)
	if themeKey != "" {
		os.WriteFile(filepath.Join(dir, "config.toml"), []byte("title = \"Projet social\"\nbaseURL = \"https://www.example.fr/projet-social/\"\n"+themeKey), 0o644)
	}
	var told []string // the files each edit touched
	write := func(name, text string) func() {
		return func() {
			os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
			told = append(told, name)
		}
	}
	edits := []struct {
		name string
		do   func()
	}{
		{"nothing", func() {}},
		{"news retitled", write("content/news/reunion.md", "+++\ntitle = \"Réunion publique\"\ndate = 2017-04-29\n+++\nTexte.\n")},
		{"action text", write("content/actions/autre.md", "+++\ntitle = \"Autre action\"\naxis = \"precarites\"\nstatus = \"planned\"\n+++\nNouveau texte.\n")},
		{"action status", write("content/actions/autre.md", "+++\ntitle = \"Autre action\"\naxis = \"precarites\"\nstatus = \"done\"\n+++\nNouveau texte.\n")},
		{"action names territories", write("content/actions/autre.md", "+++\ntitle = \"Autre action\"\naxis = \"precarites\"\nstatus = \"done\"\nterritories = [\"Murat\", \"Saint-Flour\"]\naudience = [\"jeunes\"]\n+++\nNouveau texte.\n")},
		{"another name of a territory, first in order", write("content/actions/epicerie.md", "+++\ntitle = \"Épicerie sociale\"\naxis = \"precarites\"\nstatus = \"in_progress\"\nterritories = [\"murat\"]\n+++\n")},
		{"a territory's action changes status", write("content/actions/epicerie.md", "+++\ntitle = \"Épicerie sociale\"\naxis = \"precarites\"\nstatus = \"done\"\nterritories = [\"murat\"]\n+++\n")},
		{"a territory goes", write("content/actions/autre.md", "+++\ntitle = \"Autre action\"\naxis = \"precarites\"\nstatus = \"done\"\nterritories = [\"Murat\"]\n+++\nNouveau texte.\n")},
		{"indicator value", write("content/indicators/familles.toml", "title = \"Familles aidées\"\naction = \"epicerie\"\nunit = \"familles\"\ntarget = 200\n[[values]]\ndate = 2012-12-31\nvalue = 100\n")},
		{"axis title", write("content/axes/precarites.md", "+++\ntitle = \"Lutter contre les précarités\"\n+++\n")},
		{"action lead becomes a structure", write("content/actions/epicerie.md", "+++\ntitle = \"Épicerie sociale\"\naxis = \"precarites\"\nstatus = \"done\"\nlead = \"ccas\"\n+++\n")},
		{"action retitled (list of indicators)", write("content/actions/epicerie.md", "+++\ntitle = \"Épicerie solidaire\"\naxis = \"precarites\"\nstatus = \"done\"\nlead = \"ccas\"\n+++\n")},
		{"structure renamed", write("content/governance.md", "+++\n[[structures]]\nid = \"ccas\"\nname = \"CCAS de Saint-Flour\"\n+++\n")},
		{"news links an action", write("content/news/reunion.md", "+++\ntitle = \"Réunion\"\ndate = 2017-04-29\nactions = [\"autre\"]\n+++\n")},
		{"page retitled (footer of every page)", write("content/pages/mentions.md", "+++\ntitle = \"Mentions\"\n+++\n")},
		{"config", write("config.toml", "title = \"Projet social de territoire\"\nbaseURL = \"https://www.example.fr/projet-social/\"\n"+themeKey)},
		{"news item added", write("content/news/bilan.md", "+++\ntitle = \"Bilan\"\ndate = 2018-01-10\naxes = [\"precarites\"]\n+++\n")},
		{"indicator removed", func() {
			os.Remove(filepath.Join(dir, "content/indicators/familles.toml"))
			told = append(told, "content/indicators/familles.toml")
		}},
		{"milestone added", write("content/actions/autre.md", "+++\ntitle = \"Autre action\"\naxis = \"precarites\"\nstatus = \"done\"\n[[milestones]]\ndate = 2030-01-01\ntitle = \"Ouverture\"\n+++\n")},
		{"milestone's action retitled", write("content/actions/autre.md", "+++\ntitle = \"Une autre action\"\naxis = \"precarites\"\nstatus = \"done\"\n[[milestones]]\ndate = 2030-01-01\ntitle = \"Ouverture\"\n+++\n")},
		{"milestone reached", write("content/actions/autre.md", "+++\ntitle = \"Une autre action\"\naxis = \"precarites\"\nstatus = \"done\"\n[[milestones]]\ndate = 2030-01-01\ntitle = \"Ouverture\"\ndone = true\n+++\n")},
		{"nothing again", func() {}}, // for the pages of the next edit to be made
		// (the default theme's site does not use themes/large/)
		{"a layout of the theme", write("themes/large/layouts/action.html", `{{define "main"}}<h1>Fiche : {{.Action.Title}}</h1>{{end}}`)},
		{"the layout as it was", write("themes/large/layouts/action.html", strings.Split(wideTheme, "-- ")[1][len("themes/large/layouts/action.html --\n"):])},
	}
	cache := &Cache{}
	cache.Render.Gzip = gzipped
	if watched {
		cache.Watch()
	}
	for i, e := range edits {
		told = nil
		e.do()
		if watched {
			cache.Changed(told, false)
		}
		// As jalons serve builds: the open data files and the search
		// index are made when asked for, here after every other edit.
		// Watched, as serve does, the items' pages are found, not listed.
		later := map[string]func() ([]byte, error){}
		opts := Options{Source: dir, Cache: cache, Later: func(p string, make func() ([]byte, error)) { later[p] = make }}
		items, found := 0, 0
		var find func(string) (func() ([]byte, error), bool)
		if watched {
			opts.Items = func(n int, f func(string) (func() ([]byte, error), bool)) { items, find = n, f }
		}
		cached, err := Render(t.Context(), opts)
		if err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		fresh, err := Render(t.Context(), Options{Source: dir})
		if err != nil {
			t.Fatal(err)
		}
		for p := range fresh.Files {
			if _, listed := later[p]; find == nil || listed {
				continue
			}
			if make, ok := find(p); ok {
				later[p] = make
				found++
			}
		}
		if watched && (found != items || items == 0) {
			t.Errorf("after %s: %d pages of items found; Items said %d", e.name, found, items)
		}
		// the pages but 404.html, the open data files, the search index
		// and its parts, the sitemap
		if want := fresh.Pages - 1 + 6 + 1 + 36 + 1; len(later) != want {
			t.Errorf("after %s: %d files left to make when asked for; want %d", e.name, len(later), want)
		}
		if cached.Pages != fresh.Pages {
			t.Errorf("after %s: %d pages with the cache, %d without", e.name, cached.Pages, fresh.Pages)
		}
		for p, make := range later {
			if i%2 == 1 {
				delete(fresh.Files, p) // not asked for
				continue
			}
			if cached.Files[p], err = make(); err != nil {
				t.Fatalf("after %s: %s: %v", e.name, p, err)
			}
		}
		if len(cached.Files) != len(fresh.Files) {
			t.Errorf("after %s: %d files with the cache, %d without", e.name, len(cached.Files), len(fresh.Files))
		}
		for p, b := range fresh.Files {
			got, err := render.Plain(p, cached.Files[p])
			if err != nil {
				t.Fatalf("after %s: %s: %v", e.name, p, err)
			}
			if !bytes.Equal(got, b) {
				t.Errorf("after %s: %s differs with the cache", e.name, p)
			}
			if gzipped && strings.HasSuffix(p, ".html") && bytes.Equal(cached.Files[p], b) {
				t.Errorf("after %s: %s is not kept gzipped", e.name, p)
			}
		}
	}
	if themeKey == "" && !strings.Contains(string(mustRender(t, dir).Files["actions/epicerie/index.html"]), "CCAS de Saint-Flour") {
		t.Error("the edits did not reach the pages")
	}
	if themeKey != "" && !strings.Contains(string(mustRender(t, dir).Files["actions/epicerie/index.html"]), "<li>Bilan</li>") {
		t.Error("the theme's list of news did not reach the action pages")
	}
}

func mustRender(t *testing.T, dir string) *Result {
	t.Helper()
	res, err := Render(t.Context(), Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestCacheRendersLittle edits one action of a site and checks that only
// the pages that show it are rendered again.
func TestCacheRendersLittle(t *testing.T) {
	dir := writeLargeSite(t, 50)
	cache := &Cache{}
	if _, err := Render(t.Context(), Options{Source: dir, Cache: cache}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "content/actions/action-5.md")
	b, _ := os.ReadFile(file)
	os.WriteFile(file, append(b, "Modifié."...), 0o644)
	res, err := Render(t.Context(), Options{Source: dir, Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	// Made again: the action's page, the five open data files that show
	// the whole site, and the search index with its 36 parts; not its axis, its indicator, the home page, the list
	// of actions or its territories' pages, which show its title, status
	// and progress, not its text.
	if got := cache.Render.Rendered(); got != 1+5+37 {
		t.Errorf("after editing one action's text, %d pages were rendered again (of %d); want 43", got, res.Pages)
	}
}

// TestCachedPartial: a partial given a card (an action of an axis's list)
// is made once for every page that shows the card; given anything else
// (an action page's own view, made for that page) it is made each time,
// so that no page shows another's.
func TestCachedPartial(t *testing.T) {
	res := renderSite(t, small+`
-- content/actions/jardins.md --
+++
title = "Jardins partagés"
axis = "precarites"
status = "done"
+++
-- config.toml --
title = "Projet social"
baseURL = "https://www.example.fr/projet-social/"
theme = "cards"
-- themes/cards/layouts/partials/name.html --
{{define "name"}}<b>{{.Action.Title}}</b>{{end}}
-- themes/cards/layouts/action.html --
{{define "main"}}{{cachedPartial "name" .Action}}{{end}}
-- themes/cards/layouts/axis.html --
{{define "main"}}{{range .Axis.Actions}}{{cachedPartial "name" .}}{{end}}{{end}}
`)
	contains(t, res, "actions/epicerie/index.html", "<b>Épicerie sociale</b>")
	contains(t, res, "actions/jardins/index.html", "<b>Jardins partagés</b>")
	contains(t, res, "axes/precarites/index.html", "<b>Épicerie sociale</b><b>Jardins partagés</b>")
}

// TestSearchTermsForgotten: the cache of serve keeps the search terms of
// the files as they are now, not those of every earlier text.
func TestSearchTermsForgotten(t *testing.T) {
	dir := sitetest.Dir(t, small)
	cache := &Cache{}
	file := filepath.Join(dir, "content/actions/epicerie.md")
	for i := range 4 {
		if i > 0 {
			os.WriteFile(file, []byte(fmt.Sprintf("+++\ntitle = \"Épicerie sociale\"\naxis = \"precarites\"\nstatus = \"in_progress\"\n+++\nMot%d.\n", i)), 0o644)
		}
		later := map[string]func() ([]byte, error){}
		if _, err := Render(t.Context(), Options{Source: dir, Cache: cache,
			Later: func(p string, make func() ([]byte, error)) { later[p] = make }}); err != nil {
			t.Fatal(err)
		}
		b, err := later["data/search/m.json"]()
		if err != nil {
			t.Fatal(err)
		}
		if want, old := fmt.Sprintf(`"mot%d"`, i), fmt.Sprintf(`"mot%d"`, i-1); i > 0 && (!strings.Contains(string(b), want) || strings.Contains(string(b), old)) {
			t.Errorf("after edit %d, data/search/m.json = %s; want %s in it, not %s", i, b, want, old)
		}
	}
	// An action, an indicator and a news item.
	if n := cache.Render.SearchTerms(); n != 3 {
		t.Errorf("the cache keeps the search terms of %d files; want 3", n)
	}
}

// TestPartialsForgotten: the partials kept for the next rendering are
// those of the cards of the last one, whatever the edits before.
// TestPartialsBoundWhenAskedFor: as serve builds, pages made when asked
// for keep partials at any time; beyond render.Cache.MaxPartials, the
// next rendering forgets them all, and the pages it makes are the same.
func TestPartialsBoundWhenAskedFor(t *testing.T) {
	dir := writeLargeSite(t, 20)
	cache := &Cache{}
	cache.Watch()
	cache.Render.MaxPartials = 40
	name := "content/actions/action-5.md"
	orig, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	reached := false
	for i := range 8 {
		// A new title each time: the action's card, and every partial
		// made of it, is new.
		os.WriteFile(filepath.Join(dir, name), bytes.Replace(orig, []byte(`title = "`), []byte(fmt.Sprintf(`title = "Titre %d `, i)), 1), 0o644)
		cache.Changed([]string{name}, false)
		before := cache.Render.Partials()
		later := map[string]func() ([]byte, error){}
		var find func(string) (func() ([]byte, error), bool)
		_, err := Render(t.Context(), Options{Source: dir, Cache: cache,
			Later: func(p string, make func() ([]byte, error)) { later[p] = make },
			Items: func(_ int, f func(string) (func() ([]byte, error), bool)) { find = f }})
		if err != nil {
			t.Fatal(err)
		}
		kept := cache.Render.Partials()
		if before > 40 && kept != 0 || before <= 40 && kept != before {
			t.Errorf("edit %d: %d partials kept before the rendering, %d after it; want none when over 40, else as many", i, before, kept)
		}
		reached = reached || before > 40
		fresh := mustRender(t, dir)
		for p := range fresh.Files {
			if make, ok := find(p); ok {
				later[p] = make
			}
		}
		for p, make := range later {
			b, err := make()
			if err != nil {
				t.Fatal(err)
			}
			if got, _ := render.Plain(p, b); strings.HasSuffix(p, ".html") && !bytes.Equal(got, fresh.Files[p]) {
				t.Errorf("edit %d: %s differs from a build without cache", i, p)
			}
		}
	}
	if !reached {
		t.Errorf("the pages made kept %d partials at most; the test wants more than 40", cache.Render.Partials())
	}
}

func TestPartialsForgotten(t *testing.T) {
	dir := writeLargeSite(t, 20)
	cache := &Cache{}
	file := filepath.Join(dir, "content/actions/action-5.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var first int
	for i, status := range []string{"planned", "done", "suspended", "in_progress", "abandoned", "planned"} {
		os.WriteFile(file, bytes.Replace(orig, []byte(`status = "planned"`), []byte(`status = "`+status+`"`), 1), 0o644)
		if _, err := Render(t.Context(), Options{Source: dir, Cache: cache}); err != nil {
			t.Fatal(err)
		}
		n := cache.Render.Partials()
		if i == 0 {
			first = n
		}
		if n == 0 || n != first {
			t.Errorf("after status %s, the cache keeps %d partials; want %d, as after the first build", status, n, first)
		}
	}
}
