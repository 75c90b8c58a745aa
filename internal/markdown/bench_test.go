package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// hostile are Markdown inputs that make goldmark slow, by size n. Run with
// go test ./internal/markdown -run x -bench Hostile -benchtime 1x to see
// how time grows with n; Check bounds them.
var hostile = []struct {
	name string
	make func(n int) string
}{
	{"quote depth", func(n int) string { return strings.Repeat(">", n) + " a\n" }},
	{"quote depth lines", func(n int) string {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			b.WriteString(strings.Repeat("> ", i) + "a\n")
		}
		return b.String()
	}},
	{"list depth one line", func(n int) string { return strings.Repeat("- ", n) + "a\n" }},
	{"list depth indented", func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(strings.Repeat("  ", i) + "- a\n")
		}
		return b.String()
	}},
	{"open brackets", func(n int) string { return strings.Repeat("[", n) + "\n" }},
	{"stars", func(n int) string { return strings.Repeat("*", n) + "a\n" }},
	{"star words", func(n int) string { return strings.Repeat("*a ", n) + "\n" }},
	{"underscores words", func(n int) string { return strings.Repeat("_a ", n) + "\n" }},
	{"link opens", func(n int) string { return strings.Repeat("[a](", n) + "\n" }},
	{"link closes", func(n int) string { return strings.Repeat("[a]", n) + "\n" }},
	{"brackets parens", func(n int) string { return strings.Repeat("[](", n) + "\n" }},
	{"images", func(n int) string { return strings.Repeat("![a](", n) + "\n" }},
	{"backticks", func(n int) string { return strings.Repeat("`a", n) + "\n" }},
	{"angle", func(n int) string { return strings.Repeat("<a ", n) + "\n" }},
	{"footnote refs", func(n int) string { return strings.Repeat("[^a", n) + "\n" }},
	{"table cols", func(n int) string {
		return strings.Repeat("|a", n) + "\n" + strings.Repeat("|-", n) + "\n" + strings.Repeat("|a", n) + "\n"
	}},
	{"tildes", func(n int) string { return strings.Repeat("~~a ", n) + "\n" }},
	{"link def", func(n int) string { return strings.Repeat("[a]: <", n) + "\n" }},
	{"ref opens", func(n int) string { return strings.Repeat("[a][", n) + "\n" }},
	{"angle dest", func(n int) string { return strings.Repeat("[a](<", n) + "\n" }},
	{"titles", func(n int) string { return strings.Repeat("[a](b \"", n) + "\n" }},
	{"nested brackets", func(n int) string { return strings.Repeat("[", n) + "a" + strings.Repeat("]", n) + "(b)\n" }},
	{"html opens", func(n int) string { return strings.Repeat("<a href=\"", n) + "\n" }},
	{"comments", func(n int) string { return strings.Repeat("<!--", n) + "\n" }},
	{"backtick runs", func(n int) string {
		var b strings.Builder
		for i := 1; b.Len() < n*4; i++ {
			b.WriteString(strings.Repeat("`", i) + "a")
		}
		return b.String() + "\n"
	}},
	{"mixed delims", func(n int) string { return strings.Repeat("*a**a_a__", n) + "\n" }},
	{"link then filler", func(n int) string { return strings.Repeat("[a](", 100) + strings.Repeat("x", n*64) + "\n" }},
	{"autolinks", func(n int) string { return strings.Repeat("www.a", n) + "\n" }},
}

func BenchmarkHostile(b *testing.B) {
	r := New("/", "fr", false)
	for _, h := range hostile {
		for _, n := range []int{1000, 4000, 16000} {
			src := h.make(n)
			if len(src) > 1<<20 {
				continue
			}
			b.Run(fmt.Sprintf("%s/%d", h.name, n), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					r.HTML(src, "")
				}
			})
		}
	}
}

// atLimits are paragraphs just inside Check's limits, written to cost
// goldmark the most; BenchmarkLimits repeats each to 10 MB, the default
// largest file.
var atLimits = []struct{ name, para string }{
	{"unclosed links and a long line", strings.Repeat("[a](<", 2) + strings.Repeat("x", 10<<20)},
	{"links", strings.Repeat(strings.Repeat("[a](", 6)+"\n", 100)},
	{"nested brackets", strings.Repeat("[", MaxBrackets) + "a" + strings.Repeat("]", MaxBrackets) + "(b)"},
	{"mixed emphasis", strings.Repeat("*a**a_a__", MaxEmphasis/6)},
	{"emphasis and links", strings.Repeat("*[a](b) ", MaxEmphasis)},
	{"quotes", strings.Repeat(strings.Repeat("> ", MaxDepth)+"a\n", 40)},
	{"lists on a line", strings.Repeat(strings.Repeat("- ", MaxDepth)+"a\n", 40)},
	{"indented lists", func() string {
		var b strings.Builder
		for i := 0; i < MaxDepth; i++ {
			b.WriteString(strings.Repeat("  ", i) + "- a\n")
		}
		return b.String()
	}()},
	{"plain text", strings.Repeat("Le centre social ouvre ses portes le mardi, avec [un lien](https://example.fr/) et du *gras*.\n", 20)},
}

func BenchmarkLimits(b *testing.B) {
	r := New("/", "fr", false)
	for _, c := range atLimits {
		n := max(1, (10<<20)/(len(c.para)+2))
		src := strings.Repeat(c.para+"\n\n", n)
		for Check("x.md", src, 0) != nil && n > 1 {
			n = n * 9 / 10
			src = strings.Repeat(c.para+"\n\n", n)
		}
		if errs := Check("x.md", src, 0); errs != nil {
			b.Fatalf("%s: %v", c.name, errs[0])
		}
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				r.HTML(src, "")
			}
		})
	}
}

// BenchmarkCheck checks the body of an action as writers make them: a
// few headings, paragraphs, a list, a link, emphasis.
func BenchmarkCheck(b *testing.B) {
	src := strings.Repeat("## Objectifs\n\nLe centre social prépare un *fonds d'aide* aux impayés d'énergie dans\nles communes rurales du territoire, avec la [CAF](https://www.caf.fr/).\n\n- une veille sociale pendant l'hiver ;\n- des diagnostics de précarité énergétique ;\n- une aide aux devoirs pour les collégiens.\n\n", 3)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if errs := Check("x.md", src, 0); errs != nil {
			b.Fatal(errs)
		}
	}
}
