package site

import (
	"strings"
	"testing"

	"jalons/internal/config"
	"jalons/internal/content"
	"jalons/internal/sitetest"
)

// TestErrorsInFrench checks real problems as a French site shows them:
// translated whole, hints and value descriptions included.
func TestErrorsInFrench(t *testing.T) {
	tests := []struct{ name, files, want string }{
		{"unknown axis", `
-- content/actions/x.md --
+++
title = "X"
axis = "precarite"
status = "done"
+++
`, `content/actions/x.md:3:1: axe inconnu "precarite" (vouliez-vous dire "precarites" ?)`},
		{"unknown status", `
-- content/actions/x.md --
+++
title = "X"
axis = "precarites"
status = "en_cours"
+++
`, `content/actions/x.md:4:1: "status" : statut inconnu "en_cours" (vouliez-vous dire "en-cours" ?) ; utilisez l'une de ces valeurs : planned, in_progress, done, suspended, abandoned, a-venir, en-cours, realisee, suspendue, abandonnee`},
		{"missing required and unknown key", `
-- content/actions/x.md --
+++
axis = "precarites"
status = "done"
couleur = "rouge"
+++
`, "content/actions/x.md:1:1: la clé obligatoire \"title\" manque\n" +
			"content/actions/x.md:4:1: clé inconnue \"couleur\" (clés possibles : \"title\", \"axis\", \"status\", \"start\", \"end\", \"lead\", \"partners\", \"audience\", \"territories\", \"budget\", \"spent\", \"progress\", \"summary\", \"weight\", \"slug\", \"milestones\", \"updated\")"},
		{"keys of a table", `
-- content/governance.md --
+++
[[bodies]]
nom = "Comité"
id = "copil"
+++
`, "content/governance.md:2:1: la clé obligatoire \"name\" manque dans [bodies]\n" +
			"content/governance.md:3:1: clé inconnue \"nom\" dans [bodies] (vouliez-vous dire \"name\" ?)"},
		{"dates", `
-- content/news/m.md --
+++
title = "M"
date = "29/04/2017"
+++
-- content/news/n.md --
+++
title = "N"
date = "2017-04-29"
+++
-- content/news/o.md --
+++
title = "O"
date = 2017
+++
`, "content/news/m.md:3:1: \"date\" doit être une date sans guillemets\u00a0: écrivez 2017-04-29, pas \"29/04/2017\"\n" +
			"content/news/n.md:3:1: \"date\" doit être une date sans guillemets : écrivez 2017-04-29, pas \"2017-04-29\"\n" +
			"content/news/o.md:3:1: \"date\" doit être une date écrite année-mois-jour sans guillemets, comme 2017-04-29, pas le nombre 2017"},
		{"wrong shapes", `
-- content/indicators/y.toml --
title = "Y"
unit = 3

[[values]]
date = 2012-12-31
value = "190 familles"
`, "content/indicators/y.toml:2:1: \"unit\" doit être un texte entre guillemets, pas le nombre 3 (écrivez unit = \"…\")\n" +
			"content/indicators/y.toml:6:1: \"value\" doit être un nombre, pas le texte \"190 familles\" (écrivez des chiffres sans guillemets ni espaces, avec un point pour les décimales : 1500.5)"},
		{"duplicate slug", `
-- content/actions/Épicerie.md --
+++
title = "Autre"
axis = "precarites"
status = "done"
+++
`, `content/actions/Épicerie.md:1:1: deux fichiers ont le même slug "epicerie" : content/actions/epicerie.md et content/actions/Épicerie.md (renommez l'un des deux, ou indiquez slug = "…" dans l'un d'eux)`},
		{"governance references", `
-- content/governance.md --
+++
[[bodies]]
id = "copil"
name = "Comité de pilotage"
parent = "ca"

[[meetings]]
date = 2017-04-25
body = "copi"
title = "Réunion"
+++
`, "content/governance.md:5:1: instance inconnue \"ca\" (valeurs possibles : copil)\n" +
			"content/governance.md:9:1: instance inconnue \"copi\" (vouliez-vous dire \"copil\" ?)"},
		{"not utf-8", "\n-- content/axes/x.md --\n+++\ntitle = \"Pr\xe9carit\xe9\"\n+++\n",
			`content/axes/x.md:2:12: le fichier n'est pas en UTF-8 (enregistrez-le à nouveau en choisissant l'encodage UTF-8 ; dans LibreOffice ou le Bloc-notes, choisissez "UTF-8")`},
		{"malformed toml", `
-- content/actions/x.md --
+++
title = "X
axis = "precarites"
+++
`, `content/actions/x.md:2:11: TOML invalide : strings cannot contain newlines (vérifiez les guillemets autour des textes, les virgules dans les listes, et qu'il n'y a qu'une clé = valeur par ligne)`},
		{"image", `
-- content/news/n.md --
+++
title = "N"
date = 2017-04-29
image = "images/reunion.jpg"
+++
`, "content/news/n.md:4:1: image = \"images/reunion.jpg\" : aucun fichier de ce nom dans static/ (placez le fichier dans static/images/reunion.jpg)\n" +
			"content/news/n.md:4:1: une image demande un texte imageAlt qui dit ce qu'elle montre, pour les personnes qui ne peuvent pas la voir (imageAlt = \"…\")"},
		{"config", `
-- config.toml --
title = " "
language = "de"
baseURL = "www.example.fr"
periode = { start = 2022, end = 2018 }
`, "config.toml:1:1: la clé \"title\" ne doit pas être vide\n" +
			"config.toml:2:1: \"language\" : langue inconnue \"de\" (utilisez \"fr\" ou \"en\")\n" +
			"config.toml:3:1: baseURL = \"www.example.fr\" : il faut une adresse complète, comme https://www.example.fr/projet-social/\n" +
			"config.toml:4:1: clé inconnue \"periode\" (vouliez-vous dire \"period\" ?)"},
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
			got := strings.Join(errs.Text("fr"), "\n")
			want := strings.ReplaceAll(tt.want, " :", "\u00a0:")
			want = strings.ReplaceAll(strings.ReplaceAll(want, " ;", "\u00a0;"), " ?", "\u00a0?")
			if got != want {
				t.Errorf("problems in French =\n%s\nwant\n%s", got, want)
			}
			if english := errs.Error(); strings.Contains(english, "\u00a0") {
				t.Errorf("the English text has French in it:\n%s", english)
			}
		})
	}
}
