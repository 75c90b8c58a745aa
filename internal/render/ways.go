package render

import (
	"html/template"

	"jalons/internal/content"
	"jalons/internal/site"
	"jalons/internal/slug"
)

// ways are the pages that lead to actions other than by the plan's axes:
// every action, the actions of each status, the territories and the
// audiences with a page each, and the search.
func (r *renderer) ways(crumbs func(...Link) []Link) []func() error {
	s := r.site
	all := Link{Title: r.loc.T("actions"), Path: r.section("actions")}
	jobs := []func() error{func() error {
		return r.item(&Page{Kind: KindActions, Title: r.loc.T("allActions"), Path: all.Path, Crumbs: crumbs()}, "", "", "")
	}}
	for _, st := range content.Statuses {
		jobs = append(jobs, func() error {
			return r.item(&Page{Kind: KindActions, Title: r.loc.T("actions") + " – " + r.loc.Status(st), Path: r.pathOf(st),
				Status: &st, Crumbs: crumbs(all)}, "", "", "")
		})
	}
	for _, sec := range []struct {
		name, title string
		groups      []*site.Group
	}{{"territories", r.loc.T("territories"), s.Territories}, {"audiences", r.loc.T("audience"), s.Audiences}} {
		if len(sec.groups) == 0 {
			continue
		}
		list := Link{Title: sec.title, Path: r.section(sec.name)}
		jobs = append(jobs, func() error {
			return r.item(&Page{Kind: KindGroups, Title: sec.title, Path: list.Path, Section: sec.name, Groups: sec.groups, Crumbs: crumbs()}, "", "", "")
		})
		for _, g := range sec.groups {
			jobs = append(jobs, func() error {
				return r.item(&Page{Kind: KindGroup, Title: g.Name, Path: list.Path + g.Slug + "/", Section: sec.name, Group: g,
					Crumbs: crumbs(list)}, "", "", "")
			})
		}
	}
	jobs = append(jobs, func() error {
		return r.item(&Page{Kind: KindSearch, Title: r.loc.T("search"), Path: r.section("search"), Crumbs: crumbs()}, "", "", "")
	})
	return jobs
}

// groupLinks are the names an action gives in its territories or audience
// (section "territories" or "audiences"), each with the path of its
// group's page ("" for a name without one).
func (r *renderer) groupLinks(section string, names []string) []Link {
	out := make([]Link, len(names))
	for i, n := range names {
		out[i].Title = n
		if s := r.slug(n); s != "" {
			out[i].Path = r.section(section) + s + "/"
		}
	}
	return out
}

// slug is slug.Make(name), made once per name: lists of actions fold the
// same few names over and over.
func (r *renderer) slug(name string) string {
	if s, ok := r.slugs.Load(name); ok {
		return s.(string)
	}
	s := slug.Make(name)
	r.slugs.Store(name, s)
	return s
}

// groupCard is a group as lists show it: no action.
func groupCard(g *site.Group) *site.Group {
	return &site.Group{Name: g.Name, Slug: g.Slug, Progress: g.Progress, Counts: g.Counts}
}

// actionsView fills the view of a list of actions: the axes, each with its
// actions (of status st only, unless st is nil), and the groups to filter
// by.
func (r *renderer) actionsView(v *site.Site, st *content.Status) {
	s := r.site
	v.Counts = s.Counts
	v.Territories = listed(r, s.Territories, groupCard)
	v.Audiences = listed(r, s.Audiences, groupCard)
	for _, a := range s.Axes {
		c := axisCard(a)
		for _, ac := range listed(r, a.Actions, actionCard) {
			if st == nil || ac.Status == *st {
				c.Actions = append(c.Actions, ac)
			}
		}
		v.Axes = append(v.Axes, c)
	}
}

// actionRow is the partial "action-row" for a: the tables of an axis, a
// status, a territory and an audience list the same cards, whose rows are
// made once (see cachedPartial).
func (r *renderer) actionRow(a *site.Action) (template.HTML, error) {
	return r.cachedPartial("action-row", a)
}
