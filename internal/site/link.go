package site

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unique"

	"jalons/internal/content"
	"jalons/internal/diag"
	"jalons/internal/slug"
)

func itoa(i int) string { return strconv.Itoa(i) }

// linker builds a Site and collects the problems of references. It
// takes the order of the actions and the indicators' values from memo
// when they hold, and gives them as they are in order and values; the
// order's places only when the memo is remembered for a next Link.
type linker struct {
	in       *content.Items
	errs     diag.List
	memo     *Memo
	remember bool
	order    actionOrder
	values   indicatorValues
}

// Link links items into a Site that describes the day today: it resolves
// references by slug, computes progress and counts, and sorts every list. Problems of references (an
// unknown axis, two items with one slug) are reported, except references
// to files that could not be read, whose own problems are reported
// already. The Site is nil when there is a problem. What git says of the
// files is in.Git.
func Link(in *content.Items, today content.Date) (*Site, diag.List) {
	return LinkWhile(in, today, func() *content.Git { return in.Git }, nil)
}

// LinkWhile is Link, what git says of the files given by git, which it
// calls once the items are linked (in.Git is not read): git may run
// while they are. With memo, the one of the last Link of the same site,
// it takes the decisions that still hold from it, and leaves it the
// decisions of this Link.
func LinkWhile(in *content.Items, today content.Date, git func() *content.Git, memo *Memo) (*Site, diag.List) {
	remember := memo != nil
	if !remember {
		memo = &Memo{} // empty: no decision holds, and none is worth keeping
	}
	memo.mu.Lock()
	defer memo.mu.Unlock()
	l := &linker{in: in, memo: memo, remember: remember}
	s := l.link()
	s.Today = today
	if len(l.errs) > 0 {
		l.errs.Sort()
		return nil, l.errs
	}
	memo.order, memo.values = l.order, l.values
	territories, audiences, milestones := memo.still(s.Actions, today)
	// Territories, audiences, the plan in time and what git says at once:
	// the groups read the actions' names, the plan their dates and
	// milestones, the dates and histories their files; each writes facts
	// of its own.
	done := make(chan bool)
	go func() {
		if territories {
			s.Territories = groupsOf(memo.territories, s.Actions)
		} else {
			s.Territories, memo.territories = groups(s.Actions, func(a *Action) ([]string, []unique.Handle[string]) { return a.Territories, a.TerritorySlugs })
		}
		done <- true
	}()
	go func() {
		if audiences {
			s.Audiences = groupsOf(memo.audiences, s.Actions)
		} else {
			s.Audiences, memo.audiences = groups(s.Actions, func(a *Action) ([]string, []unique.Handle[string]) { return a.Audience, a.AudienceSlugs })
		}
		done <- true
	}()
	go func() {
		g := git()
		dated(s, g)
		history(s, in.Config.History, g)
		done <- true
	}()
	var order []int32
	if milestones {
		order = memo.milestones
	}
	memo.milestones = computePlan(s, today, order)
	for range 3 {
		<-done
	}
	if remember {
		memo.keep(s.Actions, today)
	}
	computeProgress(s)
	return s, nil
}

// pos is where a key of an item stands; items made in memory have no Doc.
func pos(src content.Source, keys ...string) diag.Pos {
	if src.Doc == nil {
		return diag.Pos{File: src.File}
	}
	return src.Doc.Pos(keys...)
}

// distinct drops the items of a kind whose slug another item already has,
// reporting both files; it gives the place of each slug in what it keeps.
func distinct[T any](l *linker, kind string, items []T, key func(T) (string, content.Source)) ([]T, map[string]int) {
	at := make(map[string]int, len(items))
	out := make([]T, 0, len(items))
	for _, it := range items {
		s, src := key(it)
		if s == "" {
			continue // no slug: reported already
		}
		if i, dup := at[s]; dup {
			_, first := key(out[i])
			l.errs.Add(pos(src), "two %s have the slug %q: %s and %s (rename one file, or set slug = \"…\" in one of them)", kind, s, first.File, src.File)
			continue
		}
		at[s] = len(out)
		out = append(out, it)
	}
	return out, at
}

// bySlug finds an item of all by its slug, at giving its place (see
// distinct); nil for none.
func bySlug[T any](at map[string]int, all []T) func(slug string) *T {
	return func(slug string) *T {
		if i, ok := at[slug]; ok {
			return &all[i]
		}
		return nil
	}
}

// byFile orders items by file, so that "the first file" of a duplicate
// does not depend on the order the files were read in.
func byFile[T any](items []T, src func(T) content.Source) []T {
	out := slices.Clone(items)
	byFile := func(a, b T) int { return strings.Compare(src(a).File, src(b).File) }
	if !slices.IsSortedFunc(out, byFile) { // most often, the files were read in this order
		slices.SortStableFunc(out, byFile)
	}
	return out
}

