package slug

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestMake(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Épicerie sociale", "epicerie-sociale"},
		{"Élections à venir", "elections-a-venir"},
		{"Œuvres & loisirs", "oeuvres-et-loisirs"},
		{"  L'accueil de jour — Alzheimer ! ", "l-accueil-de-jour-alzheimer"},
		{"Contrat 2017-2020", "contrat-2017-2020"},
		{"already-a-slug", "already-a-slug"},
		{"../../etc/passwd", "etc-passwd"},
		{"Straße", "strasse"},
		{"日本", ""},
	}
	for _, tt := range tests {
		if got := Make(tt.in); got != tt.want {
			t.Errorf("Make(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestValid(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"epicerie-sociale", true},
		{"a1", true},
		{"", false},
		{"Epicerie", false},
		{"a--b", false},
		{"-a", false},
		{"../x", false},
		{"a/b", false},
	}
	for _, tt := range tests {
		if got := Valid(tt.in); got != tt.want {
			t.Errorf("Valid(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

// wholeText is Make as it was written first: the whole text decomposed
// at once. Make must give the same slugs.
func wholeText(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if sp, ok := spelled[r]; ok {
			for _, c := range sp {
				writeRune(&b, c, &hyphen)
			}
			continue
		}
		writeRune(&b, r, &hyphen)
	}
	return strings.TrimSuffix(b.String(), "-")
}

func writeRune(b *strings.Builder, r rune, hyphen *bool) {
	r = unicode.ToLower(r)
	if r < 128 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
		if *hyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		*hyphen = false
		b.WriteRune(r)
		return
	}
	*hyphen = true
}

// TestMakeAsWholeText compares Make with wholeText on every character
// alone, between letters, after a letter with a mark, and on runs of marks
// in every order, as NFD would reorder them.
func TestMakeAsWholeText(t *testing.T) {
	marks := []string{"\u0301", "\u0327", "\u0323", "\u0345", "\u05b0", "\U0001d165", "\U0001d16d", "\u0903"}
	var texts []string
	for r := rune(0); r <= 0x2ffff; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		c := string(r)
		texts = append(texts, c, "a"+c+"b", "e\u0301"+c+"1", c+"\u0323\u0301", "&"+c+"&")
	}
	for _, m := range marks {
		for _, n := range marks {
			texts = append(texts, "a"+m+n+"b", "ñ"+m+n, "x "+m+"ǅ"+n)
		}
	}
	texts = append(texts, "Épicerie sociale", "Œuvres & loisirs", "Ǆ ǆ ﬁ Ⅻ ½", "Ｆｕｌｌ", "İstanbul Kelvin \u212a")
	for _, s := range texts {
		if got, want := Make(s), wholeText(s); got != want {
			t.Errorf("Make(%q) = %q; want %q", s, got, want)
		}
	}
}
