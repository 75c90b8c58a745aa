package render

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"html/template"
	"math"
	"reflect"
	"slices"
	"sort"
	"sync"
	"text/template/parse"

	"jalons/internal/config"
	"jalons/internal/content"
	"jalons/internal/site"
)

// The cache of `jalons serve` is sound by construction: a page's key is a
// hash of the very value its template receives, so whatever a template can
// read is in the key. Each page kind receives a view: the linked items it
// shows, with their links cut one level down (on an action page,
// .Action.Axis is the axis with its title, colour and progress, but not its
// actions), and a .Site that holds the settings and the free pages, plus
// what the kind lists (home: axes, counts, progress, measured and late
// counts, upcoming milestones, news, indicators;
// indicators: indicators; governance: governance; milestones: every
// milestone). A view is a tree, not
// the linked graph, so its hash is small and reaches nothing the page does
// not get. A theme whose templates read more of .Site than its kind's view
// holds gets the whole linked site for that kind, and the key of the whole
// site: correct, coarser.

// siteFields are the fields of .Site each kind's view holds; "*" stands
// for every kind.
var siteFields = map[Kind][]string{
	"*":            {"Config", "Pages"},
	KindHome:       {"Today", "Home", "Axes", "Counts", "Progress", "Measured", "Late", "Upcoming", "News", "Indicators", "History", "StatusChanges"},
	KindIndicators: {"Indicators"},
	KindGovernance: {"Governance"},
	KindMilestones: {"Milestones"},
	KindActions:    {"Axes", "Counts", "Territories", "Audiences"},
}

// wideKinds returns the kinds whose templates read fields of .Site that
// their view does not hold: they get the whole site. .Site alone, passed
// to a function, gives the function the view.
func wideKinds(tmpl map[Kind]*template.Template) map[Kind]bool {
	wide := map[Kind]bool{}
	// A template of the base or a partial is in every kind's set, a copy:
	// the same file and name, the same reads.
	type tree struct{ file, name string }
	reads := map[tree][]string{}
	for k, t := range tmpl {
		allowed := append(slices.Clone(siteFields["*"]), siteFields[k]...)
		for _, tt := range t.Templates() {
			if tt.Tree == nil {
				continue
			}
			key := tree{tt.Tree.ParseName, tt.Name()}
			fields, ok := reads[key]
			if !ok {
				fields = siteReads(tt.Tree.Root)
				reads[key] = fields
			}
			for _, f := range fields {
				if f != "" && !slices.Contains(allowed, f) {
					wide[k] = true
				}
			}
		}
	}
	return wide
}

// siteReads lists the fields read right after an identifier Site in a
// template's tree: "Config" for .Site.Config.Title, "" for .Site alone.
func siteReads(n parse.Node) []string {
	var out []string
	check := func(idents []string) {
		for i, id := range idents {
			if id == "Site" {
				if i+1 < len(idents) {
					out = append(out, idents[i+1])
				} else {
					out = append(out, "")
				}
			}
		}
	}
	var walk func(parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case nil:
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.PipeNode:
			if n == nil {
				return
			}
			for _, d := range n.Decl {
				walk(d)
			}
			for _, c := range n.Cmds {
				walk(c)
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.FieldNode:
			check(n.Ident)
		case *parse.VariableNode:
			check(n.Ident)
		case *parse.ChainNode:
			walk(n.Node)
			check(n.Field)
		case *parse.IfNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.TemplateNode:
			walk(n.Pipe)
		}
	}
	walk(n)
	return out
}

