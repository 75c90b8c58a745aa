package build

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"jalons/internal/sitetest"
)

func renderSite(t *testing.T, archive string) *Result {
	t.Helper()
	res, err := Render(t.Context(), Options{Source: sitetest.Dir(t, archive)})
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return res
}

func contains(t *testing.T, res *Result, file string, wants ...string) {
	t.Helper()
	b, ok := res.Files[file]
	if !ok {
		t.Errorf("%s was not built", file)
		return
	}
	for _, w := range wants {
		if !strings.Contains(string(b), w) {
			t.Errorf("%s does not contain %q", file, w)
		}
	}
}

// TestPagesAndFigures checks that a site written to the contract gives the
// pages of section 9 with the right figures.
func TestPagesAndFigures(t *testing.T) {
	res := renderSite(t, small+`
-- content/_index.md --
+++
title = "Accueil"
+++
Bienvenue sur le suivi du projet social.
-- content/actions/travaux.md --
+++
title = "Rénovation des logements"
axis = "precarites"
status = "done"
start = 2010-01-01
end = 2012-12-31
budget = 550000
+++
-- content/governance.md --
+++
[[bodies]]
id = "copil"
name = "Comité de pilotage"
+++
-- content/pages/accessibilite.md --
+++
title = "Déclaration d'accessibilité"
+++
`)
	nbsp := "\u00a0"
	// épicerie: 190/200 = 95 %; travaux: done = 100 %; overall 97.5 % → 98 %
	contains(t, res, "index.html", "Bienvenue sur le suivi", "<strong>98"+nbsp+"%</strong>", `value="98"`)
	contains(t, res, "axes/precarites/index.html", "<strong>98"+nbsp+"%</strong>", "Épicerie sociale", "Rénovation des logements")
	contains(t, res, "actions/epicerie/index.html", "<strong>95"+nbsp+"%</strong>", "190"+nbsp+"familles", "200"+nbsp+"familles",
		`<time datetime="2012-12-31">31 décembre 2012</time>`, "En cours")
	contains(t, res, "actions/travaux/index.html", "550"+nbsp+"000"+nbsp+"€", "1er janvier 2010", "Réalisée")
	contains(t, res, "indicateurs/index.html", "Familles aidées")
	contains(t, res, "indicateurs/familles/index.html", "<caption>")
	contains(t, res, "actualites/index.html", "Réunion", "29 avril 2017")
	contains(t, res, "actualites/reunion/index.html", "Texte.")
	contains(t, res, "gouvernance/index.html", "Comité de pilotage")
	contains(t, res, "accessibilite/index.html", "Déclaration d&#39;accessibilité")
	contains(t, res, "404.html", "Page introuvable")
	contains(t, res, "robots.txt", "Sitemap: https://www.example.fr/projet-social/sitemap.xml")
	contains(t, res, "sitemap.xml", "<loc>https://www.example.fr/projet-social/actions/epicerie/</loc>")
	for _, f := range []string{"data/actions.csv", "data/indicators.csv", "data/values.csv", "data/site.json", "feed.xml", "css/jalons.css"} {
		contains(t, res, f)
	}
}

func TestEnglishSite(t *testing.T) {
	res := renderSite(t, strings.Replace(small, `title = "Projet social"`, "title = \"Social plan\"\nlanguage = \"en\"", 1))
	contains(t, res, "index.html", `<html lang="en">`, "Overall progress", `href="/projet-social/news/"`)
	contains(t, res, "actions/epicerie/index.html", "In progress", "190\u00a0familles", "31 December 2012", "<strong>95%</strong>")
	contains(t, res, "indicators/familles/index.html", "Measured values")
	contains(t, res, "news/reunion/index.html", "29 April 2017")
	if _, ok := res.Files["actualites/index.html"]; ok {
		t.Error("an English site has French paths")
	}
}

