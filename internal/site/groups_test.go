package site

import (
	"fmt"
	"strings"
	"testing"

	"jalons/internal/config"
	"jalons/internal/content"
)

// act is an action of axis "a" with its territories; its slug is its title.
func act(title string, st content.Status, manual *float64, territories ...string) *content.Action {
	return &content.Action{Title: title, Slug: title, AxisSlug: "a", Status: st, Manual: manual, Territories: territories,
		Audience: territories, Src: content.Source{File: "content/actions/" + title + ".md"}}
}

// show writes groups as "name(slug): actions; counts; progress N/M".
func show(gs []*Group) string {
	var out []string
	for _, g := range gs {
		var titles []string
		for _, a := range g.Actions {
			titles = append(titles, a.Title)
		}
		p := "none"
		if g.Progress.Known {
			p = fmt.Sprintf("%.2f", g.Progress.Ratio)
		}
		out = append(out, fmt.Sprintf("%s(%s): %s; %v; %s %d/%d", g.Name, g.Slug, strings.Join(titles, ","), g.Counts, p, g.Measured(), len(g.Actions)))
	}
	return strings.Join(out, " | ")
}

func TestGroups(t *testing.T) {
	tests := []struct {
		name    string
		actions []*content.Action
		want    string
	}{
		{"none", []*content.Action{act("x", content.Planned, nil)}, ""},
		{"one territory, two actions",
			[]*content.Action{act("x", content.Done, nil, "Saint-Flour"), act("y", content.Planned, nil, "Saint-Flour")},
			"Saint-Flour(saint-flour): x,y; [1 0 1 0 0]; 0.50 2/2"},
		{"names folding to one slug are one, under the first in alphabetical order",
			[]*content.Action{act("x", content.Done, nil, "saint-flour"), act("y", content.Done, nil, "Saint-Flour"), act("z", content.Done, nil, "SAINT-FLOUR")},
			"SAINT-FLOUR(saint-flour): x,y,z; [0 0 3 0 0]; 1.00 3/3"},
		{"accents fold, unaccented first",
			[]*content.Action{act("x", content.Done, nil, "Élus"), act("y", content.Done, nil, "elus")},
			"elus(elus): x,y; [0 0 2 0 0]; 1.00 2/2"},
		{"an action naming one place twice counts once",
			[]*content.Action{act("x", content.Done, nil, "Murat", "murat")},
			"Murat(murat): x; [0 0 1 0 0]; 1.00 1/1"},
		{"ordered by slug",
			[]*content.Action{act("x", content.Done, nil, "Murat", "Allanche", "Écoles")},
			"Allanche(allanche): x; [0 0 1 0 0]; 1.00 1/1 | Écoles(ecoles): x; [0 0 1 0 0]; 1.00 1/1 | Murat(murat): x; [0 0 1 0 0]; 1.00 1/1"},
		{"a name without letters makes no group",
			[]*content.Action{act("x", content.Done, nil, "—", " ")}, ""},
		{"abandoned and unmeasured actions are not measured",
			[]*content.Action{act("x", content.Abandoned, f(100), "Murat"), act("y", content.InProgress, nil, "Murat"), act("z", content.InProgress, f(40), "Murat")},
			"Murat(murat): x,y,z; [0 2 0 0 1]; 0.40 1/3"},
		{"nothing measured",
			[]*content.Action{act("x", content.Suspended, nil, "Murat")},
			"Murat(murat): x; [0 0 0 1 0]; none 0/1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := &content.Items{Config: &config.Config{Title: "T"},
				Axes: []*content.Axis{{Title: "A", Slug: "a", Src: content.Source{File: "content/axes/a.md"}}}, Actions: tt.actions}
			s, errs := Link(in, testToday)
			if errs != nil {
				t.Fatal(errs)
			}
			if got := show(s.Territories); got != tt.want {
				t.Errorf("Territories = %q; want %q", got, tt.want)
			}
			if got := show(s.Audiences); got != tt.want {
				t.Errorf("Audiences = %q; want %q", got, tt.want)
			}
		})
	}
}

func TestAxisNews(t *testing.T) {
	src := func(f string) content.Source { return content.Source{File: f} }
	news := func(slug string, day int, axes, actions []string) *content.News {
		return &content.News{Title: slug, Slug: slug, Date: content.Date{Year: 2020, Month: 1, Day: day}, AxisSlugs: axes, ActionSlugs: actions,
			Src: src("content/news/" + slug + ".md")}
	}
	in := &content.Items{Config: &config.Config{Title: "T"},
		Axes: []*content.Axis{{Title: "A", Slug: "a", Src: src("content/axes/a.md")}, {Title: "B", Slug: "b", Src: src("content/axes/b.md")}},
		Actions: []*content.Action{
			{Title: "X", Slug: "x", AxisSlug: "a", Src: src("content/actions/x.md")},
			{Title: "Y", Slug: "y", AxisSlug: "b", Src: src("content/actions/y.md")},
		},
		News: []*content.News{
			news("axis-only", 1, []string{"a"}, nil),
			news("action-only", 2, nil, []string{"y"}),
			news("axis-and-its-action", 3, []string{"a"}, []string{"x"}),
			news("both-axes", 4, nil, []string{"x", "y"}),
			news("none", 5, nil, nil),
		},
	}
	s, errs := Link(in, testToday)
	if errs != nil {
		t.Fatal(errs)
	}
	want := map[string]string{"a": "both-axes axis-and-its-action axis-only", "b": "both-axes action-only"}
	for _, a := range s.Axes {
		var got []string
		for _, n := range a.News {
			got = append(got, n.Slug)
		}
		if g := strings.Join(got, " "); g != want[a.Slug] {
			t.Errorf("axis %s: News = %q; want %q", a.Slug, g, want[a.Slug])
		}
	}
	if n := s.NewsOf("both-axes"); n == nil || n != s.News[1] || n.Slug != "both-axes" || len(n.Actions) != 2 {
		t.Errorf("NewsOf(both-axes) = %+v; want the second newest, with its two actions", n)
	}
}
