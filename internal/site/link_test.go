package site

import (
	"fmt"
	"strings"
	"testing"
	"unique"

	"jalons/internal/config"
	"jalons/internal/content"
	"jalons/internal/slug"
)

// items builds decoded items in memory, as content.Load would give them.
func linkItems(axes []*content.Axis, actions []*content.Action, more func(*content.Items)) *content.Items {
	in := &content.Items{Config: &config.Config{Title: "T"}, Axes: axes, Actions: actions, Unread: map[content.Kind][]string{}}
	if more != nil {
		more(in)
	}
	return in
}

func axis(slug, title string, order int) *content.Axis {
	return &content.Axis{Title: title, Order: order, Slug: slug, Src: content.Source{File: "content/axes/" + slug + ".md"}}
}

func action(slug, title, axis string, st content.Status) *content.Action {
	return &content.Action{Title: title, AxisSlug: axis, Status: st, Slug: slug, Src: content.Source{File: "content/actions/" + slug + ".md"}}
}

// TestLinkKeys: items made in memory have no keys, and Link folds their
// titles and names itself; with the keys the loader gives, the order and
// the groups are the same.
func TestLinkKeys(t *testing.T) {
	make := func(keyed bool) *Site {
		titles := []string{"Zèbre", "écoles", "Ecole", "Äpfel", "apfel", "Bus"}
		var actions []*content.Action
		for i, title := range titles {
			a := action(fmt.Sprint("x", i), title, "a", content.Planned)
			a.Territories = []string{"Saint-Flour", "Élus", "élus"}[i%3:]
			a.Audience = []string{title}
			if keyed {
				a.TitleKey = slug.Make(title)
				for _, n := range a.Territories {
					a.TerritorySlugs = append(a.TerritorySlugs, unique.Make(slug.Make(n)))
				}
				a.AudienceSlugs = []unique.Handle[string]{unique.Make(slug.Make(title))}
			}
			actions = append(actions, a)
		}
		s, errs := Link(linkItems([]*content.Axis{axis("a", "A", 1)}, actions, nil), testToday)
		if errs != nil {
			t.Fatal(errs)
		}
		return s
	}
	order := func(s *Site) string {
		var out []string
		for _, a := range s.Actions {
			out = append(out, a.Title)
		}
		return strings.Join(out, ",") + " / " + show(s.Territories) + " / " + show(s.Audiences)
	}
	memory, keyed := order(make(false)), order(make(true))
	if want := "Äpfel,apfel,Bus,Ecole,écoles,Zèbre /"; !strings.HasPrefix(memory, want) {
		t.Errorf("in memory: %s; want it to start with %s", memory, want)
	}
	if keyed != memory {
		t.Errorf("with the loader's keys:\n%s\nin memory:\n%s", keyed, memory)
	}
}

