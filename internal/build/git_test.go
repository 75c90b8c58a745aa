package build

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"jalons/internal/content"
	"jalons/internal/sitetest"
)

// gitToday is the day the sites of the git tests describe.
var gitToday = content.Date{Year: 2026, Month: 12, Day: 1}

func gitSite(lang string, history bool) string {
	return fmt.Sprintf(`
-- config.toml --
title = "Projet social"
baseURL = "https://example.fr/ps/"
language = %q
history = %v
-- content/axes/precarites.md --
+++
title = "Précarités"
+++
-- content/actions/epicerie.md --
+++
title = "Épicerie sociale"
axis = "precarites"
status = "planned"
+++
-- content/actions/ancienne.md --
+++
title = "Ancienne action"
axis = "precarites"
status = "done"
updated = 2019-01-01
+++
-- content/indicators/familles.toml --
title = "Familles aidées"
action = "epicerie"
-- content/news/reunion.md --
+++
title = "Réunion"
date = 2020-01-02
+++
`, lang, history)
}

// gitRepo makes a site under git in the folder site/ of a new repository:
// three commits, then a news item changed and not committed.
func gitRepo(t *testing.T, lang string, history bool) string {
	t.Helper()
	top := t.TempDir()
	sitetest.NoGitAbove(t, top)
	sitetest.Git(t, top, "", "init", "-q")
	dir := filepath.Join(top, "site")
	sitetest.Commit(t, dir, "2020-01-02", "Création des fiches", gitSite(lang, history))
	sitetest.Commit(t, dir, "2021-03-04", "Lancement de l'épicerie\n\nLe détail.", `
-- content/actions/epicerie.md --
+++
title = "Épicerie sociale"
axis = "precarites"
status = "en-cours"
progress = 40
end = 2022-06-30
+++
`)
	sitetest.Commit(t, dir, "2022-05-06", "Bilan de l'épicerie", `
-- content/actions/epicerie.md --
+++
title = "Épicerie sociale"
axis = "precarites"
status = "done"
progress = 40
end = 2022-06-30
+++
Bilan.
`)
	sitetest.WriteFiles(t, dir, `
-- content/news/reunion.md --
+++
title = "Réunion du comité"
date = 2020-01-02
+++
`)
	return dir
}

func renderDir(t *testing.T, opts Options) *Result {
	t.Helper()
	opts.Today = gitToday
	res, err := Render(t.Context(), opts)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return res
}

func TestGitDates(t *testing.T) {
	res := renderDir(t, Options{Source: gitRepo(t, "fr", false)})
	contains(t, res, "actions/epicerie/index.html", `Mis à jour le <time datetime="2022-05-06">6 mai 2022</time>`)
	contains(t, res, "actions/ancienne/index.html", `Mis à jour le <time datetime="2019-01-01">1er janvier 2019</time>`)
	contains(t, res, "indicateurs/familles/index.html", `Mis à jour le <time datetime="2020-01-02">2 janvier 2020</time>`)
	lastmod := map[string]string{
		"axes/precarites/":      "2020-01-02", // first commit
		"actions/epicerie/":     "2022-05-06", // last commit
		"actions/ancienne/":     "2019-01-01", // updated wins
		"indicateurs/familles/": "2020-01-02",
		"actualites/reunion/":   "2026-12-01", // not committed: today
		"":                      "",           // not an item's page
		"actualites/":           "",
	}
	set := sitemapOf(t, res.Files["sitemap.xml"])
	for path, want := range lastmod {
		if got, listed := set["https://example.fr/ps/"+path]; !listed || got != want {
			t.Errorf("sitemap lastmod of /%s = %q (listed: %v); want %q", path, got, listed, want)
		}
	}
	if _, ok := res.Files["changes.xml"]; ok {
		t.Error("changes.xml is built without history = true")
	}
	for p, b := range res.Files {
		if bytes.Contains(b, []byte("Historique")) || bytes.Contains(b, []byte("Lancement")) {
			t.Errorf("%s shows the history without history = true", p)
		}
	}
}

// sitemapOf reads a sitemap: each address with its lastmod.
func sitemapOf(t *testing.T, b []byte) map[string]string {
	t.Helper()
	var set struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(b, &set); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	out := map[string]string{}
	for _, u := range set.URLs {
		out[u.Loc] = u.LastMod
	}
	return out
}

