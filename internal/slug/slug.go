// Package slug turns titles and file names into the lowercase ASCII names
// used in URLs and heading ids: accents folded, ligatures spelled out,
// every other run of characters becoming one hyphen.
//
// "Épicerie sociale" → "epicerie-sociale", "Œuvres & loisirs" →
// "oeuvres-et-loisirs".
package slug

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

var spelled = map[rune]string{
	'œ': "oe", 'Œ': "oe", 'æ': "ae", 'Æ': "ae", 'ß': "ss",
	'ø': "o", 'Ø': "o", 'đ': "d", 'ł': "l", 'Ł': "l", '&': " et ",
}

// Make returns the slug of s; it may be empty when s has no letter or digit.
func Make(s string) string {
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

// Valid reports whether s is already a slug: lowercase ASCII letters,
// digits and single inner hyphens.
func Valid(s string) bool {
	return s != "" && Make(s) == s
}
