package site

import (
	"fmt"
	"strings"
	"testing"
)

// chain is a governance of n bodies, each reporting to the one before;
// the first reports to parent, when set.
func chain(n int, parent string) string {
	var b strings.Builder
	b.WriteString("-- content/governance.md --\n+++\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "[[bodies]]\nid = \"b%d\"\nname = \"B\"\n", i)
		if i > 0 {
			fmt.Fprintf(&b, "parent = \"b%d\"\n", i-1)
		} else if parent != "" {
			fmt.Fprintf(&b, "parent = %q\n", parent)
		}
	}
	b.WriteString("+++\n")
	return b.String()
}

// TestLimits checks that inputs past the limits that keep a build fast
// are refused with a message at their place.
func TestLimits(t *testing.T) {
	values := "-- content/indicators/big.toml --\ntitle = \"Big\"\n" + strings.Repeat("[[values]]\ndate = 2020-01-01\nvalue = 1\n", 100_001)
	tests := []struct{ name, files, want string }{
		{"file too big", "-- config.toml --\ntitle = \"x\"\nmaxFileSize = 1\n-- content/pages/big.md --\n+++\ntitle = \"Big\"\n+++\n" + strings.Repeat("a", 1<<20),
			`content/pages/big.md:1:1: the file is bigger than 1 MB, the most a file may be (split it, or raise maxFileSize, in megabytes, in config.toml)`},
		{"file at the size limit", "-- config.toml --\ntitle = \"x\"\nmaxFileSize = 1\n-- content/pages/big.md --\n+++\ntitle = \"Big\"\n+++\n" + strings.Repeat("a", 1<<20-30) + "\n", ""},
		{"indicator values", values,
			`content/indicators/big.toml:300002:1: more than 100000 tables in one file, written [t], [[t]] or { … } (keep fewer; each value of an indicator is one)`},
		{"dotted key in front matter", "-- content/pages/p.md --\n+++\ntitle = \"P\"\n" + strings.Repeat("a.", 20_000) + "b = 1\n+++\n",
			`content/pages/p.md:3:200: a key of more than 100 parts (write a shorter key; a.b.c has 3 parts)`},
		{"nested inline tables", "-- content/pages/p.md --\n+++\ntitle = \"P\"\nx = " + strings.Repeat("{a = ", 10_000) + "1" + strings.Repeat("}", 10_000) + "\n+++\n",
			`content/pages/p.md:3:505: lists and tables nested more than 100 levels deep (write them flatter)`},
		{"table header", "-- content/indicators/x.toml --\ntitle = \"X\"\n[" + strings.Repeat("a.", 100_000) + "b]\n",
			`content/indicators/x.toml:2:201: a key of more than 100 parts (write a shorter key; a.b.c has 3 parts)`},
		{"markdown in a body", "-- content/news/n.md --\n+++\ntitle = \"N\"\n+++\nTexte.\n\n" + strings.Repeat("[a](", 200_000) + "\n",
			`content/news/n.md:6:15: a link [text]( whose address is not closed on its line (close it with ), or write \( for a bracket that is not a link)`},
		{"markdown lists", "-- content/axes/a.md --\n+++\ntitle = \"A\"\n+++\n" + strings.Repeat("- ", 100_000) + "\n",
			`content/axes/a.md:4:201: quotes and lists nested more than 100 levels deep (write them flatter)`},
		{"markdown in a description", "-- content/indicators/x.toml --\ntitle = \"X\"\ndescription = \"" + strings.Repeat("*", 1000) + "\"\n",
			`content/indicators/x.toml:2:251: more than 250 *, _ or ~ in one paragraph (separate paragraphs with a blank line, or write \* for a sign that is not emphasis)`},
		{"deep governance", chain(101, ""),
			`content/governance.md:404:1: body "b100" sits 101 levels down from the top body, more than 100 (make the tree of bodies shallower)`},
		{"governance at the depth limit", chain(100, ""), ""},
		{"long chain of bodies", chain(100_500, ""),
			`content/governance.md:400001:1: more than 100000 tables in one file, written [t], [[t]] or { … } (keep fewer; each value of an indicator is one)`},
		{"long loop of bodies", chain(20_000, "b19999"),
			`content/governance.md:5:1: body "b0" reports to itself through parent = "b19999" (the bodies must form a tree)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := load(t, tt.files, false)
			if tt.name == "long loop of bodies" { // every body is on the loop
				got, _, _ = strings.Cut(got, "\n")
			}
			if got != tt.want {
				t.Errorf("Load errors = %.300s; want %s", got, tt.want)
			}
		})
	}
}
