// Package slug turns titles and file names into the lowercase ASCII names
// used in URLs and heading ids: accents folded, ligatures spelled out,
// every other run of characters becoming one hyphen.
//
// "Épicerie sociale" → "epicerie-sociale", "Œuvres & loisirs" →
// "oeuvres-et-loisirs".
package slug

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

var spelled = map[rune]string{
	'œ': "oe", 'Œ': "oe", 'æ': "ae", 'Æ': "ae", 'ß': "ss",
	'ø': "o", 'Ø': "o", 'đ': "d", 'ł': "l", 'Ł': "l", '&': " et ",
}

// Make returns the slug of s; it may be empty when s has no letter or digit.
//
// It decomposes (NFD) each character that is not ASCII on its own, not the
// whole text at once: the marks that NFD would put in canonical order are
// dropped, and every other character that is not a letter or digit of
// ASCII separates words wherever it lies, so that the slug is the same. A
// byte that is not UTF-8 separates words too.
func Make(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	hyphen := false
	var table *[0x250]string
	for _, r := range s {
		if r < utf8.RuneSelf {
			writeByte(&b, byte(r), &hyphen)
			continue
		}
		if table == nil {
			table = latin()
		}
		var folded string
		if r < rune(len(table)) {
			folded = table[r]
		} else {
			folded = fold(r)
		}
		for i := 0; i < len(folded); i++ {
			writeByte(&b, folded[i], &hyphen)
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// latin holds fold(r) for the characters of the Latin alphabets, which
// French texts are full of; made when first needed, not when every
// command starts.
var latin = sync.OnceValue(func() *[0x250]string {
	var t [0x250]string
	for r := range t {
		t[r] = fold(rune(r))
	}
	return &t
})

// fold is what character r becomes in a slug before case and separators
// are settled: its decomposition without marks, ligatures spelled out; any
// character that is not ASCII is written as 0x80, which separates words.
func fold(r rune) string {
	var b []byte
	var buf [utf8.UTFMax]byte
	for _, d := range string(norm.NFD.Append(nil, utf8.AppendRune(buf[:0], r)...)) {
		switch sp, ok := spelled[d]; {
		case unicode.Is(unicode.Mn, d):
		case ok:
			b = append(b, sp...)
		case d < utf8.RuneSelf:
			b = append(b, byte(unicode.ToLower(d)))
		default:
			if l := unicode.ToLower(d); l < utf8.RuneSelf {
				b = append(b, byte(l))
			} else {
				b = append(b, utf8.RuneSelf)
			}
		}
	}
	return string(b)
}

// writeByte writes c, a byte of ASCII or what fold gives, to b: a letter
// in lower case, a digit, or else a hyphen before the next of them.
func writeByte(b *strings.Builder, c byte, hyphen *bool) {
	if c == '&' {
		for i := 0; i < len(" et "); i++ {
			writeByte(b, " et "[i], hyphen)
		}
		return
	}
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
		if *hyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		*hyphen = false
		b.WriteByte(c)
		return
	}
	*hyphen = true
}

// Valid reports whether s is already a slug: lowercase ASCII letters,
// digits and single inner hyphens.
func Valid(s string) bool {
	return s != "" && Make(s) == s
}
