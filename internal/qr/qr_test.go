package qr

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	qrcode "github.com/skip2/go-qrcode"
)

// TestSVG draws a code and reads its path back into a matrix of modules,
// which must be the encoder's.
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
	code, err := qrcode.New(url, qrcode.Medium)
	if err != nil {
		t.Fatal(err)
	}
	want := code.Bitmap()
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
