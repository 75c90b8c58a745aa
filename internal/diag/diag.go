// Package diag holds the problems a build reports to the people who write a
// site: each names a file, a line and a column, says what is wrong and, where
// it can, what would be right.
//
// A List collects every problem of a run so that all are reported at once;
// its Err method is nil when the list is empty, like go/scanner.ErrorList.
//
// Messages are written in English, as a format and its arguments, and kept
// that way so that they can also be shown in French (see fr.go): Error
// gives the English text, Text the text in a site's language.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a place in a file of the site. Line and Col count from 1; a
// problem with a whole file (zero line) is shown at 1:1, so that every
// message reads path:line:col. File is relative to the site's folder,
// with slashes.
type Pos struct {
	File      string
	Line, Col int
}

func (p Pos) String() string {
	return fmt.Sprintf("%s:%d:%d", p.File, max(p.Line, 1), max(p.Col, 1))
}

// Error is one problem at one place. Msg is its English text, made of
// Format and Args; make one with At or List.Add.
type Error struct {
	Pos    Pos
	Msg    string
	Format string
	Args   []any
}

// At returns the problem at pos that fmt.Sprintf(format, args...) tells.
// Arguments made with Errorf are put in the message's language too.
func At(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...), Format: format, Args: args}
}

func (e *Error) Error() string { return e.Text("en") }

// Text is the problem as path:line:col: message, the message in lang: "fr"
// for French, English for any other.
func (e *Error) Text(lang string) string {
	msg := e.Msg
	if lang == "fr" && e.Format != "" {
		msg = (&Msg{Format: e.Format, Args: e.Args}).Text(lang)
	}
	if e.Pos.File == "" {
		return msg
	}
	return e.Pos.String() + ": " + msg
}

// List is every problem found in one run.
type List []*Error

// Add appends a problem at pos.
func (l *List) Add(pos Pos, format string, args ...any) {
	*l = append(*l, At(pos, format, args...))
}

// Append adds all of other's problems.
func (l *List) Append(other List) { *l = append(*l, other...) }

// Sort orders the problems by file, line and column, and drops exact
// repeats.
func (l *List) Sort() {
	s := *l
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i].Pos, s[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	out := s[:0]
	for i, e := range s {
		if i > 0 && e.Pos == s[i-1].Pos && e.Msg == s[i-1].Msg {
			continue
		}
		out = append(out, e)
	}
	*l = out
}

// Error prints one problem a line.
func (l List) Error() string { return strings.Join(l.Text("en"), "\n") }

// Text is each problem's Text in lang.
func (l List) Text(lang string) []string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Text(lang)
	}
	return lines
}

// Err returns the list as an error, or nil when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Suggest returns ` (did you mean "x"?)` when one of known is close to
// name, and nil, which prints as "", otherwise. Closeness ignores case and
// accents are compared as written.
func Suggest(name string, known []string) *Msg {
	best, bestDist := "", -1
	lname := strings.ToLower(name)
	for _, k := range known {
		d := distance(lname, strings.ToLower(k))
		if bestDist < 0 || d < bestDist {
			best, bestDist = k, d
		}
	}
	limit := 2
	if len(name) > 8 {
		limit = 3
	}
	if best == "" || bestDist > limit || bestDist >= len([]rune(name)) {
		return nil
	}
	return Errorf(" (did you mean %q?)", best)
}

// Known quotes a list of choices: `"a", "b"`.
func Known(known []string) string {
	q := make([]string, len(known))
	for i, k := range known {
		q[i] = fmt.Sprintf("%q", k)
	}
	return strings.Join(q, ", ")
}

// distance is the Levenshtein distance between a and b, by runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
