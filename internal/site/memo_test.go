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
		want  string // the decisions taken again: territories, audiences, milestones
	}{
		{"nothing", func(as []*content.Action) []*content.Action { return as }, today, "true true true"},
		{"the text of an action", edit(1, func(a *content.Action) { a.Summary = "Autre texte." }), today, "true true true"},
		{"its status", edit(1, func(a *content.Action) { a.Status = content.Done }), today, "true true true"},
		{"a territory", edit(1, func(a *content.Action) { a.Territories = []string{"Murat"} }), today, "false true true"},
		{"a territory's spelling", edit(1, func(a *content.Action) { a.Territories = []string{"saint-flour", "Talizat"} }), today, "false true true"},
		{"a public", edit(2, func(a *content.Action) { a.Audience = []string{"Aînés"} }), today, "true false true"},
		{"a milestone reached", edit(3, func(a *content.Action) {
			a.Milestones = append([]content.Milestone{{Date: day(2026, 3, 1), Title: "Lancement", Done: true}}, a.Milestones[1:]...)
		}), today, "true true false"},
		{"a milestone retitled", edit(0, func(a *content.Action) {
			a.Milestones = append([]content.Milestone{{Date: day(2026, 3, 1), Title: "Atelier"}}, a.Milestones[1:]...)
		}), today, "true true false"},
		{"the slug of an action with milestones", edit(0, func(a *content.Action) { a.Slug = "z" }), today, "true true false"},
		{"another day", func(as []*content.Action) []*content.Action { return as }, day(2027, 2, 15), "true true false"},
		{"retitled, first in the list", edit(3, func(a *content.Action) { a.Title = "Atelier" }), today, "false false false"},
		{"an action more", func(as []*content.Action) []*content.Action {
			return append(as, action("a9", "Vélos", "x", content.Planned))
		}, today, "false false false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := func(as []*content.Action) *content.Items {
				return linkItems([]*content.Axis{axis("x", "X", 1)}, as, nil)
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
			territories, audiences, milestones := memo.still(fresh.Actions, tt.today)
			if got := fmt.Sprint(territories, audiences, milestones); got != tt.want {
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
			if got := fmt.Sprint(memo.still(fresh.Actions, tt.today)); got != "true true true" {
				t.Errorf("decisions kept = %s; want true true true", got)
			}
		})
	}
}

// decided writes what the memo decides of s: its groups and the order
// of its milestones.
func decided(s *Site) string {
	var b strings.Builder
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
