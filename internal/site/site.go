// Package site links the items a site's files hold into the model the
// pages show: references by slug resolved, progress computed (section 8 of
// docs/content-format.md), counts made, every list in its order. It is
// where every fact derived from more than one file is computed.
//
// It is pure: no file is read, no clock is looked at (what depends on the
// day takes it as an input). Link builds a new model from the decoded
// items of package content and never changes them, so that the cache of
// `jalons serve` keeps them as they were read; its tests build items in
// memory.
//
// Each linked type embeds the decoded item it stands for, so that a
// template reads .Title or .Status on either.
package site

import (
	"jalons/internal/config"
	"jalons/internal/content"
	"jalons/internal/diag"
)

// Progress is a share of the way done, from 0 to 1, when it is known.
type Progress struct {
	Ratio float64
	Known bool
}

// Counts is the number of actions by status, indexed by content.Status.
type Counts [5]int

// Total is the number of actions counted.
func (c Counts) Total() int { return c[0] + c[1] + c[2] + c[3] + c[4] }

// Site is a whole site, linked.
type Site struct {
	Config      *config.Config
	Today       content.Date  // the day the site describes
	Home        *content.Page // nil without content/_index.md
	Axes        []*Axis       // by order, then title
	Actions     []*Action     // by axis, then title
	Indicators  []*Indicator  // by title
	News        []*News       // newest first
	Pages       []*content.Page
	Governance  *Governance // nil without content/governance.md
	Territories []*Group    // named by actions' territories, by slug
	Audiences   []*Group    // named by actions' audience, by slug
	Static      []string    // files under static/, relative to it
	Notes       diag.List   // what the build skipped: said, not failed
	Progress    Progress
	Counts      Counts
	Measured    int          // actions counted in Progress, out of Counts.Total()
	Late        int          // late actions
	Upcoming    []*Milestone // every upcoming milestone, soonest first
	Milestones  []*Milestone // every milestone: late ones, then upcoming, then done, each by date
	// Updated is the last-updated day of each item that has one, by its
	// file (section 12.4).
	Updated map[string]content.Date
	// History is true when config.toml sets history = true and git gave
	// the site's history (section 12.5).
	History bool
	// find the action, indicator and news item of a slug, with what
	// Link made to tell duplicates (see ActionOf)
	actionOf    func(slug string) *Action
	indicatorOf func(slug string) *Indicator
	newsOf      func(slug string) *News
	// StatusChanges are the status changes of every action's history,
	// newest first.
	StatusChanges []*StatusChange
}

// Axis is an axis with its actions.
type Axis struct {
	*content.Axis
	Color    string // the axis's colour: its own, or one of the palette
	Actions  []*Action
	News     []*News // linked to the axis or to one of its actions, newest first
	Progress Progress
	Counts   Counts
	Measured int // actions counted in Progress, out of Counts.Total()
	Late     int // late actions
}

// Action is an action sheet with what it links to.
type Action struct {
	*content.Action
	Axis          *Axis
	LeadStructure *content.Structure // when lead names a structure of the governance
	Indicators    []*Indicator
	News          []*News
	Progress      Progress
	Late          bool         // planned or in progress, with an end before today
	Milestones    []*Milestone // by date
	Updated       content.Date // last updated (section 12.4); zero when unknown
	History       []*Entry     // the newest commits that changed the file, newest first
	Older         int          // the commits older than History's
}

// ActionOf is the action whose slug is slug, or nil; IndicatorOf and
// NewsOf are the same for indicators and news items. A site that Link did
// not make has none.
func (s *Site) ActionOf(slug string) *Action { return find(s.actionOf, slug) }

func (s *Site) IndicatorOf(slug string) *Indicator { return find(s.indicatorOf, slug) }

func (s *Site) NewsOf(slug string) *News { return find(s.newsOf, slug) }

func find[T any](of func(string) *T, slug string) *T {
	if of == nil {
		return nil
	}
	return of(slug)
}

// Counted reports whether the action counts in axis and overall averages.
func (a *Action) Counted() bool { return a.Status != content.Abandoned && a.Progress.Known }

// Indicator is an indicator, its values in date order.
type Indicator struct {
	*content.Indicator
	Values    []Value // by date, whatever their order in the file; small ones masked
	Action    *Action // nil for an indicator of the whole project
	Progress  Progress
	NextDue   content.Date // when the next value is expected: zero without frequency or value
	OutOfDate bool         // today is after NextDue
	Updated   content.Date // last updated (section 12.4); zero when unknown
}

// Latest is the value with the latest date, if any.
func (ind *Indicator) Latest() (Value, bool) {
	if len(ind.Values) == 0 {
		return Value{}, false
	}
	return ind.Values[len(ind.Values)-1], true
}

// News is a news item with the axes and actions it names.
type News struct {
	*content.News
	Axes    []*Axis
	Actions []*Action
}

// Governance is the governance with its bodies as a tree.
type Governance struct {
	*content.Governance
	Bodies   []*Body
	Meetings []*Meeting // newest first
}

// Roots are the bodies that report to no other.
func (g *Governance) Roots() []*Body {
	var out []*Body
	for _, b := range g.Bodies {
		if b.Up == nil {
			out = append(out, b)
		}
	}
	return out
}

// Body is a steering body in the tree of bodies.
type Body struct {
	*content.Body
	Up       *Body // the body it reports to; nil for a body that reports to none
	Children []*Body
}

// Meeting is a meeting with the body that met.
type Meeting struct {
	*content.Meeting
	Body *Body
}

// Palette gives axes without a colour one that keeps 4.5:1 against white,
// by their rank in the plan.
var Palette = []string{"#1f5f8b", "#8a3b12", "#2e6b30", "#6a3d7c", "#8b1e3f", "#005f73", "#5c5c00", "#3d4f7c"}
