package tomlfile

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"jalons/internal/diag"
	"jalons/internal/slug"
)

// englishKeys names the keys that people write in French: the key of the
// content format that each stands for, by the French key in lower case
// without accents (slug.Make).
var englishKeys = map[string]string{
	"titre": "title", "statut": "status", "debut": "start", "fin": "end", "cible": "target",
	"resume": "summary", "pilote": "lead", "porteur": "lead", "partenaires": "partners",
	"avancement": "progress", "valeur": "value", "unite": "unit", "publics": "audience",
	"territoires": "territories", "depense": "spent", "axe": "axis", "poids": "weight",
	"mis-a-jour": "updated", "mise-a-jour": "updated", "maj": "updated",
}

// keyLine is a line of TOML as people write it: a key, what stands
// between it and its value, and the value. It is compiled when a mistake
// is first explained: its class of letters takes a millisecond, at every
// command's start otherwise.
var keyLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^([ \t]*)([\p{L}0-9_.-]+)([ \t]*=[ \t]*|[ \t]*:[ \t]*|[ \t]+)(.*)$`)
})

// mistake explains a TOML syntax error by the line it stands on, when the
// line shows one of the mistakes people make: a date or a number written
// as in a French document, curly quotes, a text without quotes, a key
// written in French, a missing "=". Its message says what to write
// instead, at the value (or the key) it is about. It returns nil when it
// sees none of them: the parser's message is then shown.
func mistake(file, text string, line0 int, err error) *diag.Error {
	var pe toml.ParseError
	if !errors.As(err, &pe) || pe.Position.Line < 1 {
		return nil
	}
	lines := strings.Split(text, "\n")
	if pe.Position.Line > len(lines) {
		return nil
	}
	line := lines[pe.Position.Line-1]
	m := keyLine().FindStringSubmatch(line)
	if m == nil {
		return nil
	}
	indent, key, sep, value := m[1], m[2], m[3], m[4]
	if !strings.HasPrefix(value, `"`) && !strings.HasPrefix(value, `'`) {
		value, _, _ = strings.Cut(value, "#") // a comment after a bare value
	}
	value = strings.TrimSpace(value)
	at := func(col int, m *diag.Msg) *diag.Error {
		return diag.At(diag.Pos{File: file, Line: line0 + pe.Position.Line, Col: col}, "%s", m)
	}
	keyCol := utf8.RuneCountInString(indent) + 1
	valueCol := utf8.RuneCountInString(indent+key+sep) + 1
	fixed := fixValue(value)
	if fixed == "" {
		fixed = value
	}
	if en, ok := englishKeys[slug.Make(key)]; ok && !isBareKey(key) {
		return at(keyCol, diag.Errorf("keys are written in English, without accents: write %s", en+" = "+fixed))
	}
	if !strings.Contains(sep, "=") {
		if value == "" {
			return nil
		}
		return at(keyCol, diag.Errorf("missing \"=\" between the key and its value (a space, a tab or a colon is not enough): write %s", key+" = "+fixed))
	}
	if value == "" {
		return nil
	}
	if d, ok := frenchDate(value); ok {
		return at(valueCol, diag.Errorf("the date %s must be written year-month-day, without quotes: write %s", value, key+" = "+d))
	}
	if n, unit, ok := splitNumber(value); ok {
		fix := key + " = " + n
		switch {
		case unit != "":
			return at(valueCol, diag.Errorf("the number %s holds a unit or a currency sign: write %s (digits only)", value, fix))
		case strings.ContainsAny(value, " \u00a0\u202f") || strings.Count(value, ".")+strings.Count(value, ",") > 1:
			return at(valueCol, diag.Errorf("the number %s has separators between thousands: write %s (digits only, a dot for decimals)", value, fix))
		case strings.Contains(value, ","):
			return at(valueCol, diag.Errorf("the number %s has a decimal comma: write %s (with a dot)", value, fix))
		}
	}
	if r, _ := utf8.DecodeRuneInString(value); curly[r] != "" {
		return at(valueCol, diag.Errorf("a text goes between straight quotes \"…\", not %s: write %s", curly[r], key+" = "+fixed))
	}
	if r, _ := utf8.DecodeRuneInString(value); unicode.IsLetter(r) {
		return at(valueCol, diag.Errorf("a text goes between quotes: write %s", key+" = "+fixed))
	}
	return nil
}

