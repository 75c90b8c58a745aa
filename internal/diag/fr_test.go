package diag

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// formats returns every message format written in the code base, by the
// place it is written: the string literal given as format to List.Add (or
// a method add, such as tomlfile's), At or Errorf, to the say of
// cmd/jalons, or as the usage of a flag.
func formats(t *testing.T) map[string][]string {
	t.Helper()
	found := map[string][]string{}
	fset := token.NewFileSet()
	for _, root := range []string{"../../internal", "../../cmd"} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(fset, p, nil, 0)
			if err != nil {
				return err
			}
			inDiag := f.Name.Name == "diag"
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				i := formatArg(call, inDiag)
				if i < 0 || i >= len(call.Args) {
					return true
				}
				if s, ok := constString(call.Args[i]); ok {
					pos := fset.Position(call.Args[i].Pos())
					found[s] = append(found[s], filepath.Base(pos.Filename)+":"+strconv.Itoa(pos.Line))
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(found) < 50 {
		t.Fatalf("found only %d formats: is the search right?", len(found))
	}
	return found
}

// formatArg is the index of the format among call's arguments, or -1 when
// call does not make a message.
func formatArg(call *ast.CallExpr, inDiag bool) int {
	var name string
	switch fn := call.Fun.(type) {
	case *ast.SelectorExpr:
		name = fn.Sel.Name
		if x, ok := fn.X.(*ast.Ident); ok && x.Name == "diag" {
			name = "diag." + name
		}
	case *ast.Ident:
		name = fn.Name
		if inDiag {
			name = "diag." + fn.Name
		}
	}
	switch name {
	case "Add", "add", "diag.At":
		return 1
	case "diag.Errorf":
		return 0
	case "say": // cmd/jalons: say(w, lang, format, args...)
		return 2
	case "StringVar", "BoolVar", "IntVar", "DurationVar": // a flag's usage
		return 3
	}
	return -1
}

// constString is the value of a string literal, or of a sum of them.
func constString(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			s, err := strconv.Unquote(e.Value)
			return s, err == nil
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			a, ok1 := constString(e.X)
			b, ok2 := constString(e.Y)
			return a + b, ok1 && ok2
		}
	case *ast.ParenExpr:
		return constString(e.X)
	}
	return "", false
}

// wordless reports a format made only of verbs, spaces and signs that
// French writes as English does, such as "%q %v", which needs no
// translation.
func wordless(format string) bool {
	for _, v := range verbs(format) {
		format = strings.Replace(format, v.text, "", 1)
	}
	return !strings.ContainsFunc(format, unicode.IsLetter) && !strings.ContainsAny(format, ":;?!")
}

type verb struct {
	text string // as written: %q, %[2]s
	arg  int    // the argument it prints, from 0
	verb rune
}

// verbs lists the verbs of a format in order, with the argument each one
// prints, as fmt counts them.
func verbs(format string) []verb {
	var out []verb
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		start := i
		i++
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		if i < len(format) && format[i] == '[' {
			end := strings.IndexByte(format[i:], ']')
			if n, err := strconv.Atoi(format[i+1 : i+end]); err == nil {
				arg = n - 1
			}
			i += end + 1
		}
		for i < len(format) && (format[i] >= '0' && format[i] <= '9' || format[i] == '.') {
			i++
		}
		if i >= len(format) {
			break
		}
		if format[i] == '%' {
			continue
		}
		out = append(out, verb{text: format[start : i+1], arg: arg, verb: rune(format[i])})
		arg++
	}
	return out
}