// TestLink links items made in memory, without files.
func TestLink(t *testing.T) {
	tests := []struct {
		name string
		in   *content.Items
		want string // the problems, or the site as check prints it
	}{
		{"links and order",
			linkItems([]*content.Axis{axis("b", "Bêta", 2), axis("a", "Alpha", 2), axis("z", "Zêta", 1)},
				[]*content.Action{action("x2", "Épicerie", "a", content.Done), action("x1", "Accueil", "a", content.Planned), action("y", "Yoga", "z", content.InProgress)}, nil),
			"axes z(#1f5f8b: y) a(#8a3b12: x1 x2) b(#2e6b30: ); actions y x1 x2; counts [1 1 1 0 0]"},
		{"an axis's own colour",
			linkItems([]*content.Axis{{Title: "A", Color: "#b34e00", Slug: "a"}}, nil, nil),
			"axes a(#b34e00: ); actions ; counts [0 0 0 0 0]"},
		{"unknown axis",
			linkItems([]*content.Axis{axis("a", "A", 1)}, []*content.Action{action("x", "X", "b", content.Done)}, nil),
			`content/actions/x.md:1:1: unknown axis "b" (known: a)`},
		{"unknown axis, from a file that could not be read: said once, there",
			linkItems([]*content.Axis{axis("a", "A", 1)}, []*content.Action{action("x", "X", "b", content.Done)},
				func(in *content.Items) { in.Unread[content.KindAxis] = []string{"b"} }),
			"axes a(#1f5f8b: ); actions x; counts [0 0 1 0 0]"},
		{"two actions with one slug",
			linkItems([]*content.Axis{axis("a", "A", 1)}, []*content.Action{
				{Title: "X", AxisSlug: "a", Slug: "x", Src: content.Source{File: "content/actions/x.md"}},
				{Title: "X bis", AxisSlug: "a", Slug: "x", Src: content.Source{File: "content/actions/autre.md"}}}, nil),
			`content/actions/x.md:1:1: two actions have the slug "x": content/actions/autre.md and content/actions/x.md (rename one file, or set slug = "…" in one of them)`},
		{"indicator of an unknown action",
			linkItems(nil, nil, func(in *content.Items) {
				in.Indicators = []*content.Indicator{{Title: "I", ActionSlug: "nope", Slug: "i", Src: content.Source{File: "content/indicators/i.toml"}}}
			}),
			`content/indicators/i.toml:1:1: unknown action "nope" (no such slug in content/actions/)`},
		{"a page on a section's path",
			linkItems(nil, nil, func(in *content.Items) {
				in.Pages = []*content.Page{{Title: "Actus", Slug: "actualites", Src: content.Source{File: "content/pages/actualites.md"}}}
			}),
			`content/pages/actualites.md:1:1: the page slug "actualites" is taken by a section of the site (rename the file, or set slug = "…")`},
		{"governance tree",
			linkItems(nil, nil, func(in *content.Items) {
				in.Governance = &content.Governance{Src: content.Source{File: "content/governance.md"}, Bodies: []content.Body{
					{ID: "gt", Name: "GT", Parent: "copil"}, {ID: "copil", Name: "Copil"}, {ID: "cu", Name: "CU", Parent: "gt"}}}
			}),
			"axes ; actions ; counts [0 0 0 0 0]; bodies copil>gt>cu"},
		{"governance loop",
			linkItems(nil, nil, func(in *content.Items) {
				in.Governance = &content.Governance{Src: content.Source{File: "content/governance.md"}, Bodies: []content.Body{
					{ID: "a", Name: "A", Parent: "b"}, {ID: "b", Name: "B", Parent: "a"}}}
			}),
			"content/governance.md:1:1: body \"a\" reports to itself through parent = \"b\" (the bodies must form a tree)\n" +
				"content/governance.md:1:1: body \"b\" reports to itself through parent = \"a\" (the bodies must form a tree)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, errs := Link(tt.in, testToday)
			got := errs.Error()
			if s != nil {
				got = describe(s)
			}
			if got != tt.want {
				t.Errorf("Link =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestLinkKeepsItems: linking changes no decoded item, so that the cache
// of serve can keep them.
func TestLinkKeepsItems(t *testing.T) {
	ind := &content.Indicator{Title: "I", Slug: "i", Values: []content.Value{
		{Date: content.Date{Year: 2012, Month: 1, Day: 1}, Value: 2}, {Date: content.Date{Year: 2010, Month: 1, Day: 1}, Value: 1}}}
	a := axis("a", "A", 1)
	in := linkItems([]*content.Axis{a}, []*content.Action{action("x", "X", "a", content.Done)}, func(in *content.Items) {
		in.Indicators = []*content.Indicator{ind}
	})
	s, errs := Link(in, testToday)
	if errs != nil {
		t.Fatal(errs)
	}
	if ind.Values[0].Value != 2 || s.Indicators[0].Values[0].Value != 1 {
		t.Errorf("values: decoded %v, linked %v; want the file's order kept, the linked ones by date", ind.Values, s.Indicators[0].Values)
	}
	if a.Color != "" || s.Axes[0].Color == "" {
		t.Errorf("colour: decoded %q, linked %q; want the palette's on the linked axis only", a.Color, s.Axes[0].Color)
	}
}

// describe prints a linked site in a line.
func describe(s *Site) string {
	var b strings.Builder
	b.WriteString("axes ")
	for i, a := range s.Axes {
		if i > 0 {
			b.WriteString(" ")
		}
		var acts []string
		for _, ac := range a.Actions {
			acts = append(acts, ac.Slug)
		}
		b.WriteString(a.Slug + "(" + a.Color + ": " + strings.Join(acts, " ") + ")")
	}
	b.WriteString("; actions ")
	var acts []string
	for _, a := range s.Actions {
		acts = append(acts, a.Slug)
	}
	b.WriteString(strings.Join(acts, " "))
	b.WriteString("; counts ")
	fmt.Fprint(&b, s.Counts)
	if g := s.Governance; g != nil {
		var tree func(*Body) string
		tree = func(b *Body) string {
			out := b.ID
			for _, c := range b.Children {
				out += ">" + tree(c)
			}
			return out
		}
		var roots []string
		for _, r := range g.Roots() {
			roots = append(roots, tree(r))
		}
		b.WriteString("; bodies " + strings.Join(roots, " "))
	}
	return b.String()
}
