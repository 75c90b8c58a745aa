package site

import (
	"sort"
	"strings"
	"unique"

	"jalons/internal/slug"
)

// Group is a territory or a public: every action that names it in its
// territories or audience. Names that fold to the same slug (slug.Make)
// are one group, shown under the first of them in alphabetical order;
// a name with no letter or digit has no slug and makes no group.
type Group struct {
	Name     string
	Slug     string
	Actions  []*Action // in the site's order
	Progress Progress  // as for an axis (section 8)
	Counts   Counts
}

// Measured is the number of the group's actions its progress counts.
func (g *Group) Measured() int { return measured(g.Actions) }

// groups gathers the names that actions give (their territories or their
// audience) into groups ordered by slug, in one pass over the names. The
// slugs of the names are the loader's, or made now for an action made in
// memory. It gives the groups as places in actions too, for a Memo.
func groups(actions []*Action, names func(*Action) (names []string, slugs []unique.Handle[string])) ([]*Group, []memoGroup) {
	bySlug := map[unique.Handle[string]]int{}
	var out []*Group
	var memo []memoGroup
	for k, a := range actions {
		names, slugs := names(a)
		for i, name := range names {
			var s unique.Handle[string]
			if len(slugs) == len(names) {
				s = slugs[i]
			} else {
				s = unique.Make(slug.Make(name))
			}
			if s == noSlug {
				continue
			}
			at, ok := bySlug[s]
			if !ok {
				at = len(out)
				bySlug[s] = at
				out = append(out, &Group{Name: name, Slug: s.Value()})
				memo = append(memo, memoGroup{})
			}
			g := out[at]
			if name != g.Name && nameBefore(name, g.Name) {
				g.Name = name
			}
			if n := len(g.Actions); n == 0 || g.Actions[n-1] != a {
				g.Actions = append(g.Actions, a) // an action naming it twice counts once
				memo[at].members = append(memo[at].members, int32(k))
			}
		}
	}
	for i, g := range out {
		memo[i].name, memo[i].slug = g.Name, g.Slug
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Slug < out[j].Slug })
	sort.Slice(memo, func(i, j int) bool { return memo[i].slug < memo[j].slug }) // one group a slug: the same order
	return out, memo
}

var noSlug = unique.Make("")

// nameBefore orders names that fold to one slug: case ignored first, then
// as written ("Saint-Flour" before "saint-flour", "Epicerie" before
// "Épicerie").
func nameBefore(a, b string) bool {
	if la, lb := strings.ToLower(a), strings.ToLower(b); la != lb {
		return la < lb
	}
	return a < b
}