// view cuts the links of the items a page of kind shows, and fills its
// .Site with what the kind's view holds. Pages of a wide kind keep the
// whole site.
func (r *renderer) view(p *Page) {
	s := r.site
	if r.wide[p.Kind] {
		p.Site = s
		return
	}
	v := &site.Site{Config: s.Config, Pages: s.Pages}
	switch p.Kind {
	case KindHome:
		v.Today, v.Home, v.Counts, v.Progress = s.Today, s.Home, s.Counts, s.Progress
		v.Measured, v.Late = s.Measured, s.Late
		v.Upcoming = listed(r, s.Upcoming, r.milestoneCard)
		v.Axes = listed(r, s.Axes, axisCard)
		v.News = listed(r, s.News, newsCard)
		v.Indicators = listed(r, s.Indicators, r.indicatorCard)
		v.History = s.History
		v.StatusChanges = cards(s.StatusChanges[:min(len(s.StatusChanges), HomeStatusChanges)], statusChangeCard)
	case KindIndicators:
		v.Indicators = listed(r, s.Indicators, r.indicatorCard)
	case KindGovernance:
		v.Governance = s.Governance
	case KindMilestones:
		v.Milestones = listed(r, s.Milestones, r.milestoneCard)
	case KindActions:
		r.actionsView(v, p.Status)
	}
	p.Site = v
	if a := p.Axis; a != nil {
		c := &site.Axis{Axis: a.Axis, Color: a.Color, Progress: a.Progress, Counts: a.Counts, Measured: a.Measured, Late: a.Late}
		c.Actions = listed(r, a.Actions, actionCard)
		p.Axis = c
	}
	if a := p.Action; a != nil {
		c := &site.Action{Action: a.Action, Progress: a.Progress, Late: a.Late, Updated: a.Updated, History: a.History, Older: a.Older}
		c.Milestones = cards(a.Milestones, func(m *site.Milestone) *site.Milestone {
			return &site.Milestone{Milestone: m.Milestone, State: m.State}
		})
		c.Axis = once(r, a.Axis, axisCard)
		c.LeadStructure = a.LeadStructure
		c.Indicators = listed(r, a.Indicators, r.indicatorCard)
		c.News = listed(r, a.News, newsCard)
		p.Action = c
	}
	if i := p.Indicator; i != nil {
		p.Indicator = once(r, i, r.indicatorCard)
	}
	if n := p.News; n != nil {
		c := &site.News{News: n.News}
		c.Axes = listed(r, n.Axes, axisCard)
		c.Actions = listed(r, n.Actions, actionCard)
		p.News = c
	}
	p.Groups = listed(r, p.Groups, groupCard)
	if g := p.Group; g != nil {
		c := groupCard(g)
		c.Actions = listed(r, g.Actions, actionCard)
		p.Group = c
	}
	if l := p.List; l != nil {
		c := *l
		c.Items = listed(r, l.Items, newsCard)
		p.List = &c
	}
}

// listed is cards(items, card) with each card made once per rendering:
// lists show the same items on many pages (an action on its axis's page,
// on the list of every action, of its status, of each of its territories
// and audiences). Its cards are shared, never changed, and hashed once
// (see hasher.value).
func listed[T comparable](r *renderer, items []T, card func(T) T) []T {
	if items == nil {
		return nil
	}
	out := make([]T, len(items))
	for i, it := range items {
		out[i] = once(r, it, card)
	}
	return out
}

// once is card(item), made once per rendering; the function card tells
// one kind of card from another of the same item.
func once[T comparable](r *renderer, item T, card func(T) T) T {
	k := cardKey{item, reflect.ValueOf(card).Pointer()}
	if c, ok := r.pre[k]; ok {
		return c.(T)
	}
	if c, ok := r.cards.Load(k); ok {
		return c.(T)
	}
	// Known as a card before it is shared, so that every key holds its
	// sum; forgotten if another goroutine made the same card first.
	made := card(item)
	at := sumKeyOf(reflect.ValueOf(made))
	if !cardTypes[at.t] {
		panic(fmt.Sprintf("render: %v is not among cardTypes", at.t))
	}
	r.sums.Store(at, new(cardSum))
	c, loaded := r.cards.LoadOrStore(k, made)
	if loaded {
		r.sums.Delete(at)
	}
	return c.(T)
}

// preCards makes the cards of the site's items that lists show.
func (r *renderer) preCards() {
	s := r.site
	r.pre = make(map[cardKey]any, len(s.Actions)+len(s.Indicators)+len(s.Milestones)+len(s.News))
	r.preSums = make(map[sumKey]*cardSum, len(r.pre))
	preCards(r, s.Actions, actionCard) // first: the others hold them
	preCards(r, s.Axes, axisCard)
	preCards(r, s.Indicators, r.indicatorCard)
	preCards(r, s.Milestones, r.milestoneCard)
	preCards(r, s.News, newsCard)
	preCards(r, s.Territories, groupCard)
	preCards(r, s.Audiences, groupCard)
}