func (l *linker) link() *Site {
	in := l.in
	s := &Site{Config: in.Config, Home: in.Home, Static: in.Static, Notes: in.Notes}
	unread := func(k content.Kind, slug string) bool { return slices.Contains(in.Unread[k], slug) }

	axes := map[string]*Axis{}
	uniqueAxes, _ := distinct(l, "axes", byFile(in.Axes, func(a *content.Axis) content.Source { return a.Src }),
		func(a *content.Axis) (string, content.Source) { return a.Slug, a.Src })
	for _, a := range uniqueAxes {
		ax := &Axis{Axis: a, Color: a.Color}
		axes[a.Slug] = ax
		s.Axes = append(s.Axes, ax)
	}
	var uniqueActions []*content.Action
	var actionAt map[string]int
	sameOrder := l.memo.order.sameOrder(in.Actions)
	if sameOrder {
		l.order = l.memo.order
		l.order.given = slices.Clone(in.Actions) // the loader's list may change
		uniqueActions = make([]*content.Action, len(l.order.kept))
		for i, k := range l.order.kept {
			uniqueActions[i] = in.Actions[k]
		}
		actionAt = l.order.at
	} else {
		uniqueActions, actionAt = distinct(l, "actions", byFile(in.Actions, func(a *content.Action) content.Source { return a.Src }),
			func(a *content.Action) (string, content.Source) { return a.Slug, a.Src })
		if l.remember {
			l.order = actionOrder{given: slices.Clone(in.Actions), at: actionAt, kept: placesIn(in.Actions, uniqueActions)}
		}
	}
	all := make([]Action, len(uniqueActions)) // one allocation, in order
	if len(all) > 0 {
		s.Actions = make([]*Action, 0, len(all))
	}
	for i, a := range uniqueActions {
		ac := &all[i]
		ac.Action = a
		s.Actions = append(s.Actions, ac)
	}
	action := bySlug(actionAt, all)
	s.actionOf = action
	structures := map[string]*content.Structure{}
	if g := in.Governance; g != nil {
		s.Governance = l.governance(g, structures)
	}
	// The indicators and the news are read and linked to the actions
	// while the actions are linked to their axes: each side writes
	// fields of an action that the other does not read.
	news := make(chan bool)
	ln := &linker{in: in, memo: l.memo}
	go func() {
		ln.linkIndicatorsAndNews(s, all, actionAt, axes, unread)
		news <- true
	}()
	for _, a := range s.Actions {
		a.LeadStructure = structures[a.Lead]
		if a.AxisSlug == "" {
			continue // missing key, reported already
		}
		if a.Axis = axes[a.AxisSlug]; a.Axis == nil {
			if !unread(content.KindAxis, a.AxisSlug) {
				l.errs.Add(pos(a.Src, "axis"), "unknown axis %q%s", a.AxisSlug, unknownHint(a.AxisSlug, keys(axes), "content/axes/"))
			}
			continue
		}
		a.Axis.Actions = append(a.Axis.Actions, a)
	}
	s.Pages, _ = distinct(l, "pages", byFile(in.Pages, func(p *content.Page) content.Source { return p.Src }),
		func(p *content.Page) (string, content.Source) { return p.Slug, p.Src })
	for _, p := range s.Pages {
		if slices.Contains(Reserved, p.Slug) {
			l.errs.Add(pos(p.Src), "the page slug %q is taken by a section of the site (rename the file, or set slug = \"…\")", p.Slug)
		}
	}

	sort.SliceStable(s.Axes, func(i, j int) bool {
		a, b := s.Axes[i], s.Axes[j]
		if a.Order != b.Order {
			return a.Order < b.Order
		}
		return byTitle(titleKey(a.Title, ""), titleKey(b.Title, ""), a.Slug, b.Slug) < 0
	})
	axisRank := map[*Axis]int{}
	actionTitle := func(a *Action) (string, string) { return titleKey(a.Title, a.TitleKey), a.Slug }
	for i, a := range s.Axes {
		axisRank[a] = i
		if a.Color == "" {
			a.Color = Palette[i%len(Palette)]
		}
		if order, ok := l.order.byAxis[a.Slug]; ok && len(order) == len(a.Actions) {
			for j, k := range order {
				a.Actions[j] = &all[k]
			}
			continue
		}
		sortByTitle(a.Actions, actionTitle)
	}
	if !sameOrder && l.remember {
		at := make(map[*Action]int32, len(all))
		for i := range all {
			at[&all[i]] = int32(i)
		}
		l.order.byAxis = make(map[string][]int32, len(s.Axes))
		for _, a := range s.Axes {
			order := make([]int32, len(a.Actions))
			for j, ac := range a.Actions {
				order[j] = at[ac]
			}
			l.order.byAxis[a.Slug] = order
		}
	}
	// Every action in the order of its axis, then of its title: the
	// axes' lists one after the other, when every action has its axis.
	var inOrder []*Action
	for _, a := range s.Axes {
		inOrder = append(inOrder, a.Actions...)
	}
	if len(inOrder) == len(s.Actions) {
		s.Actions = inOrder
	} else {
		sortByTitle(s.Actions, actionTitle)
		slices.SortStableFunc(s.Actions, func(a, b *Action) int { return axisRank[a.Axis] - axisRank[b.Axis] })
	}
	<-news
	l.errs.Append(ln.errs)
	l.values = ln.values
	for _, n := range s.News {
		for _, a := range n.Axes {
			addNews(a, n)
		}
		for _, a := range n.Actions {
			if a.Axis != nil {
				addNews(a.Axis, n)
			}
		}
	}
	for _, a := range s.Axes {
		sortNews(a.News)
	}
	sortNews(s.News)
	sortByTitle(s.Pages, func(p *content.Page) (string, string) { return titleKey(p.Title, p.TitleKey), p.Slug })
	return s
}

