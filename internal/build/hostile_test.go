package build

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"jalons/internal/sitetest"
	"jalons/themes"
)

// hostile is the text every field of the hostile site carries: script
// tags, an event handler, script addresses in several spellings (mixed
// case, an entity, a tab), closing script and style tags, a comment
// opener, and a first character a spreadsheet takes for a formula. TAG
// names the field, so that the test can tell that every field reached the
// output; \t is TOML's escape for a tab.
const hostile = `PFX1 <script>alert(TAG)</script><img src=x onerror=alert(TAG)><a href='javascript:alert(TAG)'>a</a> ` +
	`JaVaScRiPt:alert(TAG) &#106;avascript:alert(TAG) java\tscript:alert(TAG) </script></style><!-- TAG`

// hostileBody is Markdown with every way of writing a script into a page.
const hostileBody = `# Titre <script>alert(1)</script>

Texte TAG <script>alert(TAG)</script> <img src=x onerror=alert(TAG)> </script></style> <!-- x

[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](&#106;avascript:alert(1)) [d](<java	script:alert(1)>)
[e](vbscript:msgbox(1)) [f](data:text/html;base64,PHNjcmlwdD4=) [g](&#x6A;avascript&#58;alert(1)) [h](  javascript:alert(1))
<javascript:alert(1)> <JaVaScRiPt:alert(1)> [i][r] [j](jav&#x09;ascript:alert(1))

[r]: javascript:alert(1)

![<script>alert(1)</script> TAG](/images/a.png "t\" onerror=\"alert(1)") ![x](x" onerror="alert(1))

| <script>alert(1)</script> | [k](javascript:alert(1)) |
|---|---|
| <img src=x onerror=alert(1)> | <a href="javascript:alert(1)">l</a> |

<style>body{display:none}</style>

<svg onload=alert(1)></svg><iframe src="javascript:alert(1)"></iframe>
<div style="background:url(javascript:alert(1))" onmouseover="alert(1)">survol</div>
`

// hostileSite fills every text field with hostile (Markdown bodies with
// hostileBody), each with its own tag; it returns the archive and the
// tags.
func hostileSite() (string, []string) {
	var tags []string
	n := 0
	text := func(tag string) string {
		tags = append(tags, tag)
		n++
		s := strings.ReplaceAll(hostile, "TAG", tag)
		return strings.Replace(s, "PFX1", []string{"=1+1", "+1", "-1", "@SUM(A1)"}[n%4], 1)
	}
	body := func(tag string) string {
		tags = append(tags, tag)
		return strings.ReplaceAll(hostileBody, "TAG", tag)
	}
	archive := fmt.Sprintf(`
-- config.toml --
title = "%s"
description = "%s"
contact = "%s"
territory = "%s"
baseURL = "https://example.fr/projet-social/"
logo = "images/logo\" onerror=\"alert(1).png"
period = { start = 2017, end = 2020 }
-- static/images/a.png --
png
-- static/images/logo" onerror="alert(1).png --
png
-- content/_index.md --
+++
title = "%s"
summary = "%s"
+++
%s
-- content/axes/a.md --
+++
title = "%s"
summary = "%s"
color = "#b34e00"
+++
%s
-- content/actions/x.md --
+++
title = "%s"
axis = "a"
status = "in_progress"
start = 2017-01-01
end = 2020-12-31
lead = "%s"
partners = ["%s", "Mission locale"]
audience = ["%s"]
territories = ["%s"]
summary = "%s"
budget = 1000
spent = 500

[[milestones]]
date = 2019-06-01
title = "=1+1 <script>alert(1)</script>"
note = "@SUM(A1) \" onclick=\"alert(1)"
+++
%s
-- content/actions/y.md --
+++
title = "Action menée par une structure"
axis = "a"
status = "done"
lead = "s\" onclick=\"alert(1)"
+++
-- content/indicators/i.toml --
title = "%s"
action = "x"
unit = "%s"
source = "%s"
description = "%s [lien](javascript:alert(1))"
baseline = -5
target = 10

[[values]]
date = 2018-12-31
value = -12.5
note = "%s"

[[values]]
date = 2019-12-31
value = 4
-- content/news/n.md --
+++
title = "%s"
date = 2018-05-01
summary = "%s"
image = "images/a.png"
imageAlt = "%s"
axes = ["a"]
actions = ["x"]
+++
%s
-- content/pages/p.md --
+++
title = "%s"
summary = "%s"
+++
%s
-- content/governance.md --
+++
title = "%s"

[[bodies]]
id = "copil\" onclick=\"alert(1)"
name = "%s"
role = "%s"
meets = "%s"

  [[bodies.members]]
  name = "%s"
  role = "%s"
  college = "%s"

[[bodies]]
id = "comite"
name = "Comité"
parent = "copil\" onclick=\"alert(1)"

[[structures]]
id = "s\" onclick=\"alert(1)"
name = "%s"
kind = "%s"
territory = "%s"
url = "https://example.org/?q=%s"

[[meetings]]
date = 2018-03-01
body = "copil\" onclick=\"alert(1)"
title = "%s"
+++
%s
`,
		text("config_title"), text("config_description"), text("config_contact"), text("config_territory"),
		text("home_title"), text("home_summary"), body("home_body"),
		text("axis_title"), text("axis_summary"), body("axis_body"),
		text("action_title"), text("action_lead"), text("action_partner"), text("action_audience"),
		text("action_territory"), text("action_summary"), body("action_body"),
		text("indicator_title"), text("indicator_unit"), text("indicator_source"), text("indicator_description"),
		text("value_note"),
		text("news_title"), text("news_summary"), text("news_image_alt"), body("news_body"),
		text("page_title"), text("page_summary"), body("page_body"),
		text("governance_title"), text("body_name"), text("body_role"), text("body_meets"),
		text("member_name"), text("member_role"), text("member_college"),
		text("structure_name"), text("structure_kind"), text("structure_territory"),
		url.QueryEscape("\"><script>alert(structure_url)</script>"),
		text("meeting_title"), body("governance_body"))
	tags = append(tags, "structure_url")
	return archive, tags
}

