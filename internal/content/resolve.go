package content

import (
	"sort"
	"strconv"
	"strings"

	"jalons/internal/diag"
	"jalons/internal/slug"
)

func itoa(i int) string { return strconv.Itoa(i) }

// Reserved are the first path segments the site's own sections use: a free
// page cannot take them.
var Reserved = []string{"axes", "actions", "indicateurs", "indicators", "actualites", "news",
	"gouvernance", "governance", "data", "page", "static", "feed-xml", "sitemap-xml", "robots-txt", "404-html"}

// resolve links the items to each other by slug, reports unknown
// references, and sorts every list.
func (l *loader) resolve() {
	s := l.site
	axes := map[string]*Axis{}
	for _, a := range s.Axes {
		if a.Slug != "" {
			axes[a.Slug] = a
		}
	}
	actions := map[string]*Action{}
	for _, a := range s.Actions {
		if a.Slug != "" {
			actions[a.Slug] = a
		}
	}
	structures := map[string]*Structure{}
	if g := s.Governance; g != nil {
		l.resolveGovernance(g, structures)
	}

	for _, a := range s.Actions {
		a.LeadStructure = structures[a.Lead]
		if a.AxisSlug == "" {
			continue // missing key, reported already
		}
		if a.Axis = axes[a.AxisSlug]; a.Axis == nil {
			l.errs.Add(a.Src.Doc.Pos("axis"), "unknown axis %q%s", a.AxisSlug, unknownHint(a.AxisSlug, keys(axes), "content/axes/"))
			continue
		}
		a.Axis.Actions = append(a.Axis.Actions, a)
	}
	for _, ind := range s.Indicators {
		if ind.ActionSlug == "" {
			continue
		}
		if ind.Action = actions[ind.ActionSlug]; ind.Action == nil {
			l.errs.Add(ind.Src.Doc.Pos("action"), "unknown action %q%s", ind.ActionSlug, unknownHint(ind.ActionSlug, keys(actions), "content/actions/"))
			continue
		}
		ind.Action.Indicators = append(ind.Action.Indicators, ind)
	}
	for _, n := range s.News {
		for i, as := range n.AxisSlugs {
			if a := axes[as]; a != nil {
				n.Axes = append(n.Axes, a)
			} else {
				l.errs.Add(n.Src.Doc.Pos("axes", itoa(i)), "unknown axis %q%s", as, unknownHint(as, keys(axes), "content/axes/"))
			}
		}
		for i, as := range n.ActionSlugs {
			if a := actions[as]; a != nil {
				n.Actions = append(n.Actions, a)
				a.News = append(a.News, n)
			} else {
				l.errs.Add(n.Src.Doc.Pos("actions", itoa(i)), "unknown action %q%s", as, unknownHint(as, keys(actions), "content/actions/"))
			}
		}
	}
	for _, p := range s.Pages {
		for _, r := range Reserved {
			if p.Slug == r {
				l.errs.Add(p.Src.Doc.Pos(), "the page slug %q is taken by a section of the site (rename the file, or set slug = \"…\")", p.Slug)
			}
		}
	}

	byTitle := titleOrder{}.less
	sort.SliceStable(s.Axes, func(i, j int) bool {
		a, b := s.Axes[i], s.Axes[j]
		if a.Order != b.Order {
			return a.Order < b.Order
		}
		return byTitle(a.Title, b.Title, a.Slug, b.Slug)
	})
	axisRank := map[*Axis]int{}
	for i, a := range s.Axes {
		axisRank[a] = i
		sort.SliceStable(a.Actions, func(i, j int) bool {
			x, y := a.Actions[i], a.Actions[j]
			return byTitle(x.Title, y.Title, x.Slug, y.Slug)
		})
	}
	sort.SliceStable(s.Actions, func(i, j int) bool {
		a, b := s.Actions[i], s.Actions[j]
		if a.Axis != b.Axis {
			return axisRank[a.Axis] < axisRank[b.Axis]
		}
		return byTitle(a.Title, b.Title, a.Slug, b.Slug)
	})
	sort.SliceStable(s.Indicators, func(i, j int) bool {
		a, b := s.Indicators[i], s.Indicators[j]
		return byTitle(a.Title, b.Title, a.Slug, b.Slug)
	})
	for _, a := range s.Actions {
		sort.SliceStable(a.Indicators, func(i, j int) bool {
			x, y := a.Indicators[i], a.Indicators[j]
			return byTitle(x.Title, y.Title, x.Slug, y.Slug)
		})
		sortNews(a.News)
	}
	sortNews(s.News)
	sort.SliceStable(s.Pages, func(i, j int) bool {
		a, b := s.Pages[i], s.Pages[j]
		return byTitle(a.Title, b.Title, a.Slug, b.Slug)
	})
}

