package render

import (
	"fmt"
	"testing"

	"jalons/internal/config"
	"jalons/internal/site"
)

func TestMix(t *testing.T) {
	l := newLocale("en")
	// Counts are indexed planned, in progress, done, suspended, abandoned;
	// a mix reads done, in progress, planned, suspended, abandoned.
	tests := []struct {
		in   site.Counts
		want string
	}{
		{site.Counts{}, "[]"},
		{site.Counts{0, 0, 3, 0, 0}, "[Done 3 100]"},
		{site.Counts{1, 1, 4, 0, 0}, "[Done 4 67 In progress 1 17 Planned 1 16]"},
		{site.Counts{1, 1, 1, 0, 0}, "[Done 1 34 In progress 1 33 Planned 1 33]"},
		{site.Counts{0, 0, 1, 0, 1}, "[Done 1 50 Abandoned 1 50]"},
		{site.Counts{1, 0, 0, 199, 0}, "[Planned 1 1 Suspended 199 99]"},
		{site.Counts{1, 1, 1, 1, 3}, "[Done 1 15 In progress 1 14 Planned 1 14 Suspended 1 14 Abandoned 3 43]"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.in), func(t *testing.T) {
			var got []any
			sum := 0
			for _, p := range mix(tt.in, l) {
				got = append(got, p.Label, p.Count, p.Width)
				sum += p.Width
			}
			if s := fmt.Sprint(got); s != tt.want && !(s == "[]" && tt.want == "[]") {
				t.Errorf("mix(%v) = %s; want %s", tt.in, s, tt.want)
			}
			if got != nil && sum != 100 {
				t.Errorf("mix(%v) widths add up to %d; want 100", tt.in, sum)
			}
		})
	}
}

func TestCountsOf(t *testing.T) {
	// Counts are indexed planned, in progress, done, suspended, abandoned.
	tests := []struct {
		lang string
		in   site.Counts
		want string
	}{
		{"fr", site.Counts{}, ""},
		{"fr", site.Counts{1, 4, 6, 1, 1}, "1 à venir, 1 suspendue et 1 abandonnée"},
		{"fr", site.Counts{0, 4, 6, 2, 0}, "2 suspendues"},
		{"fr", site.Counts{3, 0, 0, 0, 2}, "3 à venir et 2 abandonnées"},
		{"en", site.Counts{2, 0, 0, 1, 0}, "2 planned and 1 suspended"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.lang, tt.in), func(t *testing.T) {
			got := countsOf(tt.in, newLocale(config.Language(tt.lang)), []string{"planned", "suspended", "abandoned"})
			if got != tt.want {
				t.Errorf("countsOf(%v) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}
