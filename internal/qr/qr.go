// Package qr draws QR codes as SVG, for the printed pages of a site: a
// poster on a notice board leads to the living page. It keeps the QR
// encoder (rsc.io/qr, which draws a code with one mask rather than trying
// all eight: a site of 10,000 actions draws 10,000 codes) behind one
// function; the SVG is written here, from the encoder's matrix of modules.
package qr

import (
	"errors"
	"fmt"
	"html"
	"strconv"
	"sync"

	"rsc.io/qr/coding"
)

// SVG is a QR code of text as an SVG element, with a quiet zone of four
// modules, medium error correction, and label as its text alternative
// (its <title>, which names it through aria-labelledby; id is the
// title's id). Dark modules are one path, a rectangle per run of a row.
func SVG(text, label, id string) (string, error) {
	code, err := encode(text)
	if err != nil {
		return "", err
	}
	d := make([]byte, 0, 16*code.Size*code.Size/4) // one code per action page: no fmt per run
	for y := range code.Size {
		for x := 0; x < code.Size; {
			if !code.Black(x, y) {
				x++
				continue
			}
			run := 0
			for x+run < code.Size && code.Black(x+run, y) {
				run++
			}
			d = append(d, 'M')
			d = strconv.AppendInt(d, int64(x+quiet), 10)
			d = append(d, ' ')
			d = strconv.AppendInt(d, int64(y+quiet), 10)
			d = append(d, 'h')
			d = strconv.AppendInt(d, int64(run), 10)
			d = append(d, "v1h-"...)
			d = strconv.AppendInt(d, int64(run), 10)
			d = append(d, 'z')
			x += run
		}
	}
	n := code.Size + 2*quiet
	return fmt.Sprintf(`<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="%s" shape-rendering="crispEdges">`+
		`<title id="%s">%s</title><rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="%s"/></svg>`,
		n, n, 4*n, 4*n, id, id, html.EscapeString(label), n, n, d), nil
}

// quiet is the width of the light margin around a code, in modules.
const quiet = 4

// Modules is the matrix of a QR code of text, medium error correction,
// with a quiet zone of four modules around it: true for a dark module.
func Modules(text string) ([][]bool, error) {
	code, err := encode(text)
	if err != nil {
		return nil, err
	}
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

// encode is rsc.io/qr's Encode at level M, with the plan of each version
// (where every module goes: a few hundred microseconds to make) made once
// and shared, where Encode makes it for every code.
func encode(text string) (*coding.Code, error) {
	var enc coding.Encoding
	switch { // the smallest encoding that holds text, as Encode chooses
	case coding.Num(text).Check() == nil:
		enc = coding.Num(text)
	case coding.Alpha(text).Check() == nil:
		enc = coding.Alpha(text)
	default:
		enc = coding.String(text)
	}
	v := coding.Version(coding.MinVersion)
	for ; enc.Bits(v) > v.DataBytes(coding.M)*8; v++ {
		if v == coding.MaxVersion {
			return nil, errors.New("qr: text too long to encode as QR")
		}
	}
	p := &plans[v]
	p.once.Do(func() { p.plan, p.err = coding.NewPlan(v, coding.M, 0) })
	if p.err != nil {
		return nil, fmt.Errorf("qr: %w", p.err)
	}
	code, err := p.plan.Encode(enc)
	if err != nil {
		return nil, fmt.Errorf("qr: %w", err)
	}
	return code, nil
}

// plans are the plans of each version at level M, made when first needed.
var plans [coding.MaxVersion + 1]struct {
	once sync.Once
	plan *coding.Plan
	err  error
}
