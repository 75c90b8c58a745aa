package tomlfile

import (
	"strings"
	"testing"
)

// TestMistakes checks the message of each mistake people make in TOML, at
// its line and column, in English and in French.
func TestMistakes(t *testing.T) {
	tests := []struct{ name, src, en, fr string }{
		{"date with slashes", "date = 12/03/2024",
			`a.md:2:8: the date 12/03/2024 must be written year-month-day, without quotes: write date = 2024-03-12`,
			"a.md:2:8: la date 12/03/2024 s'écrit année-mois-jour, sans guillemets\u00a0: écrivez date = 2024-03-12"},
		{"date with dots", "date = 1.3.2024 # début",
			`a.md:2:8: the date 1.3.2024 must be written year-month-day, without quotes: write date = 2024-03-01`,
			"a.md:2:8: la date 1.3.2024 s'écrit année-mois-jour, sans guillemets\u00a0: écrivez date = 2024-03-01"},
		{"quoted date in another format", `date = "12/03/2024"`,
			`a.md:2:1: "date" must be a date without quotes: write 2024-03-12, not "12/03/2024"`,
			"a.md:2:1: \"date\" doit être une date sans guillemets\u00a0: écrivez 2024-03-12, pas \"12/03/2024\""},
		{"quoted text that is no date", `date = "avril 2017"`,
			`a.md:2:1: "date" must be a date written year-month-day without quotes, like 2017-04-29, not "avril 2017"`,
			"a.md:2:1: \"date\" doit être une date écrite année-mois-jour sans guillemets, comme 2017-04-29, pas \"avril 2017\""},
		{"decimal comma", "budget = 45,5",
			`a.md:2:10: the number 45,5 has a decimal comma: write budget = 45.5 (with a dot)`,
			"a.md:2:10: le nombre 45,5 a une virgule décimale\u00a0: écrivez budget = 45.5 (avec un point)"},
		{"spaces between thousands", "budget = 45 000",
			`a.md:2:10: the number 45 000 has separators between thousands: write budget = 45000 (digits only, a dot for decimals)`,
			"a.md:2:10: le nombre 45 000 sépare les milliers\u00a0: écrivez budget = 45000 (des chiffres seulement, avec un point pour les décimales)"},
		{"dots between thousands", "budget = 1.500.000,50",
			`a.md:2:10: the number 1.500.000,50 has separators between thousands: write budget = 1500000.50 (digits only, a dot for decimals)`,
			"a.md:2:10: le nombre 1.500.000,50 sépare les milliers\u00a0: écrivez budget = 1500000.50 (des chiffres seulement, avec un point pour les décimales)"},
		{"currency sign", "budget = 45 000 €",
			`a.md:2:10: the number 45 000 € holds a unit or a currency sign: write budget = 45000 (digits only)`,
			"a.md:2:10: le nombre 45 000 € contient une unité ou un symbole monétaire\u00a0: écrivez budget = 45000 (des chiffres seulement)"},
		{"unit", "  order = 12%",
			`a.md:2:11: the number 12% holds a unit or a currency sign: write order = 12 (digits only)`,
			"a.md:2:11: le nombre 12% contient une unité ou un symbole monétaire\u00a0: écrivez order = 12 (des chiffres seulement)"},
		{"thousands in k", "budget = 150k€",
			`a.md:2:10: the number 150k€ holds a unit or a currency sign: write budget = 150000 (digits only)`,
			"a.md:2:10: le nombre 150k€ contient une unité ou un symbole monétaire\u00a0: écrivez budget = 150000 (des chiffres seulement)"},
		{"curly quotes", "title = “Épicerie sociale”",
			`a.md:2:9: a text goes between straight quotes "…", not “…”: write title = "Épicerie sociale"`,
			"a.md:2:9: un texte se met entre guillemets droits \"…\", pas “…”\u00a0: écrivez title = \"Épicerie sociale\""},
		{"French quotes", "title = « Épicerie »",
			`a.md:2:9: a text goes between straight quotes "…", not «…»: write title = "Épicerie"`,
			"a.md:2:9: un texte se met entre guillemets droits \"…\", pas «…»\u00a0: écrivez title = \"Épicerie\""},
		{"text without quotes", "title = CCAS de Saint-Flour",
			`a.md:2:9: a text goes between quotes: write title = "CCAS de Saint-Flour"`,
			"a.md:2:9: un texte se met entre guillemets\u00a0: écrivez title = \"CCAS de Saint-Flour\""},
		{"tab for =", "title\t\"Épicerie\"",
			`a.md:2:1: missing "=" between the key and its value (a space, a tab or a colon is not enough): write title = "Épicerie"`,
			"a.md:2:1: il manque le signe = entre la clé et sa valeur (une espace, une tabulation ou un deux-points ne suffisent pas)\u00a0: écrivez title = \"Épicerie\""},
		{"colon for =", "  title: Épicerie",
			`a.md:2:3: missing "=" between the key and its value (a space, a tab or a colon is not enough): write title = "Épicerie"`,
			"a.md:2:3: il manque le signe = entre la clé et sa valeur (une espace, une tabulation ou un deux-points ne suffisent pas)\u00a0: écrivez title = \"Épicerie\""},
		{"French key with accents", "début = 12/03/2024",
			`a.md:2:1: keys are written in English, without accents: write start = 2024-03-12`,
			"a.md:2:1: les clés s'écrivent en anglais, sans accents\u00a0: écrivez start = 2024-03-12"},
		{"French key résumé", `résumé = "Une phrase"`,
			`a.md:2:1: keys are written in English, without accents: write summary = "Une phrase"`,
			"a.md:2:1: les clés s'écrivent en anglais, sans accents\u00a0: écrivez summary = \"Une phrase\""},
		{"French key without accents", `titre = "Épicerie"`,
			`a.md:2:1: unknown key "titre" (keys are written in English: "title")`,
			"a.md:2:1: clé inconnue \"titre\" (les clés s'écrivent en anglais\u00a0: \"title\")"},
		{"list as one text", `tags = "Mission locale, CAF"`,
			`a.md:2:1: "tags" must be a list, each item in quotes: tags = ["Mission locale", "CAF"]`,
			"a.md:2:1: \"tags\" doit être une liste, chaque élément entre guillemets\u00a0: tags = [\"Mission locale\", \"CAF\"]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			_, errs := Decode("a.md", tt.src+"\ntitle = \"x\"\n", 1, &d)
			errs.Sort()
			if got := errs.Error(); got != tt.en {
				t.Errorf("Decode(%q) =\n%s\nwant\n%s", tt.src, got, tt.en)
			}
			if got := strings.Join(errs.Text("fr"), "\n"); got != tt.fr {
				t.Errorf("Decode(%q) in French =\n%s\nwant\n%s", tt.src, got, tt.fr)
			}
		})
	}
}