// TestFrenchCoversEveryMessage fails when a message of the code base has no
// French text, or a French text prints other arguments, or with other
// verbs, than its English one. A French text may leave an argument out, or
// change their order, with explicit indexes: %[2]q.
func TestFrenchCoversEveryMessage(t *testing.T) {
	found := formats(t)
	var missing []string
	for en, places := range found {
		if wordless(en) {
			continue
		}
		fr, ok := french[en]
		if !ok {
			missing = append(missing, strconv.Quote(en)+" ("+strings.Join(places, ", ")+")")
			continue
		}
		ev, fv := verbs(en), verbs(fr)
		byArg := map[int]rune{}
		for _, v := range ev {
			byArg[v.arg] = v.verb
		}
		for _, v := range fv {
			if byArg[v.arg] != v.verb {
				t.Errorf("French of %q prints argument %d with %s, not as the English does:\n%q", en, v.arg+1, v.text, fr)
			}
		}
		if !strings.Contains(fr, "%[") {
			if len(ev) != len(fv) {
				t.Errorf("French of %q has %d verbs, not %d:\n%q", en, len(fv), len(ev), fr)
			}
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("no French for %s", m)
	}
	for en := range french {
		if _, ok := found[en]; !ok {
			t.Errorf("French for %q, which no code uses any more", en)
		}
	}
}

// TestFrenchTypography checks the no-break space before : ; ? and ! in
// French, where a space is due: before a sign followed by a space, a
// closing bracket or the end of the text.
func TestFrenchTypography(t *testing.T) {
	for en, fr := range french {
		r := []rune(fr)
		for i, c := range r {
			if !strings.ContainsRune(":;?!", c) || i+1 < len(r) && !strings.ContainsRune(" )", r[i+1]) {
				continue
			}
			if i == 0 || r[i-1] != '\u00a0' {
				t.Errorf("French of %q: no no-break space before %q at %d:\n%q", en, c, i, fr)
			}
		}
		if strings.Contains(fr, "  ") && !strings.Contains(en, "  ") || strings.HasPrefix(en, " ") != strings.HasPrefix(fr, " ") {
			t.Errorf("French of %q: spaces differ from the English:\n%q", en, fr)
		}
	}
}

// userPackages are the folders whose printed lines and errors reach the
// people who run jalons.
var userPackages = []string{"../../cmd", "../build", "../server", "../scaffold", "../importer", "../watch", "../render", "../config"}

// notForPeople are the literals of fmt and errors calls in userPackages
// that no one reads as a sentence: protocol, markup, hashes.
var notForPeople = map[string]string{
	"jalons: ":                        "the name before each line, in every language (cmd/jalons say)",
	"jalons %s (%s)\n":                "the version line: a name and two numbers",
	"problems reported":               "errReported, never printed",
	"  -%s":                           "a flag's name, in the usage",
	"\n    \t%s":                      "layout of the usage",
	": jalons\n\n":                    "Server-Sent Events: a comment opening the stream",
	"event: reload\ndata: reload\n\n": "Server-Sent Events: the reload event",
	": ping\n\n":                      "Server-Sent Events: a comment that keeps the stream open",
	`<div id="jalons-problems" role="alert" class="jalons-problems"><p><strong>%s</strong></p><ul>`: "markup around the problem list, whose words are translated",
	"<li><code>%s</code></li>":   "markup around a problem",
	`\u%04X`:                     "an escape in TOML",
	".axis-%s { --axis: %s; }\n": "CSS",
}

// TestEveryLineIsTranslatable fails when a line printed to the user, or
// an error that ends up printed, is written with fmt or errors instead of
// diag (diag.Errorf, diag.At, List.Add), which gives it a French text:
// such a line would be English on a French site.
func TestEveryLineIsTranslatable(t *testing.T) {
	fset := token.NewFileSet()
	for _, root := range userPackages {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(fset, p, nil, 0)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				x, ok := sel.X.(*ast.Ident)
				if !ok || !(x.Name == "fmt" && sel.Sel.Name != "Sprint" && sel.Sel.Name != "Sprintf" && sel.Sel.Name != "Sscanf" || x.Name == "errors" && sel.Sel.Name == "New" || x.Name == "log") {
					return true
				}
				for _, a := range call.Args {
					s, ok := constString(a)
					if !ok || !hasWords(s) {
						continue
					}
					if _, ok := notForPeople[s]; ok {
						continue
					}
					pos := fset.Position(a.Pos())
					t.Errorf("%s:%d: %s.%s(%q): write it with diag (diag.Errorf, diag.At) so that it has a French text", p, pos.Line, x.Name, sel.Sel.Name, s)
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// hasWords reports a literal with letters outside its verbs.
func hasWords(s string) bool {
	for _, v := range verbs(s) {
		s = strings.Replace(s, v.text, "", 1)
	}
	return strings.ContainsFunc(s, unicode.IsLetter)
}
