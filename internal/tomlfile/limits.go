package tomlfile

import (
	"strings"

	"jalons/internal/diag"
)

// Limits on the shape of a TOML text, far beyond what a site needs. The
// TOML library takes time and memory that grow with the square of a key's
// parts or of the nesting depth (a dotted key of 20,000 parts takes
// 5 GB), so a text past them is refused before it is parsed.
var (
	MaxKeyParts = 100     // parts of a dotted key or table header: a.b.c is 3
	MaxDepth    = 100     // arrays and inline tables inside each other
	MaxTables   = 100_000 // tables in a text: [t], [[t]] and { … }
)

// checkLimits scans text once, as TOML, and reports the first place where
// it goes past a limit. It knows strings and comments well enough not to
// count what they hold; it does not check the syntax: the parser does.
func checkLimits(file, text string, line0 int) diag.List {
	var errs diag.List
	line, col := 1, 1
	pos := func() diag.Pos { return diag.Pos{File: file, Line: line0 + line, Col: col} }
	var stack []byte // open [ (array) and { (inline table) in values
	key := true      // reading a key (or a table header), not a value
	header := false  // inside [table] or [[table]]
	parts := 0       // parts of the key read so far
	tables := 0
	for i := 0; i < len(text); {
		c := text[i]
		n := 1 // bytes taken
		switch {
		case c == '\n':
			if len(stack) == 0 {
				key, header, parts = true, false, 0
			}
			i++
			line, col = line+1, 1
			continue
		case c == '#':
			for n < len(text)-i && text[i+n] != '\n' {
				n++
			}
		case c == '"' || c == '\'':
			quote := text[i : i+1]
			if strings.HasPrefix(text[i:], quote+quote+quote) {
				quote = quote + quote + quote
			}
			if key && parts == 0 {
				parts = 1
			}
			i, col = i+len(quote), col+len(quote)
			for i < len(text) && !strings.HasPrefix(text[i:], quote) {
				if text[i] == '\n' {
					if len(quote) == 1 {
						break // an unclosed string: the parser says so
					}
					i, line, col = i+1, line+1, 1
					continue
				}
				if text[i] == '\\' && quote[0] == '"' && i+1 < len(text) && text[i+1] != '\n' {
					i, col = i+1, col+1
				}
				if text[i]&0xC0 != 0x80 {
					col++
				}
				i++
			}
			if strings.HasPrefix(text[i:], quote) {
				i, col = i+len(quote), col+len(quote)
			}
			continue
		case c == '.' && key:
			parts++
			if parts > MaxKeyParts {
				errs.Add(pos(), "a key of more than %d parts (write a shorter key; a.b.c has 3 parts)", MaxKeyParts)
				return errs
			}
		case c == '=' && key && !header:
			key, parts = false, 0
		case c == '[' && key && len(stack) == 0 && !header:
			header, parts = true, 0
			tables++
		case c == '[' && header:
			// [[table]]
		case c == ']' && header:
			key, header = false, false
		case c == '[' || c == '{':
			if c == '{' {
				tables++
			}
			stack = append(stack, c)
			if len(stack) > MaxDepth {
				errs.Add(pos(), "lists and tables nested more than %d levels deep (write them flatter)", MaxDepth)
				return errs
			}
			key, parts = c == '{', 0
		case c == ']' || c == '}':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			key = false
		case c == ',':
			key, parts = len(stack) > 0 && stack[len(stack)-1] == '{', 0
		case key && parts == 0 && c != ' ' && c != '\t' && c != '\r':
			parts = 1
		}
		if tables > MaxTables {
			errs.Add(pos(), "more than %d tables in one file, written [t], [[t]] or { … } (keep fewer; each value of an indicator is one)", MaxTables)
			return errs
		}
		for j := 0; j < n; j++ {
			if text[i+j]&0xC0 != 0x80 {
				col++
			}
		}
		i += n
	}
	return errs
}