func TestGitHistory(t *testing.T) {
	tests := []struct {
		lang  string
		wants []string
		home  []string
	}{
		{"fr", []string{
			`<h2 id="historique">Historique</h2>`,
			`<time datetime="2022-05-06">6 mai 2022</time> – Bilan de l&#39;épicerie`,
			"<li>Statut\u00a0: En cours → Réalisée</li>",
			`<time datetime="2021-03-04">4 mars 2021</time> – Lancement de l&#39;épicerie`,
			"<li>Statut\u00a0: À venir → En cours</li>",
			"<li>Avancement\u00a0: non renseigné → 40\u00a0%</li>",
			"<li>Fin\u00a0: non renseignée → 30 juin 2022</li>",
			`<time datetime="2020-01-02">2 janvier 2020</time> – Création des fiches`,
		}, []string{
			`<h2 id="changements">Derniers changements de statut</h2>`,
			"Épicerie sociale</a>\u00a0: En cours → Réalisée",
			"Épicerie sociale</a>\u00a0: À venir → En cours",
			`href="/ps/changes.xml"`,
		}},
		{"en", []string{
			`<h2 id="historique">History</h2>`,
			`<time datetime="2022-05-06">6 May 2022</time> – Bilan de l&#39;épicerie`,
			"<li>Status: In progress → Done</li>",
			"<li>Progress: not set → 40%</li>",
			"<li>End: not set → 30 June 2022</li>",
		}, []string{
			`<h2 id="changements">Latest status changes</h2>`,
			"Épicerie sociale</a>: Planned → In progress",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			res := renderDir(t, Options{Source: gitRepo(t, tt.lang, true)})
			contains(t, res, "actions/epicerie/index.html", tt.wants...)
			contains(t, res, "index.html", tt.home...)
			if page := string(res.Files["actions/epicerie/index.html"]); strings.Contains(page, "Le détail") {
				t.Error("the history shows more than the first line of a message")
			}
			if page := string(res.Files["actions/ancienne/index.html"]); strings.Count(page, "<li id=\"commit-") != 1 {
				t.Errorf("the history of an action of one commit has %d entries; want 1", strings.Count(page, "<li id=\"commit-"))
			}
		})
	}
}

func TestChangesFeed(t *testing.T) {
	res := renderDir(t, Options{Source: gitRepo(t, "fr", true)})
	b := res.Files["changes.xml"]
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("changes.xml is not well-formed XML: %v", err)
		}
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("parsing changes.xml: %v", err)
	}
	if feed.FeedType != "atom" || feed.Language != "fr" || feed.FeedLink != "https://example.fr/ps/changes.xml" ||
		feed.UpdatedParsed == nil || feed.UpdatedParsed.Format("2006-01-02") != "2022-05-06" {
		t.Errorf("feed: type %q, language %q, self link %q, updated %v", feed.FeedType, feed.Language, feed.FeedLink, feed.UpdatedParsed)
	}
	want := []struct{ title, date string }{
		{"Épicerie sociale – Statut\u00a0: En cours → Réalisée", "2022-05-06"},
		{"Épicerie sociale – Statut\u00a0: À venir → En cours", "2021-03-04"},
	}
	if len(feed.Items) != len(want) {
		t.Fatalf("changes.xml has %d entries; want %d", len(feed.Items), len(want))
	}
	ids := map[string]bool{}
	for i, it := range feed.Items {
		if it.Title != want[i].title || it.UpdatedParsed == nil || it.UpdatedParsed.Format("2006-01-02") != want[i].date {
			t.Errorf("entry %d: %q on %v; want %q on %s", i, it.Title, it.UpdatedParsed, want[i].title, want[i].date)
		}
		if it.Link != "https://example.fr/ps/actions/epicerie/#historique" || !strings.HasPrefix(it.GUID, "https://example.fr/ps/actions/epicerie/#commit-") || ids[it.GUID] {
			t.Errorf("entry %d: link %q, id %q; want absolute addresses, ids unique", i, it.Link, it.GUID)
		}
		ids[it.GUID] = true
	}
}

// progress keeps the progress of 40 until the fourth retouch.
func progress(i int) string {
	if i < 3 {
		return "progress = 40\n"
	}
	return ""
}

// TestHistoryLimit: 20 commits at most, the others counted in one line.
func TestHistoryLimit(t *testing.T) {
	dir := gitRepo(t, "fr", true)
	for i := range 23 {
		sitetest.Commit(t, dir, fmt.Sprintf("2023-01-%02d", i+1), fmt.Sprintf("Retouche %d", i+1),
			fmt.Sprintf("-- content/actions/epicerie.md --\n+++\ntitle = \"Épicerie sociale\"\naxis = \"precarites\"\nstatus = \"done\"\n%s+++\nRetouche %d.\n", progress(i), i+1))
	}
	res := renderDir(t, Options{Source: dir})
	page := string(res.Files["actions/epicerie/index.html"])
	if n := strings.Count(page, "<li id=\"commit-"); n != 20 {
		t.Errorf("the history shows %d commits; want 20", n)
	}
	// 26 commits: 20 shown, 6 counted.
	contains(t, res, "actions/epicerie/index.html", "et 6 modifications plus anciennes", "Retouche 23\n", "Retouche 5\n",
		"Retouche 4\n<ul>\n<li>Avancement\u00a0: 40\u00a0% → non renseigné</li>")
	if strings.Contains(page, "Retouche 3\n") {
		t.Error("the 21st commit is shown")
	}
}