// preCards makes the cards of every item of items, before the pages are
// made: once and the hasher then find them in maps that nothing writes
// to, faster than in the maps that the pages' jobs share.
func preCards[T comparable](r *renderer, items []T, card func(T) T) {
	kind := reflect.ValueOf(card).Pointer()
	for _, it := range items {
		k := cardKey{it, kind}
		if _, ok := r.pre[k]; ok {
			continue
		}
		c := card(it)
		r.pre[k] = c
		r.preSums[sumKeyOf(reflect.ValueOf(c))] = new(cardSum)
	}
}

// sumKey is a card's key in renderer.sums: its address and type.
type sumKey struct {
	at uintptr
	t  reflect.Type
}

func sumKeyOf(v reflect.Value) sumKey { return sumKey{v.Pointer(), v.Type()} }

// card tells whether v is a card of this rendering (made by once): it
// returns its key and its sum, or a nil sum.
func (r *renderer) card(v any) (sumKey, *cardSum) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || !cardTypes[rv.Type()] {
		return sumKey{}, nil
	}
	k := sumKeyOf(rv)
	return k, r.sumOf(k)
}

// sumOf is the sum of the card whose key is k, or nil when k is not a
// card's.
func (r *renderer) sumOf(k sumKey) *cardSum {
	if c, ok := r.preSums[k]; ok {
		return c
	}
	if c, ok := r.sums.Load(k); ok {
		return c.(*cardSum)
	}
	return nil
}

// cardTypes are the types of the cards that once makes: the hasher looks
// for a card's sum only for a pointer of these types (once panics on
// another).
var cardTypes = map[reflect.Type]bool{
	reflect.TypeFor[*site.Axis](): true, reflect.TypeFor[*site.Action](): true, reflect.TypeFor[*site.Indicator](): true,
	reflect.TypeFor[*site.Milestone](): true, reflect.TypeFor[*site.News](): true, reflect.TypeFor[*site.Group](): true,
}

// cardKey is a card's key in renderer.cards: the item, and the function
// that makes the card.
type cardKey struct {
	item any
	kind uintptr
}

// cardSum is the hash of a card, made the first time a key holds it.
type cardSum struct {
	once sync.Once
	sum  uint64
	done bool // sum is made (read once the rendering's jobs are done)
}

// of is the hash of card v, whose sum c is, made by r.
func (c *cardSum) of(v reflect.Value, r *renderer) uint64 {
	c.once.Do(func() {
		h := newHasher()
		h.r = r
		h.value(v.Elem())
		c.sum, c.done = h.h.Sum64(), true
	})
	return c.sum
}

func cards[T any](items []T, card func(T) T) []T {
	if items == nil {
		return nil
	}
	out := make([]T, len(items))
	for i, it := range items {
		out[i] = card(it)
	}
	return out
}

// The cards are items as lists show them: the keys that name and place
// them, their figures, no text and no link (but for an indicator's
// action, itself a card).
func axisCard(a *site.Axis) *site.Axis {
	return &site.Axis{Axis: &content.Axis{Title: a.Title, Order: a.Order, Color: a.Axis.Color, Summary: a.Summary, Slug: a.Slug},
		Color: a.Color, Progress: a.Progress, Counts: a.Counts, Measured: a.Measured, Late: a.Late}
}

func actionCard(a *site.Action) *site.Action {
	return &site.Action{Action: &content.Action{Title: a.Title, AxisSlug: a.AxisSlug, Status: a.Status, Start: a.Start, End: a.End,
		Summary: a.Summary, Weight: a.Weight, Slug: a.Slug, Territories: a.Territories, Audience: a.Audience}, Progress: a.Progress, Late: a.Late}
}

