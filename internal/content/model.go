// Package content reads the content/ folder of a site into typed values,
// one per file, each checked on its own: its keys, their types, the
// values a key allows, the files it names under static/.
//
// The layout and every key are described in docs/content-format.md:
// content/_index.md, axes/<slug>.md, actions/<slug>.md,
// indicators/<slug>.toml, news/<slug>.md, governance.md, pages/<slug>.md.
// Markdown files start with TOML front matter between two lines of +++.
// Load reports every problem it finds, each with its file, line and column.
//
// What ties files together — references by slug, progress, order — is
// package site's. An item is never changed once decoded, so that the
// cache of `jalons serve` keeps it as it is.
package content

import (
	"strings"
	"unique"

	"jalons/internal/config"
	"jalons/internal/diag"
	"jalons/internal/tomlfile"
)

// Date is a calendar date.
type Date = tomlfile.Date

// Source is where an item was read from.
type Source struct {
	File      string        // path relative to the site's folder
	Doc       *tomlfile.Doc // positions of the front matter keys
	Body      string        // Markdown body (empty for indicators)
	BodyLine0 int           // lines of the file before the body
	Hash      uint64        // of the file's name and whole text: the same file and text, the same hash
}

// Status is where an action stands.
type Status int

// The statuses of an action, in the order lists show them.
const (
	Planned Status = iota
	InProgress
	Done
	Suspended
	Abandoned
)

// Statuses lists every status in display order.
var Statuses = []Status{Planned, InProgress, Done, Suspended, Abandoned}

var statusCodes = []string{"planned", "in_progress", "done", "suspended", "abandoned"}
var statusAliases = []string{"a-venir", "en-cours", "realisee", "suspendue", "abandonnee"}

// Code is the status's code in the content format, such as "in_progress".
func (s Status) Code() string { return statusCodes[s] }

// UnmarshalText accepts a status code or its French alias.
func (s *Status) UnmarshalText(b []byte) error {
	in := string(b)
	for i := range statusCodes {
		if in == statusCodes[i] || in == statusAliases[i] {
			*s = Status(i)
			return nil
		}
	}
	all := append(append([]string{}, statusCodes...), statusAliases...)
	return diag.Errorf("unknown status %q%s; use one of %s", in, diag.Suggest(in, all), strings.Join(all, ", "))
}

// Direction says whether an indicator should rise or fall.
type Direction string

// The directions of an indicator.
const (
	Increase Direction = "increase"
	Decrease Direction = "decrease"
)

// UnmarshalText accepts "increase" and "decrease".
func (d *Direction) UnmarshalText(b []byte) error {
	switch d2 := Direction(b); d2 {
	case Increase, Decrease:
		*d = d2
		return nil
	}
	return diag.Errorf("unknown direction %q%s; use \"increase\" or \"decrease\"", string(b), diag.Suggest(string(b), []string{"increase", "decrease"}))
}

// Page is the home page's introduction or a free page.
type Page struct {
	Title   string `toml:"title,required"`
	Summary string `toml:"summary"`
	SlugKey string `toml:"slug"`
	Updated Date   `toml:"updated"`

	Slug     string
	TitleKey string // the title folded as a slug is (slug.Make): what orders titles
	Src      Source
}

// Axis is a line of the plan ("axe", "thématique") grouping actions.
type Axis struct {
	Title   string `toml:"title,required"`
	Order   int    `toml:"order"`
	Color   string `toml:"color"`
	Summary string `toml:"summary"`
	SlugKey string `toml:"slug"`
	Updated Date   `toml:"updated"`

	Slug string
	Src  Source
}

// Action is an action sheet ("fiche action").
type Action struct {
	Title       string      `toml:"title,required"`
	AxisSlug    string      `toml:"axis,required"`
	Status      Status      `toml:"status,required"`
	Start       Date        `toml:"start"`
	End         Date        `toml:"end"`
	Lead        string      `toml:"lead"`
	Partners    []string    `toml:"partners"`
	Audience    []string    `toml:"audience"`
	Territories []string    `toml:"territories"`
	Budget      *float64    `toml:"budget"`
	Spent       *float64    `toml:"spent"`
	Manual      *float64    `toml:"progress"`
	Summary     string      `toml:"summary"`
	Weight      *float64    `toml:"weight"`
	SlugKey     string      `toml:"slug"`
	Milestones  []Milestone `toml:"milestones"`
	Updated     Date        `toml:"updated"`

	Slug     string
	TitleKey string // as a page's
	// The slugs of the territories and audience (slug.Make), one a name.
	TerritorySlugs, AudienceSlugs []unique.Handle[string]
	Src                           Source
}

// Milestone is a dated step of an action ("jalon"), in the order the
// file writes them.
type Milestone struct {
	Date  Date   `toml:"date,required"`
	Title string `toml:"title,required"`
	Done  bool   `toml:"done"`
	Note  string `toml:"note"` // one line
}

// Frequency says how often an indicator gets a new value.
type Frequency string

// The frequencies of an indicator.
const (
	Monthly   Frequency = "monthly"
	Quarterly Frequency = "quarterly"
	Yearly    Frequency = "yearly"
)