// TestWithoutGit: a site whose folder is in a git work tree, built
// without git on PATH or with NoGit, gives the same files, byte for byte,
// as the same site outside git.
func TestWithoutGit(t *testing.T) {
	outside := t.TempDir()
	sitetest.NoGitAbove(t, outside)
	sitetest.WriteFiles(t, outside, gitSite("fr", true))
	sitetest.WriteFiles(t, outside, "-- content/news/reunion.md --\n+++\ntitle = \"Réunion du comité\"\ndate = 2020-01-02\n+++\n")
	// The same files as the last commit and the change after it.
	inside := gitRepo(t, "fr", true)
	sitetest.WriteFiles(t, outside, "-- content/actions/epicerie.md --\n+++\ntitle = \"Épicerie sociale\"\naxis = \"precarites\"\nstatus = \"done\"\nprogress = 40\nend = 2022-06-30\n+++\nBilan.\n")
	want := renderDir(t, Options{Source: outside}).Files
	noGit := renderDir(t, Options{Source: inside, NoGit: true}).Files
	t.Setenv("PATH", t.TempDir())
	noPath := renderDir(t, Options{Source: inside}).Files
	for name, got := range map[string]map[string][]byte{"NoGit": noGit, "no git on PATH": noPath} {
		if len(got) != len(want) {
			t.Errorf("%s: %d files; want %d", name, len(got), len(want))
		}
		for p, b := range want {
			if !bytes.Equal(got[p], b) {
				t.Errorf("%s: %s differs from the build outside git", name, p)
			}
		}
	}
}

// TestGitCache: with the cache of jalons serve, a new commit and a file
// saved without commit are seen at the next build.
func TestGitCache(t *testing.T) {
	dir := gitRepo(t, "fr", true)
	cache := &Cache{}
	renderDir(t, Options{Source: dir, Cache: cache})
	sitetest.Commit(t, dir, "2024-02-03", "Réouverture", "-- content/actions/epicerie.md --\n+++\ntitle = \"Épicerie sociale\"\naxis = \"precarites\"\nstatus = \"in_progress\"\n+++\n")
	sitetest.WriteFiles(t, dir, "-- content/indicators/familles.toml --\ntitle = \"Familles\"\naction = \"epicerie\"\n")
	res := renderDir(t, Options{Source: dir, Cache: cache})
	contains(t, res, "actions/epicerie/index.html", `Mis à jour le <time datetime="2024-02-03">`, "Réouverture", "Statut\u00a0: Réalisée → En cours")
	contains(t, res, "indicateurs/familles/index.html", `Mis à jour le <time datetime="2026-12-01">`)
}

// TestGitCacheWatched: with the cache of jalons serve and its watcher,
// git status runs over every file only when the repository's stamp
// changed; else over the files told. Each build makes the pages a build
// without cache makes.
func TestGitCacheWatched(t *testing.T) {
	dir := gitRepo(t, "fr", true)
	cache := &Cache{}
	cache.Watch()
	write := func(name, text string) func() []string {
		return func() []string {
			sitetest.WriteFiles(t, dir, "-- "+name+" --\n"+text)
			return []string{name}
		}
	}
	git := func(day string, args ...string) func() []string {
		return func() []string { sitetest.Git(t, dir, day, args...); return nil }
	}
	epicerie := "+++\ntitle = \"Épicerie sociale\"\naxis = \"precarites\"\nstatus = \"done\"\nprogress = 40\nend = 2022-06-30\n+++\nBilan.\n"
	steps := []struct {
		name  string
		do    func() []string // the files told
		whole int             // status over every file so far
	}{
		{"first build", func() []string { return nil }, 1},
		{"an action saved", write("content/actions/epicerie.md", epicerie+"Suite.\n"), 1},
		{"nothing", func() []string { return nil }, 1},
		{"a news item added", write("content/news/bilan.md", "+++\ntitle = \"Bilan\"\ndate = 2023-01-02\n+++\n"), 1},
		{"the action as committed", write("content/actions/epicerie.md", epicerie), 1},
		{"a commit", git("2024-02-03", "commit", "-q", "-am", "Réunion"), 2},
		{"the news item added to the index", git("", "add", "content/news/bilan.md"), 3},
		{"a file outside content/", write("README.md", "Lisez-moi.\n"), 3},
	}
	for _, s := range steps {
		cache.Changed(s.do(), false)
		cached := renderDir(t, Options{Source: dir, Cache: cache})
		fresh := renderDir(t, Options{Source: dir})
		for p, b := range fresh.Files {
			if !bytes.Equal(cached.Files[p], b) {
				t.Errorf("after %s: %s differs with the cache", s.name, p)
			}
		}
		if cache.git.whole != s.whole {
			t.Errorf("after %s: git status ran over every file %d times; want %d", s.name, cache.git.whole, s.whole)
		}
	}
}