// indicatorCard is an indicator with its values and what they say, and
// its action as a card. Its own page and its action's show the same card,
// so that the partials they share are made once (see cachedPartial).
func (r *renderer) indicatorCard(i *site.Indicator) *site.Indicator {
	c := &site.Indicator{Indicator: i.Indicator, Values: i.Values, Progress: i.Progress, NextDue: i.NextDue, OutOfDate: i.OutOfDate,
		Updated: i.Updated}
	if i.Action != nil {
		c.Action = once(r, i.Action, actionCard)
	}
	return c
}

// statusChangeCard is a status change as the home page and the feed of
// changes show it: the action as a card, the commit without the others'
// changes.
func statusChangeCard(c *site.StatusChange) *site.StatusChange {
	return &site.StatusChange{Action: actionCard(c.Action), Entry: &site.Entry{Commit: c.Entry.Commit, Date: c.Entry.Date, Subject: c.Entry.Subject},
		Change: c.Change}
}

// milestoneCard is a milestone with its state, and its action as the
// card that lists show.
func (r *renderer) milestoneCard(m *site.Milestone) *site.Milestone {
	return &site.Milestone{Milestone: m.Milestone, State: m.State, Action: once(r, m.Action, actionCard)}
}

func newsCard(n *site.News) *site.News {
	return &site.News{News: &content.News{Title: n.Title, Date: n.Date, Summary: n.Summary, Image: n.Image, ImageAlt: n.ImageAlt,
		Draft: n.Draft, Slug: n.Slug}}
}

// wholeKey sums up what the whole linked site derives from: the settings
// and the theme (global), the day, every file read (its name and text),
// the static files, and what git told (dates, histories). Every fact of
// the linked site is a function of these, so that the key of the whole
// site needs no walk through it.
func (r *renderer) wholeKey() uint64 {
	s := r.site
	h := newHasher()
	h.uint(r.global)
	for _, a := range s.Axes {
		h.source(a.Src)
	}
	for _, a := range s.Actions {
		h.source(a.Src)
		if len(a.History) == 0 {
			h.uint(0) // as h.value hashes an empty slice, without making a reflect.Value
		} else {
			h.value(reflect.ValueOf(a.History))
		}
		h.uint(uint64(a.Older))
	}
	for _, i := range s.Indicators {
		h.source(i.Src)
	}
	for _, n := range s.News {
		h.source(n.Src)
	}
	for _, p := range s.Pages {
		h.source(p.Src)
	}
	if s.Home != nil {
		h.source(s.Home.Src)
	}
	if s.Governance != nil {
		h.source(s.Governance.Src)
	}
	h.value(reflect.ValueOf(struct {
		Today   content.Date
		Static  []string
		History bool
	}{s.Today, s.Static, s.History}))
	// In a git work tree every file has its day: summed in no order
	// rather than sorted, 16,000 of them at every rebuild of serve.
	h.uint(uint64(len(s.Updated)))
	h.uint(sumOfDays(s.Updated))
	return h.h.Sum64()
}

// sumOfDays sums up days by file in no particular order: each file's
// name and day hashed together, the hashes added.
func sumOfDays(days map[string]content.Date) uint64 {
	var sum uint64
	for file, d := range days {
		x := maphash.String(seed, file) ^ uint64(d.Year)<<32 ^ uint64(d.Month)<<16 ^ uint64(d.Day)
		// splitmix64's finalizer: a day moved from one file to another
		// changes the sum
		x ^= x >> 30
		x *= 0xbf58476d1ce4e5b9
		x ^= x >> 27
		x *= 0x94d049bb133111eb
		x ^= x >> 31
		sum += x
	}
	return sum
}

// key hashes a value a template receives: every exported field, followed
// through pointers, slices and maps. A decoded item of package content is
// hashed as its file's name and text (its fields come from them); the
// settings are part of every key already (see globalKey).
func (r *renderer) key(v any) uint64 {
	h := newHasher()
	h.r = r
	h.uint(r.global)
	h.value(reflect.ValueOf(v))
	return h.h.Sum64()
}

// srcFields keeps, by struct type, the index of its Src field when it is
// a decoded item of package content, -1 otherwise.
var srcFields sync.Map

