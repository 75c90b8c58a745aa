package site

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"jalons/internal/content"
)

// TestMemo links a site, then the same site after one edit, with the
// memo of the first Link: the decisions it takes again are those whose
// facts did not change, and the site is the one Link makes without it.
func TestMemo(t *testing.T) {
	day := func(y, m, d int) content.Date { return content.Date{Year: y, Month: time.Month(m), Day: d} }
	base := func() []*content.Action {
		var out []*content.Action
		for i, title := range []string{"Bus", "Cantine", "Épicerie", "Jardins"} {
			a := action(fmt.Sprint("a", i), title, "x", content.InProgress)
			a.Territories = []string{"Murat", "Saint-Flour", "Talizat"}[i%3:]
			a.Audience = []string{"Familles", "Jeunes"}[i%2:]
			a.Milestones = []content.Milestone{
				{Date: day(2026, 3, 1), Title: "Lancement", Done: i%2 == 0},
				{Date: day(2027, 1+i, 1), Title: "Bilan"},
				{Date: day(2026, 3, 1), Title: "Comité"},
			}
			out = append(out, a)
		}
		return out
	}
	// edit gives a copy of action i changed by change, as the loader
	// gives an action whose file changed.
	edit := func(i int, change func(*content.Action)) func([]*content.Action) []*content.Action {
		return func(as []*content.Action) []*content.Action {
			c := *as[i]
			change(&c)
			as[i] = &c
			return as
		}
	}
	today := day(2026, 12, 1)
	tests := []struct {
		name  string
		edit  func([]*content.Action) []*content.Action
		today content.Date
		want  string // the decisions taken again: the order of the actions, territories, audiences, milestones
	}{
		{"nothing", func(as []*content.Action) []*content.Action { return as }, today, "true true true true"},
		{"the text of an action", edit(1, func(a *content.Action) { a.Summary = "Autre texte." }), today, "true true true true"},
		{"its status", edit(1, func(a *content.Action) { a.Status = content.Done }), today, "true true true true"},
		{"a territory", edit(1, func(a *content.Action) { a.Territories = []string{"Murat"} }), today, "true false true true"},
		{"a territory's spelling", edit(1, func(a *content.Action) { a.Territories = []string{"saint-flour", "Talizat"} }), today, "true false true true"},
		{"a public", edit(2, func(a *content.Action) { a.Audience = []string{"Aînés"} }), today, "true true false true"},
		{"a milestone reached", edit(3, func(a *content.Action) {
			a.Milestones = append([]content.Milestone{{Date: day(2026, 3, 1), Title: "Lancement", Done: true}}, a.Milestones[1:]...)
		}), today, "true true true false"},
		{"a milestone retitled", edit(0, func(a *content.Action) {
			a.Milestones = append([]content.Milestone{{Date: day(2026, 3, 1), Title: "Atelier"}}, a.Milestones[1:]...)
		}), today, "true true true false"},
		{"the slug of an action with milestones", edit(0, func(a *content.Action) { a.Slug = "z" }), today, "false true true false"},
		{"another day", func(as []*content.Action) []*content.Action { return as }, day(2027, 2, 15), "true true true false"},
		{"retitled, first in the list", edit(3, func(a *content.Action) { a.Title = "Atelier" }), today, "false false false false"},
		{"another axis", edit(2, func(a *content.Action) { a.AxisSlug = "y" }), today, "false false false false"},
		{"an action more", func(as []*content.Action) []*content.Action {
			return append(as, action("a9", "Vélos", "x", content.Planned))
		}, today, "false false false false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := func(as []*content.Action) *content.Items {
				return linkItems([]*content.Axis{axis("x", "X", 1), axis("y", "Y", 2)}, as, func(in *content.Items) {
					in.Indicators = []*content.Indicator{{Title: "Repas", Slug: "repas", ActionSlug: "a1", Src: content.Source{File: "content/indicators/repas.toml"},
						Values: []content.Value{{Date: day(2026, 6, 30), Value: 80}, {Date: day(2025, 6, 30), Value: 40}}}}
				})
			}
			git := func() *content.Git { return nil }
			memo := &Memo{}
			if _, errs := LinkWhile(items(base()), today, git, memo); errs != nil {
				t.Fatal(errs)
			}
			in := items(tt.edit(base()))
			fresh, errs := Link(in, tt.today)
			if errs != nil {
				t.Fatal(errs)
			}
			order := memo.order.sameOrder(in.Actions)
			territories, audiences, milestones := memo.still(fresh.Actions, tt.today)
			if got := fmt.Sprint(order, territories, audiences, milestones); got != tt.want {
				t.Errorf("decisions taken again = %s; want %s", got, tt.want)
			}
			s, errs := LinkWhile(in, tt.today, git, memo)
			if errs != nil {
				t.Fatal(errs)
			}
			if got, want := decided(s), decided(fresh); got != want {
				t.Errorf("with the memo:\n%s\nwithout:\n%s", got, want)
			}
			// The memo now holds this Link's decisions.
			order = memo.order.sameOrder(in.Actions)
			territories, audiences, milestones = memo.still(fresh.Actions, tt.today)
			if got, want := fmt.Sprint(order, territories, audiences, milestones), "true true true true"; got != want {
				t.Errorf("decisions kept = %s; want %s", got, want)
			}
		})
	}
}

// decided writes what the memo decides of s: the order of its actions,
// of its axes' actions, its groups, the order of its milestones and its
// indicators' values.
func decided(s *Site) string {
	var b strings.Builder
	for _, a := range s.Actions {
		fmt.Fprintf(&b, "%s ", a.Slug)
	}
	for _, ax := range s.Axes {
		fmt.Fprintf(&b, "\n%s:", ax.Slug)
		for _, a := range ax.Actions {
			fmt.Fprintf(&b, " %s", a.Slug)
		}
	}
	for _, ind := range s.Indicators {
		fmt.Fprintf(&b, "\n%s %s %v", ind.Slug, ind.Action.Slug, ind.Values)
	}
	b.WriteString("\n")
	for _, gs := range [][]*Group{s.Territories, s.Audiences} {
		for _, g := range gs {
			fmt.Fprintf(&b, "%s %s:", g.Slug, g.Name)
			for _, a := range g.Actions {
				fmt.Fprintf(&b, " %s", a.Slug)
			}
			b.WriteString("\n")
		}
	}
	for _, m := range s.Milestones {
		fmt.Fprintf(&b, "%s %s %s %s\n", m.Action.Slug, m.Date, m.Title, m.State.Code())
	}
	fmt.Fprintf(&b, "upcoming %d\n", len(s.Upcoming))
	return b.String()
}
