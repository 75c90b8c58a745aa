package slug

import (
	"testing"
	"unicode/utf8"
)

// FuzzMake: a slug is valid or empty, making it again changes nothing, and
// it is what decomposing the whole text at once gives (wholeText) when s
// is UTF-8 (where it is not, NFD swallowed characters after a bad byte;
// Make takes each bad byte for a separator).
func FuzzMake(f *testing.F) {
	for _, s := range []string{"Épicerie sociale", "Œuvres & loisirs", "--a--b--", "ǅ ß ﬁ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Make(s)
		if got != "" && !Valid(got) {
			t.Fatalf("Make(%q) = %q, not a valid slug", s, got)
		}
		if again := Make(got); again != got {
			t.Fatalf("Make(Make(%q)) = %q; want %q", s, again, got)
		}
		if want := wholeText(s); utf8.ValidString(s) && got != want {
			t.Fatalf("Make(%q) = %q; want %q, as the whole text decomposed at once", s, got, want)
		}
	})
}
