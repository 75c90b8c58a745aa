package markdown

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// FuzzHTML renders any Markdown with the safe renderer: no panic, and no
// script, event handler or script address in the output.
func FuzzHTML(f *testing.F) {
	f.Add("## Titre\n\n[lien](/a/) <script>x</script> ![i](data:text/html,x)\n")
	r := New("/projet/", "fr", false)
	f.Fuzz(func(t *testing.T, src string) {
		out, err := r.HTML(src, "p-")
		if err != nil {
			if Check("", src, 0) == nil {
				t.Fatalf("HTML(%q): %v", src, err)
			}
			return
		}
		if bad := unsafeHTML(string(out)); bad != "" {
			t.Fatalf("HTML(%q) = %q: %s", src, out, bad)
		}
	})
}

// unsafeHTML parses s as a browser would and says what in it could run
// script, or "".
func unsafeHTML(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			switch string(name) {
			case "script", "iframe", "object", "embed", "style", "base", "form", "meta", "link":
				return "a <" + string(name) + "> element"
			}
			for more {
				var key, val []byte
				key, val, more = z.TagAttr()
				k := strings.ToLower(string(key))
				if strings.HasPrefix(k, "on") || k == "style" || k == "srcdoc" {
					return "an attribute " + k
				}
				if k == "href" || k == "src" || k == "action" || k == "formaction" || k == "xlink:href" {
					if scheme := urlScheme(string(val)); scheme == "javascript:" || scheme == "vbscript:" || strings.HasPrefix(scheme, "data:text") {
						return "an address " + string(val)
					}
				}
			}
		}
	}
}

// urlScheme is the start of an address as a browser reads it: lowercased,
// without the blanks and control characters it skips.
func urlScheme(u string) string {
	u = strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, strings.ToLower(u))
	if i := strings.IndexByte(u, ':'); i >= 0 {
		if strings.HasPrefix(u, "data:") {
			return u[:min(len(u), 9)]
		}
		return u[:i+1]
	}
	return ""
}