// TestSubPath checks that every link and asset of every page stays under
// the base path, so that the site works inside a town's website.
func TestSubPath(t *testing.T) {
	res, err := Render(t.Context(), Options{Source: "../.."})
	if err != nil {
		t.Fatal(err)
	}
	attr := regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	for p, b := range res.Files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		for _, m := range attr.FindAllStringSubmatch(string(b), -1) {
			u := m[1]
			ok := strings.HasPrefix(u, "/projet-social/") || strings.HasPrefix(u, "#") ||
				strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "mailto:")
			if !ok {
				t.Errorf("%s links to %q, outside the base path /projet-social/", p, u)
			}
			if strings.HasPrefix(u, "/projet-social/") {
				target := strings.TrimPrefix(u, "/projet-social/")
				target, _, _ = strings.Cut(target, "#")
				if target == "" || strings.HasSuffix(target, "/") {
					target += "index.html"
				}
				if _, exists := res.Files[target]; !exists {
					t.Errorf("%s links to %q, which is not built", p, u)
				}
			}
		}
	}
}

func TestFeed(t *testing.T) {
	res, err := Render(t.Context(), Options{Source: "../.."})
	if err != nil {
		t.Fatal(err)
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(res.Files["feed.xml"]))
	if err != nil {
		t.Fatalf("parsing feed.xml: %v", err)
	}
	if feed.FeedType != "atom" || feed.Language != "fr" || feed.FeedLink != "https://www.example.fr/projet-social/feed.xml" {
		t.Errorf("feed: type %q, language %q, self link %q", feed.FeedType, feed.Language, feed.FeedLink)
	}
	if len(feed.Items) != len(res.Site.News) || len(feed.Items) == 0 {
		t.Fatalf("feed has %d entries; want %d", len(feed.Items), len(res.Site.News))
	}
	for i, it := range feed.Items {
		n := res.Site.News[i]
		want := "https://www.example.fr/projet-social/actualites/" + n.Slug + "/"
		if it.GUID != want || it.Link != want {
			t.Errorf("entry %d: id %q, link %q; want %q", i, it.GUID, it.Link, want)
		}
		if it.PublishedParsed == nil || it.PublishedParsed.Format("2006-01-02") != n.Date.String() {
			t.Errorf("entry %d: published %v; want %s", i, it.PublishedParsed, n.Date)
		}
		if strings.Contains(it.Content, `href="/`) || strings.Contains(it.Content, `src="/`) {
			t.Errorf("entry %d has a relative link: %s", i, it.Content)
		}
	}
}

// TestFeedLinksAbsolute checks that every address of feed.xml, in its
// elements and in the HTML of its entries, is absolute and valid, under a
// base path with accents.
func TestFeedLinksAbsolute(t *testing.T) {
	res := renderSite(t, `
-- config.toml --
title = "Projet social"
baseURL = "https://example.fr/projet-social-été/"
-- content/news/n.md --
+++
title = "N"
date = 2017-04-29
+++
[Actions](/actions/) [relatif](../autre/) [note](#x) [page](/projet-social-été/legal/) [ailleurs](https://example.org/é)
[courriel](mailto:a@example.fr) ![photo](/images/p.png) [vide](javascript:alert(1)) <https://example.org/auto>
`)
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(res.Files["feed.xml"]))
	if err != nil {
		t.Fatalf("parsing feed.xml: %v", err)
	}
	addrs := append([]string{feed.FeedLink, feed.Link}, feed.Links...)
	for _, it := range feed.Items {
		addrs = append(addrs, it.GUID, it.Link)
		z := html.NewTokenizer(strings.NewReader(it.Content))
		for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
			for _, a := range z.Token().Attr {
				if a.Key == "href" || a.Key == "src" {
					addrs = append(addrs, a.Val)
				}
			}
		}
	}
	want := []string{
		"https://example.fr/projet-social-%C3%A9t%C3%A9/actions/",
		"https://example.fr/projet-social-%C3%A9t%C3%A9/actualites/autre/",
		"https://example.fr/projet-social-%C3%A9t%C3%A9/actualites/n/#x",
		"https://example.fr/projet-social-%C3%A9t%C3%A9/legal/",
		"https://example.org/%C3%A9",
		"https://example.fr/projet-social-%C3%A9t%C3%A9/images/p.png",
	}
	for _, w := range want {
		if !slices.Contains(addrs, w) {
			t.Errorf("feed.xml has no address %s; it has %q", w, addrs)
		}
	}
	for _, a := range addrs {
		u, err := url.Parse(a)
		valid := err == nil && (u.Scheme == "https" && u.Host != "" || u.Scheme == "mailto")
		for _, r := range a {
			valid = valid && r > ' ' && r < 0x7f
		}
		if !valid {
			t.Errorf("feed.xml has the address %q, which is not absolute and valid", a)
		}
	}
}

