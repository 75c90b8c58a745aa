package markdown

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"ordinary text", "## Titre\n\n> Citation *forte*\n\n- [Lien](https://example.fr/a_(b)) et `code`\n  - sous-liste\n\n1. un\n2. deux\n", ""},
		{"quotes at the limit", strings.Repeat(">", 100) + " a\n", ""},
		{"quotes", "Texte.\n\n" + strings.Repeat(">", 101) + " a\n", "p.md:8:101: quotes and lists nested more than 100 levels deep (write them flatter)"},
		{"lists on a line", strings.Repeat("- ", 100_000) + "a\n", "p.md:6:201: quotes and lists nested more than 100 levels deep (write them flatter)"},
		{"indented lists", "- a\n" + strings.Repeat(" ", 200) + "- b\n", "p.md:7:201: quotes and lists nested more than 100 levels deep (write them flatter)"},
		{"brackets", strings.Repeat("[", 1_000_000) + "\n", "p.md:6:33: more than 32 [ left open in one paragraph (close each [ with ], or write \\[ for a bracket that is not a link)"},
		{"closed brackets", strings.Repeat("[a] ", 1000) + "\n", ""},
		{"escaped brackets", strings.Repeat(`\[`, 1000) + "\n", ""},
		{"brackets in code", "```\n" + strings.Repeat("[", 1000) + "\n```\n", ""},
		{"brackets over paragraphs", strings.Repeat("[\n\n", 100), ""},
		{"stars", strings.Repeat("*", 1_000_000) + "\n", "p.md:6:251: more than 250 *, _ or ~ in one paragraph (separate paragraphs with a blank line, or write \\* for a sign that is not emphasis)"},
		{"emphasis in list items", strings.Repeat("- *a* _b_\n", 1000), ""},
		{"link opens", strings.Repeat("[a](", 200_000) + "\n", "p.md:6:15: a link [text]( whose address is not closed on its line (close it with ), or write \\( for a bracket that is not a link)"},
		{"many closed links", strings.Repeat("[a](https://example.fr/(x)) ", 1000) + "\n", ""},
		{"signs", strings.Repeat("`a` ", 500_001) + "\n", "p.md:6:1000001: more than 500000 Markdown signs in one file, counting [ ] * _ ~ < ` | \\ & and, on each line, the square of its depth of quotes and lists (split the file)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got string
			if errs := Check("p.md", tt.in, 5); errs != nil {
				got = errs.Error()
			}
			if got != tt.want {
				t.Errorf("Check(%.30q…) = %s; want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestHTMLRefusesWhatCheckRefuses(t *testing.T) {
	in := strings.Repeat("[a](", 1000) + "\n"
	if _, err := New("/", "fr", false).HTML(in, ""); err == nil || !strings.Contains(err.Error(), "not closed") {
		t.Errorf("HTML(%.20q…) error = %v; want the problem Check finds", in, err)
	}
}
