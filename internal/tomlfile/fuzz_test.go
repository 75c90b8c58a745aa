package tomlfile

import (
	"strings"
	"testing"
)

// FuzzSplitFront reads any bytes as a Markdown file: Text and SplitFront
// must not panic, and the body must keep its line numbers.
func FuzzSplitFront(f *testing.F) {
	f.Add([]byte("+++\ntitle = \"x\"\n+++\nTexte.\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, errs := Text("f.md", data)
		if errs != nil {
			return
		}
		front, line0, body, bodyLine0, errs := SplitFront("f.md", text)
		if errs != nil {
			return
		}
		if line0 != 1 || !strings.HasSuffix(text, body) {
			t.Fatalf("SplitFront(%q): line0 %d, body %q not at the end", text, line0, body)
		}
		head := text[:len(text)-len(body)]
		want := strings.Count(head, "\n")
		if !strings.HasSuffix(head, "\n") {
			want++ // a closing +++ without its newline
		}
		if bodyLine0 != want {
			t.Fatalf("SplitFront(%q): bodyLine0 = %d; want %d", text, bodyLine0, want)
		}
		var v struct {
			Title string `toml:"title"`
		}
		Decode("f.md", front, line0, &v)
	})
}