// linkIndicatorsAndNews reads the indicators and the news items and links
// them to the actions, all, found by their place in actionAt, and to the
// axes; each action's indicators and news come in their order.
func (l *linker) linkIndicatorsAndNews(s *Site, all []Action, actionAt map[string]int, axes map[string]*Axis, unread func(content.Kind, string) bool) {
	in := l.in
	action := bySlug(actionAt, all)
	kept, at := distinct(l, "indicators", byFile(in.Indicators, func(i *content.Indicator) content.Source { return i.Src }),
		func(i *content.Indicator) (string, content.Source) { return i.Slug, i.Src })
	allIndicators := make([]Indicator, len(kept))
	var values [][]Value
	values, l.values = l.memo.values.of(kept)
	for i, ind := range kept {
		allIndicators[i] = Indicator{Indicator: ind, Values: values[i]}
		s.Indicators = append(s.Indicators, &allIndicators[i])
	}
	sortByTitle(s.Indicators, indicatorTitle)
	s.indicatorOf = bySlug(at, allIndicators)
	for _, ind := range s.Indicators {
		if ind.ActionSlug == "" {
			continue
		}
		if ind.Action = action(ind.ActionSlug); ind.Action == nil {
			if !unread(content.KindAction, ind.ActionSlug) {
				l.errs.Add(pos(ind.Src, "action"), "unknown action %q%s", ind.ActionSlug, unknownHint(ind.ActionSlug, keys(actionAt), "content/actions/"))
			}
			continue
		}
		ind.Action.Indicators = append(ind.Action.Indicators, ind)
	}
	uniqueNews, newsAt := distinct(l, "news items", byFile(in.News, func(n *content.News) content.Source { return n.Src }),
		func(n *content.News) (string, content.Source) { return n.Slug, n.Src })
	allNews := make([]News, len(uniqueNews))
	for i, n := range uniqueNews {
		allNews[i].News = n
		s.News = append(s.News, &allNews[i])
	}
	s.newsOf = bySlug(newsAt, allNews)
	for _, n := range s.News {
		for i, as := range n.AxisSlugs {
			if a := axes[as]; a != nil {
				n.Axes = append(n.Axes, a)
			} else if !unread(content.KindAxis, as) {
				l.errs.Add(pos(n.Src, "axes", itoa(i)), "unknown axis %q%s", as, unknownHint(as, keys(axes), "content/axes/"))
			}
		}
		for i, as := range n.ActionSlugs {
			if a := action(as); a != nil {
				n.Actions = append(n.Actions, a)
				a.News = append(a.News, n)
			} else if !unread(content.KindAction, as) {
				l.errs.Add(pos(n.Src, "actions", itoa(i)), "unknown action %q%s", as, unknownHint(as, keys(actionAt), "content/actions/"))
			}
		}
	}
	for i := range all {
		a := &all[i]
		if len(a.Indicators) > 1 {
			sortByTitle(a.Indicators, indicatorTitle)
		}
		sortNews(a.News)
	}
}

// placesIn gives the place in list of each action of some.
func placesIn(list, some []*content.Action) []int32 {
	at := make(map[*content.Action]int32, len(list))
	for i, a := range list {
		at[a] = int32(i)
	}
	out := make([]int32, len(some))
	for i, a := range some {
		out[i] = at[a]
	}
	return out
}

