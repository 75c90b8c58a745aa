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
	n := code.Size + 2*quiet
	// One code per action page: no fmt, and a buffer used again.
	bp := scratch.Get().(*[]byte)
	defer scratch.Put(bp)
	b := (*bp)[:0]
	num := func(v int) { // mostly under 100: strconv's general way is a quarter of the time
		switch {
		case v >= 0 && v < 10:
			b = append(b, byte('0'+v))
		case v >= 10 && v < 100:
			b = append(b, byte('0'+v/10), byte('0'+v%10))
		default:
			b = strconv.AppendInt(b, int64(v), 10)
		}
	}
	b = append(b, `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `...)
	num(n)
	b = append(b, ' ')
	num(n)
	b = append(b, `" width="`...)
	num(4 * n)
	b = append(b, `" height="`...)
	num(4 * n)
	b = append(b, `" role="img" aria-labelledby="`...)
	b = append(b, id...)
	b = append(b, `" shape-rendering="crispEdges"><title id="`...)
	b = append(b, id...)
	b = append(b, `">`...)
	b = append(b, html.EscapeString(label)...)
	b = append(b, `</title><rect width="`...)
	num(n)
	b = append(b, `" height="`...)
	num(n)
	b = append(b, `" fill="#fff"/><path fill="#000" d="`...)
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
			b = append(b, 'M')
			num(x + quiet)
			b = append(b, ' ')
			num(y + quiet)
			b = append(b, 'h')
			num(run)
			b = append(b, "v1h-"...)
			num(run)
			b = append(b, 'z')
			x += run
		}
	}
	b = append(b, `"/></svg>`...)
	*bp = b
	return string(b), nil
}

// scratch holds the buffers SVG writes codes in.
var scratch = sync.Pool{New: func() any { return new([]byte) }}

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
