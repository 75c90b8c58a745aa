package render

import (
	"math"
	"math/rand/v2"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"jalons/internal/config"
)

// TestNumber writes numbers as the pages show them, in French and in
// English: groups of three digits, at most two decimals, no trailing zero.
func TestNumber(t *testing.T) {
	tests := []struct {
		f      float64
		fr, en string
	}{
		{0, "0", "0"},
		{5, "5", "5"},
		{190, "190", "190"},
		{1234, "1\u00a0234", "1,234"},
		{550000, "550\u00a0000", "550,000"},
		{42.5, "42,5", "42.5"},
		{1234567.891, "1\u00a0234\u00a0567,89", "1,234,567.89"},
		{-1234.5, "-1\u00a0234,5", "-1,234.5"},
		{0.125, "0,12", "0.12"}, // a tie, to the even digit
		{2.675, "2,67", "2.67"}, // 2.67499… as a float
		{2.0001, "2", "2"},
		{-0.001, "-0", "-0"},
	}
	fr, en := newLocale("fr"), newLocale("en")
	for _, tt := range tests {
		if got := fr.Number(tt.f); got != tt.fr {
			t.Errorf("fr Number(%v) = %q; want %q", tt.f, got, tt.fr)
		}
		if got := en.Number(tt.f); got != tt.en {
			t.Errorf("en Number(%v) = %q; want %q", tt.f, got, tt.en)
		}
	}
}

// TestNumberAsCLDR: Number writes what golang.org/x/text's CLDR formatter
// writes (which the pages used before), over numbers of every size.
func TestNumberAsCLDR(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, lang := range []string{"fr", "en"} {
		l := newLocale(config.Language(lang))
		p := message.NewPrinter(language.Make(lang))
		for i := range 20000 {
			f := math.Round(rng.Float64()*math.Pow(10, float64(i%12))*1000) / 1000 // up to three decimals
			if i%3 == 0 {
				f = -f
			}
			if i%5 == 0 {
				f = rng.NormFloat64() * math.Pow(10, float64(i%16))
			}
			want := p.Sprint(number.Decimal(f, number.MaxFractionDigits(2)))
			if got := l.Number(f); got != want {
				t.Fatalf("%s Number(%v) = %q; CLDR writes %q", lang, f, got, want)
			}
		}
	}
}
