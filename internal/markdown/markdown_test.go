package markdown

import (
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
