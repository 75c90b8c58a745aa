package diag

import (
	"strings"
	"testing"
)

func TestSuggest(t *testing.T) {
	known := []string{"title", "axis", "status", "partners", "territories"}
	tests := []struct{ in, want string }{
		{"titel", ` (did you mean "title"?)`},
		{"Title", ` (did you mean "title"?)`},
		{"partner", ` (did you mean "partners"?)`},
		{"territoires", ` (did you mean "territories"?)`},
		{"colour", ""},
		{"zzzz", ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.in, known); got != tt.want {
			t.Errorf("Suggest(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestListSortAndPrint(t *testing.T) {
	var l List
	if l.Err() != nil {
		t.Fatal("empty list: Err() != nil")
	}
	l.Add(Pos{File: "content/b.md", Line: 2, Col: 1}, "second %s", "file")
	l.Add(Pos{File: "content/a.md", Line: 9, Col: 3}, "late")
	l.Add(Pos{File: "content/a.md", Line: 1, Col: 1}, "early")
	l.Add(Pos{File: "content/a.md", Line: 1, Col: 1}, "early")
	l.Add(Pos{File: "config.toml"}, "no line")
	l.Sort()
	want := strings.Join([]string{
		"config.toml:1:1: no line",
		"content/a.md:1:1: early",
		"content/a.md:9:3: late",
		"content/b.md:2:1: second file",
	}, "\n")
	if got := l.Err().Error(); got != want {
		t.Errorf("List.Error() =\n%s\nwant\n%s", got, want)
	}
}
