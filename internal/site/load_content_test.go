package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unique"

	"jalons/internal/config"
	"jalons/internal/content"
	"jalons/internal/diag"
	"jalons/internal/sitetest"
)

const base = `
-- config.toml --
title = "Projet social"
-- content/axes/precarites.md --
+++
title = "Réduire les précarités"
order = 1
+++
Texte.
-- content/actions/epicerie.md --
+++
title = "Épicerie sociale"
axis = "precarites"
status = "in_progress"
lead = "ccas"
+++
## Objectifs
-- content/indicators/familles.toml --
title = "Familles aidées"
action = "epicerie"
target = 200

[[values]]
date = 2012-12-31
value = 190

[[values]]
date = 2010-12-31
value = 60
-- content/governance.md --
+++
[[bodies]]
id = "copil"
name = "Comité de pilotage"

[[structures]]
id = "ccas"
name = "CCAS de Saint-Flour"
+++
-- static/images/photo.jpg --
jpg
`

// load builds base with the files of extra added or replaced.
func load(t *testing.T, extra string, drafts bool) (*Site, string) {
	t.Helper()
	fsys := sitetest.FS(base)
	for name, f := range sitetest.FS(extra) {
		if len(f.Data) == 0 {
			delete(fsys, name)
			continue
		}
		fsys[name] = f
	}
	return loadFS(t, fsys, drafts)
}

func loadFS(t *testing.T, fsys fstest.MapFS, drafts bool) (*Site, string) {
	t.Helper()
	cfg, errs := config.Load(fsys)
	if errs != nil {
		t.Fatalf("config: %v", errs)
	}
	return link(content.Load(fsys, cfg, drafts))
}

// link links what content.Load gave, as a build does: the Site is nil when
// reading or linking found a problem.
func link(items *content.Items, errs diag.List) (*Site, string) {
	s, lerrs := Link(items, testToday)
	errs.Append(lerrs)
	errs.Sort()
	if len(errs) > 0 {
		return nil, errs.Error()
	}
	return s, ""
}

func TestLoadBase(t *testing.T) {
	s, errs := load(t, "", false)
	if errs != "" {
		t.Fatalf("Load: %s", errs)
	}
	a := s.Actions[0]
	if a.Axis != s.Axes[0] || a.LeadStructure == nil || a.LeadStructure.Name != "CCAS de Saint-Flour" {
		t.Errorf("action links: axis %v, lead %v", a.Axis, a.LeadStructure)
	}
	ind := s.Indicators[0]
	if ind.Action != a || ind.Values[0].Value != 60 || ind.Values[1].Value != 190 {
		t.Errorf("indicator %+v", ind)
	}
	if got := a.Progress; !got.Known || got.Ratio != 0.95 {
		t.Errorf("action progress = %+v; want 0.95", got)
	}
	if s.Static[0] != "images/photo.jpg" {
		t.Errorf("static = %v", s.Static)
	}
	if s.ActionOf("epicerie") != a || s.IndicatorOf("familles") != ind || s.ActionOf("familles") != nil || s.NewsOf("epicerie") != nil {
		t.Errorf("by slug: %v %v %v %v", s.ActionOf("epicerie"), s.IndicatorOf("familles"), s.ActionOf("familles"), s.NewsOf("epicerie"))
	}
	if (&Site{}).ActionOf("epicerie") != nil {
		t.Error("a site made in memory finds an action")
	}
}

// TestLoadKeys: the loader folds each title, territory and public once,
// for Link to order and group them without folding them again.
func TestLoadKeys(t *testing.T) {
	s, errs := load(t, `-- content/actions/epicerie.md --
+++
title = "Épicerie sociale"
axis = "precarites"
status = "in_progress"
territories = ["Saint-Flour", "Neuvéglise-sur-Truyère"]
audience = ["Familles"]
+++
-- content/pages/a-propos.md --
+++
title = "À propos"
+++
`, false)
	if errs != "" {
		t.Fatalf("Load: %s", errs)
	}
	a := s.Actions[0]
	values := func(hs []unique.Handle[string]) (out []string) {
		for _, h := range hs {
			out = append(out, h.Value())
		}
		return out
	}
	got := strings.TrimSpace(fmt.Sprintln(a.TitleKey, values(a.TerritorySlugs), values(a.AudienceSlugs), s.Indicators[0].TitleKey, s.Pages[0].TitleKey))
	if want := "epicerie-sociale [saint-flour neuveglise-sur-truyere] [familles] familles-aidees a-propos"; got != want {
		t.Errorf("keys = %q; want %q", got, want)
	}
}