func TestOpenData(t *testing.T) {
	res := renderSite(t, small)
	tests := []struct {
		file   string
		header string
		rows   int
	}{
		{"data/actions.csv", "slug,title,axis,status,start,end,lead,partners,audience,territories,budget,spent,progress,weight,url,late", 1},
		{"data/indicators.csv", "slug,title,action,unit,baseline,target,direction,latest_date,latest_value,progress,source,url,latest_masked", 1},
		{"data/values.csv", "indicator,date,value,unit,note,masked", 1},
	}
	for _, tt := range tests {
		records, err := csv.NewReader(bytes.NewReader(res.Files[tt.file])).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		if got := strings.Join(records[0], ","); got != tt.header {
			t.Errorf("%s header = %s; want %s", tt.file, got, tt.header)
		}
		if len(records)-1 != tt.rows {
			t.Errorf("%s has %d rows; want %d", tt.file, len(records)-1, tt.rows)
		}
	}
	contains(t, res, "data/indicators.csv", "familles,Familles aidées,epicerie,familles,0,200,increase,2012-12-31,190,95.00,")
	var site struct {
		Progress   float64
		Indicators []struct{ Values []struct{ Value float64 } }
	}
	if err := json.Unmarshal(res.Files["data/site.json"], &site); err != nil {
		t.Fatal(err)
	}
	if site.Progress != 95 || site.Indicators[0].Values[0].Value != 190 {
		t.Errorf("site.json: progress %v, first value %v", site.Progress, site.Indicators[0].Values)
	}
}

// TestOpenDataFormulas checks that no text cell of the CSV files starts a
// formula in a spreadsheet, and that numbers stay numbers.
func TestOpenDataFormulas(t *testing.T) {
	res := renderSite(t, small+`
-- content/actions/epicerie.md --
+++
title = "=HYPERLINK(\"https://evil.example\",\"x\")"
axis = "precarites"
status = "in_progress"
lead = "+33 4 71 60 00 00"
partners = ["-1+1", "Mission locale"]
audience = ["@SUM(A1)"]
territories = ["\tSaint-Flour"]
+++
-- content/indicators/familles.toml --
title = "Solde"
action = "epicerie"
unit = "=1+1"
source = "\u0009tab"
baseline = -3
[[values]]
date = 2012-12-31
value = -12.5
note = "-2"
[[values]]
date = 2013-12-31
value = 4
note = "Bilan - 2013 = fin"
`)
	tests := []struct {
		file string
		row  []string
	}{
		{"data/actions.csv", []string{"epicerie", `'=HYPERLINK("https://evil.example","x")`, "precarites", "in_progress", "", "",
			"'+33 4 71 60 00 00", "'-1+1; Mission locale", "'@SUM(A1)", "'\tSaint-Flour", "", "", "", "",
			"https://www.example.fr/projet-social/actions/epicerie/", "false"}},
		{"data/indicators.csv", []string{"familles", "Solde", "epicerie", "'=1+1", "-3", "", "increase", "2013-12-31", "4", "",
			"'\ttab", "https://www.example.fr/projet-social/indicateurs/familles/", "false"}},
		{"data/values.csv", []string{"familles", "2012-12-31", "-12.5", "'=1+1", "'-2", "false"}},
	}
	for _, tt := range tests {
		records, err := csv.NewReader(bytes.NewReader(res.Files[tt.file])).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		if got := records[1]; fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.row) {
			t.Errorf("%s row 1 = %q; want %q", tt.file, got, tt.row)
		}
	}
	contains(t, res, "data/values.csv", "familles,2013-12-31,4,'=1+1,Bilan - 2013 = fin,false\n")
	contains(t, res, "data/site.json", `"title":"=HYPERLINK(`, `"value":-12.5`)
}

