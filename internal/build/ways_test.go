package build

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
)

const nbsp = "\u00a0"

// ways is small with territories (two names of one, "Saint-Flour" and
// "saint flour", shown as the latter, first in alphabetical order), an
// audience, a second action, a news
// item on the action and a free page.
const ways = small + `
-- content/actions/jardins.md --
+++
title = "Jardins partagés"
axis = "precarites"
status = "done"
territories = ["Saint-Flour", "saint flour", "Murat"]
audience = ["Familles"]
summary = "Des jardins pour les familles."
+++
Des parcelles cultivées ensemble.
-- content/news/jardins-ouverts.md --
+++
title = "Les jardins ouvrent"
date = 2018-05-02
actions = ["jardins"]
+++
Inauguration.
-- content/pages/a-propos.md --
+++
title = "À propos"
+++
Qui tient ce site.
`

// waysSite is the site ways in French or English, under the base path
// base ("/projet-social/" or "/").
func waysSite(t *testing.T, lang, base string) *Result {
	t.Helper()
	archive := strings.Replace(ways, `baseURL = "https://www.example.fr/projet-social/"`, `baseURL = "https://www.example.fr`+base+`"`, 1)
	archive = strings.Replace(archive, `title = "Épicerie sociale"`, "title = \"Épicerie sociale\"\nterritories = [\"Saint-Flour\"]\naudience = [\"familles\", \"Personnes âgées\"]", 1)
	if lang == "en" {
		archive = strings.Replace(archive, `title = "Projet social"`, "title = \"Social plan\"\nlanguage = \"en\"", 1)
	}
	return renderSite(t, archive)
}

// TestWays checks each page of 12.8 that leads to actions other than by
// axis, in French and in English, at the root and under a sub-path.
func TestWays(t *testing.T) {
	type page struct {
		file  string
		wants []string
	}
	tests := []struct {
		lang  string
		pages func(b string) []page
	}{
		{"fr", func(b string) []page {
			return []page{
				{"actions/index.html", []string{"<h1>Toutes les actions</h1>", `<a href="` + b + `actions/statut/en-cours/">En cours (1)</a>`,
					`<a href="` + b + `territoires/saint-flour/">saint flour (2)</a>`, `<a href="` + b + `publics/familles/">Familles (2)</a>`,
					`<h2 id="axis-precarites"><a href="` + b + `axes/precarites/">Réduire les précarités</a></h2>`,
					`data-territories="saint-flour murat"`, `<script src="` + b + `js/filters.js" defer></script>`, `id="filter-count"`, `aria-live="polite"`}},
				{"actions/statut/realisee/index.html", []string{"<h1>Actions – Réalisée</h1>", "Jardins partagés", `aria-current="page">Réalisée (1)`}},
				{"territoires/index.html", []string{`<a href="` + b + `territoires/murat/">Murat</a> <span class="meta">– 1 action, avancement 100` + nbsp + `%</span>`,
					`<a href="` + b + `territoires/saint-flour/">saint flour</a> <span class="meta">– 2 actions, avancement 98` + nbsp + `%</span>`}},
				{"territoires/saint-flour/index.html", []string{"<h1>saint flour</h1>", "2 actions mesurées sur 2", "Épicerie sociale", "Jardins partagés",
					`<strong>98` + nbsp + `%</strong>`, `<a href="` + b + `">Accueil</a></li>`, `<a href="` + b + `territoires/">Territoires</a></li>`}},
				{"publics/index.html", []string{`<a href="` + b + `publics/personnes-agees/">Personnes âgées</a>`}},
				{"publics/familles/index.html", []string{"<h1>Familles</h1>", "2 actions mesurées sur 2"}},
				{"recherche/index.html", []string{"<h1>Rechercher</h1>", `<a href="` + b + `actions/">toutes les actions</a>`, `data-index="` + b + `data/search.json"`,
					`<script src="` + b + `js/search.js" defer></script>`, `id="search-count" class="count" role="status" aria-live="polite"`}},
				{"actions/epicerie/index.html", []string{`<a href="` + b + `territoires/saint-flour/">Saint-Flour</a>`, `<a href="` + b + `publics/personnes-agees/">Personnes âgées</a>`,
					`<form class="site-search" role="search" action="` + b + `recherche/" method="get">`}},
				{"axes/precarites/index.html", []string{`href="` + b + `axes/precarites/feed.xml"`}},
				{"index.html", []string{`<a href="` + b + `actions/">Actions</a>`, `<a href="` + b + `territoires/">Territoires</a>`, `<a href="` + b + `publics/">Publics</a>`}},
				{"sitemap.xml", []string{"actions/statut/suspendue/</loc>", "territoires/murat/</loc>", "publics/familles/</loc>", "recherche/</loc>", "/actions/</loc>"}},
			}
		}},
		{"en", func(b string) []page {
			return []page{
				{"actions/index.html", []string{"<h1>All actions</h1>", `<a href="` + b + `actions/status/in-progress/">In progress (1)</a>`,
					`<a href="` + b + `territories/saint-flour/">saint flour (2)</a>`, `<a href="` + b + `audiences/familles/">Familles (2)</a>`}},
				{"actions/status/done/index.html", []string{"<h1>Actions – Done</h1>", "Jardins partagés"}},
				{"territories/index.html", []string{`<a href="` + b + `territories/murat/">Murat</a> <span class="meta">– 1 action, progress 100%</span>`}},
				{"territories/saint-flour/index.html", []string{"<h1>saint flour</h1>", "2 of 2 actions measured", "<strong>98%</strong>"}},
				{"audiences/index.html", []string{`<a href="` + b + `audiences/personnes-agees/">Personnes âgées</a>`}},
				{"audiences/familles/index.html", []string{"<h1>Familles</h1>"}},
				{"search/index.html", []string{"<h1>Search</h1>", `<a href="` + b + `actions/">all the actions</a>`}},
				{"actions/epicerie/index.html", []string{`<a href="` + b + `territories/saint-flour/">Saint-Flour</a>`, `action="` + b + `search/"`}},
				{"index.html", []string{`<a href="` + b + `territories/">Areas</a>`, `<a href="` + b + `audiences/">Target groups</a>`}},
			}
		}},
	}
	for _, tt := range tests {
		for _, base := range []string{"/projet-social/", "/"} {
			t.Run(tt.lang+" under "+base, func(t *testing.T) {
				res := waysSite(t, tt.lang, base)
				for _, p := range tt.pages(base) {
					contains(t, res, p.file, p.wants...)
				}
			})
		}
	}
}