// TestHostileText builds a site whose every text field carries script,
// then checks every file of the output: nothing a writer typed runs, in
// any page, the feed, the sitemap, the open data or the style sheet.
func TestHostileText(t *testing.T) {
	archive, tags := hostileSite()
	res, err := Render(t.Context(), Options{Source: sitetest.Dir(t, archive)})
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	static := sitetest.FS(archive)
	var all bytes.Buffer
	for _, p := range sortedKeys(res.Files) {
		b := res.Files[p]
		all.Write(b)
		var problems []string
		switch {
		case strings.HasSuffix(p, ".html"):
			problems = checkPage(b, true)
		case strings.HasSuffix(p, "feed.xml") || p == "sitemap.xml":
			problems = checkXML(b)
		case strings.HasSuffix(p, ".csv"):
			problems = checkCSV(b)
		case p == "data/site.json" || p == "data/datapackage.json" || p == "data/search.json" || strings.HasPrefix(p, "data/search/"):
			if !json.Valid(b) {
				problems = []string{"not valid JSON"}
			}
		case p == "css/axes.css":
			problems = checkLines(b, `^\.axis-[a-z0-9-]+ \{ --axis: #[0-9a-f]{6}; \}$`)
		case p == "robots.txt":
			problems = checkLines(b, `^(User-agent: \*|Allow: /|Sitemap: https://example\.fr/projet-social/sitemap\.xml|)$`)
		default:
			theme, err := fs.ReadFile(themes.Default, "static/"+p)
			if err != nil || !bytes.Equal(theme, b) {
				if f, ok := static["static/"+p]; !ok || !bytes.Equal(f.Data, b) {
					problems = []string{"a file the test does not check"}
				}
			}
		}
		for _, pr := range problems {
			t.Errorf("%s: %s", p, pr)
		}
	}
	// Every field reached the output: the checks above saw each of them.
	// (The title of content/_index.md is shown nowhere: the home page shows
	// the site's title.)
	for _, tag := range tags {
		if tag == "home_title" {
			continue
		}
		if !bytes.Contains(all.Bytes(), []byte(tag)) {
			t.Errorf("the text of %s is in no output file", tag)
		}
	}
	for _, f := range []string{"index.html", "actions/x/index.html", "gouvernance/index.html", "feed.xml", "data/actions.csv"} {
		if !bytes.Contains(res.Files[f], []byte("alert(")) {
			t.Errorf("%s shows none of the hostile text: the test checks nothing there", f)
		}
	}
}

// urlAttrs are the attributes that hold an address.
var urlAttrs = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "poster": true,
	"background": true, "cite": true, "srcset": true, "xlink:href": true, "data": true, "longdesc": true,
	"usemap": true, "ping": true, "manifest": true, "codebase": true, "icon": true}

