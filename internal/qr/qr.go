// Package qr draws QR codes as SVG, for the printed pages of a site: a
// poster on a notice board leads to the living page. It keeps the QR
// encoder (github.com/skip2/go-qrcode) behind one function; the SVG is
// written here, from the encoder's matrix of modules.
package qr

import (
	"fmt"
	"html"
	"strings"

	qrcode "github.com/skip2/go-qrcode"
)

// SVG is a QR code of text as an SVG element, with a quiet zone of four
// modules, medium error correction, and label as its text alternative
// (its <title>, which names it through aria-labelledby; id is the
// title's id). Dark modules are one path, a rectangle per run of a row.
func SVG(text, label, id string) (string, error) {
	code, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		return "", fmt.Errorf("qr: %w", err)
	}
	m := code.Bitmap() // with its quiet zone
	var d strings.Builder
	for y, row := range m {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			run := 0
			for x+run < len(row) && row[x+run] {
				run++
			}
			fmt.Fprintf(&d, "M%d %dh%dv1h-%dz", x, y, run, run)
			x += run
		}
	}
	n := len(m)
	return fmt.Sprintf(`<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="%s" shape-rendering="crispEdges">`+
		`<title id="%s">%s</title><rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="%s"/></svg>`,
		n, n, 4*n, 4*n, id, id, html.EscapeString(label), n, n, d.String()), nil
}