// TestAxisFeed reads each axis's feed of the example site: Atom, absolute
// addresses, the news linked to the axis or to one of its actions.
func TestAxisFeed(t *testing.T) {
	res, err := Render(t.Context(), Options{Source: "../.."})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, a := range res.Site.Axes {
		file := "axes/" + a.Slug + "/feed.xml"
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(res.Files[file]))
		if err != nil {
			t.Fatalf("parsing %s: %v", file, err)
		}
		page := "https://www.example.fr/projet-social/axes/" + a.Slug + "/"
		if feed.FeedType != "atom" || feed.FeedLink != page+"feed.xml" || feed.Link != page || !strings.Contains(feed.Title, a.Title) {
			t.Errorf("%s: type %q, self %q, link %q, title %q", file, feed.FeedType, feed.FeedLink, feed.Link, feed.Title)
		}
		if len(feed.Items) != len(a.News) {
			t.Fatalf("%s has %d entries; want %d", file, len(feed.Items), len(a.News))
		}
		for i, it := range feed.Items {
			want := "https://www.example.fr/projet-social/actualites/" + a.News[i].Slug + "/"
			if it.Link != want {
				t.Errorf("%s: entry %d links to %q; want %q", file, i, it.Link, want)
			}
			if strings.Contains(it.Content, `href="/`) || strings.Contains(it.Content, `src="/`) {
				t.Errorf("%s: entry %d has a relative link", file, i)
			}
		}
		total += len(feed.Items)
		if !strings.Contains(string(res.Files["axes/"+a.Slug+"/index.html"]), `<link rel="alternate" type="application/atom+xml"`) {
			t.Errorf("axes/%s/index.html does not link to its feed", a.Slug)
		}
	}
	if total == 0 {
		t.Error("no axis feed has an entry")
	}
}

