package tomlfile

import (
	"strings"
	"testing"
)

type choice string

func (k *choice) UnmarshalText(b []byte) error {
	switch string(b) {
	case "a", "b":
		*k = choice(b)
		return nil
	}
	return errorString("must be \"a\" or \"b\", not " + string(b))
}

type errorString string

func (e errorString) Error() string { return string(e) }

type member struct {
	Name string `toml:"name,required"`
}

type body struct {
	ID      string   `toml:"id,required"`
	Members []member `toml:"members"`
}

type doc struct {
	Title  string   `toml:"title,required"`
	Order  int      `toml:"order"`
	Budget *float64 `toml:"budget"`
	Draft  bool     `toml:"draft"`
	Tags   []string `toml:"tags"`
	Date   Date     `toml:"date"`
	Kind   choice   `toml:"kind"`
	Period struct {
		Start int `toml:"start"`
		End   int `toml:"end"`
	} `toml:"period"`
	Bodies []body `toml:"bodies"`
}

func TestDecode(t *testing.T) {
	src := `title = "Épicerie"
order = 2
budget = 150000
draft = true
tags = ["a", "b"]
date = 2017-04-29
kind = "b"
period = { start = 2017, end = 2020 }

[[bodies]]
id = "copil"

  [[bodies.members]]
  name = "Martine Guibert"
`
	var d doc
	_, errs := Decode("x.toml", src, 0, &d)
	if errs.Err() != nil {
		t.Fatalf("Decode: %v", errs)
	}
	if d.Title != "Épicerie" || d.Order != 2 || *d.Budget != 150000 || !d.Draft ||
		strings.Join(d.Tags, ",") != "a,b" || d.Date.String() != "2017-04-29" || d.Kind != "b" ||
		d.Period.End != 2020 || d.Bodies[0].Members[0].Name != "Martine Guibert" {
		t.Errorf("Decode filled %+v", d)
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line0     int
		want      []string
	}{
		{"syntax", "title = \"x\"\norder = = 2\n", 1,
			[]string{`x.md:3:9: invalid TOML: expected value but found '=' instead (check quotes around text, commas in lists, and one key = value per line)`}},
		{"missing", "order = 1\n", 1,
			[]string{`x.md:1:1: missing required key "title"`}},
		{"unknown with hint", "title = \"x\"\ntitel = \"y\"\n", 1,
			[]string{`x.md:3:1: unknown key "titel" (did you mean "title"?)`}},
		{"case matters", "Title = \"x\"\n", 1,
			[]string{`x.md:1:1: missing required key "title"`, `x.md:2:1: unknown key "Title" (did you mean "title"?)`}},
		{"unknown no hint", "title = \"x\"\nzzzzzzzz = 1\n", 0,
			[]string{`x.md:2:1: unknown key "zzzzzzzz" (known keys: "title", "order", "budget", "draft", "tags", "date", "kind", "period", "bodies")`}},
		{"several at once", "title = 3\norder = \"2\"\nbudget = \"1 500\"\ndraft = 1\ntags = \"a\"\ndate = \"2017-04-29\"\nkind = \"c\"\n", 0,
			[]string{
				`x.md:1:1: "title" must be text in quotes, not the number 3 (write title = "…")`,
				`x.md:2:1: "order" must be a whole number, not the text "2"`,
				`x.md:3:1: "budget" must be a number, not the text "1 500" (write digits without quotes or spaces, with a dot for decimals: 1500.5)`,
				`x.md:4:1: "draft" must be true or false, not the number 1`,
				`x.md:5:1: "tags" must be a list, written in brackets: tags = ["a"]`,
				`x.md:6:1: "date" must be a date without quotes: write 2017-04-29, not "2017-04-29"`,
				`x.md:7:1: "kind": must be "a" or "b", not c`,
			}},
		{"datetime", "title = \"x\"\ndate = 2017-04-29T10:00:00\n", 0,
			[]string{`x.md:2:1: "date" must be a date alone, without a time, like 2017-04-29`}},
		{"nested", "title = \"x\"\n[[bodies]]\nid = \"a\"\n[[bodies]]\nid = \"b\"\n  [[bodies.members]]\n  nom = \"X\"\n", 0,
			[]string{
				`x.md:6:3: missing required key "name" in [bodies.members]`,
				`x.md:7:3: unknown key "nom" in [bodies.members] (did you mean "name"?)`,
			}},
		{"inline table", "title = \"x\"\nperiod = { start = 2017, edn = 2020 }\n", 0,
			[]string{`x.md:2:1: unknown key "edn" in [period] (did you mean "end"?)`}},
		{"nan and inf are not figures", "title = \"x\"\nbudget = nan\n", 0,
			[]string{`x.md:2:1: "budget" must be a figure, not nan (write digits, with a dot for decimals: 1500.5)`}},
		{"inf", "title = \"x\"\n\nbudget = inf\n", 1,
			[]string{`x.md:4:1: "budget" must be a figure, not inf (write digits, with a dot for decimals: 1500.5)`}},
		{"minus inf", "title = \"x\"\n  budget = -inf\n", 0,
			[]string{`x.md:2:3: "budget" must be a figure, not -inf (write digits, with a dot for decimals: 1500.5)`}},
		{"year 0", "title = \"x\"\ndate = 0000-01-01\n", 0,
			[]string{`x.md:2:1: "date" must be a real date: there is no year 0 (write the year in full, like 2017-04-29)`}},
		{"control character in a text", "title = \"a\\u0000b\"\ntags = [\"ok\", \"\\fx\"]\n", 0,
			[]string{
				`x.md:1:1: "title" holds an invisible control character, U+0000, at character 2 (delete it: only tabs and line breaks may be used)`,
				`x.md:2:1: "tags" holds an invisible control character, U+000C, at character 1 (delete it: only tabs and line breaks may be used)`,
			}},
		{"multi-line string is not keys", "title = \"\"\"\nzzz = 1\n\"\"\"\norder = \"a\"\n", 0,
			[]string{`x.md:4:1: "order" must be a whole number, not the text "a"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			_, errs := Decode("x.md", tt.src, tt.line0, &d)
			errs.Sort()
			got := strings.Split(errs.Error(), "\n")
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Decode errors =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestText(t *testing.T) {
	got, errs := Text("a.md", []byte("\xef\xbb\xbf+++\r\ntitle = \"x\"\r\n+++\r\n"))
	if errs != nil || got != "+++\ntitle = \"x\"\n+++\n" {
		t.Errorf("Text = %q, %v", got, errs)
	}
	_, errs = Text("a.md", []byte("+++\ntitle = \"caf\xe9\"\n"))
	want := `a.md:2:13: the file is not UTF-8 text (save it again with the UTF-8 encoding; in LibreOffice or Notepad choose "UTF-8")`
	if errs.Error() != want {
		t.Errorf("Text(latin-1) = %s; want %s", errs, want)
	}
}

func TestTextLineEndings(t *testing.T) {
	want := "+++\ntitle = \"x\"\n+++\n# Hello\n"
	for _, tt := range []struct{ name, in string }{
		{"LF", "+++\ntitle = \"x\"\n+++\n# Hello\n"},
		{"CRLF", "+++\r\ntitle = \"x\"\r\n+++\r\n# Hello\r\n"},
		{"CR (old Mac)", "+++\rtitle = \"x\"\r+++\r# Hello\r"},
		{"mixed", "+++\r\ntitle = \"x\"\r+++\n# Hello\r\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := Text("a.md", []byte(tt.in))
			if errs != nil || got != want {
				t.Errorf("Text(%q) = %q, %v; want %q", tt.in, got, errs, want)
			}
		})
	}
}

func TestTextControlCharacters(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"NUL in a body", "+++\ntitle = \"x\"\n+++\nÉté\x00\x00 ici\n",
			`a.md:4:4: invisible control character U+0000 (delete it: only tabs and line breaks may be used)`},
		{"one per line, after CR line endings", "+++\r\x0ctitle = \"x\"\r+++\r\x1b\r",
			"a.md:2:1: invisible control character U+000C (delete it: only tabs and line breaks may be used)\n" +
				"a.md:4:1: invisible control character U+001B (delete it: only tabs and line breaks may be used)"},
		{"DEL", "a\tb\x7f", `a.md:1:4: invisible control character U+007F (delete it: only tabs and line breaks may be used)`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := Text("a.md", []byte(tt.in))
			if errs.Error() != tt.want {
				t.Errorf("Text(%q) = %s; want %s", tt.in, errs, tt.want)
			}
		})
	}
}

func TestSplitFront(t *testing.T) {
	front, fl, body, bl, errs := SplitFront("a.md", "+++\ntitle = \"x\"\n+++\n# Hello\n")
	if errs != nil || front != "title = \"x\"\n" || fl != 1 || body != "# Hello\n" || bl != 3 {
		t.Errorf("SplitFront = %q %d %q %d %v", front, fl, body, bl, errs)
	}
	for _, tt := range []struct{ in, want string }{
		{"title = \"x\"\n", `a.md:1:1: missing front matter: the file must start with a line +++, then keys such as title = "…", then a line +++`},
		{"+++\ntitle = \"x\"\n# Hello\n", `a.md:1:1: the front matter opened by +++ on line 1 is never closed (add a line +++ after its last key)`},
	} {
		_, _, _, _, errs := SplitFront("a.md", tt.in)
		if errs.Error() != tt.want {
			t.Errorf("SplitFront(%q) = %s; want %s", tt.in, errs, tt.want)
		}
	}
}
