package slug

import "testing"

// FuzzMake: a slug is valid or empty, and making it again changes nothing.
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
	})
}