var frequencies = []string{string(Monthly), string(Quarterly), string(Yearly)}

// UnmarshalText accepts "monthly", "quarterly" and "yearly".
func (f *Frequency) UnmarshalText(b []byte) error {
	switch f2 := Frequency(b); f2 {
	case Monthly, Quarterly, Yearly:
		*f = f2
		return nil
	}
	return diag.Errorf("unknown frequency %q%s; use \"monthly\", \"quarterly\" or \"yearly\"", string(b), diag.Suggest(string(b), frequencies))
}

// Months is the number of calendar months between two values of an
// indicator of frequency f: 1, 3 or 12; 0 without a frequency.
func (f Frequency) Months() int {
	return map[Frequency]int{Monthly: 1, Quarterly: 3, Yearly: 12}[f]
}

// Value is one measure of an indicator.
type Value struct {
	Date  Date    `toml:"date,required"`
	Value float64 `toml:"value,required"`
	Note  string  `toml:"note"`
}

// Indicator is a measure followed over time.
type Indicator struct {
	Title       string    `toml:"title,required"`
	ActionSlug  string    `toml:"action"`
	Unit        string    `toml:"unit"`
	Baseline    float64   `toml:"baseline"`
	Target      *float64  `toml:"target"`
	Direction   Direction `toml:"direction"`
	Source      string    `toml:"source"`
	Description string    `toml:"description"`
	Values      []Value   `toml:"values"`
	Frequency   Frequency `toml:"frequency"`
	MaskBelow   *float64  `toml:"maskBelow"`
	SlugKey     string    `toml:"slug"`
	Updated     Date      `toml:"updated"`

	Slug     string
	TitleKey string // as a page's
	Src      Source
}

// News is a news item ("actualité").
type News struct {
	Title       string   `toml:"title,required"`
	Date        Date     `toml:"date,required"`
	Summary     string   `toml:"summary"`
	AxisSlugs   []string `toml:"axes"`
	ActionSlugs []string `toml:"actions"`
	Image       string   `toml:"image"`
	ImageAlt    string   `toml:"imageAlt"`
	Draft       bool     `toml:"draft"`
	SlugKey     string   `toml:"slug"`
	Updated     Date     `toml:"updated"`

	Slug string
	Src  Source
}

// Governance describes who steers the project.
type Governance struct {
	Title      string      `toml:"title"`
	Bodies     []Body      `toml:"bodies"`
	Structures []Structure `toml:"structures"`
	Meetings   []Meeting   `toml:"meetings"`

	Src Source
}

// Body is a steering body: committee, board, users' committee.
type Body struct {
	ID      string   `toml:"id,required"`
	Name    string   `toml:"name,required"`
	Role    string   `toml:"role"`
	Parent  string   `toml:"parent"`
	Meets   string   `toml:"meets"`
	Members []Member `toml:"members"`
}

// Member sits in a body, maybe in one of its colleges.
type Member struct {
	Name    string `toml:"name,required"`
	Role    string `toml:"role"`
	College string `toml:"college"`
}

// Structure is a partner or carrying structure.
type Structure struct {
	ID        string `toml:"id,required"`
	Name      string `toml:"name,required"`
	Kind      string `toml:"kind"`
	Territory string `toml:"territory"`
	URL       string `toml:"url"`
}

// Meeting is a dated meeting of a body.
type Meeting struct {
	Date   Date   `toml:"date,required"`
	BodyID string `toml:"body"`
	Title  string `toml:"title,required"`
	Report string `toml:"report"`
}

// Items are what Load read: every item of a site, each checked on its own,
// in no particular order, nothing linked.
type Items struct {
	Config     *config.Config
	Home       *Page // nil without content/_index.md
	Axes       []*Axis
	Actions    []*Action
	Indicators []*Indicator
	News       []*News // drafts only when asked for
	Pages      []*Page
	Governance *Governance // nil without content/governance.md
	Static     []string    // files under static/, relative to it
	Notes      diag.List   // what was skipped (links out of the site): said, not failed
	// Git is what git says of the site's files (sections 12.4 and 12.5),
	// or nil when the site's folder is not inside a git work tree.
	Git *Git
	// Unread are the slugs, by kind, of the files that could not be read
	// (their problems are reported): references to them are not reported
	// again as unknown.
	Unread map[Kind][]string
}

// Git is what git says of a site's files, each named from the site's
// folder ("content/actions/x.md").
type Git struct {
	Changed     map[string]Date // the day of the last commit that changed each file
	Uncommitted map[string]bool // files with changes not committed yet
	// History holds, with history = true in config.toml, the commits that
	// changed each action file, newest first.
	History map[string][]Revision
}

// Revision is a commit that changed a file.
type Revision struct {
	Commit  string
	Date    Date
	Subject string    // the first line of the commit's message
	Facts   *Snapshot // what this version of the file says; nil when not read or when it does not decode
}

// Snapshot is what a version of an action file says of the facts its
// history follows (section 12.5).
type Snapshot struct {
	Status   Status
	StatusOK bool // the version has a valid status
	Progress *float64
	End      Date
}
