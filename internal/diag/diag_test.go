package diag

import (
	"strings"
	"testing"
)

func TestSuggest(t *testing.T) {
	known := []string{"title", "axis", "status", "partners", "territories"}
	tests := []struct{ in, want, fr string }{
		{"titel", ` (did you mean "title"?)`, " (vouliez-vous dire \"title\"\u00a0?)"},
		{"Title", ` (did you mean "title"?)`, " (vouliez-vous dire \"title\"\u00a0?)"},
		{"partner", ` (did you mean "partners"?)`, " (vouliez-vous dire \"partners\"\u00a0?)"},
		{"territoires", ` (did you mean "territories"?)`, " (vouliez-vous dire \"territories\"\u00a0?)"},
		{"colour", "", ""},
		{"zzzz", "", ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.in, known).Error(); got != tt.want {
			t.Errorf("Suggest(%q) = %q; want %q", tt.in, got, tt.want)
		}
		if got := Suggest(tt.in, known).Text("fr"); got != tt.fr {
			t.Errorf("Suggest(%q) in French = %q; want %q", tt.in, got, tt.fr)
		}
	}
}

func TestListSortAndPrint(t *testing.T) {
	var l List
	if l.Err() != nil {
		t.Fatal("empty list: Err() != nil")
	}
	l.Add(Pos{File: "content/b.md", Line: 2, Col: 1}, "second %s", "file")
	l.Add(Pos{File: "content/a.md", Line: 9, Col: 3}, "late")
	l.Add(Pos{File: "content/a.md", Line: 1, Col: 1}, "early")
	l.Add(Pos{File: "content/a.md", Line: 1, Col: 1}, "early")
	l.Add(Pos{File: "config.toml"}, "no line")
	l.Sort()
	want := strings.Join([]string{
		"config.toml:1:1: no line",
		"content/a.md:1:1: early",
		"content/a.md:9:3: late",
		"content/b.md:2:1: second file",
	}, "\n")
	if got := l.Err().Error(); got != want {
		t.Errorf("List.Error() =\n%s\nwant\n%s", got, want)
	}
}

func TestTextInFrench(t *testing.T) {
	pos := Pos{File: "content/actions/x.md", Line: 3, Col: 1}
	tests := []struct {
		err    *Error
		en, fr string
	}{
		{At(pos, "unknown axis %q%s", "famile", Suggest("famile", []string{"familles"})),
			`content/actions/x.md:3:1: unknown axis "famile" (did you mean "familles"?)`,
			"content/actions/x.md:3:1: axe inconnu \"famile\" (vouliez-vous dire \"familles\"\u00a0?)"},
		{At(pos, "unknown axis %q%s", "zzz", Suggest("zzz", []string{"y"})),
			`content/actions/x.md:3:1: unknown axis "zzz"`,
			`content/actions/x.md:3:1: axe inconnu "zzz"`},
		{At(pos, "missing required key %q%s", "title", (*Msg)(nil)),
			`content/actions/x.md:3:1: missing required key "title"`,
			`content/actions/x.md:3:1: la clé obligatoire "title" manque`},
		{At(pos, "%q: %v", "status", Errorf("unknown status %q%s; use one of %s", "fini", Suggest("fini", []string{"finie"}), "done")),
			`content/actions/x.md:3:1: "status": unknown status "fini" (did you mean "finie"?); use one of done`,
			"content/actions/x.md:3:1: \"status\"\u00a0: statut inconnu \"fini\" (vouliez-vous dire \"finie\"\u00a0?)\u00a0; utilisez l'une de ces valeurs\u00a0: done"},
		{At(pos, "%q must be text in quotes, not %s", "lead", Errorf("the number %v", 3)),
			`content/actions/x.md:3:1: "lead" must be text in quotes, not the number 3`,
			`content/actions/x.md:3:1: "lead" doit être un texte entre guillemets, pas le nombre 3`},
		{At(Pos{File: "content/actions/b.md"}, "two %s have the slug %q: %s and %s (rename one file, or set slug = \"…\" in one of them)",
			"actions", "a", "content/actions/a.md", "content/actions/b.md"),
			`content/actions/b.md:1:1: two actions have the slug "a": content/actions/a.md and content/actions/b.md (rename one file, or set slug = "…" in one of them)`,
			"content/actions/b.md:1:1: deux fichiers ont le même slug \"a\"\u00a0: content/actions/a.md et content/actions/b.md (renommez l'un des deux, ou indiquez slug = \"…\" dans l'un d'eux)"},
		{At(pos, "not a format of the code base: %d", 7),
			"content/actions/x.md:3:1: not a format of the code base: 7",
			"content/actions/x.md:3:1: not a format of the code base: 7"},
		{&Error{Pos: pos, Msg: "made by hand"},
			"content/actions/x.md:3:1: made by hand",
			"content/actions/x.md:3:1: made by hand"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.en {
			t.Errorf("Error() = %q; want %q", got, tt.en)
		}
		if got := tt.err.Text("en"); got != tt.en {
			t.Errorf("Text(en) = %q; want %q", got, tt.en)
		}
		if got := tt.err.Text("fr"); got != tt.fr {
			t.Errorf("Text(fr) = %q; want %q", got, tt.fr)
		}
	}
	l := List{tests[0].err, tests[2].err}
	if got, want := strings.Join(l.Text("fr"), "\n"), tests[0].fr+"\n"+tests[2].fr; got != want {
		t.Errorf("List.Text(fr) =\n%s\nwant\n%s", got, want)
	}
}
