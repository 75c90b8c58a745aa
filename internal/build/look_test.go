package build

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// TestGovernancePage checks the governance page of the English test site,
// whose assembly has 30 members: the org chart is nested lists (no chart,
// no script), and every cell of the members tables names its column, so
// that the tables read as cards on a phone.
func TestGovernancePage(t *testing.T) {
	res, err := Render(t.Context(), Options{Source: "../../testdata/sites/en"})
	if err != nil {
		t.Fatal(err)
	}
	page := string(res.Files["governance/index.html"])
	for _, no := range []string{"data-chart", "echarts", "<script"} {
		if strings.Contains(page, no) {
			t.Errorf("governance/index.html holds %q", no)
		}
	}
	tree := `<ul class="org-tree" aria-labelledby="organigramme">
<li><a class="org-node" href="#instance-board">Steering board</a>
<ul>
<li><a class="org-node" href="#instance-users">Users&#39; committee</a>
</li>
<li><a class="org-node" href="#instance-assembly">Partnership assembly</a>
<ul>
<li><a class="org-node" href="#instance-housing-group">`
	if !strings.Contains(page, tree) {
		t.Errorf("governance/index.html has no org chart as nested lists:\n%s", tree)
	}
	assembly := page[strings.Index(page, `id="instance-assembly"`):]
	assembly = assembly[:strings.Index(assembly, "</table>")]
	if n := strings.Count(assembly, `<tr><th scope="row">`); n != 30 {
		t.Errorf("the assembly's table has %d members; want 30", n)
	}
	if !strings.Contains(assembly, `<table class="members stack">`) {
		t.Errorf("the assembly's table is not of class stack")
	}
	if n := len(regexp.MustCompile(`<td data-label="[^"]+">`).FindAllString(assembly, -1)); n != 60 {
		t.Errorf("the assembly's table has %d labelled cells; want 60", n)
	}
}

// TestTablesOnPhones checks every table the theme writes on the pages of
// the example site: each is of class "stack" (a card per row on a phone)
// and each of its data cells names its column, or else it has two columns
// at most and fits a phone as it is. Tables written in Markdown are not
// the theme's and are left out.
func TestTablesOnPhones(t *testing.T) {
	res, err := Render(t.Context(), Options{Source: "../.."})
	if err != nil {
		t.Fatal(err)
	}
	table := regexp.MustCompile(`(?s)<table class="([^"]*)">.*?</table>`)
	cell := regexp.MustCompile(`<td[ >]`)
	head := regexp.MustCompile(`<th[ >]`)
	seen := map[string]bool{}
	for name, b := range res.Files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range table.FindAllStringSubmatch(string(b), -1) {
			class, text := m[1], m[0]
			seen[strings.Fields(class)[0]] = true
			header := text[strings.Index(text, "<thead>"):strings.Index(text, "</thead>")]
			if len(head.FindAllString(header, -1)) <= 2 {
				continue
			}
			if !strings.Contains(" "+class+" ", " stack ") {
				t.Errorf("%s: <table class=%q> has more than two columns and is not of class stack", name, class)
			}
			if n, labelled := len(cell.FindAllString(text, -1)), strings.Count(text, "<td data-label="); n != labelled {
				t.Errorf("%s: <table class=%q> has %d cells, %d with data-label", name, class, n, labelled)
			}
		}
	}
	for _, c := range []string{"action-table", "indicator-table", "values-table", "members", "meetings", "status-table"} {
		if !seen[c] {
			t.Errorf("no page of the example site has a table of class %s", c)
		}
	}
}