// governance makes the tree of bodies, checks the references between
// bodies, structures and meetings, and fills structures by id.
func (l *linker) governance(in *content.Governance, structures map[string]*content.Structure) *Governance {
	g := &Governance{Governance: in}
	at := func(keys ...string) diag.Pos { return pos(in.Src, keys...) }
	bodies := map[string]*Body{}
	for i := range in.Bodies {
		b := &Body{Body: &in.Bodies[i]}
		g.Bodies = append(g.Bodies, b)
		if b.ID == "" {
			continue
		}
		if _, dup := bodies[b.ID]; dup {
			l.errs.Add(at("bodies", itoa(i), "id"), "two bodies have the id %q (each body needs its own id)", b.ID)
		}
		bodies[b.ID] = b
	}
	parent := make([]int, len(g.Bodies)) // index of each body's parent, or -1
	index := make(map[*Body]int, len(g.Bodies))
	for i, b := range g.Bodies {
		index[b] = i
	}
	for i, b := range g.Bodies {
		parent[i] = -1
		if b.Parent == "" {
			continue
		}
		p := bodies[b.Parent]
		if p == nil {
			l.errs.Add(at("bodies", itoa(i), "parent"), "unknown body %q%s", b.Parent, unknownHint(b.Parent, keys(bodies), governanceBodies))
			continue
		}
		parent[i] = index[p]
	}
	// A body may not report to itself, even through others, nor sit too
	// deep: each body's chain of parents is walked once.
	depth, onCycle := treeDepths(parent)
	for i, b := range g.Bodies {
		switch {
		case parent[i] < 0:
		case onCycle[i]:
			l.errs.Add(at("bodies", itoa(i), "parent"), "body %q reports to itself through parent = %q (the bodies must form a tree)", b.ID, b.Parent)
		case depth[i] == MaxBodyDepth+1:
			l.errs.Add(at("bodies", itoa(i), "parent"), "body %q sits %d levels down from the top body, more than %d (make the tree of bodies shallower)", b.ID, depth[i], MaxBodyDepth)
		default:
			p := g.Bodies[parent[i]]
			b.Up = p
			p.Children = append(p.Children, b)
		}
	}
	for i := range in.Structures {
		st := &in.Structures[i]
		if st.ID == "" {
			continue
		}
		if _, dup := structures[st.ID]; dup {
			l.errs.Add(at("structures", itoa(i), "id"), "two structures have the id %q (each structure needs its own id)", st.ID)
		}
		structures[st.ID] = st
	}
	for i := range in.Meetings {
		m := &Meeting{Meeting: &in.Meetings[i]}
		g.Meetings = append(g.Meetings, m)
		if m.BodyID == "" {
			continue
		}
		if m.Body = bodies[m.BodyID]; m.Body == nil {
			l.errs.Add(at("meetings", itoa(i), "body"), "unknown body %q%s", m.BodyID, unknownHint(m.BodyID, keys(bodies), governanceBodies))
		}
	}
	sort.SliceStable(g.Meetings, func(i, j int) bool { return g.Meetings[j].Date.Before(g.Meetings[i].Date) })
	return g
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

// Titles are ordered alphabetically, accents folded (their keys, see
// titleKey), then by slug.
func byTitle(keyA, keyB, slugA, slugB string) int {
	if c := strings.Compare(keyA, keyB); c != 0 {
		return c
	}
	return strings.Compare(slugA, slugB)
}

func indicatorTitle(i *Indicator) (string, string) { return titleKey(i.Title, i.TitleKey), i.Slug }

// titleKey is the key that orders a title: folded, the loader's key of
// the item when it has one, else folded now (an item made in memory).
func titleKey(title, folded string) string {
	if folded == "" {
		return slug.Make(title)
	}
	return folded
}

// sortByTitle orders items by title, their title's key and slug given
// by of.
func sortByTitle[T any](items []T, of func(T) (key, slug string)) {
	type keyed struct {
		key, slug string
		item      T
	}
	ks := make([]keyed, len(items))
	for i, it := range items {
		ks[i].key, ks[i].slug = of(it)
		ks[i].item = it
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return byTitle(a.key, b.key, a.slug, b.slug) })
	for i, k := range ks {
		items[i] = k.item
	}
}

// sortNews puts the newest first.
func sortNews(ns []*News) {
	slices.SortStableFunc(ns, func(a, b *News) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return -c
		}
		return strings.Compare(a.Slug, b.Slug)
	})
}

// addNews lists n among the news of axis a, once.
func addNews(a *Axis, n *News) {
	if k := len(a.News); k == 0 || a.News[k-1] != n {
		a.News = append(a.News, n)
	}
}