func TestNewsPagination(t *testing.T) {
	var b strings.Builder
	b.WriteString("-- config.toml --\ntitle = \"T\"\nnewsPerPage = 5\n")
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&b, "-- content/news/n%02d.md --\n+++\ntitle = \"Nouvelle %d\"\ndate = 2020-01-%02d\n+++\n", i, i, i)
	}
	res := renderSite(t, b.String())
	contains(t, res, "actualites/index.html", "Nouvelle 12", "Nouvelle 8", `href="/actualites/page/2/" rel="next"`, "Page 1 sur 3")
	contains(t, res, "actualites/page/2/index.html", "Nouvelle 7", "Nouvelle 3", `rel="prev"`, `rel="next"`)
	contains(t, res, "actualites/page/3/index.html", "Nouvelle 2", "Nouvelle 1", `href="/actualites/page/2/" rel="prev"`)
	if strings.Contains(string(res.Files["actualites/index.html"]), "Nouvelle 7<") {
		t.Error("page 1 holds more than newsPerPage items")
	}
	if _, ok := res.Files["actualites/page/4/index.html"]; ok {
		t.Error("a fourth page was built for 12 items at 5 a page")
	}
}

func TestSiteTheme(t *testing.T) {
	res := renderSite(t, small+`
-- themes/mairie/layouts/404.html --
{{define "main"}}<h1>Perdu ?</h1>{{end}}
-- themes/mairie/layouts/partials/news-item.html --
{{define "news-item"}}<p class="mairie-news">{{.Title}}</p>{{end}}
-- themes/mairie/static/css/mairie.css --
body { color: black; }
`+"-- config.toml --\ntitle = \"T\"\ntheme = \"mairie\"\n")
	contains(t, res, "404.html", "<h1>Perdu ?</h1>")
	// One partial overridden, the others kept from the default theme.
	contains(t, res, "actualites/index.html", `<p class="mairie-news">Réunion</p>`)
	contains(t, res, "axes/precarites/index.html", `<table class="action-table stack">`)
	contains(t, res, "index.html", "Avancement global") // the default theme's home
	contains(t, res, "css/mairie.css", "color: black")
}

// TestKeptSites builds the test sites the browser checks use.
func TestKeptSites(t *testing.T) {
	for _, name := range []string{"en", "news"} {
		res, err := Render(t.Context(), Options{Source: "../../testdata/sites/" + name})
		if err != nil {
			t.Errorf("testdata/sites/%s: %v", name, err)
			continue
		}
		if res.Pages < 10 {
			t.Errorf("testdata/sites/%s gives %d pages", name, res.Pages)
		}
	}
}

// TestPeriod: a period with only a start, or only an end, reads as such.
func TestPeriod(t *testing.T) {
	tests := []struct{ period, want string }{
		{"{ start = 2017, end = 2020 }", "Projet social – 2017-2020</p>"},
		{"{ start = 2017 }", "Projet social – depuis 2017</p>"},
		{"{ end = 2020 }", "Projet social – jusqu&#39;en 2020</p>"},
		{"{}", `<p class="footer-brand">Projet social</p>`},
	}
	for _, tt := range tests {
		res := renderSite(t, small+"-- config.toml --\ntitle = \"Projet social\"\nperiod = "+tt.period+"\n")
		contains(t, res, "index.html", tt.want)
	}
}