func srcField(t reflect.Type) int {
	if v, ok := srcFields.Load(t); ok {
		return v.(int)
	}
	i := -1
	if t.PkgPath() == sourceType.PkgPath() {
		if f, ok := t.FieldByName("Src"); ok && f.Type == sourceType && len(f.Index) == 1 {
			i = f.Index[0]
		}
	}
	srcFields.Store(t, i)
	return i
}

// exportedFields keeps, by struct type, the indexes of its exported
// fields.
var exportedFields sync.Map

func exported(t reflect.Type) []int {
	if v, ok := exportedFields.Load(t); ok {
		return v.([]int)
	}
	var out []int
	for i := range t.NumField() {
		if t.Field(i).IsExported() {
			out = append(out, i)
		}
	}
	exportedFields.Store(t, out)
	return out
}

// hasher hashes with maphash: the keys live as long as the process (the
// cache of `jalons serve`), so that one seed per process serves them all.
type hasher struct {
	h    maphash.Hash
	seen map[uintptr]int // pointers met, so that a cycle is hashed once
	r    *renderer       // whose cards are hashed once (nil: none are)
	buf  [8]byte
}

var seed = maphash.MakeSeed()

func newHasher() *hasher {
	h := &hasher{seen: map[uintptr]int{}}
	h.h.SetSeed(seed)
	return h
}

var (
	sourceType = reflect.TypeOf(content.Source{})
	configType = reflect.TypeOf(&config.Config{})
)

func (h *hasher) uint(u uint64) {
	binary.LittleEndian.PutUint64(h.buf[:], u)
	h.h.Write(h.buf[:])
}

// source sums up a decoded item by its file's name and text, which its
// hash covers; an item made in memory has no hash.
func (h *hasher) source(src content.Source) {
	if src.Hash == 0 {
		h.string(src.File)
	}
	h.uint(src.Hash)
}

func (h *hasher) string(s string) {
	h.uint(uint64(len(s)))
	h.uint(maphash.String(seed, s)) // hashed where it lies, not copied
}

func (h *hasher) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.Invalid:
		h.uint(0)
	case reflect.Pointer:
		if v.IsNil() {
			h.uint(0)
			return
		}
		if v.Type() == configType {
			h.uint(1)
			return
		}
		if h.r != nil && cardTypes[v.Type()] {
			if c := h.r.sumOf(sumKeyOf(v)); c != nil { // a card, hashed once for every page that lists it
				h.uint(5)
				h.uint(c.of(v, h.r))
				return
			}
		}
		if n, ok := h.seen[v.Pointer()]; ok {
			h.uint(2)
			h.uint(uint64(n))
			return
		}
		h.seen[v.Pointer()] = len(h.seen)
		h.uint(3)
		if e := v.Elem(); e.Kind() == reflect.Struct {
			if i := srcField(e.Type()); i >= 0 {
				if src := e.Field(i); src.Field(0).String() != "" {
					h.value(src) // a decoded item: its file says it all
					return
				}
			}
		}
		h.value(v.Elem())
	case reflect.Struct:
		if v.Type() == sourceType {
			h.source(v.Interface().(content.Source))
			return
		}
		for _, i := range exported(v.Type()) {
			h.value(v.Field(i))
		}
	case reflect.Slice, reflect.Array:
		h.uint(uint64(v.Len()))
		for i := range v.Len() {
			h.value(v.Index(i))
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		h.uint(uint64(len(keys)))
		for _, k := range keys {
			h.value(k)
			h.value(v.MapIndex(k))
		}
	case reflect.Interface:
		if v.IsNil() {
			h.uint(0)
			return
		}
		h.string(v.Elem().Type().String())
		h.value(v.Elem())
	case reflect.String:
		h.string(v.String())
	case reflect.Bool:
		if v.Bool() {
			h.uint(1)
		} else {
			h.uint(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		h.uint(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		h.uint(v.Uint())
	case reflect.Float32, reflect.Float64:
		h.uint(math.Float64bits(v.Float()))
	default: // functions and channels: no template reads them
		h.uint(4)
	}
}
