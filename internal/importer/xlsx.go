package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strconv"
	"strings"
	"time"

	"jalons/internal/diag"
)

// A workbook (.xlsx) is a zip of XML parts: xl/workbook.xml lists the
// sheets, xl/_rels/workbook.xml.rels says which part holds each, a sheet
// part holds its cells, xl/sharedStrings.xml the texts the cells point
// to, and xl/styles.xml the number format of each cell style.

// maxUnzipped is the most the parts a workbook is read from may hold,
// unzipped: a small file cannot unzip into gigabytes.
var maxUnzipped int64 = 256 << 20

// sheetCells reads the first sheet of the workbook data: each row's
// cells, as shown (text) and raw. A text is shown as it is; a number as
// written in the file (the day's serial number for a date), with a % when
// its format is a percentage, the number then multiplied by 100; TRUE or
// FALSE for a yes/no cell. rows[i] is the sheet's row i+1.
func sheetCells(data []byte) ([][]cell, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	w := workbook{parts: map[string]*zip.File{}}
	for _, f := range z.File {
		w.parts[f.Name] = f
	}
	var book struct {
		Sheets []struct {
			ID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := w.read("xl/workbook.xml", &book); err != nil {
		return nil, err
	}
	if err := w.read("xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	if len(book.Sheets) == 0 {
		return nil, diag.Errorf("the workbook has no sheet")
	}
	var sheet string
	for _, r := range rels.Rels {
		if r.ID == book.Sheets[0].ID {
			sheet = r.Target
		}
	}
	if strings.HasPrefix(sheet, "/") {
		sheet = sheet[1:] // from the zip's root
	} else {
		sheet = path.Join("xl", sheet)
	}
	var shared struct {
		Items []richText `xml:"si"`
	}
	var styles struct {
		Formats []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Cells []struct {
			Format int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	var cells struct {
		Rows []struct {
			N     int `xml:"r,attr"`
			Cells []struct {
				Ref    string   `xml:"r,attr"`
				Type   string   `xml:"t,attr"`
				Style  int      `xml:"s,attr"`
				Value  string   `xml:"v"`
				Inline richText `xml:"is"`
			} `xml:"c"`
		} `xml:"sheetData>row"`
	}
	// A workbook of numbers alone may have no texts, and one without
	// formats no styles.
	for _, p := range []struct {
		name string
		v    any
	}{{"xl/sharedStrings.xml", &shared}, {"xl/styles.xml", &styles}} {
		if _, ok := w.parts[p.name]; ok {
			if err := w.read(p.name, p.v); err != nil {
				return nil, err
			}
		}
	}
	if err := w.read(sheet, &cells); err != nil {
		return nil, err
	}
	texts := make([]string, len(shared.Items))
	for i, si := range shared.Items {
		texts[i] = si.String()
	}
	// percent says whether the cells of each style show a percentage.
	codes := map[int]string{9: "0%", 10: "0.00%"}
	for _, f := range styles.Formats {
		codes[f.ID] = f.Code
	}
	percent := make([]bool, len(styles.Cells))
	for i, xf := range styles.Cells {
		percent[i] = isPercent(codes[xf.Format])
	}

	var rows [][]cell
	for _, r := range cells.Rows {
		n := r.N
		if n == 0 {
			n = len(rows) + 1
		}
		if n <= len(rows) {
			return nil, diag.Errorf("row %d comes after a later row", n)
		}
		if n > maxRows {
			return nil, diag.Errorf("row %d is past a sheet's last row, %d", n, maxRows)
		}
		for len(rows) < n {
			rows = append(rows, nil)
		}
		var row []cell
		for _, c := range r.Cells {
			col := len(row)
			if c.Ref != "" {
				if col, err = columnOf(c.Ref); err != nil {
					return nil, err
				}
			}
			if col < len(row) {
				return nil, diag.Errorf("cell %s comes after a later cell of its row", c.Ref)
			}
			var v cell
			switch c.Type {
			case "s":
				i, err := strconv.Atoi(c.Value)
				if err != nil || i < 0 || i >= len(texts) {
					return nil, diag.Errorf("cell %s points to no text", cellName(col, n))
				}
				v = cell{text: texts[i], raw: texts[i]}
			case "inlineStr":
				t := c.Inline.String()
				v = cell{text: t, raw: t}
			case "b":
				v = cell{text: "FALSE", raw: c.Value}
				if c.Value == "1" {
					v.text = "TRUE"
				}
			case "", "n":
				v = cell{text: c.Value, raw: c.Value}
				if x, err := strconv.ParseFloat(c.Value, 64); err == nil && c.Style >= 0 && c.Style < len(percent) && percent[c.Style] {
					v.text = strconv.FormatFloat(x*100, 'f', -1, 64) + "%"
				}
			default: // str (a formula's text), e (an error), d (a date as text)
				v = cell{text: c.Value, raw: c.Value}
			}
			for len(row) < col {
				row = append(row, cell{})
			}
			row = append(row, v)
		}
		for len(row) > 0 && row[len(row)-1] == (cell{}) {
			row = row[:len(row)-1]
		}
		rows[n-1] = row
	}
	for len(rows) > 0 && rows[len(rows)-1] == nil {
		rows = rows[:len(rows)-1]
	}
	return rows, nil
}

// richText is a text of a workbook: whole, or in runs of formatting.
type richText struct {
	Text string `xml:"t"`
	Runs []struct {
		Text string `xml:"t"`
	} `xml:"r"`
}

func (t richText) String() string {
	s := t.Text
	for _, r := range t.Runs {
		s += r.Text
	}
	return s
}

// The rows and columns a sheet has at most (the last cell is XFD1048576).
const (
	maxRows    = 1 << 20
	maxColumns = 1 << 14
)

// workbook is the parts of a workbook, by name.
type workbook struct {
	parts    map[string]*zip.File
	unzipped int64 // what has been read from them
}

// read unmarshals the part name into v.
func (w *workbook) read(name string, v any) error {
	f, ok := w.parts[name]
	if !ok {
		return diag.Errorf("the workbook has no part %s", name)
	}
	r, err := f.Open()
	if err != nil {
		return err
	}
	defer r.Close()
	b, err := io.ReadAll(io.LimitReader(r, maxUnzipped-w.unzipped+1))
	if err != nil {
		return err
	}
	if w.unzipped += int64(len(b)); w.unzipped > maxUnzipped {
		return diag.Errorf("the workbook unzips into more than %d MB", maxUnzipped>>20)
	}
	if err := xml.Unmarshal(b, v); err != nil {
		return diag.Errorf("%s: %v", name, err)
	}
	return nil
}

// columnOf is the index of the column of a cell reference: 0 for A1, 27
// for AB3.
func columnOf(ref string) (int, error) {
	col := 0
	i := 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		col = col*26 + int(ref[i]-'A'+1)
		if col > maxColumns {
			break
		}
	}
	if i == 0 || col > maxColumns {
		return 0, diag.Errorf("%q is not a cell", ref)
	}
	return col - 1, nil
}

// cellName is the reference of the cell at column col (from 0) of row
// (from 1): "AB3" for 27, 3.
func cellName(col, row int) string {
	name := ""
	for col++; col > 0; col = (col - 1) / 26 {
		name = string(rune('A'+(col-1)%26)) + name
	}
	return name + strconv.Itoa(row)
}

// isPercent says whether a number format shows a percentage: a % outside
// quotes, brackets and escapes.
func isPercent(code string) bool {
	for i := 0; i < len(code); i++ {
		switch code[i] {
		case '%':
			return true
		case '\\':
			i++
		case '"', '[':
			end := byte('"')
			if code[i] == '[' {
				end = ']'
			}
			if j := strings.IndexByte(code[i+1:], end); j >= 0 {
				i += j + 1
			} else {
				return false
			}
		}
	}
	return false
}

// excelDate is the day of a workbook's serial number: days since
// 1899-12-30, as the 1900 date system counts them (it holds a 29 February
// 1900 that never was, as serial 60, and counts from 1 on 1900-01-01).
func excelDate(serial float64) time.Time {
	day := int(serial)
	if day < 61 {
		day++ // before the day that never was
	}
	return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, day)
}
