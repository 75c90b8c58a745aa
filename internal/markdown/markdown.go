// Package markdown turns the Markdown of a site into HTML with goldmark,
// one instance per build, shared by every page.
//
// Tables, strikethrough, task lists, footnotes and autolinks are on.
// Heading ids fold accents ("## Évaluation" → id="evaluation"). Raw HTML
// is shown as text, escaped, unless the site sets unsafeHTML = true;
// Markdown links to javascript: and similar URLs are emptied whatever the
// setting. Links and images written from the site's root ("/actions/x/")
// get the site's base path, so that they work under a sub-path. ForeignImages finds the images a page would
// load from another host, for the content package to refuse.
package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	stdhtml "html"
	"html/template"
	"strings"
	"sync"
	"unicode/utf8"

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
		goldmark.WithExtensions(extensions()...),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(rootLinks(basePath), 100), util.Prioritized(safeLinks{}, 200)),
		),
		goldmark.WithRendererOptions(opts...),
	)
	md.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(taskBox(lang), 100)))
	if !unsafe {
		md.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(escapeRaw{}, 100)))
	}
	return &Renderer{md: md}
}

// extensions are the Markdown extensions of every site.
func extensions() []goldmark.Extender {
	return []goldmark.Extender{
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
		extension.Strikethrough,
		extension.TaskList,
		extension.Linkify,
		extension.NewFootnote(extension.WithFootnoteIDPrefixFunction(func(n ast.Node) []byte {
			p, _ := n.OwnerDocument().Meta()[prefixKey].(string)
			return []byte(p)
		})),
	}
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
	w := writers.Get().(*bufio.Writer) // goldmark would make one per document
	defer writers.Put(w)
	w.Reset(&buf)
	if err := r.md.Renderer().Render(w, source, doc); err != nil {
		return "", fmt.Errorf("markdown: %w", err)
	}
	if err := w.Flush(); err != nil {
		return "", fmt.Errorf("markdown: %w", err)
	}
	return template.HTML(buf.String()), nil
}

var writers = sync.Pool{New: func() any { return bufio.NewWriter(nil) }}

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

// safeLinks empties the javascript:, vbscript:, file: and non-image data:
// addresses of links, images and autolinks, as goldmark does only when raw
// HTML is off: the contract promises it whatever unsafeHTML says.
type safeLinks struct{}

func (safeLinks) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	dangerous := func(dest []byte) bool { return html.IsDangerousURL(util.URLEscape(dest, true)) }
	var autos []*ast.AutoLink
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if dangerous(n.Destination) {
				n.Destination = nil
			}
		case *ast.Image:
			if dangerous(n.Destination) {
				n.Destination = nil
			}
		case *ast.AutoLink:
			if dangerous(n.URL(reader.Source())) {
				autos = append(autos, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, a := range autos { // a link to nowhere that shows the address as text
		link := ast.NewLink()
		link.AppendChild(link, ast.NewString(a.Label(reader.Source())))
		a.Parent().ReplaceChild(a.Parent(), a, link)
	}
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

// Image is an image of a Markdown text.
type Image struct {
	Line, Col int    // where its ![ stands in the text, from 1; Col counts characters
	Dest      string // its address, as written (or as its reference defines it)
}

// checker parses Markdown as the renderers do, for ForeignImages.
var checker = sync.OnceValue(func() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extensions()...))
})

// ForeignImages lists the images of src that a page would load from
// another host: those whose address has a scheme (https:, data:…) or
// starts with // — read as a browser does, with entities decoded,
// backslashes as slashes, and tabs and line breaks dropped.
func ForeignImages(src string) []Image {
	if !strings.Contains(src, "![") { // every image, inline or by reference, starts so
		return nil
	}
	source := []byte(src)
	doc := checker().Parser().Parse(text.NewReader(source))
	var out []Image
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		img, ok := n.(*ast.Image)
		if !entering || !ok || !foreign(string(img.Destination)) {
			return ast.WalkContinue, nil
		}
		line, col := 1, 1
		if at := img.Pos(); at >= 0 && at <= len(src) {
			before := src[:at]
			line += strings.Count(before, "\n")
			col += utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:])
		}
		out = append(out, Image{Line: line, Col: col, Dest: string(img.Destination)})
		return ast.WalkContinue, nil
	})
	return out
}

// foreign reports whether an address leads to another host, or to no file
// of the site: it has a scheme, or starts with two slashes.
func foreign(dest string) bool {
	u := stdhtml.UnescapeString(dest)
	u = strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r':
			return -1
		case '\\':
			return '/'
		}
		return r
	}, u)
	u = strings.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	if strings.HasPrefix(u, "//") {
		return true
	}
	for i, r := range u {
		switch {
		case r == ':':
			return i > 0
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case i > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.'):
		default:
			return false
		}
	}
	return false
}