// curly are the quotes of word processors, by the one that opens a text.
var curly = map[rune]string{'“': "“…”", '”': "”…”", '«': "«…»", '‘': "‘…’", '’': "’…’", '„': "„…“", '‚': "‚…‘"}

// isBareKey reports whether key may be written without quotes in TOML.
func isBareKey(key string) bool {
	for _, r := range key {
		if !(r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '.')) {
			return false
		}
	}
	return true
}

// fixValue is value as TOML would read it, when it is written as people
// write in a document: a date year-month-day, a number with digits only, a
// text in straight quotes; or "" when it is none of those.
func fixValue(value string) string {
	if d, ok := frenchDate(value); ok {
		return d
	}
	if n, _, ok := splitNumber(value); ok {
		return n
	}
	if value == "" || strings.HasPrefix(value, `"`) || strings.HasPrefix(value, "'") || strings.HasPrefix(value, "[") {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(value); !unicode.IsLetter(r) && curly[r] == "" {
		return ""
	}
	text := strings.Trim(value, "“”«»‘’„‚ \u00a0\u202f")
	return strconv.Quote(text)
}

// dayFirst and yearFirst are compiled when a mistake is first explained.
var (
	dayFirst = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$`)
	})
	yearFirst = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$`)
	})
)

// frenchDate reads 12/03/2024, 12.03.2024, 12-03-2024, 2024/03/12 or
// 2024-3-12 (quotes aside) and writes it year-month-day.
func frenchDate(s string) (string, bool) {
	s = strings.Trim(s, `"'`)
	var y, m, d string
	if p := dayFirst().FindStringSubmatch(s); p != nil {
		d, m, y = p[1], p[2], p[3]
	} else if p := yearFirst().FindStringSubmatch(s); p != nil {
		y, m, d = p[1], p[2], p[3]
	} else {
		return "", false
	}
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	if mi < 1 || mi > 12 || di < 1 || di > 31 {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", yi, mi, di), true
}

// splitNumber reads a number as people write it in a document — 45,5,
// 45 000, 1.500.000, 45000 €, 12 % — and returns it as TOML writes it,
// with the unit it found after it. A text that merely starts with a
// figure ("3F Habitat") is not a number.
func splitNumber(s string) (number, unit string, ok bool) {
	i := strings.IndexFunc(s, func(r rune) bool { return !strings.ContainsRune("+-0123456789 .,\u00a0\u202f", r) })
	digits, unit := s, ""
	if i >= 0 {
		digits, unit = s[:i], strings.TrimSpace(s[i:])
	}
	if !strings.ContainsAny(digits, "0123456789") || utf8.RuneCountInString(unit) > 8 || strings.ContainsAny(unit, " \"'") {
		return "", "", false
	}
	n := strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "").Replace(digits)
	comma, dot := strings.LastIndex(n, ","), strings.LastIndex(n, ".")
	switch {
	case strings.Count(n, ",") > 1 || comma >= 0 && dot > comma:
		n = strings.ReplaceAll(n, ",", "")
	case strings.Count(n, ".") > 1 || dot >= 0 && comma > dot:
		n = strings.ReplaceAll(n, ".", "")
	}
	n = strings.Replace(n, ",", ".", 1)
	f, err := strconv.ParseFloat(n, 64)
	if err != nil {
		return "", "", false
	}
	if strings.HasPrefix(unit, "k") || strings.HasPrefix(unit, "K") { // 150k, 12 k€
		n = strconv.FormatFloat(f*1000, 'f', -1, 64)
	}
	return strings.TrimPrefix(n, "+"), unit, true
}
