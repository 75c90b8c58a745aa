package tomlfile

import (
	"strconv"
	"strings"

	"jalons/internal/diag"
)

// scanKeys finds where each key of a TOML text is written. Keys are named
// by their path, with the index of each array-of-tables element:
// "title", "values.0.date", "bodies.1.members.0.name". Keys inside inline
// tables and arrays are not listed: Doc.Pos falls back to their parent.
func scanKeys(file, text string, line0 int) map[string]diag.Pos {
	keys := make(map[string]diag.Pos)
	counts := make(map[string]int) // concrete array path → elements so far
	var table []string             // concrete path of the current table
	multi := ""                    // closing delimiter of an open multi-line string
	for i, line := range strings.Split(text, "\n") {
		pos := func(col int) diag.Pos { return diag.Pos{File: file, Line: line0 + i + 1, Col: col} }
		if multi != "" {
			if strings.Count(line, multi)%2 == 1 {
				multi = ""
			}
			continue
		}
		trimmed := strings.TrimLeft(line, " \t")
		col := len(line) - len(trimmed) + 1
		switch {
		case strings.HasPrefix(trimmed, "[["):
			abstract, _ := parseKey(trimmed[2:])
			if len(abstract) == 0 {
				continue
			}
			concrete := append(resolve(abstract[:len(abstract)-1], counts), abstract[len(abstract)-1])
			at := strings.Join(concrete, ".")
			n := counts[at]
			counts[at] = n + 1
			table = append(concrete, strconv.Itoa(n))
			keys[strings.Join(table, ".")] = pos(col)
		case strings.HasPrefix(trimmed, "["):
			abstract, _ := parseKey(trimmed[1:])
			table = resolve(abstract, counts)
			keys[strings.Join(table, ".")] = pos(col)
		default:
			key, rest := parseKey(trimmed)
			if len(key) == 0 || !strings.HasPrefix(strings.TrimLeft(rest, " \t"), "=") {
				continue
			}
			path := strings.Join(append(table[:len(table):len(table)], key...), ".")
			if _, dup := keys[path]; !dup {
				keys[path] = pos(col)
			}
			for _, delim := range []string{`"""`, `'''`} {
				if strings.Count(rest, delim)%2 == 1 {
					multi = delim
				}
			}
		}
	}
	return keys
}

// resolve turns a table path as written into its concrete path, naming
// the current element of every array of tables it goes through.
func resolve(abstract []string, counts map[string]int) []string {
	var concrete []string
	for _, k := range abstract {
		concrete = append(concrete, k)
		if n, ok := counts[strings.Join(concrete, ".")]; ok {
			concrete = append(concrete, strconv.Itoa(n-1))
		}
	}
	return concrete
}

// parseKey reads a dotted key at the start of s (bare or quoted parts) and
// returns its parts and what follows it.
func parseKey(s string) ([]string, string) {
	var parts []string
	for {
		s = strings.TrimLeft(s, " \t")
		var part string
		switch {
		case strings.HasPrefix(s, `"`) || strings.HasPrefix(s, `'`):
			end := strings.IndexByte(s[1:], s[0])
			if end < 0 {
				return nil, s
			}
			part, s = s[1:1+end], s[2+end:]
			if unq, err := strconv.Unquote(`"` + part + `"`); err == nil {
				part = unq
			}
		default:
			n := 0
			for n < len(s) && (s[n] >= 'a' && s[n] <= 'z' || s[n] >= 'A' && s[n] <= 'Z' ||
				s[n] >= '0' && s[n] <= '9' || s[n] == '_' || s[n] == '-') {
				n++
			}
			if n == 0 {
				return nil, s
			}
			part, s = s[:n], s[n:]
		}
		parts = append(parts, part)
		rest := strings.TrimLeft(s, " \t")
		if !strings.HasPrefix(rest, ".") {
			return parts, s
		}
		s = rest[1:]
	}
}
