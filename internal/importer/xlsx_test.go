package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// zipOf is a zip of the files named in parts, with their text.
func zipOf(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for name, text := range parts {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(text))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// book is the parts of a workbook of one sheet, whose cells are sheet
// (the inside of sheetData), with its shared texts and styles.
func book(sheet, shared, styles string) map[string]string {
	parts := map[string]string{
		"xl/workbook.xml": `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="Plan" sheetId="1" r:id="rId1"/><sheet name="Autre" sheetId="2" r:id="rId2"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId2" Target="worksheets/sheet2.xml"/><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + sheet + `</sheetData></worksheet>`,
		"xl/worksheets/sheet2.xml": `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>pas celle-ci</t></is></c></row></sheetData></worksheet>`,
	}
	if shared != "" {
		parts["xl/sharedStrings.xml"] = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + shared + `</sst>`
	}
	if styles != "" {
		parts["xl/styles.xml"] = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + styles + `</styleSheet>`
	}
	return parts
}

func TestSheetCells(t *testing.T) {
	styles := `<numFmts><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="0&quot;%&quot;"/></numFmts>` +
		`<cellXfs><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs>`
	tests := []struct {
		name   string
		sheet  string
		shared string
		want   [][]cell
	}{
		{"shared and rich texts", `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`,
			`<si><t>Épicerie sociale</t></si><si><r><t>Jardin </t></r><r><rPr><b/></rPr><t>partagé</t></r></si>`,
			[][]cell{{{"Épicerie sociale", "Épicerie sociale"}, {"Jardin partagé", "Jardin partagé"}}}},
		{"inline text, yes and no, formula text", `<row r="1"><c r="A1" t="inlineStr"><is><t>Atelier</t></is></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="b"><v>0</v></c><c r="D1" t="str"><f>A1</f><v>Atelier</v></c></row>`, "",
			[][]cell{{{"Atelier", "Atelier"}, {"TRUE", "1"}, {"FALSE", "0"}, {"Atelier", "Atelier"}}}},
		{"numbers by their format", `<row r="1"><c r="A1"><v>150000.5</v></c><c r="B1" s="1"><v>0.4</v></c><c r="C1" s="2"><v>0.125</v></c><c r="D1" s="3"><v>50</v></c><c r="E1" s="4"><v>45363</v></c></row>`, "",
			[][]cell{{{"150000.5", "150000.5"}, {"40%", "0.4"}, {"12.5%", "0.125"}, {"50", "50"}, {"45363", "45363"}}}},
		{"rows and cells skipped", `<row r="2"><c r="C2" t="inlineStr"><is><t>x</t></is></c></row><row r="4"><c r="A4"><v>1</v></c><c r="B4" t="inlineStr"><is><t></t></is></c></row><row r="5"/>`, "",
			[][]cell{nil, {{}, {}, {"x", "x"}}, nil, {{"1", "1"}}}},
		{"rows and cells without references", `<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row><row><c><v>3</v></c></row>`, "",
			[][]cell{{{"a", "a"}, {"2", "2"}}, {{"3", "3"}}}},
		{"columns past Z", `<row r="1"><c r="AB1"><v>7</v></c></row>`, "",
			[][]cell{{{}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {"7", "7"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sheetCells(zipOf(t, book(tt.sheet, tt.shared, styles)))
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("sheetCells() = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// TestSheetCellsErrors gives every reason a workbook cannot be read, as
// the writer reads it.
func TestSheetCellsErrors(t *testing.T) {
	ok := book(`<row r="1"><c r="A1"><v>1</v></c></row>`, "", "")
	with := func(name, text string) map[string]string {
		parts := map[string]string{}
		for k, v := range ok {
			parts[k] = v
		}
		if text == "" {
			delete(parts, name)
		} else {
			parts[name] = text
		}
		return parts
	}
	tests := []struct {
		name  string
		parts map[string]string
		want  string
	}{
		{"no workbook part", with("xl/workbook.xml", ""), "the workbook has no part xl/workbook.xml"},
		{"no relations", with("xl/_rels/workbook.xml.rels", ""), "the workbook has no part xl/_rels/workbook.xml.rels"},
		{"no sheet", with("xl/workbook.xml", `<workbook><sheets/></workbook>`), "the workbook has no sheet"},
		{"no sheet part", with("xl/worksheets/sheet1.xml", ""), "the workbook has no part xl/worksheets/sheet1.xml"},
		{"broken XML", with("xl/worksheets/sheet1.xml", `<worksheet><sheetData><row>`), "xl/worksheets/sheet1.xml: XML syntax error on line 1: unexpected EOF"},
		{"rows out of order", book(`<row r="3"/><row r="2"/>`, "", ""), "row 2 comes after a later row"},
		{"row past the last", book(`<row r="1048577"/>`, "", ""), "row 1048577 is past a sheet's last row, 1048576"},
		{"column past the last", book(`<row r="1"><c r="XFE1"><v>1</v></c></row>`, "", ""), `"XFE1" is not a cell`},
		{"cells out of order", book(`<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row>`, "", ""), "cell A1 comes after a later cell of its row"},
		{"not a cell", book(`<row r="1"><c r="1A"><v>1</v></c></row>`, "", ""), `"1A" is not a cell`},
		{"no such text", book(`<row r="1"><c r="A1" t="s"><v>3</v></c></row>`, `<si><t>a</t></si>`, ""), "cell A1 points to no text"},
		{"no such text, a cell without its reference", book(`<row r="3"><c><v>1</v></c><c t="s"><v>3</v></c></row>`, `<si><t>a</t></si>`, ""), "cell B3 points to no text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sheetCells(zipOf(t, tt.parts))
			if err == nil || err.Error() != tt.want {
				t.Errorf("sheetCells() error = %v; want %s", err, tt.want)
			}
		})
	}
	t.Run("unzips too big", func(t *testing.T) {
		defer func(m int64) { maxUnzipped = m }(maxUnzipped)
		maxUnzipped = 1 << 20
		huge := `<row r="1"><c r="A1" t="inlineStr"><is><t>` + strings.Repeat("a", int(maxUnzipped)) + `</t></is></c></row>`
		_, err := sheetCells(zipOf(t, book(huge, "", "")))
		if want := "the workbook unzips into more than 1 MB"; err == nil || err.Error() != want {
			t.Errorf("sheetCells() error = %v; want %s", err, want)
		}
	})
	t.Run("in French", func(t *testing.T) {
		_, errs := readXLSX("plan.xlsx", zipOf(t, with("xl/workbook.xml", `<workbook><sheets/></workbook>`)))
		want := "plan.xlsx:1:1: le classeur est illisible\u00a0: le classeur n'a aucune feuille (enregistrez-le à nouveau comme classeur Excel, .xlsx)"
		if len(errs) != 1 || errs[0].Text("fr") != want {
			t.Errorf("readXLSX() = %v; want %s", errs, want)
		}
	})
}

// TestSheetCellsAsExcelize reads a workbook made by excelize, which
// spreadsheet programs write alike, and finds the raw values excelize
// reads back.
func TestSheetCellsAsExcelize(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	sheet := f.GetSheetName(0)
	rows := [][]any{
		{"Titre", "Début", "Budget", "Avancement", "Fait"},
		{"Épicerie sociale", 45363, 150000.5, 0.4, true},
		nil,
		{"Jardin « partagé »", "2024-01-15", "12 000 €", "25 %", false},
	}
	for i, r := range rows {
		if err := f.SetSheetRow(sheet, fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	f.SetCellValue(sheet, "G6", "plus loin")
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	want, _ := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	got, err := sheetCells(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	raw := make([][]string, len(got))
	for i, r := range got {
		for _, c := range r {
			raw[i] = append(raw[i], c.raw)
		}
	}
	if !reflect.DeepEqual(raw, want) {
		t.Errorf("sheetCells() reads %q; excelize %q", raw, want)
	}
}

func TestCellName(t *testing.T) {
	for _, tt := range []struct {
		col, row int
		want     string
	}{{0, 1, "A1"}, {25, 2, "Z2"}, {26, 3, "AA3"}, {27, 3, "AB3"}, {701, 4, "ZZ4"}, {702, 5, "AAA5"}, {maxColumns - 1, maxRows, "XFD1048576"}} {
		if got := cellName(tt.col, tt.row); got != tt.want {
			t.Errorf("cellName(%d, %d) = %s; want %s", tt.col, tt.row, got, tt.want)
		}
		if col, err := columnOf(tt.want); err != nil || col != tt.col {
			t.Errorf("columnOf(%s) = %d, %v; want %d", tt.want, col, err, tt.col)
		}
	}
}

func TestExcelDate(t *testing.T) {
	for _, tt := range []struct {
		serial float64
		want   string
	}{
		{1, "1900-01-01"}, {59, "1900-02-28"}, {61, "1900-03-01"}, {45363, "2024-03-12"}, {45363.75, "2024-03-12"}, {46022, "2025-12-31"},
	} {
		if got := excelDate(tt.serial).Format("2006-01-02"); got != tt.want {
			t.Errorf("excelDate(%v) = %s; want %s", tt.serial, got, tt.want)
		}
	}
}
