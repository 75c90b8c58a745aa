package site

import (
	"slices"
	"sync"

	"jalons/internal/content"
)

// Memo keeps, from one Link of a site to the next (jalons serve), the
// decisions of Link that take longest and depend on few facts of the
// actions: who belongs to each territory and public, and the order of
// every milestone of the site. They are kept as places in the site's
// list of actions, and taken again while every action at each place has
// the same facts: the same item, or one whose names, slug and
// milestones are the same (an action whose text alone changed).
// The memo also keeps the order of the actions, while the actions Link is
// given keep their files, slugs, axes and titles, and each indicator's
// values, while it is the same item.
// A Memo is never shared by two sites.
type Memo struct {
	mu          sync.Mutex
	actions     []*content.Action // the site's actions, in its order, at the last Link
	territories []memoGroup
	audiences   []memoGroup
	today       content.Date
	milestones  []int32 // the site's milestones in order: their places in the list of each action's, one action after the other
	order       actionOrder
	values      indicatorValues
}

// actionOrder is the order of the actions Link was given.
type actionOrder struct {
	given  []*content.Action
	kept   []int32            // those kept, in the order of their files: places in given
	at     map[string]int     // the place of each slug in kept
	byAxis map[string][]int32 // each axis's actions in order: places in kept
}

// sameOrder reports whether the actions given have the order of the
// memo's.
func (o *actionOrder) sameOrder(given []*content.Action) bool {
	if o.at == nil || len(given) != len(o.given) {
		return false
	}
	for i, is := range given {
		was := o.given[i]
		if was != is && (was.Src.File != is.Src.File || was.Slug != is.Slug || was.AxisSlug != is.AxisSlug || was.Title != is.Title || was.TitleKey != is.TitleKey) {
			return false
		}
	}
	return true
}

// indicatorValues are the values of each indicator Link kept, in the
// order of their files.
type indicatorValues struct {
	kept   []*content.Indicator
	values [][]Value // never changed once made: two sites may share them
}

// of gives the values of the indicators kept, the memo's for an
// indicator at the same place, and the values as a memo.
func (v *indicatorValues) of(kept []*content.Indicator) ([][]Value, indicatorValues) {
	out := make([][]Value, len(kept))
	for i, ind := range kept {
		if i < len(v.kept) && v.kept[i] == ind {
			out[i] = v.values[i]
		} else {
			out[i] = maskValues(ind)
		}
	}
	return out, indicatorValues{kept, out}
}

// memoGroup is a Group as places in the site's list of actions.
type memoGroup struct {
	name, slug string
	members    []int32
}

// still says which of the memo's decisions hold for the site's actions
// linked on the day today.
func (m *Memo) still(actions []*Action, today content.Date) (territories, audiences, milestones bool) {
	if len(m.actions) != len(actions) {
		return false, false, false
	}
	territories, audiences, milestones = m.territories != nil, m.audiences != nil, m.milestones != nil && m.today == today
	for i, a := range actions {
		was, is := m.actions[i], a.Action
		if was == is {
			continue
		}
		territories = territories && slices.Equal(was.Territories, is.Territories) && slices.Equal(was.TerritorySlugs, is.TerritorySlugs)
		audiences = audiences && slices.Equal(was.Audience, is.Audience) && slices.Equal(was.AudienceSlugs, is.AudienceSlugs)
		milestones = milestones && was.Slug == is.Slug && slices.Equal(was.Milestones, is.Milestones)
	}
	return territories, audiences, milestones
}

// keep records the site's actions, whose decisions the memo now holds.
func (m *Memo) keep(actions []*Action, today content.Date) {
	m.actions = m.actions[:0]
	for _, a := range actions {
		m.actions = append(m.actions, a.Action)
	}
	m.today = today
}

// groupsOf makes again the groups a memo holds, of actions.
func groupsOf(memo []memoGroup, actions []*Action) []*Group {
	out := make([]*Group, len(memo))
	for i, g := range memo {
		out[i] = &Group{Name: g.name, Slug: g.slug, Actions: make([]*Action, len(g.members))}
		for j, k := range g.members {
			out[i].Actions[j] = actions[k]
		}
	}
	return out
}