// forbidden are the elements no page of the default theme has, and that a
// writer's text must not make.
var forbidden = map[string]bool{"style": true, "iframe": true, "object": true, "embed": true, "svg": true,
	"math": true, "base": true, "frame": true, "frameset": true, "form": true, "applet": true, "template": true}

// scriptAddress reports whether an attribute's value, as a browser reads
// it (entities decoded by the parser, whitespace and control characters
// dropped, any case), runs script or shows a document made by the writer.
func scriptAddress(v string) bool {
	v = strings.ToLower(strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, v))
	return strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:")
}

// checkPage lists what would run in an HTML document: a script element
// but the theme's own external scripts and JSON chart data (themeScripts
// false: none at all), an event handler, a script address, a style
// element or attribute, an element the theme never makes, or markup that
// the parser does not see as elements (a "<script" in the bytes that is no
// element).
func checkPage(b []byte, themeScripts bool) []string {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return []string{"cannot parse: " + err.Error()}
	}
	scripts := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attrs := map[string]string{}
			for _, a := range n.Attr {
				key := a.Key
				if a.Namespace != "" {
					key = a.Namespace + ":" + a.Key
				}
				attrs[key] = a.Val
				switch {
				case strings.HasPrefix(key, "on"):
					add("<%s %s=%q>: an event handler", n.Data, key, a.Val)
				case key == "style":
					add("<%s style=%q>: a style attribute", n.Data, a.Val)
				case urlAttrs[key] && scriptAddress(a.Val):
					add("<%s %s=%q>: a script address", n.Data, key, a.Val)
				case key == "http-equiv":
					add("<%s http-equiv=%q>", n.Data, a.Val)
				}
			}
			var text strings.Builder
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					text.WriteString(c.Data)
				}
			}
			switch {
			case n.Data == "script":
				scripts++
				src, typ := attrs["src"], attrs["type"]
				switch {
				case themeScripts && typ == "application/json" && src == "":
					data := text.String()
					lower := strings.ToLower(data)
					if !json.Valid([]byte(data)) || strings.Contains(lower, "</script") || strings.Contains(lower, "<!--") {
						add("<script type=\"application/json\"> holds %q", data)
					}
				case themeScripts && typ == "" && text.Len() == 0 &&
					(src == "/projet-social/js/echarts.min.js" || src == "/projet-social/js/charts.js" ||
						src == "/projet-social/js/filters.js" || src == "/projet-social/js/search.js"):
				default:
					add("<script type=%q src=%q>%s</script>: a script", typ, src, text.String())
				}
			case themeScripts && n.Data == "form" && (attrs["action"] == "/projet-social/recherche/" && attrs["class"] == "site-search" ||
				attrs["action"] == "" && (attrs["id"] == "filters" || attrs["id"] == "search")):
				// the theme's forms: the search box, the filters, the search
			case forbidden[n.Data] && !(themeScripts && n.Data == "svg" && attrs["class"] == "qr"):
				add("a <%s> element", n.Data)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	lower := bytes.ToLower(b)
	if raw := bytes.Count(lower, []byte("<script")); raw != scripts {
		add("%d \"<script\" in the bytes for %d script elements: markup the parser does not see as elements", raw, scripts)
	}
	if bytes.Contains(lower, []byte("<style")) {
		add("\"<style\" in the bytes")
	}
	return problems
}

// atomElements and sitemapElements are the only elements of feed.xml and
// sitemap.xml.
var xmlElements = map[string]bool{
	"feed": true, "title": true, "subtitle": true, "id": true, "link": true, "updated": true, "author": true,
	"name": true, "entry": true, "published": true, "summary": true, "content": true,
	"urlset": true, "url": true, "loc": true, "lastmod": true,
}

// checkXML lists what is wrong in feed.xml or sitemap.xml: not well-formed,
// an element a writer's text made, an address that is not absolute, or
// an entry's HTML that would run script.
func checkXML(b []byte) []string {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	var stack []xml.StartElement
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return append(problems, "not well-formed: "+err.Error())
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			stack = append(stack, tok)
			if !xmlElements[tok.Name.Local] {
				add("an element <%s>", tok.Name.Local)
			}
			for _, a := range tok.Attr {
				if a.Name.Local == "href" && !strings.HasPrefix(a.Value, "https://example.fr/projet-social/") {
					add("<%s href=%q>: not an address of the site", tok.Name.Local, a.Value)
				}
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			top := stack[len(stack)-1]
			switch top.Name.Local {
			case "loc", "id":
				if !strings.HasPrefix(string(tok), "https://example.fr/projet-social/") {
					add("<%s>%s</%s>: not an address of the site", top.Name.Local, tok, top.Name.Local)
				}
			case "content":
				for _, pr := range checkPage(tok, false) {
					add("an entry's HTML: %s", pr)
				}
			}
		}
	}
	return problems
}

