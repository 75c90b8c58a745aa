package site

import (
	"fmt"
	"reflect"
	"testing"

	"jalons/internal/config"
	"jalons/internal/content"
)

func isoDay(s string) content.Date {
	var d content.Date
	fmt.Sscanf(s, "%d-%d-%d", &d.Year, &d.Month, &d.Day)
	return d
}

// items is a site of one axis and one action in memory, with git's facts.
func items(history bool, git *content.Git, updated string) *content.Items {
	return &content.Items{
		Config:  &config.Config{History: history},
		Axes:    []*content.Axis{{Title: "A", Slug: "a", Src: content.Source{File: "content/axes/a.md"}}},
		Actions: []*content.Action{{Title: "X", AxisSlug: "a", Slug: "x", Updated: isoDay(updated), Src: content.Source{File: "content/actions/x.md"}}},
		Git:     git,
	}
}

func TestUpdated(t *testing.T) {
	const file = "content/actions/x.md"
	tests := []struct {
		name    string
		git     *content.Git
		updated string
		want    string
	}{
		{"outside git", nil, "", "0000-00-00"},
		{"outside git, updated key", nil, "2024-05-12", "2024-05-12"},
		{"last commit", &content.Git{Changed: map[string]content.Date{file: isoDay("2023-01-02")}}, "", "2023-01-02"},
		{"updated wins over git", &content.Git{Changed: map[string]content.Date{file: isoDay("2023-01-02")}}, "2024-05-12", "2024-05-12"},
		{"uncommitted is today", &content.Git{Changed: map[string]content.Date{file: isoDay("2023-01-02")}, Uncommitted: map[string]bool{file: true}}, "", testToday.String()},
		{"updated wins over uncommitted", &content.Git{Uncommitted: map[string]bool{file: true}}, "2024-05-12", "2024-05-12"},
		{"not in git's log", &content.Git{}, "", "0000-00-00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, errs := Link(items(false, tt.git, tt.updated), testToday)
			if errs != nil {
				t.Fatal(errs)
			}
			if got := s.Actions[0].Updated.String(); got != tt.want {
				t.Errorf("Updated = %s; want %s", got, tt.want)
			}
			if got, ok := s.Updated[file]; ok != (tt.want != "0000-00-00") || ok && got.String() != tt.want {
				t.Errorf("Site.Updated[%s] = %s, %v; want %s", file, got, ok, tt.want)
			}
		})
	}
}

func snap(status content.Status, progress float64, end string) *content.Snapshot {
	s := &content.Snapshot{Status: status, StatusOK: true, End: isoDay(end)}
	if progress >= 0 {
		s.Progress = &progress
	}
	return s
}

func TestHistory(t *testing.T) {
	rev := func(commit, date string, facts *content.Snapshot) content.Revision {
		return content.Revision{Commit: commit, Date: isoDay(date), Subject: "commit " + commit, Facts: facts}
	}
	tests := []struct {
		name  string
		revs  []content.Revision
		want  []string // each entry: commit, then its changes
		older int
	}{
		{"one commit", []content.Revision{rev("c1", "2020-01-01", snap(content.Planned, -1, ""))}, []string{"c1"}, 0},
		{"status, progress and end change", []content.Revision{
			rev("c3", "2022-01-01", snap(content.Done, 100, "2021-12-31")),
			rev("c2", "2021-01-01", snap(content.InProgress, 40, "2021-06-30")),
			rev("c1", "2020-01-01", snap(content.Planned, -1, "2021-06-30")),
		}, []string{"c3 status:in_progress>done progress:40>100 end:2021-06-30>2021-12-31", "c2 status:planned>in_progress progress:-1>40", "c1"}, 0},
		{"a version that does not decode is passed over", []content.Revision{
			rev("c3", "2022-01-01", snap(content.Done, -1, "")),
			rev("c2", "2021-01-01", nil),
			rev("c1", "2020-01-01", snap(content.Planned, -1, "")),
		}, []string{"c3 status:planned>done", "c2", "c1"}, 0},
		{"a status that does not decode is no change", []content.Revision{
			rev("c2", "2021-01-01", snap(content.Done, -1, "")),
			rev("c1", "2020-01-01", &content.Snapshot{}),
		}, []string{"c2", "c1"}, 0},
	}
	var many []content.Revision
	var wantMany []string
	for i := 25; i >= 1; i-- {
		many = append(many, rev(fmt.Sprint("c", i), "2020-01-01", snap(content.Planned, float64(i), "")))
		if i > 5 {
			wantMany = append(wantMany, fmt.Sprintf("c%d progress:%d>%d", i, i-1, i))
		}
	}
	tests = append(tests, struct {
		name  string
		revs  []content.Revision
		want  []string
		older int
	}{"20 entries at most", many, wantMany, 5})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			git := &content.Git{History: map[string][]content.Revision{"content/actions/x.md": tt.revs}}
			s, errs := Link(items(true, git, ""), testToday)
			if errs != nil {
				t.Fatal(errs)
			}
			a := s.Actions[0]
			var got []string
			for _, e := range a.History {
				line := e.Commit
				for _, c := range e.Changes {
					line += " " + c.Key + ":" + fact(c.Key, c.From) + ">" + fact(c.Key, c.To)
				}
				got = append(got, line)
			}
			if !reflect.DeepEqual(got, tt.want) || a.Older != tt.older {
				t.Errorf("History = %q, %d older; want %q, %d older", got, a.Older, tt.want, tt.older)
			}
		})
	}
}

func fact(key string, s content.Snapshot) string {
	switch key {
	case "status":
		return s.Status.Code()
	case "progress":
		if s.Progress == nil {
			return "-1"
		}
		return fmt.Sprint(*s.Progress)
	}
	return s.End.String()
}

func TestStatusChanges(t *testing.T) {
	git := &content.Git{History: map[string][]content.Revision{
		"content/actions/x.md": {
			{Commit: "x2", Date: isoDay("2022-01-01"), Facts: snap(content.Done, -1, "")},
			{Commit: "x1", Date: isoDay("2020-01-01"), Facts: snap(content.Planned, -1, "")},
		},
		"content/actions/y.md": {
			{Commit: "y3", Date: isoDay("2023-01-01"), Facts: snap(content.Suspended, -1, "")},
			{Commit: "y2", Date: isoDay("2021-01-01"), Facts: snap(content.InProgress, 10, "")},
			{Commit: "y1", Date: isoDay("2020-06-01"), Facts: snap(content.Planned, -1, "")},
		},
	}}
	in := items(true, git, "")
	in.Actions = append(in.Actions, &content.Action{Title: "Y", AxisSlug: "a", Slug: "y", Src: content.Source{File: "content/actions/y.md"}})
	s, errs := Link(in, testToday)
	if errs != nil {
		t.Fatal(errs)
	}
	var got []string
	for _, c := range s.StatusChanges {
		got = append(got, c.Action.Slug+" "+c.Entry.Commit+" "+c.Change.From.Status.Code()+">"+c.Change.To.Status.Code())
	}
	want := []string{"y y3 in_progress>suspended", "x x2 planned>done", "y y2 planned>in_progress"}
	if !reflect.DeepEqual(got, want) || !s.History {
		t.Errorf("StatusChanges = %q, History %v; want %q, true", got, s.History, want)
	}
	// Without history = true, nothing.
	in.Config.History = false
	s, _ = Link(in, testToday)
	if s.History || s.StatusChanges != nil || s.Actions[0].History != nil {
		t.Errorf("without history = true: History %v, %d changes, %d entries; want none", s.History, len(s.StatusChanges), len(s.Actions[0].History))
	}
}
