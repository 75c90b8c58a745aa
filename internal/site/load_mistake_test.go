package site

import (
	"strings"
	"testing"

	"jalons/internal/config"
	"jalons/internal/content"
	"jalons/internal/sitetest"
)

// TestRealMistakes checks, in English and in French, the messages of
// mistakes people make that the content package sees: a path under
// static/ that names static/, a front matter between --- lines, and a
// TOML mistake inside a whole action file, at its line and column.
func TestRealMistakes(t *testing.T) {
	tests := []struct{ name, files, en, fr string }{
		{"static/ in a path", `
-- content/news/n.md --
+++
title = "N"
date = 2017-04-29
image = "static/images/photo.jpg"
imageAlt = "x"
+++
`, `content/news/n.md:4:1: image "static/images/photo.jpg": paths start inside static/, without "static/" (write image = "images/photo.jpg")`,
			"content/news/n.md:4:1: image = \"static/images/photo.jpg\"\u00a0: le chemin part de l'intérieur de static/, sans \"static/\" (écrivez image = \"images/photo.jpg\")"},
		{"front matter between ---", `
-- content/actions/x.md --
---
title: X
---
`, `content/actions/x.md:1:1: the front matter goes between two lines of +++, not --- (replace both lines --- by +++, and write keys as key = "value")`,
			"content/actions/x.md:1:1: l'en-tête se place entre deux lignes +++, pas --- (remplacez les deux lignes --- par +++, et écrivez les clés sous la forme clé = \"valeur\")"},
		{"a date in an action", `
-- content/actions/x.md --
+++
title = "X"
axis = "precarites"
status = "done"
start = 12/03/2024
+++
`, `content/actions/x.md:5:9: the date 12/03/2024 must be written year-month-day, without quotes: write start = 2024-03-12`,
			"content/actions/x.md:5:9: la date 12/03/2024 s'écrit année-mois-jour, sans guillemets\u00a0: écrivez start = 2024-03-12"},
		{"partners as one text", `
-- content/actions/x.md --
+++
title = "X"
axis = "precarites"
status = "done"
partners = "CAF, Mission locale"
+++
`, `content/actions/x.md:5:1: "partners" must be a list, each item in quotes: partners = ["CAF", "Mission locale"]`,
			"content/actions/x.md:5:1: \"partners\" doit être une liste, chaque élément entre guillemets\u00a0: partners = [\"CAF\", \"Mission locale\"]"},
		{"statut and pilote", `
-- content/actions/x.md --
+++
title = "X"
axis = "precarites"
statut = "done"
pilote = "CCAS"
+++
`, "content/actions/x.md:1:1: missing required key \"status\"\n" +
			"content/actions/x.md:4:1: unknown key \"statut\" (keys are written in English: \"status\")\n" +
			"content/actions/x.md:5:1: unknown key \"pilote\" (keys are written in English: \"lead\")",
			"content/actions/x.md:1:1: la clé obligatoire \"status\" manque\n" +
				"content/actions/x.md:4:1: clé inconnue \"statut\" (les clés s'écrivent en anglais\u00a0: \"status\")\n" +
				"content/actions/x.md:5:1: clé inconnue \"pilote\" (les clés s'écrivent en anglais\u00a0: \"lead\")"},
		{"cible in an indicator", `
-- content/indicators/i.toml --
title = "I"
cible = 200
[[values]]
date = 2017-01-01
valeur = 3
`, "content/indicators/i.toml:2:1: unknown key \"cible\" (keys are written in English: \"target\")\n" +
			"content/indicators/i.toml:3:1: missing required key \"value\" in [values]\n" +
			"content/indicators/i.toml:5:1: unknown key \"valeur\" in [values] (keys are written in English: \"value\")",
			"content/indicators/i.toml:2:1: clé inconnue \"cible\" (les clés s'écrivent en anglais\u00a0: \"target\")\n" +
				"content/indicators/i.toml:3:1: la clé obligatoire \"value\" manque dans [values]\n" +
				"content/indicators/i.toml:5:1: clé inconnue \"valeur\" dans [values] (les clés s'écrivent en anglais\u00a0: \"value\")"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := sitetest.FS(base)
			for name, f := range sitetest.FS(tt.files) {
				fsys[name] = f
			}
			cfg, errs := config.Load(fsys)
			if cfg != nil && errs == nil {
				var items *content.Items
				items, errs = content.Load(fsys, cfg, false)
				_, lerrs := Link(items, testToday)
				errs.Append(lerrs)
			}
			errs.Sort()
			if got := errs.Error(); got != tt.en {
				t.Errorf("Load =\n%s\nwant\n%s", got, tt.en)
			}
			if got := strings.Join(errs.Text("fr"), "\n"); got != tt.fr {
				t.Errorf("Load in French =\n%s\nwant\n%s", got, tt.fr)
			}
		})
	}
}