// checkCSV lists the cells of a CSV file that a spreadsheet would take
// for a formula, and a file without a neutralised cell (then the test
// checks nothing).
func checkCSV(b []byte) []string {
	var problems []string
	records, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		return []string{err.Error()}
	}
	quoted := 0
	for i, rec := range records {
		for j, c := range rec {
			if strings.HasPrefix(c, "'") {
				quoted++
			}
			if strings.ContainsRune(c, 0) {
				problems = append(problems, fmt.Sprintf("row %d, column %d holds a NUL", i+1, j+1))
			}
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				if _, err := strconv.ParseFloat(c, 64); err != nil {
					problems = append(problems, fmt.Sprintf("row %d, column %d starts a formula: %q", i+1, j+1, c))
				}
			}
		}
	}
	if quoted == 0 {
		problems = append(problems, "no cell starts with a single quote")
	}
	return problems
}

// checkLines lists the lines of b that do not match pattern.
func checkLines(b []byte, pattern string) []string {
	re := regexp.MustCompile(pattern)
	var problems []string
	for _, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		if !re.MatchString(line) {
			problems = append(problems, fmt.Sprintf("unexpected line %q", line))
		}
	}
	return problems
}

// TestHostileChecksCatch shows that the checks of TestHostileText fail
// on what they look for.
func TestHostileChecksCatch(t *testing.T) {
	page := func(body string) []byte {
		return []byte("<!DOCTYPE html><html><head><title>t</title></head><body>" + body + "</body></html>")
	}
	tests := []struct {
		name  string
		check func([]byte) []string
		in    []byte
	}{
		{"script", func(b []byte) []string { return checkPage(b, true) }, page(`<script>alert(1)</script>`)},
		{"script in the feed", func(b []byte) []string { return checkPage(b, false) }, page(`<script src="/projet-social/js/charts.js"></script>`)},
		{"event handler", func(b []byte) []string { return checkPage(b, true) }, page(`<img src=x ONERROR=alert(1)>`)},
		{"entity and tab", func(b []byte) []string { return checkPage(b, true) }, page(`<a href=" &#106;ava&#9;script:alert(1)">x</a>`)},
		{"mixed case", func(b []byte) []string { return checkPage(b, true) }, page(`<a href="JaVaScRiPt:alert(1)">x</a>`)},
		{"data", func(b []byte) []string { return checkPage(b, true) }, page(`<iframe src="data:text/html,x"></iframe>`)},
		{"style element", func(b []byte) []string { return checkPage(b, true) }, page(`<style>body{}</style>`)},
		{"style attribute", func(b []byte) []string { return checkPage(b, true) }, page(`<p style="color:red">x</p>`)},
		{"broken out of chart data", func(b []byte) []string { return checkPage(b, true) },
			page(`<script type="application/json">{"a":"</script><script>alert(1)</script>"}</script>`)},
		{"comment in chart data", func(b []byte) []string { return checkPage(b, true) },
			page(`<script type="application/json">{"a":"<!--"}</script>`)},
		{"script in a title", func(b []byte) []string { return checkPage(b, true) },
			[]byte(`<!DOCTYPE html><html><head><title></title><script>alert(1)</script></title></head></html>`)},
		{"feed element", checkXML, []byte(`<feed><title>a<script>alert(1)</script></title></feed>`)},
		{"feed not well-formed", checkXML, []byte(`<feed><title>a<b></title></feed>`)},
		{"feed entry script", checkXML, []byte(`<feed><content type="html">&lt;img src=x onerror=alert(1)&gt;</content></feed>`)},
		{"feed relative link", checkXML, []byte(`<feed><link href="/actualites/"></link></feed>`)},
		{"csv formula", checkCSV, []byte("a,b\n'x,=1+1\n")},
		{"csv tab", checkCSV, []byte("a,b\n'x,\"\tcmd\"\n")},
		{"csv nothing quoted", checkCSV, []byte("a,b\n-12.5,x\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.check(tt.in); len(got) == 0 {
				t.Errorf("check(%q) found nothing; want a problem", tt.in)
			}
		})
	}
	ok := page(`<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><script type="application/json">{"a":"\u003c/script\u003e"}</script>`)
	if got := checkPage(ok, true); len(got) != 0 {
		t.Errorf("checkPage(%q) = %q; want nothing", ok, got)
	}
}
