package content

import "testing"

func TestDecodeSnapshot(t *testing.T) {
	tests := []struct {
		name, text string
		ok         bool
		want       string
	}{
		{"all keys", "+++\ntitle = \"X\"\nstatus = \"en-cours\"\nprogress = 40\nend = 2021-06-30\n+++\nBody.\n", true, "in_progress true 40 2021-06-30"},
		{"unknown keys and no title", "+++\nstatus = \"done\"\ncouleur = 1\n+++\n", true, "done true <nil> 0000-00-00"},
		{"unknown status", "+++\nstatus = \"fini\"\n+++\n", true, "planned false <nil> 0000-00-00"},
		{"no status", "+++\nend = 2021-06-30\n+++\n", true, "planned false <nil> 2021-06-30"},
		{"not TOML", "+++\nstatus = \n+++\n", false, ""},
		{"no front matter", "Just text.\n", false, ""},
		{"not UTF-8", "+++\nstatus = \"done\xff\"\n+++\n", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := DecodeSnapshot("content/actions/x.md", []byte(tt.text))
			progress := "<nil>"
			if s.Progress != nil {
				progress = itoa(int(*s.Progress))
			}
			got := s.Status.Code() + " " + map[bool]string{true: "true", false: "false"}[s.StatusOK] + " " + progress + " " + s.End.String()
			if ok != tt.ok || ok && got != tt.want {
				t.Errorf("DecodeSnapshot(%q) = %s, %v; want %s, %v", tt.text, got, ok, tt.want, tt.ok)
			}
		})
	}
}