// TestChartsWhereNeeded checks, on the example site, that progress and
// status mixes are HTML (no chart on the home and axis pages), that only
// pages with an indicator's values load the charts script, and that no
// page loads the chart library itself: js/charts.js loads it when a chart
// comes into view.
func TestChartsWhereNeeded(t *testing.T) {
	res, err := Render(t.Context(), Options{Source: "../.."})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		page   string
		charts bool
	}{
		{"index.html", false},
		{"axes/reduire-les-precarites/index.html", false},
		{"actions/epicerie-sociale/index.html", true},
		{"actions/annuaire-des-acteurs/index.html", false},
		{"indicateurs/familles-epicerie-sociale/index.html", true},
		{"indicateurs/index.html", false},
		{"gouvernance/index.html", false},
	}
	for _, tt := range tests {
		page := string(res.Files[tt.page])
		if page == "" {
			t.Errorf("%s was not built", tt.page)
			continue
		}
		if got := strings.Contains(page, "js/charts.js"); got != tt.charts {
			t.Errorf("%s loads js/charts.js: %v; want %v", tt.page, got, tt.charts)
		}
		if got := strings.Contains(page, "data-chart="); got != tt.charts {
			t.Errorf("%s has a chart: %v; want %v", tt.page, got, tt.charts)
		}
		if strings.Contains(page, "echarts.min.js") {
			t.Errorf("%s loads echarts.min.js itself", tt.page)
		}
	}
	for _, page := range []string{"index.html", "axes/reduire-les-precarites/index.html"} {
		contains(t, res, page, `<div class="mix-bar" aria-hidden="true">`, "<li><span class=\"swatch mix-done\"></span>Réalisée\u00a0: ")
	}
	css := string(res.Files["css/jalons.css"])
	for i := 0; i <= 100; i++ {
		if rule := fmt.Sprintf(".w-%d{width:%d%%}", i, i); !strings.Contains(css, rule) {
			t.Errorf("css/jalons.css has no rule %s", rule)
		}
	}
	js := string(res.Files["js/charts.js"])
	for _, w := range []string{"IntersectionObserver", "'echarts.min.js'"} {
		if !strings.Contains(js, w) {
			t.Errorf("js/charts.js does not contain %s", w)
		}
	}
}

// TestPrint checks that axis and action pages carry a QR code of their
// own address, with that address as its text alternative, and that the
// theme's print style sheet hides the menus and the charts and prints
// the address of links.
func TestPrint(t *testing.T) {
	res, err := Render(t.Context(), Options{Source: "../.."})
	if err != nil {
		t.Fatal(err)
	}
	base := "https://www.example.fr/projet-social/"
	for _, p := range []string{"axes/reduire-les-precarites/", "actions/epicerie-sociale/"} {
		contains(t, res, p+"index.html", `<figure class="print-qr">`+"\n"+`<svg class="qr" `,
			`aria-labelledby="qr-code"`, `<title id="qr-code">QR code menant à `+base+p+`</title>`)
	}
	for _, p := range []string{"index.html", "indicateurs/index.html", "gouvernance/index.html", "a-propos/index.html"} {
		if strings.Contains(string(res.Files[p]), "print-qr") {
			t.Errorf("%s carries a QR code", p)
		}
	}
	css := string(res.Files["css/jalons.css"])
	print := css[strings.Index(css, "@media print"):]
	for _, w := range []string{".print-qr { display: none; }", ".menu", ".chart", `a[href]::after { content: " (" attr(href) ")"`, ".print-qr { display: flex;"} {
		if !strings.Contains(css, w) {
			t.Errorf("css/jalons.css does not contain %s", w)
		}
	}
	if !strings.Contains(print, "[role=\"search\"]") || !strings.Contains(print, "@page { size: A4;") {
		t.Errorf("css/jalons.css: the print rules do not hide the search or set A4")
	}
}

// TestIcon checks that every page declares an icon, so that no browser
// asks for /favicon.ico: the site's logo when it has one, else the
// theme's.
func TestIcon(t *testing.T) {
	tests := []struct {
		name, config, want string
	}{
		{"logo", "logo = \"images/logo.png\"\n", `<link rel="icon" href="/projet-social/images/logo.png">`},
		{"no logo", "", `<link rel="icon" href="/projet-social/favicon.svg" type="image/svg+xml">`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			archive := small + "-- config.toml --\ntitle = \"Projet social\"\nbaseURL = \"https://www.example.fr/projet-social/\"\n" + tt.config +
				"-- static/images/logo.png --\npng\n"
			res := renderSite(t, archive)
			pages := 0
			for name, b := range res.Files {
				if !strings.HasSuffix(name, ".html") {
					continue
				}
				pages++
				if !strings.Contains(string(b), tt.want) {
					t.Errorf("%s does not declare its icon %s", name, tt.want)
				}
			}
			if pages < 8 {
				t.Errorf("%d pages; want 8 or more", pages)
			}
			if !strings.Contains(string(res.Files["favicon.svg"]), "<svg") {
				t.Errorf("favicon.svg is not the theme's SVG icon")
			}
		})
	}
}