func (l *loader) resolveGovernance(g *Governance, structures map[string]*Structure) {
	pos := g.Src.Doc.Pos
	bodies := map[string]*Body{}
	for i := range g.Bodies {
		b := &g.Bodies[i]
		if b.ID == "" {
			continue
		}
		if _, dup := bodies[b.ID]; dup {
			l.errs.Add(pos("bodies", itoa(i), "id"), "two bodies have the id %q (each body needs its own id)", b.ID)
		}
		bodies[b.ID] = b
	}
	parent := make([]int, len(g.Bodies)) // index of each body's parent, or -1
	index := make(map[*Body]int, len(g.Bodies))
	for i := range g.Bodies {
		index[&g.Bodies[i]] = i
	}
	for i := range g.Bodies {
		b := &g.Bodies[i]
		parent[i] = -1
		if b.Parent == "" {
			continue
		}
		p := bodies[b.Parent]
		if p == nil {
			l.errs.Add(pos("bodies", itoa(i), "parent"), "unknown body %q%s", b.Parent, unknownHint(b.Parent, keys(bodies), governanceBodies))
			continue
		}
		parent[i] = index[p]
	}
	// A body may not report to itself, even through others, nor sit too
	// deep: each body's chain of parents is walked once.
	depth, onCycle := treeDepths(parent)
	for i := range g.Bodies {
		b := &g.Bodies[i]
		switch {
		case parent[i] < 0:
		case onCycle[i]:
			l.errs.Add(pos("bodies", itoa(i), "parent"), "body %q reports to itself through parent = %q (the bodies must form a tree)", b.ID, b.Parent)
		case depth[i] == MaxBodyDepth+1:
			l.errs.Add(pos("bodies", itoa(i), "parent"), "body %q sits %d levels down from the top body, more than %d (make the tree of bodies shallower)", b.ID, depth[i], MaxBodyDepth)
		default:
			p := &g.Bodies[parent[i]]
			b.Up = p
			p.Children = append(p.Children, b)
		}
	}
	for i := range g.Structures {
		st := &g.Structures[i]
		if st.ID == "" {
			continue
		}
		if _, dup := structures[st.ID]; dup {
			l.errs.Add(pos("structures", itoa(i), "id"), "two structures have the id %q (each structure needs its own id)", st.ID)
		}
		structures[st.ID] = st
	}
	for i := range g.Meetings {
		m := &g.Meetings[i]
		if m.BodyID == "" {
			continue
		}
		if m.Body = bodies[m.BodyID]; m.Body == nil {
			l.errs.Add(pos("meetings", itoa(i), "body"), "unknown body %q%s", m.BodyID, unknownHint(m.BodyID, keys(bodies), governanceBodies))
		}
	}
	sort.SliceStable(g.Meetings, func(i, j int) bool { return g.Meetings[j].Date.Before(g.Meetings[i].Date) })
}

// MaxBodyDepth is how many levels of bodies reporting to each other a
// governance may have: far more than a project needs, few enough for the
// org chart and its lists.
var MaxBodyDepth = 100

// treeDepths returns, for each node of a forest given by each node's
// parent (-1 for none), its depth (1 for a root; a node on a cycle or
// below one counts from the cycle) and whether it is on a cycle. It takes
// time in proportion to the number of nodes: each node is walked once.
func treeDepths(parent []int) (depth []int, onCycle []bool) {
	depth = make([]int, len(parent))
	onCycle = make([]bool, len(parent))
	const (
		unseen = iota
		onPath
		done
	)
	state := make([]byte, len(parent))
	at := make([]int, len(parent)) // index in path of a node on it
	var path []int
	for i := range parent {
		path = path[:0]
		j := i
		for j >= 0 && state[j] == unseen {
			state[j], at[j] = onPath, len(path)
			path = append(path, j)
			j = parent[j]
		}
		d := 0
		if j >= 0 && state[j] == onPath { // a cycle, from j to the path's end
			for _, k := range path[at[j]:] {
				onCycle[k], state[k] = true, done
			}
			path = path[:at[j]]
		} else if j >= 0 {
			d = depth[j]
		}
		for k := len(path) - 1; k >= 0; k-- {
			d++
			depth[path[k]], state[path[k]] = d, done
		}
	}
	return depth, onCycle
}

// governanceBodies is where the ids of bodies are, for unknownHint.
var governanceBodies = diag.Errorf("[[bodies]] of content/governance.md")

// unknownHint ends the message about a reference to an item that does not
// exist: a name close to it, the names known, or where the names are (a
// folder, or a *diag.Msg).
func unknownHint(name string, known []string, where any) *diag.Msg {
	if hint := diag.Suggest(name, known); hint != nil {
		return hint
	}
	if len(known) > 0 && len(known) <= 12 {
		return diag.Errorf(" (known: %s)", strings.Join(known, ", "))
	}
	return diag.Errorf(" (no such slug in %s)", where)
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// titleOrder orders titles alphabetically, accents folded, then by slug;
// it folds each title once.
type titleOrder map[string]string

func (o titleOrder) less(a, b, slugA, slugB string) bool {
	if ka, kb := o.key(a), o.key(b); ka != kb {
		return ka < kb
	}
	return slugA < slugB
}

func (o titleOrder) key(title string) string {
	k, ok := o[title]
	if !ok {
		k = slug.Make(title)
		o[title] = k
	}
	return k
}

// sortNews puts the newest first.
func sortNews(ns []*News) {
	sort.SliceStable(ns, func(i, j int) bool {
		if c := ns[i].Date.Compare(ns[j].Date); c != 0 {
			return c > 0
		}
		return ns[i].Slug < ns[j].Slug
	})
}
