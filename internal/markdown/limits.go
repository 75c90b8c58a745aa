package markdown

import (
	"strings"
	"unicode/utf8"

	"jalons/internal/diag"
)

// Limits on the shape of Markdown, far beyond what a site needs. goldmark
// takes time that grows with the square of some counts (quotes or lists
// nested in each other, links and emphasis in one paragraph, unclosed
// links on one line: BenchmarkHostile shows them), so Check refuses a
// text past them before it reaches the parser.
var (
	MaxDepth    = 100 // quotes and list items nested at the start of a line
	MaxBrackets = 32  // [ left open in a paragraph (or a list item)
	MaxEmphasis = 250 // *, _ and ~ in a paragraph (or a list item)
	// Markdown signs in a text: [ ] * _ ~ < ` | \ &, and for each line
	// the square of its depth of quotes and lists. goldmark makes a node
	// of about each, at about a microsecond apiece.
	MaxSigns = 500_000
)

// Check reports the first place where src, the Markdown of file starting
// after line0 lines of it, goes past a limit. A paragraph is a run of
// lines that are not blank, and a list item starts a new one; fenced code
// is not counted. Link addresses, which goldmark reads to their end for
// each [text]( on a line, may be read three times the line's length in
// all.
func Check(file, src string, line0 int) diag.List {
	var errs diag.List
	brackets, emphasis, signs := 0, 0, 0
	fence := "" // the fence of an open code block
	n := -1
	for line := range strings.SplitSeq(src, "\n") {
		n++
		at := func(i int) diag.Pos {
			return diag.Pos{File: file, Line: line0 + n + 1, Col: utf8.RuneCountInString(line[:i]) + 1}
		}
		start, depth, deepest, item := prefix(line)
		if depth > MaxDepth {
			errs.Add(at(deepest), "quotes and lists nested more than %d levels deep (write them flatter)", MaxDepth)
			return errs
		}
		if signs += depth * depth; signs > MaxSigns { // goldmark's work on the line's containers
			errs.Add(at(0), "more than %d Markdown signs in one file, counting [ ] * _ ~ < ` | \\ & and, on each line, the square of its depth of quotes and lists (split the file)", MaxSigns)
			return errs
		}
		rest := strings.TrimLeft(line[start:], " \t")
		if fence != "" {
			if strings.HasPrefix(rest, fence) && strings.Trim(rest, fence[:1]+" \t") == "" {
				fence = ""
			}
			continue
		}
		if f := fenceOf(rest); f != "" {
			fence = f
			continue
		}
		if rest == "" || item {
			brackets, emphasis = 0, 0
		}
		if i := unclosedLink(line); i >= 0 {
			errs.Add(at(i), "a link [text]( whose address is not closed on its line (close it with ), or write \\( for a bracket that is not a link)")
			return errs
		}
		for i := start; i < len(line); i++ {
			if isSign[line[i]] {
				if signs++; signs > MaxSigns {
					errs.Add(at(i), "more than %d Markdown signs in one file, counting [ ] * _ ~ < ` | \\ & and, on each line, the square of its depth of quotes and lists (split the file)", MaxSigns)
					return errs
				}
			}
			switch line[i] {
			case '\\':
				i++ // an escaped sign is text
			case '[':
				if brackets++; brackets > MaxBrackets {
					errs.Add(at(i), "more than %d [ left open in one paragraph (close each [ with ], or write \\[ for a bracket that is not a link)", MaxBrackets)
					return errs
				}
			case ']':
				brackets = max(brackets-1, 0)
			case '*', '_', '~':
				if emphasis++; emphasis > MaxEmphasis {
					errs.Add(at(i), "more than %d *, _ or ~ in one paragraph (separate paragraphs with a blank line, or write \\%c for a sign that is not emphasis)", MaxEmphasis, line[i])
					return errs
				}
			}
		}
	}
	return nil
}

// isSign is true for the Markdown signs Check counts.
var isSign = func() (t [256]bool) {
	for _, c := range []byte("[]*_~<`|\\&") {
		t[c] = true
	}
	return t
}()

// prefix reads the quote and list markers that open a line and its
// indentation: it returns where the line's text starts, how deeply it is
// nested (a marker is a level, two columns of indentation too), and where
// the marker or space that passed MaxDepth stands, and whether the line
// starts a list item.
func prefix(line string) (start, depth, deepest int, item bool) {
	cols := 0
	i := 0
	for i < len(line) {
		level, at := false, i
		switch c := line[i]; {
		case c == ' ' || c == '\t':
			cols++
			if c == '\t' {
				cols += 3
			}
			i++
		case c == '>':
			level = true
			i++
			if i < len(line) && line[i] == ' ' {
				i++
			}
		case c == '-' || c == '*' || c == '+':
			if i+1 < len(line) && line[i+1] != ' ' && line[i+1] != '\t' {
				return i, depth + cols/2, deepest, item
			}
			level, item = true, true
			i += 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 >= len(line) || line[j] != '.' && line[j] != ')' || line[j+1] != ' ' && line[j+1] != '\t' {
				return i, depth + cols/2, deepest, item
			}
			level, item = true, true
			i = j + 2
		default:
			return i, depth + cols/2, deepest, item
		}
		if level {
			depth++
		}
		if depth+cols/2 > MaxDepth && deepest == 0 {
			deepest = at
		}
	}
	return min(i, len(line)), depth + cols/2, deepest, item
}

// fenceOf returns the fence that opens a fenced code block at the start
// of s, ``` or ~~~ (or longer), or "".
func fenceOf(s string) string {
	for _, c := range []string{"`", "~"} {
		n := len(s) - len(strings.TrimLeft(s, c))
		if n >= 3 {
			return strings.Repeat(c, n)
		}
	}
	return ""
}

// unclosedLink returns where, on line, the addresses of links [text](…
// have been read more than three times the line's length by goldmark, which reads each to its first unbalanced ), or space (to
// its > for an address in <…>), or else to the end of the line; or -1.
func unclosedLink(line string) int {
	if !strings.Contains(line, "](") {
		return -1
	}
	n := len(line)
	match := make([]int32, n+1)  // ( → its ), or n
	space := make([]int32, n+1)  // i → the first space at or after i, or n
	closer := make([]int32, n+1) // i → the first > at or after i, or n
	space[n], closer[n] = int32(n), int32(n)
	for i := n - 1; i >= 0; i-- {
		space[i], closer[i] = space[i+1], closer[i+1]
		switch line[i] {
		case ' ', '\t':
			space[i] = int32(i)
		case '>':
			closer[i] = int32(i)
		}
	}
	var open []int32
	for i := 0; i < n; i++ {
		switch line[i] {
		case '\\':
			i++
		case '(':
			match[i] = int32(n)
			open = append(open, int32(i))
		case ')':
			if len(open) > 0 {
				match[open[len(open)-1]] = int32(i)
				open = open[:len(open)-1]
			}
		}
	}
	work, budget := 0, 3*n
	for i := 0; i+1 < n; i++ {
		if line[i] != ']' || line[i+1] != '(' {
			continue
		}
		d := i + 2
		for d < n && (line[d] == ' ' || line[d] == '\t') {
			d++
		}
		if d < n && line[d] == '<' {
			work += int(closer[d]) - d
		} else {
			work += int(min(match[i+1], space[d])) - d
		}
		if work > budget {
			return i
		}
	}
	return -1
}