// TestSearchIndex reads data/search.json, a document per action,
// indicator, news item and free page with its title's terms, and its
// parts data/search/<c>.json, the other terms of each document by first
// character.
func TestSearchIndex(t *testing.T) {
	res := waysSite(t, "fr", "/projet-social/")
	var idx struct {
		Paths []string `json:"paths"`
		Docs  [][]any  `json:"docs"`
	}
	if err := json.Unmarshal(res.Files["data/search.json"], &idx); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(idx.Paths, " "), "actions/ indicateurs/ actualites/ "; got != want {
		t.Errorf("paths = %q; want %q", got, want)
	}
	var got []string
	for _, d := range idx.Docs {
		got = append(got, jsonLine(d))
	}
	want := []string{
		`[0,"epicerie","Épicerie sociale","","epicerie sociale"]`,
		`[0,"jardins","Jardins partagés","Des jardins pour les familles.","jardins partages"]`,
		`[1,"familles","Familles aidées","","familles aidees"]`,
		`[2,"jardins-ouverts","Les jardins ouvrent","","les jardins ouvrent"]`,
		`[2,"reunion","Réunion","","reunion"]`,
		`[3,"a-propos","À propos","","propos"]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("docs =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Each document's other terms, gathered from the parts.
	others := make([][]string, len(idx.Docs))
	for _, c := range "0123456789abcdefghijklmnopqrstuvwxyz" {
		file := "data/search/" + string(c) + ".json"
		var part struct {
			Docs [][2]any `json:"docs"`
		}
		if err := json.Unmarshal(res.Files[file], &part); err != nil || part.Docs == nil {
			t.Fatalf("%s: %v, %d documents", file, err, len(part.Docs))
		}
		for _, d := range part.Docs {
			i, terms := int(d[0].(float64)), d[1].(string)
			for w := range strings.FieldsSeq(terms) {
				if w[0] != byte(c) {
					t.Errorf("%s: term %q of document %d", file, w, i)
				}
				others[i] = append(others[i], w)
			}
		}
		if c == 'f' {
			if got, want := jsonLine(part.Docs), `[[0,"flour familles"],[1,"familles flour"]]`; got != want {
				t.Errorf("%s = %s; want %s", file, got, want)
			}
		}
	}
	wantOthers := []string{
		"agees familles flour objectifs personnes saint",
		"cultivees des ensemble familles flour les murat parcelles pour saint",
		"",
		"inauguration",
		"texte",
		"ce qui site tient",
	}
	for i, o := range others {
		slices.Sort(o)
		if got := strings.Join(o, " "); got != wantOthers[i] {
			t.Errorf("document %d: other terms %q; want %q", i, got, wantOthers[i])
		}
	}
}

func jsonLine(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
	return strings.TrimSpace(b.String())
}

// TestSearchIndexSize builds a site of 1,000 actions and checks that what
// a one-word query loads of its search index (search.json and its largest
// part), gzipped, grows by less than 150 bytes an action, so that at
// 10,000 actions it stays under 1.5 MB.
func TestSearchIndexSize(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 1,000 actions")
	}
	res, err := Render(t.Context(), Options{Source: writeLargeSite(t, 1000)})
	if err != nil {
		t.Fatal(err)
	}
	n, _ := searchLoad(res.Files)
	if per := n / 1000; per >= 150 {
		t.Errorf("search index: %d bytes gzipped for a one-word query at 1,000 actions, %d an action; want under 150", n, per)
	}
}

// searchLoad is what a one-word query loads of the search index, gzipped:
// search.json and the largest of its parts; and the whole index, gzipped.
func searchLoad(files map[string][]byte) (query, whole int) {
	base := gzipSize(files["data/search.json"])
	largest := 0
	whole = base
	for p, b := range files {
		if strings.HasPrefix(p, "data/search/") {
			n := gzipSize(b)
			largest = max(largest, n)
			whole += n
		}
	}
	return base + largest, whole
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// TestHeaderVariants checks the header of pages of each variant, made
// once per rendering and reused: the menu item of the page itself is
// aria-current="page", that of its section "true", no other is current,
// and the search page has no search form in its header.
func TestHeaderVariants(t *testing.T) {
	res := waysSite(t, "fr", "/")
	tests := []struct {
		file, current string // current: the menu item marked, as a string of the page
		search        bool
	}{
		{"index.html", `<a href="/" aria-current="page">Accueil</a>`, true},
		{"actions/index.html", `<a href="/actions/" aria-current="page">Actions</a>`, true},
		{"actions/epicerie/index.html", `<a href="/actions/" aria-current="true">Actions</a>`, true},
		{"actions/jardins/index.html", `<a href="/actions/" aria-current="true">Actions</a>`, true},
		{"territoires/index.html", `<a href="/territoires/" aria-current="page">Territoires</a>`, true},
		{"territoires/murat/index.html", `<a href="/territoires/" aria-current="true">Territoires</a>`, true},
		{"actualites/jardins-ouverts/index.html", `<a href="/actualites/" aria-current="true">Actualités</a>`, true},
		{"recherche/index.html", "", false},
		{"a-propos/index.html", "", true},
	}
	for _, tt := range tests {
		page := string(res.Files[tt.file])
		header, _, ok := strings.Cut(page, "</header>")
		if !ok {
			t.Errorf("%s has no header", tt.file)
			continue
		}
		n := strings.Count(header, "aria-current")
		if tt.current == "" && n != 0 || tt.current != "" && (n != 1 || !strings.Contains(header, tt.current)) {
			t.Errorf("%s: %d items current; want only %q in\n%s", tt.file, n, tt.current, header)
		}
		if got := strings.Contains(header, `class="site-search"`); got != tt.search {
			t.Errorf("%s: search form in header %v; want %v", tt.file, got, tt.search)
		}
	}
}
