package markdown

import (
	"fmt"
	"strings"
	"testing"
)

func TestHTML(t *testing.T) {
	tests := []struct {
		name, in  string
		unsafe    bool
		want      []string // substrings that must appear
		forbidden []string
	}{
		{"accented heading id", "## Évaluation à mi-parcours\n", false,
			[]string{`<h2 id="evaluation-a-mi-parcours">Évaluation à mi-parcours</h2>`}, nil},
		{"duplicate heading ids", "## Bilan\n\n## Bilan\n", false,
			[]string{`id="bilan"`, `id="bilan-1"`}, nil},
		{"table", "| a | b |\n|:--|--:|\n| 1 | 2 |\n", false,
			[]string{"<table>", "<th>a</th>", "<td>2</td>"}, []string{"style=", "align="}},
		{"strikethrough and tasks", "~~non~~\n\n- [x] fait\n- [ ] à faire\n", false,
			[]string{"<del>non</del>", `<input checked="" disabled="" type="checkbox" aria-label="Fait">`, `<input disabled="" type="checkbox" aria-label="À faire">`}, nil},
		{"footnote prefix", "Texte[^1].\n\n[^1]: Note.\n", false,
			[]string{`id="a-fn:1"`, `href="#a-fn:1"`}, nil},
		{"script escaped", "<script>alert(1)</script>\n\nTexte <img src=x onerror=alert(1)>\n", false,
			[]string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;"}, []string{"<script", "<img"}},
		{"javascript link", "[clic](javascript:alert(1))\n", false,
			[]string{`<a href="">clic</a>`}, []string{"javascript:"}},
		{"script links emptied even when unsafe", "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](&#106;avascript:alert(1)) ![d](vbscript:x) <javascript:alert(2)> [e](data:text/html,x) ![f](data:image/png;base64,AA)\n", true,
			[]string{`<a href="">a</a>`, `<a href="">b</a>`, `<a href="">c</a>`, `<img src="" alt="d">`, `<a href="">javascript:alert(2)</a>`, `<a href="">e</a>`, `src="data:image/png;base64,AA"`},
			[]string{"javascript:alert(1)", "JaVaScRiPt", "#106", "vbscript", "data:text", `href="javascript`}},
		{"script autolink emptied", "<javascript:alert(2)> <https://example.org/>\n", false,
			[]string{`<a href="">javascript:alert(2)</a>`, `<a href="https://example.org/">https://example.org/</a>`}, []string{`href="javascript`}},
		{"unsafe lets html through", "<em class=\"x\">ok</em>\n", true,
			[]string{`<em class="x">ok</em>`}, []string{"&lt;"}},
		{"root links get the base path", "[Actions](/actions/) [ext](https://example.org/) ![logo](/images/logo.svg)\n", false,
			[]string{`href="/projet-social/actions/"`, `href="https://example.org/"`, `src="/projet-social/images/logo.svg"`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := New("/projet-social/", "fr", tt.unsafe).HTML(tt.in, "a-")
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(got), w) {
					t.Errorf("HTML(%q) = %s; want it to contain %s", tt.in, got, w)
				}
			}
			for _, f := range tt.forbidden {
				if strings.Contains(string(got), f) {
					t.Errorf("HTML(%q) = %s; must not contain %s", tt.in, got, f)
				}
			}
		})
	}
}

func TestForeignImages(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Image
	}{
		{"site's own images and links elsewhere", "![a](/images/a.png) ![b](images/b.png) ![c](../c.png)\n\n[lien](https://example.org/) <https://example.org/p.gif>\n", nil},
		{"scheme", "Un été ![x](https://tracker.example/p.gif)\n", []Image{{1, 8, "https://tracker.example/p.gif"}}},
		{"scheme-relative", "\n\n  ![](//host/p.gif)\n", []Image{{3, 3, "//host/p.gif"}}},
		{"upper case and data", "![a](HTTP://h/p.gif) ![b](data:image/png;base64,AA)\n", []Image{{1, 1, "HTTP://h/p.gif"}, {1, 22, "data:image/png;base64,AA"}}},
		{"entity", "![a](https&#58;//h/p.gif)\n", []Image{{1, 1, "https&#58;//h/p.gif"}}},
		{"backslashes", "![a](/\\\\h/p.gif)\n", []Image{{1, 1, "/\\\\h/p.gif"}}},
		{"reference", "Texte ![a][r].\n\n[r]: https://h/p.gif\n", []Image{{1, 7, "https://h/p.gif"}}},
		{"in a table and a link", "| a |\n|---|\n| [![t](https://h/p.gif)](/x/) |\n", []Image{{3, 4, "https://h/p.gif"}}},
		{"in a footnote", "Texte[^1].\n\n[^1]: ![f](https://h/p.gif)\n", []Image{{3, 7, "https://h/p.gif"}}},
		{"not an image in code", "`![a](https://h/p.gif)`\n\n    ![b](https://h/p.gif)\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ForeignImages(tt.in)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("ForeignImages(%q) = %v; want %v", tt.in, got, tt.want)
			}
		})
	}
}
