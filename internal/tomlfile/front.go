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
// dropped, CRLF line endings turned into LF.
func Text(file string, data []byte) (string, diag.List) {
	var errs diag.List
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		line, col := 1, 1
		for i := 0; i < len(data); {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			i += n
		}
		errs.Add(diag.Pos{File: file, Line: line, Col: col},
			"the file is not UTF-8 text (save it again with the UTF-8 encoding; in LibreOffice or Notepad choose \"UTF-8\")")
		return "", errs
	}
	return strings.ReplaceAll(string(data), "\r\n", "\n"), nil
}

// SplitFront splits a Markdown file's text into its TOML front matter,
// between two lines of +++, and its body. frontLine0 and bodyLine0 are the
// numbers of lines before each part, so that both keep their line numbers.
func SplitFront(file, text string) (front string, frontLine0 int, body string, bodyLine0 int, errs diag.List) {
	lines := strings.SplitAfter(text, "\n")
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
	if st, err := f.Stat(); err == nil && st.Size() > limit {
		errs.Add(pos, "the file is bigger than %d MB, the most a file may be%s", maxMB, hint)
		return nil, errs
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		errs.Add(pos, "cannot read: %v", err)
		return nil, errs
	}
	if int64(len(data)) > limit {
		errs.Add(pos, "the file is bigger than %d MB, the most a file may be%s", maxMB, hint)
		return nil, errs
	}
	return data, nil
}
