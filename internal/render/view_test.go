package render

import (
	"slices"
	"testing"
	"time"

	"jalons/internal/content"
)

// TestSumOfDays: the days of files sum up to the same whatever the order,
// and to another sum when a day changes, moves to another file, or a
// file comes or goes.
func TestSumOfDays(t *testing.T) {
	day := func(y int, m time.Month, d int) content.Date { return content.Date{Year: y, Month: m, Day: d} }
	base := map[string]content.Date{"content/actions/a.md": day(2024, 5, 1), "content/actions/b.md": day(2025, 1, 2)}
	same := map[string]content.Date{"content/actions/b.md": day(2025, 1, 2), "content/actions/a.md": day(2024, 5, 1)}
	if sumOfDays(base) != sumOfDays(same) {
		t.Error("the same days by file give two sums")
	}
	if sumOfDays(nil) != 0 {
		t.Error("no day sums to other than 0")
	}
	others := map[string]map[string]content.Date{
		"a day changed":          {"content/actions/a.md": day(2024, 5, 2), "content/actions/b.md": day(2025, 1, 2)},
		"the days swapped":       {"content/actions/a.md": day(2025, 1, 2), "content/actions/b.md": day(2024, 5, 1)},
		"a file gone":            {"content/actions/a.md": day(2024, 5, 1)},
		"a file more":            {"content/actions/a.md": day(2024, 5, 1), "content/actions/b.md": day(2025, 1, 2), "content/actions/c.md": day(2025, 1, 2)},
		"the month for the year": {"content/actions/a.md": day(2024, 1, 5), "content/actions/b.md": day(2025, 2, 1)},
	}
	for name, m := range others {
		if sumOfDays(m) == sumOfDays(base) {
			t.Errorf("%s: the same sum", name)
		}
	}
}

// TestWideKinds: a kind is wide when a template of its set reads a field
// of .Site its view lacks, be it the base, a partial every kind shares,
// or a partial the kind's own file defines again.
func TestWideKinds(t *testing.T) {
	texts := func(partial, action string) map[string]string {
		m := map[string]string{
			"layouts/base.html":       `{{.Site.Config.Title}}{{block "main" .}}{{end}}{{template "p" .}}`,
			"layouts/partials/p.html": `{{define "p"}}` + partial + `{{end}}`,
			"layouts/action.html":     `{{define "main"}}` + action + `{{end}}`,
			"layouts/milestones.html": `{{define "main"}}{{.Site.Milestones}}{{end}}`,
			"layouts/home.html":       `{{define "main"}}{{.Site.News}}{{end}}`,
		}
		for _, k := range kinds {
			if _, ok := m["layouts/"+string(k)+".html"]; !ok {
				m["layouts/"+string(k)+".html"] = `{{define "main"}}{{.Title}}{{end}}`
			}
		}
		return m
	}
	tests := []struct {
		name            string
		partial, action string
		want            []Kind // the wide kinds
	}{
		{"no kind", `{{.Title}}`, `{{.Title}}`, nil},
		{"a kind's own file", `{{.Title}}`, `{{.Site.Milestones}}`, []Kind{KindAction}},
		{"a kind's file that defines a partial again", `{{.Title}}`, `{{end}}{{define "p"}}{{.Site.News}}`, []Kind{KindAction}},
		{"a partial of every kind", `{{.Site.Axes}}`, `{{.Title}}`, []Kind{KindAxis, KindAction, KindIndicators, KindIndicator, KindNewsList, KindNews,
			KindGovernance, KindPage, KindData, Kind404, KindGroups, KindGroup, KindSearch, KindMilestones}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, errs := parseKinds([]string{"layouts/partials/p.html"}, texts(tt.partial, tt.action), nil)
			if errs != nil {
				t.Fatal(errs)
			}
			wide := wideKinds(set.kinds)
			var got []Kind
			for _, k := range kinds {
				if wide[k] {
					got = append(got, k)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("wideKinds() = %v; want %v", got, tt.want)
			}
		})
	}
}
