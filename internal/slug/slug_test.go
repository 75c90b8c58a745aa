package slug

import "testing"

func TestMake(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Épicerie sociale", "epicerie-sociale"},
		{"Élections à venir", "elections-a-venir"},
		{"Œuvres & loisirs", "oeuvres-et-loisirs"},
		{"  L'accueil de jour — Alzheimer ! ", "l-accueil-de-jour-alzheimer"},
		{"Contrat 2017-2020", "contrat-2017-2020"},
		{"already-a-slug", "already-a-slug"},
		{"../../etc/passwd", "etc-passwd"},
		{"Straße", "strasse"},
		{"日本", ""},
	}
	for _, tt := range tests {
		if got := Make(tt.in); got != tt.want {
			t.Errorf("Make(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestValid(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"epicerie-sociale", true},
		{"a1", true},
		{"", false},
		{"Epicerie", false},
		{"a--b", false},
		{"-a", false},
		{"../x", false},
		{"a/b", false},
	}
	for _, tt := range tests {
		if got := Valid(tt.in); got != tt.want {
			t.Errorf("Valid(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}
