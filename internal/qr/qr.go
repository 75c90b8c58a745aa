// Package qr draws QR codes as SVG, for the printed pages of a site: a
// poster on a notice board leads to the living page. It keeps the QR
// encoder (rsc.io/qr, which draws a code with one mask rather than trying
// all eight: a site of 10,000 actions draws 10,000 codes) behind one
// function; the SVG is written here, from the encoder's matrix of modules.
package qr

import (
	"fmt"
	"html"
	"strconv"

	"rsc.io/qr"
)

// SVG is a QR code of text as an SVG element, with a quiet zone of four
// modules, medium error correction, and label as its text alternative
// (its <title>, which names it through aria-labelledby; id is the
// title's id). Dark modules are one path, a rectangle per run of a row.
func SVG(text, label, id string) (string, error) {
	m, err := Modules(text)
	if err != nil {
		return "", err
	}
	var d []byte // one code per action page: no fmt per run
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
			d = append(d, 'M')
			d = strconv.AppendInt(d, int64(x), 10)
			d = append(d, ' ')
			d = strconv.AppendInt(d, int64(y), 10)
			d = append(d, 'h')
			d = strconv.AppendInt(d, int64(run), 10)
			d = append(d, "v1h-"...)
			d = strconv.AppendInt(d, int64(run), 10)
			d = append(d, 'z')
			x += run
		}
	}
	n := len(m)
	return fmt.Sprintf(`<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="%s" shape-rendering="crispEdges">`+
		`<title id="%s">%s</title><rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="%s"/></svg>`,
		n, n, 4*n, 4*n, id, id, html.EscapeString(label), n, n, d), nil
}

// Modules is the matrix of a QR code of text, medium error correction,
// with a quiet zone of four modules around it: true for a dark module.
func Modules(text string) ([][]bool, error) {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		return nil, fmt.Errorf("qr: %w", err)
	}
	const quiet = 4
	n := code.Size + 2*quiet
	m := make([][]bool, n)
	for y := range m {
		m[y] = make([]bool, n)
		for x := range m[y] {
			m[y][x] = x >= quiet && y >= quiet && x < n-quiet && y < n-quiet && code.Black(x-quiet, y-quiet)
		}
	}
	return m, nil
}