// TestLoadErrors has a case for every mistake a writer can make in
// content/: each asserts the whole message, its file, line and column.
func TestLoadErrors(t *testing.T) {
	tests := []struct{ name, files, want string }{
		{"missing front matter", `
-- content/actions/x.md --
title = "X"
`, `content/actions/x.md:1:1: missing front matter: the file must start with a line +++, then keys such as title = "…", then a line +++`},
		{"malformed toml", `
-- content/actions/x.md --
+++
title = "X
axis = "precarites"
+++
`, `content/actions/x.md:2:11: invalid TOML: strings cannot contain newlines (check quotes around text, commas in lists, and one key = value per line)`},
		{"unknown axis", `
-- content/actions/x.md --
+++
title = "X"
axis = "precarite"
status = "done"
+++
`, `content/actions/x.md:3:1: unknown axis "precarite" (did you mean "precarites"?)`},
		{"unknown status", `
-- content/actions/x.md --
+++
title = "X"
axis = "precarites"
status = "en_cours"
+++
`, `content/actions/x.md:4:1: "status": unknown status "en_cours" (did you mean "en-cours"?); use one of planned, in_progress, done, suspended, abandoned, a-venir, en-cours, realisee, suspendue, abandonnee`},
		{"typo key", `
-- content/actions/x.md --
+++
title = "X"
axis = "precarites"
status = "done"
partner = ["Mission locale"]
+++
`, `content/actions/x.md:5:1: unknown key "partner" (did you mean "partners"?)`},
		{"missing required", `
-- content/actions/x.md --
+++
axis = "precarites"
+++
`, "content/actions/x.md:1:1: missing required key \"title\"\ncontent/actions/x.md:1:1: missing required key \"status\""},
		{"end before start", `
-- content/actions/x.md --
+++
title = "X"
axis = "precarites"
status = "done"
start = 2012-01-01
end = 2010-12-31
+++
`, `content/actions/x.md:6:1: end 2010-12-31 is before start 2012-01-01 (end must be on or after start)`},
		{"progress out of range", `
-- content/actions/x.md --
+++
title = "X"
axis = "precarites"
status = "in_progress"
progress = 120
+++
`, `content/actions/x.md:5:1: progress 120 is outside 0..100 (a percentage: 0 for nothing done, 100 for all done)`},
		{"weight not positive", `
-- content/actions/x.md --
+++
title = "X"
axis = "precarites"
status = "in_progress"
weight = 0
+++
`, `content/actions/x.md:5:1: weight 0 must be more than 0 (1 is the default; 2 counts the action twice)`},
		{"duplicate slug", `
-- content/actions/Épicerie.md --
+++
title = "Autre"
axis = "precarites"
status = "done"
+++
`, `content/actions/Épicerie.md:1:1: two actions have the slug "epicerie": content/actions/epicerie.md and content/actions/Épicerie.md (rename one file, or set slug = "…" in one of them)`},
		{"slug leaves its folder", `
-- content/pages/x.md --
+++
title = "X"
slug = "../../etc"
+++
`, `content/pages/x.md:3:1: slug "../../etc" must be lowercase letters, digits and hyphens, like "etc"`},
		{"unknown action", `
-- content/indicators/y.toml --
title = "Y"
action = "epiceri"
`, `content/indicators/y.toml:2:1: unknown action "epiceri" (did you mean "epicerie"?)`},
		{"duplicate value dates", `
-- content/indicators/y.toml --
title = "Y"

[[values]]
date = 2012-12-31
value = 1

[[values]]
date = 2012-12-31
value = 2
`, `content/indicators/y.toml:8:1: two values on 2012-12-31 (the other one is at line 4): keep one value per date`},
		{"non-numeric value", `
-- content/indicators/y.toml --
title = "Y"

[[values]]
date = 2012-12-31
value = "190 familles"
`, `content/indicators/y.toml:5:1: "value" must be a number, not the text "190 familles" (write digits without quotes or spaces, with a dot for decimals: 1500.5)`},
		{"nan, inf and year 0", `
-- content/indicators/y.toml --
title = "Y"
baseline = nan
target = inf

[[values]]
date = 0000-01-01
value = -inf

[[values]]
date = 0000-01-01
value = 2
-- content/actions/x.md --
+++
title = "X"
axis = "precarites"
status = "done"
progress = nan
weight = inf
budget = -inf
spent = nan
+++
`, strings.Join([]string{
			`content/actions/x.md:5:1: "progress" must be a figure, not nan (write digits, with a dot for decimals: 1500.5)`,
			`content/actions/x.md:6:1: "weight" must be a figure, not inf (write digits, with a dot for decimals: 1500.5)`,
			`content/actions/x.md:7:1: "budget" must be a figure, not -inf (write digits, with a dot for decimals: 1500.5)`,
			`content/actions/x.md:8:1: "spent" must be a figure, not nan (write digits, with a dot for decimals: 1500.5)`,
			`content/indicators/y.toml:2:1: "baseline" must be a figure, not nan (write digits, with a dot for decimals: 1500.5)`,
			`content/indicators/y.toml:3:1: "target" must be a figure, not inf (write digits, with a dot for decimals: 1500.5)`,
			`content/indicators/y.toml:6:1: "date" must be a real date: there is no year 0 (write the year in full, like 2017-04-29)`,
			`content/indicators/y.toml:7:1: "value" must be a figure, not -inf (write digits, with a dot for decimals: 1500.5)`,
			`content/indicators/y.toml:10:1: "date" must be a real date: there is no year 0 (write the year in full, like 2017-04-29)`,
		}, "\n")},
		{"unknown direction", `
-- content/indicators/y.toml --
title = "Y"
direction = "down"
`, `content/indicators/y.toml:2:1: "direction": unknown direction "down"; use "increase" or "decrease"`},
		{"image without alt", `
-- content/news/n.md --
+++
title = "N"
date = 2017-04-29
image = "images/photo.jpg"
+++
`, `content/news/n.md:4:1: image needs imageAlt, a text that says what the image shows for people who cannot see it (imageAlt = "…")`},
		{"image outside static", `
-- content/news/n.md --
+++
title = "N"
date = 2017-04-29
image = "../config.toml"
imageAlt = "x"
+++
`, `content/news/n.md:4:1: image "../config.toml" must be a path inside static/, like "images/photo.jpg"`},
		{"image missing", `
-- content/news/n.md --
+++
title = "N"
date = 2017-04-29
image = "images/reunion.jpg"
imageAlt = "x"
+++
`, `content/news/n.md:4:1: image "images/reunion.jpg": no such file under static/ (put the file in static/images/reunion.jpg)`},
		{"image, logo or report is a folder", `
-- config.toml --
title = "Projet social"
logo = "images"
-- content/news/n.md --
+++
title = "N"
date = 2017-04-29
image = "images"
imageAlt = "x"
+++
-- content/news/m.md --
+++
title = "M"
date = 2017-04-29
image = "."
imageAlt = "x"
+++
-- content/governance.md --
+++
[[meetings]]
date = 2017-04-25
title = "Réunion"
report = "images/"
+++
`, strings.Join([]string{
			`config.toml:2:1: logo "images" is a folder, not a file (name a file in it, like "images/photo.jpg")`,
			`content/governance.md:5:1: report "images/" is a folder, not a file (name a file in it, like "images/photo.jpg")`,
			`content/news/m.md:4:1: image "." is a folder, not a file (name a file in it, like "photo.jpg")`,
			`content/news/n.md:4:1: image "images" is a folder, not a file (name a file in it, like "images/photo.jpg")`,
		}, "\n")},
		{"news date missing and quoted", `
-- content/news/n.md --
+++
title = "N"
+++
-- content/news/m.md --
+++
title = "M"
date = "29/04/2017"
+++
`, "content/news/m.md:3:1: \"date\" must be a date without quotes: write 2017-04-29, not \"29/04/2017\"\ncontent/news/n.md:1:1: missing required key \"date\""},
		{"updated quoted, with a time, and in French", `
-- content/actions/x.md --
+++
title = "X"
axis = "precarites"
status = "done"
updated = "12/05/2024"
+++
-- content/indicators/y.toml --
title = "Y"
updated = 2024-05-12T10:00:00
-- content/news/n.md --
+++
title = "N"
date = 2024-05-12
mis-a-jour = 2024-05-12
+++
`, strings.Join([]string{
			`content/actions/x.md:5:1: "updated" must be a date without quotes: write 2024-05-12, not "12/05/2024"`,
			`content/indicators/y.toml:2:1: "updated" must be a date alone, without a time, like 2017-04-29`,
			`content/news/n.md:4:1: unknown key "mis-a-jour" (keys are written in English: "updated")`,
		}, "\n")},
		{"news unknown links", `
-- content/news/n.md --
+++
title = "N"
date = 2017-04-29
axes = ["precarites", "familles"]
actions = ["epicerie-sociale"]
+++
`, "content/news/n.md:4:1: unknown axis \"familles\" (known: precarites)\ncontent/news/n.md:5:1: unknown action \"epicerie-sociale\" (known: epicerie)"},
		{"governance references", `
-- content/governance.md --
+++
[[bodies]]
id = "copil"
name = "Comité de pilotage"
parent = "ca"

[[bodies]]
id = "copil"
name = "Doublon"

[[meetings]]
date = 2017-04-25
body = "copi"
title = "Réunion"
+++
`, "content/governance.md:5:1: unknown body \"ca\" (known: copil)\ncontent/governance.md:8:1: two bodies have the id \"copil\" (each body needs its own id)\ncontent/governance.md:13:1: unknown body \"copi\" (did you mean \"copil\"?)"},
		{"governance cycle", `
-- content/governance.md --
+++
[[bodies]]
id = "a"
name = "A"
parent = "b"

[[bodies]]
id = "b"
name = "B"
parent = "a"
+++
`, "content/governance.md:5:1: body \"a\" reports to itself through parent = \"b\" (the bodies must form a tree)\ncontent/governance.md:10:1: body \"b\" reports to itself through parent = \"a\" (the bodies must form a tree)"},
		{"not utf-8", "\n-- content/axes/x.md --\n+++\ntitle = \"Pr\xe9carit\xe9\"\n+++\n",
			`content/axes/x.md:2:12: the file is not UTF-8 text (save it again with the UTF-8 encoding; in LibreOffice or Notepad choose "UTF-8")`},
		{"unexpected files", `
-- content/actions/notes.txt --
x
-- content/fiches/x.md --
x
-- content/about.md --
x
-- content/actions/_index.md --
x
`, "content/about.md:1:1: unexpected file: content/ holds _index.md, governance.md and the folders axes, actions, indicators, news and pages (free pages go in content/pages/)\ncontent/actions/_index.md:1:1: unexpected file: _index.md belongs at the top of content/, where it introduces the home page\ncontent/actions/notes.txt:1:1: unexpected file: content/actions/ holds only .md files\ncontent/fiches:1:1: unexpected folder: content/ holds the folders axes, actions, indicators, news and pages"},
		{"reserved page slug", `
-- content/pages/actualites.md --
+++
title = "Actualités"
+++
`, `content/pages/actualites.md:1:1: the page slug "actualites" is taken by a section of the site (rename the file, or set slug = "…")`},
		{"reserved page slug territoires", `
-- content/pages/territoires.md --
+++
title = "X"
+++
`, `content/pages/territoires.md:1:1: the page slug "territoires" is taken by a section of the site (rename the file, or set slug = "…")`},
		{"reserved page slug publics", `
-- content/pages/publics.md --
+++
title = "X"
+++
`, `content/pages/publics.md:1:1: the page slug "publics" is taken by a section of the site (rename the file, or set slug = "…")`},
		{"reserved page slug recherche", `
-- content/pages/recherche.md --
+++
title = "X"
+++
`, `content/pages/recherche.md:1:1: the page slug "recherche" is taken by a section of the site (rename the file, or set slug = "…")`},
		{"reserved page slug territories", `
-- content/pages/territories.md --
+++
title = "X"
+++
`, `content/pages/territories.md:1:1: the page slug "territories" is taken by a section of the site (rename the file, or set slug = "…")`},
		{"reserved page slug audiences", `
-- content/pages/audiences.md --
+++
title = "X"
+++
`, `content/pages/audiences.md:1:1: the page slug "audiences" is taken by a section of the site (rename the file, or set slug = "…")`},
		{"reserved page slug search", `
-- content/pages/search.md --
+++
title = "X"
+++
`, `content/pages/search.md:1:1: the page slug "search" is taken by a section of the site (rename the file, or set slug = "…")`},
		{"reserved page slug jalons", `
-- content/pages/jalons.md --
+++
title = "X"
+++
`, `content/pages/jalons.md:1:1: the page slug "jalons" is taken by a section of the site (rename the file, or set slug = "…")`},
		{"reserved page slug milestones", `
-- content/pages/milestones.md --
+++
title = "X"
+++
`, `content/pages/milestones.md:1:1: the page slug "milestones" is taken by a section of the site (rename the file, or set slug = "…")`},
		{"reserved page slug set by slug", `
-- content/pages/chercher.md --
+++
title = "Chercher"
slug = "recherche"
+++
`, `content/pages/chercher.md:1:1: the page slug "recherche" is taken by a section of the site (rename the file, or set slug = "…")`},
		{"file name without letters", `
-- content/actions/日本.md --
+++
title = "X"
axis = "precarites"
status = "done"
+++
`, `content/actions/日本.md:1:1: the file name gives no slug: name it with letters or digits, like mon-action.md`},
		{"negative budget", `
-- content/actions/x.md --
+++
title = "X"
axis = "precarites"
status = "done"
budget = -5
spent = -1
+++
`, "content/actions/x.md:5:1: budget -5 must not be negative\ncontent/actions/x.md:6:1: spent -1 must not be negative"},
		{"structures", `
-- content/governance.md --
+++
[[structures]]
id = "ccas"
name = "CCAS"
url = "www.ccas.fr"

[[structures]]
id = "ccas"
name = "Autre"
+++
`, "content/governance.md:5:1: url \"www.ccas.fr\" must be a full address starting with https://\ncontent/governance.md:8:1: two structures have the id \"ccas\" (each structure needs its own id)"},
		{"wrong shapes", `
-- content/governance.md --
+++
bodies = "copil"
structures = [1, 2]
+++
-- content/indicators/y.toml --
title = "Y"
values = { date = 2012-12-31, value = 1 }
baseline = 1.5
-- content/axes/z.md --
+++
title = "Z"
order = 1.5
+++
-- content/actions/w.md --
+++
title = "W"
axis = "precarites"
status = 3
+++
`, strings.Join([]string{
			`content/actions/w.md:4:1: "status" must be text in quotes, not the number 3`,
			`content/axes/z.md:3:1: "order" must be a whole number, not 1.5`,
			`content/governance.md:2:1: "bodies" must be a list of tables, written [[bodies]]`,
			`content/governance.md:3:1: "structures" must be a list of tables, written [[structures]]`,
			`content/indicators/y.toml:2:1: "values" must be a list of tables, written [[values]]`,
		}, "\n")},
		{"CR line endings read like LF", "\n-- content/actions/x.md --\n+++\rtitle = \"X\"\raxis = \"precarites\"\rstatus = \"done\"\rbudget = \"1\"\r+++\r## Objectifs\r",
			`content/actions/x.md:5:1: "budget" must be a number, not the text "1" (write digits without quotes or spaces, with a dot for decimals: 1500.5)`},
		{"control character in a text", "\n-- content/axes/x.md --\n+++\ntitle = \"X\\u0000\"\n+++\nTexte.\n",
			"content/axes/x.md:2:1: \"title\" holds an invisible control character, U+0000, at character 2 (delete it: only tabs and line breaks may be used)"},
		{"control character in a body", "\n-- content/axes/x.md --\n+++\ntitle = \"X\"\n+++\nTexte\x00.\n",
			"content/axes/x.md:4:6: invisible control character U+0000 (delete it: only tabs and line breaks may be used)"},
		{"images from another host", `
-- content/news/n.md --
+++
title = "N"
date = 2017-04-29
+++
Texte avec un [lien](https://example.org/).

Un été ![pixel](https://tracker.example/p.gif) et ![](//host/p.gif)
-- content/indicators/y.toml --
title = "Y"
description = "Voir ![graphique](https://h/g.png)"
-- content/_index.md --
+++
+++
![logo](/images/photo.jpg)
`, strings.Join([]string{
			`content/indicators/y.toml:2:1: image "https://h/g.png" is not a file of the site: pages load nothing from another host (put the image in static/ and write ![…](/images/photo.jpg))`,
			`content/news/n.md:7:8: image "https://tracker.example/p.gif" is not a file of the site: pages load nothing from another host (put the image in static/ and write ![…](/images/photo.jpg))`,
			`content/news/n.md:7:51: image "//host/p.gif" is not a file of the site: pages load nothing from another host (put the image in static/ and write ![…](/images/photo.jpg))`,
		}, "\n")},
		{"colours are strict", `
-- content/axes/a.md --
+++
title = "A"
color = "#fff;}"
+++
-- content/axes/b.md --
+++
title = "B"
color = "#b34e00 "
+++
-- content/axes/c.md --
+++
title = "C"
color = "#b34e0z"
+++
-- content/axes/d.md --
+++
title = "D"
color = "red;#fff"
+++
`, strings.Join([]string{
			`content/axes/a.md:3:1: color "#fff;}" must be a hex colour like "#b34e00"`,
			`content/axes/b.md:3:1: color "#b34e00 " must be a hex colour like "#b34e00"`,
			`content/axes/c.md:3:1: color "#b34e0z" must be a hex colour like "#b34e00"`,
			`content/axes/d.md:3:1: color "red;#fff" must be a hex colour like "#b34e00"`,
		}, "\n")},
		{"empty title and bad colour", `
-- content/axes/x.md --
+++
title = " "
color = "orange"
+++
`, "content/axes/x.md:2:1: title must not be empty\ncontent/axes/x.md:3:1: color \"orange\" must be a hex colour like \"#b34e00\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, got := load(t, tt.files, false)
			if got != tt.want {
				t.Errorf("Load errors =\n%s\nwant\n%s", got, tt.want)
			}
			if s != nil {
				t.Errorf("Load returned a site despite errors")
			}
		})
	}
}

