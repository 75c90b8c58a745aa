package qr

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	rsc "rsc.io/qr"
)

// TestSVG draws a code and reads its path back into a matrix of modules,
// which must be the encoder's, quiet zone included.
func TestSVG(t *testing.T) {
	const url = "https://www.example.fr/projet-social/actions/epicerie-sociale/"
	s, err := SVG(url, "QR code <of> the page", "qr")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Title struct {
			ID   string `xml:"id,attr"`
			Text string `xml:",chardata"`
		} `xml:"title"`
		Label string `xml:"aria-labelledby,attr"`
		Path  struct {
			D string `xml:"d,attr"`
		} `xml:"path"`
	}
	if err := xml.Unmarshal([]byte(s), &doc); err != nil {
		t.Fatalf("SVG is not well-formed XML: %v", err)
	}
	if doc.Title.Text != "QR code <of> the page" || doc.Title.ID != "qr" || doc.Label != "qr" {
		t.Errorf("SVG title = %q (id %q, named by %q); want the label, id qr", doc.Title.Text, doc.Title.ID, doc.Label)
	}
	want, err := Modules(url)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != 33+8 { // version 4 (33 modules) for this address at level M, and the quiet zone
		t.Errorf("the code is %d modules wide; want 41", len(want))
	}
	got := make([][]bool, len(want))
	for i := range got {
		got[i] = make([]bool, len(want))
	}
	for _, rect := range strings.Split(strings.TrimSuffix(doc.Path.D, "z"), "z") {
		var x, y, run, back int
		if _, err := fmt.Sscanf(rect, "M%d %dh%dv1h-%d", &x, &y, &run, &back); err != nil || run != back {
			t.Fatalf("path part %q: %v", rect, err)
		}
		for i := range run {
			got[y][x+i] = true
		}
	}
	for y := range want {
		for x := range want[y] {
			if got[y][x] != want[y][x] {
				t.Fatalf("module (%d, %d) = %v; want %v", x, y, got[y][x], want[y][x])
			}
		}
	}
}

// TestFinderPatterns: the three corners of the code carry the finder
// patterns a camera looks for (a 7×7 dark ring, a light ring, a 3×3
// dark centre), inside the quiet zone.
func TestFinderPatterns(t *testing.T) {
	m, err := Modules("https://www.example.fr/projet-social/axes/precarites/")
	if err != nil {
		t.Fatal(err)
	}
	n := len(m)
	for _, c := range [][2]int{{4, 4}, {n - 11, 4}, {4, n - 11}} {
		for dy := range 7 {
			for dx := range 7 {
				ring := max(abs(dx-3), abs(dy-3))
				if want := ring != 2; m[c[1]+dy][c[0]+dx] != want {
					t.Fatalf("finder at (%d, %d): module (%d, %d) = %v; want %v", c[0], c[1], dx, dy, !want, want)
				}
			}
		}
	}
	for i := range n {
		if m[0][i] || m[i][0] || m[n-1][i] || m[i][n-1] {
			t.Fatal("a dark module in the quiet zone")
		}
	}
}

func abs(x int) int { return max(x, -x) }

// TestEncodeAsRSC: the codes drawn with the shared plans are rsc.io/qr's
// own, for texts of each encoding (digits, upper-case letters, bytes) and
// of lengths that take small and large versions; a text too long for any
// version is an error.
func TestEncodeAsRSC(t *testing.T) {
	texts := []string{"0", "0123456789", "HTTPS://EXAMPLE.FR/", "https://www.example.fr/projet-social/actions/epicerie-sociale/",
		"https://www.example.fr/" + strings.Repeat("épicerie-", 40), strings.Repeat("7", 3000)}
	for _, text := range texts {
		want, err := rsc.Encode(text, rsc.M)
		if err != nil {
			t.Fatal(err)
		}
		for range 2 { // the second time from the plan already made
			got, err := encode(text)
			if err != nil {
				t.Fatal(err)
			}
			if got.Size != want.Size || !bytes.Equal(got.Bitmap, want.Bitmap) {
				t.Fatalf("code of %.30q… differs from rsc.io/qr's (size %d, want %d)", text, got.Size, want.Size)
			}
		}
	}
	if _, err := SVG(strings.Repeat("é", 3000), "", "qr"); err == nil || !strings.Contains(err.Error(), "too long") {
		t.Errorf("a text too long: error %v; want one saying it is too long", err)
	}
}

// BenchmarkSVG draws the code of an action page's address, as a site
// draws one per action.
func BenchmarkSVG(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := SVG("https://www.example.fr/projet-social/actions/accompagnement-vers-l-emploi-a-allanche-1503/", "QR code", "qr-code"); err != nil {
			b.Fatal(err)
		}
	}
}
