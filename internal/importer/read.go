package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"jalons/internal/diag"
	"jalons/internal/tomlfile"
)

// read returns the rows of the spreadsheet file, whose content is data:
// rows[i] is the spreadsheet's row i+1.
func read(file string, data []byte) ([][]cell, diag.List) {
	var errs diag.List
	switch strings.ToLower(filepath.Ext(file)) {
	case ".csv":
		return readCSV(file, data)
	case ".xlsx":
		return readXLSX(file, data)
	}
	errs.Add(diag.Pos{File: file}, "the import reads .csv and .xlsx files, not %q (in the spreadsheet, save as CSV or as an Excel workbook)", filepath.Ext(file))
	return nil, errs
}

// readCSV reads a CSV text: UTF-8, with or without a byte order mark, or
// else Windows-1252; separated by semicolons when the header line holds
// more of them than commas, by commas otherwise.
func readCSV(file string, data []byte) ([][]cell, diag.List) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		data, _ = charmap.Windows1252.NewDecoder().Bytes(data) // every byte has a character
	}
	r := csv.NewReader(bytes.NewReader(data))
	if bytes.Count(headerLine(data), []byte(";")) > bytes.Count(headerLine(data), []byte(",")) {
		r.Comma = ';'
	}
	r.FieldsPerRecord = -1
	var rows [][]cell
	last := 0 // the line where the last record ended
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				err = pe.Err
				for ; last < pe.StartLine-1; last++ {
					rows = append(rows, nil)
				}
			}
			var errs diag.List
			errs.Add(diag.Pos{File: file, Line: len(rows) + 1, Col: 1}, "this row cannot be read as CSV: %v (check its quotes)", err)
			return nil, errs
		}
		// The reader skips empty lines; a spreadsheet shows them as rows.
		start, _ := r.FieldPos(0)
		for ; last < start-1; last++ {
			rows = append(rows, nil)
		}
		end, _ := r.FieldPos(len(rec) - 1)
		last = end + strings.Count(rec[len(rec)-1], "\n")
		row := make([]cell, len(rec))
		for i, s := range rec {
			row[i] = cell{text: s}
		}
		rows = append(rows, row)
	}
}

// headerLine is the first line of data that is not blank.
func headerLine(data []byte) []byte {
	for line := range bytes.Lines(data) {
		if len(bytes.TrimSpace(line)) > 0 {
			return line
		}
	}
	return nil
}

// readXLSX reads the first sheet of a workbook, each cell as shown and
// raw.
func readXLSX(file string, data []byte) ([][]cell, diag.List) {
	rows, err := sheetCells(data)
	if err != nil {
		var errs diag.List
		errs.Add(diag.Pos{File: file}, "the workbook cannot be read: %v (save it again as an Excel workbook, .xlsx)", err)
		return nil, errs
	}
	return rows, nil
}

// number reads a number as a writer types it: 45000, 45 000 (spaces or
// no-break spaces), 45.000,50 or 45,000.50 (the last of . and , is the
// decimal mark, unless one of them comes several times), 1500,5, with a
// trailing € or %. A workbook's number is taken raw, a percentage as a
// percentage when percent is true.
func number(c cell, percent bool) (float64, bool) {
	if n, err := strconv.ParseFloat(c.raw, 64); err == nil && !math.IsNaN(n) && !math.IsInf(n, 0) {
		if percent && strings.HasSuffix(strings.TrimSpace(c.text), "%") {
			n *= 100
		}
		return n, true
	}
	s := strings.TrimSpace(c.text)
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(s, "€"), "%"))
	s = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "").Replace(s)
	comma, dot := strings.LastIndex(s, ","), strings.LastIndex(s, ".")
	switch {
	case strings.Count(s, ",") > 1 || comma >= 0 && dot > comma:
		s = strings.ReplaceAll(s, ",", "") // 1,500,000 or 1,500.50
	case strings.Count(s, ".") > 1 || dot >= 0 && comma > dot:
		s = strings.ReplaceAll(s, ".", "") // 1.500.000 or 1.500,50
	}
	s = strings.Replace(s, ",", ".", 1)
	digits := strings.TrimPrefix(s, "-")
	if digits == "" || strings.Trim(digits, "0123456789.") != "" {
		return 0, false
	}
	n, err := strconv.ParseFloat(s, 64)
	return n, err == nil
}

// date reads a date as 2024-03-12, 12/03/2024 or 12.03.2024, or a
// workbook's date (its serial number).
func date(c cell) (tomlfile.Date, bool) {
	s := strings.TrimSpace(c.text)
	for _, layout := range []string{"2006-01-02", "2/1/2006", "2.1.2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return tomlfile.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}, true
		}
	}
	if n, err := strconv.ParseFloat(c.raw, 64); err == nil && n >= 1 && n < 2958466 {
		t := excelDate(n)
		return tomlfile.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}, true
	}
	return tomlfile.Date{}, false
}
