// Package markdown turns the Markdown of a site into HTML with goldmark,
// one instance per build, shared by every page.
//
// Tables, strikethrough, task lists, footnotes and autolinks are on.
// Heading ids fold accents ("## Évaluation" → id="evaluation"). Raw HTML
// is shown as text, escaped, unless the site sets unsafeHTML = true; links
// to javascript: and similar URLs are dropped. Links and images written
// from the site's root ("/actions/x/") get the site's base path, so that
// they work under a sub-path.
package markdown

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"jalons/internal/slug"
)

// Renderer converts Markdown to HTML. It is safe for concurrent use.
type Renderer struct {
	md goldmark.Markdown
}

const prefixKey = "jalons-id-prefix"

// New returns a Renderer. basePath is the path the site lives under, such
// as "/projet-social/"; lang ("fr" or "en") names the task-list boxes;
// unsafe lets raw HTML through.
func New(basePath, lang string, unsafe bool) *Renderer {
	opts := []renderer.Option{}
	if unsafe {
		opts = append(opts, html.WithUnsafe())
	}
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
			extension.Strikethrough,
			extension.TaskList,
			extension.Linkify,
			extension.NewFootnote(extension.WithFootnoteIDPrefixFunction(func(n ast.Node) []byte {
				p, _ := n.OwnerDocument().Meta()[prefixKey].(string)
				return []byte(p)
			})),
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(rootLinks(basePath), 100)),
		),
		goldmark.WithRendererOptions(opts...),
	)
	md.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(taskBox(lang), 100)))
	if !unsafe {
		md.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(escapeRaw{}, 100)))
	}
	return &Renderer{md: md}
}

// HTML converts src. idPrefix keeps footnote ids apart when several
// documents share a page; it may be empty.
func (r *Renderer) HTML(src, idPrefix string) (template.HTML, error) {
	if errs := Check("", src, 0); errs != nil {
		return "", fmt.Errorf("markdown: %w", errs)
	}
	source := []byte(src)
	ctx := parser.NewContext(parser.WithIDs(&ids{used: map[string]bool{}}))
	doc := r.md.Parser().Parse(text.NewReader(source), parser.WithContext(ctx))
	doc.OwnerDocument().AddMeta(prefixKey, idPrefix)
	var buf bytes.Buffer
	if err := r.md.Renderer().Render(&buf, source, doc); err != nil {
		return "", fmt.Errorf("markdown: %w", err)
	}
	return template.HTML(buf.String()), nil
}

// ids makes heading ids with the same folding as slugs, unique in a
// document.
type ids struct{ used map[string]bool }

func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	base := slug.Make(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; s.used[id]; i++ {
		id = fmt.Sprintf("%s-%d", base, i)
	}
	s.used[id] = true
	return []byte(id)
}

func (s *ids) Put(value []byte) { s.used[string(value)] = true }

// rootLinks prefixes root-relative link and image destinations with the
// base path.
type rootLinks string

func (base rootLinks) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	if base == "/" || base == "" {
		return
	}
	fix := func(dest []byte) []byte {
		s := string(dest)
		if strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") && !strings.HasPrefix(s, string(base)) {
			return []byte(string(base) + strings.TrimPrefix(s, "/"))
		}
		return dest
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = fix(n.Destination)
		case *ast.Image:
			n.Destination = fix(n.Destination)
		}
		return ast.WalkContinue, nil
	})
}

// escapeRaw renders raw HTML as visible, escaped text.
type escapeRaw struct{}

func (escapeRaw) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			segs := n.(*ast.RawHTML).Segments
			for i := 0; i < segs.Len(); i++ {
				s := segs.At(i)
				template.HTMLEscape(w, s.Value(source))
			}
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(ast.KindHTMLBlock, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		b := n.(*ast.HTMLBlock)
		w.WriteString("<p>")
		lines := b.Lines()
		for i := 0; i < lines.Len(); i++ {
			s := lines.At(i)
			template.HTMLEscape(w, s.Value(source))
		}
		if b.HasClosure() {
			template.HTMLEscape(w, b.ClosureLine.Value(source))
		}
		w.WriteString("</p>\n")
		return ast.WalkSkipChildren, nil
	})
}

// taskBox renders the box of a task-list item ("- [x] fait") as a
// disabled checkbox with a name, "Fait" or "À faire", so that screen
// readers say what it means.
type taskBox string

func (lang taskBox) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTaskCheckBox, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		done, todo := "Fait", "À faire"
		if lang == "en" {
			done, todo = "Done", "To do"
		}
		if n.(*east.TaskCheckBox).IsChecked {
			fmt.Fprintf(w, `<input checked="" disabled="" type="checkbox" aria-label="%s"> `, done)
		} else {
			fmt.Fprintf(w, `<input disabled="" type="checkbox" aria-label="%s"> `, todo)
		}
		return ast.WalkContinue, nil
	})
}