func TestHomeWithoutTitle(t *testing.T) {
	s, errs := load(t, "-- content/_index.md --\n+++\nsummary = \"Suivi public\"\n+++\nBienvenue.\n", false)
	if errs != "" || s.Home.Summary != "Suivi public" || s.Home.Src.Body != "Bienvenue.\n" {
		t.Errorf("home: errors %q, %+v", errs, s.Home)
	}
}

func TestIgnoredFiles(t *testing.T) {
	s, errs := load(t, `
-- content/actions/.epicerie.md.swp --
x
-- content/actions/epicerie.md~ --
x
-- content/actions/_brouillon.md --
x
-- content/.git/config --
x
`, false)
	if errs != "" || len(s.Actions) != 1 {
		t.Errorf("ignored files: errors %q, %d actions", errs, len(s.Actions))
	}
}

func TestDrafts(t *testing.T) {
	news := `
-- content/news/n.md --
+++
title = "N"
date = 2017-04-29
draft = true
+++
`
	if s, _ := load(t, news, false); len(s.News) != 0 {
		t.Errorf("draft built without drafts")
	}
	if s, _ := load(t, news, true); len(s.News) != 1 {
		t.Errorf("draft not built with drafts")
	}
}

func TestCRLFAndBOM(t *testing.T) {
	fsys := sitetest.FS(base)
	fsys["content/axes/precarites.md"] = &fstest.MapFile{Data: []byte("\xef\xbb\xbf+++\r\ntitle = \"Précarités\"\r\n+++\r\nTexte.\r\n")}
	s, errs := loadFS(t, fsys, false)
	if errs != "" || s.Axes[0].Title != "Précarités" || strings.Contains(s.Axes[0].Src.Body, "\r") {
		t.Errorf("CRLF and BOM: %q %v", errs, s)
	}
}

