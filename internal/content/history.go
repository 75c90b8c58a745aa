package content

import (
	"jalons/internal/tomlfile"
)

// DecodeSnapshot reads the front matter of a version of an action file,
// as an old commit left it, for the facts its history follows. It
// reports false when the version does not decode (not UTF-8, no front
// matter, not TOML); a key of the wrong type or an unknown key is left
// aside.
func DecodeSnapshot(file string, data []byte) (Snapshot, bool) {
	text, errs := tomlfile.Text(file, data)
	if errs != nil {
		return Snapshot{}, false
	}
	front, line0, _, _, errs := tomlfile.SplitFront(file, text)
	if errs != nil {
		return Snapshot{}, false
	}
	var a Action
	doc, errs := tomlfile.Decode(file, front, line0, &a)
	if doc == nil {
		return Snapshot{}, false
	}
	s := Snapshot{Status: a.Status, StatusOK: doc.Has("status"), Progress: a.Manual, End: a.End}
	for _, e := range errs {
		if e.Pos == doc.Pos("status") {
			s.StatusOK = false
		}
	}
	return s, true
}
