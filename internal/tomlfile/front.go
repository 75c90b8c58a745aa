package tomlfile

import (
	"bytes"
	"io"
	"io/fs"
	"strings"
	"unicode/utf8"

	"jalons/internal/diag"
)

// Text returns a file's content as text: UTF-8 checked, a byte order mark
// dropped, CRLF and CR-only (old Mac) line endings turned into LF. A
// control character other than tab and line breaks (NUL, form feed…),
// invisible in an editor, is refused where it stands (the first of each
// line).
func Text(file string, data []byte) (string, diag.List) {
	var errs diag.List
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	line, col, reported := 1, 1, 0 // reported: the last line with a control character
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			errs.Add(diag.Pos{File: file, Line: line, Col: col},
				"the file is not UTF-8 text (save it again with the UTF-8 encoding; in LibreOffice or Notepad choose \"UTF-8\")")
			return "", errs
		case r == '\n':
			line, col = line+1, 1
		case Control(r) && reported == line:
			col++
		case Control(r):
			reported = line
			errs.Add(diag.Pos{File: file, Line: line, Col: col},
				"invisible control character U+%04X (delete it: only tabs and line breaks may be used)", r)
			col++
		default:
			col++
		}
		i += n
	}
	if errs != nil {
		return "", errs
	}
	return string(data), nil
}

// Control reports whether r is a control character that has no place in
// a site's text: the C0 controls but tab and line feed, and DEL. Some,
// such as NUL, break the files a build writes.
func Control(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r == 0x7f
}

// SplitFront splits a Markdown file's text into its TOML front matter,
// between two lines of +++, and its body. frontLine0 and bodyLine0 are the
// numbers of lines before each part, so that both keep their line numbers.
func SplitFront(file, text string) (front string, frontLine0 int, body string, bodyLine0 int, errs diag.List) {
	lines := strings.SplitAfter(text, "\n")
	if len(lines) > 0 && strings.TrimRight(lines[0], " \t\n") == "---" {
		errs.Add(diag.Pos{File: file, Line: 1, Col: 1},
			"the front matter goes between two lines of +++, not --- (replace both lines --- by +++, and write keys as key = \"value\")")
		return "", 0, "", 0, errs
	}
	if len(lines) == 0 || strings.TrimRight(lines[0], " \t\n") != "+++" {
		errs.Add(diag.Pos{File: file, Line: 1, Col: 1},
			"missing front matter: the file must start with a line +++, then keys such as title = \"…\", then a line +++")
		return "", 0, "", 0, errs
	}
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i], " \t\n") == "+++" {
			return strings.Join(lines[1:i], ""), 1, strings.Join(lines[i+1:], ""), i + 1, nil
		}
	}
	errs.Add(diag.Pos{File: file, Line: 1, Col: 1},
		"the front matter opened by +++ on line 1 is never closed (add a line +++ after its last key)")
	return "", 0, "", 0, errs
}

// Read reads file from fsys, refusing, without reading it all, a file of
// more than maxMB megabytes: hint ends that message. Any problem is
// reported at the file's first line.
func Read(fsys fs.FS, file string, maxMB int, hint *diag.Msg) ([]byte, diag.List) {
	var errs diag.List
	pos := diag.Pos{File: file, Line: 1, Col: 1}
	limit := int64(min(maxMB, 1<<30)) << 20
	f, err := fsys.Open(file)
	if err != nil {
		errs.Add(pos, "cannot read: %v", err)
		return nil, errs
	}
	defer f.Close()
	var size int64
	if st, err := f.Stat(); err == nil {
		if size = st.Size(); size > limit {
			errs.Add(pos, "the file is bigger than %d MB, the most a file may be%s", maxMB, hint)
			return nil, errs
		}
	}
	// Made at the file's size, with room to read its end: two reads.
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		errs.Add(pos, "cannot read: %v", err)
		return nil, errs
	}
	data := buf.Bytes()
	if int64(len(data)) > limit {
		errs.Add(pos, "the file is bigger than %d MB, the most a file may be%s", maxMB, hint)
		return nil, errs
	}
	return data, nil
}