// TestIdentity checks the header and the footer: the territory and its
// logo first, and what French public sites carry at the foot of every
// page: the accessibility statement with the compliance level, the legal
// notice, the contact, the open data and the feed.
func TestIdentity(t *testing.T) {
	pages := "-- content/pages/accessibilite.md --\n+++\ntitle = \"Déclaration d'accessibilité\"\n+++\n" +
		"-- content/pages/mentions-legales.md --\n+++\ntitle = \"Mentions légales\"\n+++\n" +
		"-- content/pages/a-propos.md --\n+++\ntitle = \"À propos\"\n+++\n"
	config := "-- config.toml --\ntitle = \"Projet social\"\nbaseURL = \"https://www.example.fr/projet-social/\"\n" +
		"territory = \"Saint-Flour Communauté\"\nlogo = \"images/logo.png\"\ncontact = \"ps@example.fr\"\n"
	tests := []struct {
		name, archive string
		want, not     []string
	}{
		{"full", small + pages + config + "accessibility = \"partial\"\n-- static/images/logo.png --\npng\n", []string{
			`<a class="brand" href="/projet-social/"><img src="/projet-social/images/logo.png" alt="" width="56" height="56"><span><span class="brand-territory">Saint-Flour Communauté</span>` + "\n" + `<span class="brand-title">Projet social</span>`,
			"<li><a href=\"/projet-social/accessibilite/\">Accessibilité\u00a0: partiellement conforme</a></li>\n" +
				"<li><a href=\"/projet-social/mentions-legales/\">Mentions légales</a></li>\n" +
				"<li>Contact\u00a0: <a href=\"mailto:ps@example.fr\">ps@example.fr</a></li>\n",
			`<li><a href="/projet-social/feed.xml">`,
			"<nav aria-label=\"Informations\">\n<ul>\n<li><a href=\"/projet-social/a-propos/\">À propos</a></li>\n</ul>",
		}, nil},
		{"bare", small, []string{
			`<a class="brand" href="/projet-social/"><span>` + "\n" + `<span class="brand-title">Projet social</span>`,
			"<ul class=\"footer-links\">\n<li>Accessibilité\u00a0: non conforme</li>\n<li><a href=\"/projet-social/data/",
		}, []string{"Mentions légales", `aria-label="Informations"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := renderSite(t, tt.archive)
			contains(t, res, "actualites/index.html", tt.want...)
			for _, no := range tt.not {
				if strings.Contains(string(res.Files["actualites/index.html"]), no) {
					t.Errorf("actualites/index.html contains %q", no)
				}
			}
		})
	}
}

// TestEnglishPlanInTime checks the plan in time on the English test site,
// as the browser gate sees it: an action's milestones in words (done, late,
// upcoming) beside its late flag, and a value under maskBelow published as
// "fewer than 5", in the page and in the open data.
func TestEnglishPlanInTime(t *testing.T) {
	today, _ := Today("2026-12-01")
	res, err := Render(t.Context(), Options{Source: "../../testdata/sites/en", Today: today})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		file, want string
	}{
		{"actions/food-bank/index.html", `<span class="badge status-in_progress">In progress</span> <span class="badge late">Late</span>`},
		{"actions/food-bank/index.html", `<li class="milestone milestone-done"><time datetime="2021-03-01">1 March 2021</time> <span class="badge milestone-state-done">Done</span> <span class="milestone-title">First distribution</span></li>`},
		{"actions/food-bank/index.html", `<li class="milestone milestone-late"><time datetime="2024-06-30">30 June 2024</time> <span class="badge milestone-state-late">Late</span> <span class="milestone-title">Second site opens</span> <span class="milestone-note">– Waiting for the premises</span></li>`},
		{"actions/food-bank/index.html", `<li class="milestone milestone-upcoming"><time datetime="2027-06-30">30 June 2027</time> <span class="badge milestone-state-upcoming">Upcoming</span> <span class="milestone-title">Review with the families</span></li>`},
		{"indicators/families/index.html", `fewer than 5`},
		{"data/values.csv", "families,2020-12-31,,families,Pilot month,true\n"},
	}
	for _, tt := range tests {
		if !strings.Contains(string(res.Files[tt.file]), tt.want) {
			t.Errorf("%s lacks %s", tt.file, tt.want)
		}
	}
}

// TestNoMissingWord: a word the theme asks for and the language lacks
// shows as its key in brackets ("[type.boolean]"); no page of the example
// site or the English test site shows one.
func TestNoMissingWord(t *testing.T) {
	missing := regexp.MustCompile(`\[[a-z]+(\.[a-zA-Z0-9_]+)+\]`)
	for _, src := range []string{"../..", "../../testdata/sites/en"} {
		res, err := Render(t.Context(), Options{Source: src, NoGit: true})
		if err != nil {
			t.Fatal(err)
		}
		for name, b := range res.Files {
			if strings.HasSuffix(name, ".html") {
				if m := missing.Find(b); m != nil {
					t.Errorf("%s: %s shows %s, a word missing from the language", src, name, m)
				}
			}
		}
	}
}