// TestCacheGivesTheSameSite loads a site twice with one cache: the second
// load, from the cache, gives the same problems, then the same site.
func TestCacheGivesTheSameSite(t *testing.T) {
	dir := sitetest.Dir(t, base+`
-- content/indicators/y.toml --
title = "Y"
[[values]]
date = 2012-12-31
value = 2
[[values]]
date = 2010-12-31
value = 1
[[values]]
date = 2012-12-31
value = 3
`)
	fsys := os.DirFS(dir)
	cfg, _ := config.Load(fsys)
	cache := &content.Cache{}
	_, first := content.LoadCached(fsys, cfg, false, cache)
	_, second := content.LoadCached(fsys, cfg, false, cache)
	want := "content/indicators/y.toml:9:1: two values on 2012-12-31 (the other one is at line 3): keep one value per date"
	if first.Error() != want || second.Error() != want {
		t.Errorf("problems: first load %q, second %q; want %q", first, second, want)
	}
	os.Remove(filepath.Join(dir, "content/indicators/y.toml"))
	a, errs := link(content.LoadCached(fsys, cfg, false, cache))
	b, _ := link(content.LoadCached(fsys, cfg, false, cache))
	if errs != "" || len(a.Actions[0].Indicators) != 1 || len(b.Actions[0].Indicators) != 1 || b.Axes[0].Actions[0] != b.Actions[0] {
		t.Errorf("cached loads differ: %v", errs)
	}
}

// testToday is the day the sites of the tests describe.
var testToday = content.Date{Year: 2026, Month: 12, Day: 1}
