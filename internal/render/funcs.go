package render

import (
	"fmt"
	"html/template"
	"math"
	"slices"
	"strings"

	"jalons/internal/chart"
	"jalons/internal/config"
	"jalons/internal/content"
	"jalons/internal/qr"
	"jalons/internal/site"
)

// Bar is what the "progress" partial receives. An average over actions
// (an axis's, the site's) also says how many it counts out of how many
// (Counted, Measured, Total).
type Bar struct {
	ID       string
	Label    string
	Progress site.Progress
	Counted  bool
	Measured int
	Total    int
}

// Row is a line of the status breakdown.
type Row struct {
	Status content.Status
	Label  string
	Count  int
}

func (r *renderer) funcs() template.FuncMap {
	l := r.loc
	return template.FuncMap{
		"t":        l.T,
		"date":     l.Date,
		"period":   l.Period,
		"number":   l.Number,
		"money":    l.Money,
		"quantity": l.Quantity,
		"percent":  l.Percent,
		"status":   l.Status,
		"change":   l.Change,
		"plural":   l.Plural,
		"noun":     l.Noun,
		"list":     l.List,
		"lang":     func() string { return string(l.lang) },
		"url":      r.url,
		"abs":      r.abs,
		"link":     func(item any) string { return r.url(r.pathOf(item)) },
		"section":  func(name string) string { return r.url(r.section(name)) },
		"markdown": r.markdown,
		"whole":    func(ratio float64) int { return int(math.Round(ratio * 100)) },
		"bar": func(id, label string, p site.Progress) Bar {
			return Bar{ID: id, Label: label, Progress: p}
		},
		"countedBar": func(id, label string, p site.Progress, measured, total int) Bar {
			return Bar{ID: id, Label: label, Progress: p, Counted: true, Measured: measured, Total: total}
		},
		"measured":        l.Measured,
		"milestoneStates": func() []site.MilestoneState { return []site.MilestoneState{site.Late, site.Upcoming, site.Reached} },
		"milestonesIn": func(ms []*site.Milestone, st site.MilestoneState) []*site.Milestone {
			var out []*site.Milestone
			for _, m := range ms {
				if m.State == st {
					out = append(out, m)
				}
			}
			return out
		},
		// value writes an indicator's value with its unit, or "moins de 5"
		// when it is masked: the one way pages show a value.
		"value": func(ind *site.Indicator, v site.Value) string {
			if v.Masked && ind.MaskBelow != nil {
				return l.FewerThan(*ind.MaskBelow)
			}
			return l.Quantity(v.Value, ind.Unit)
		},
		"firstMilestones": func(ms []*site.Milestone, n int) []*site.Milestone {
			return ms[:min(n, len(ms))]
		},
		"statusRows": func(c site.Counts) []Row {
			var rows []Row
			for _, s := range content.Statuses {
				rows = append(rows, Row{Status: s, Label: l.Status(s), Count: c[s]})
			}
			return rows
		},
		"latest": func(ind *site.Indicator) *site.Value {
			if v, ok := ind.Latest(); ok {
				return &v
			}
			return nil
		},
		"keyIndicators": keyIndicators,
		"hasCharts":     hasCharts,
		"freePage":      freePage,
		"dataFiles":     func() []DataFile { return dataFiles },
		"licenseURL": func(license string) string {
			if config.Etalab(license) {
				return etalab
			}
			return ""
		},
		"footerPage": func(p *content.Page) bool { return slices.Contains(footerSlugs, p.Slug) },
		"qr": func(p string) (template.HTML, error) {
			svg, err := qr.SVG(r.abs(p), fmt.Sprintf(l.T("qrLabel"), r.abs(p)), "qr-code")
			return template.HTML(svg), err
		},
		"mix": func(c site.Counts) []Part { return mix(c, l) },
		"chartIndicator": func(ind *site.Indicator) (chart.Chart, error) {
			// An indicator's chart shows on its page and its action's:
			// made once per rendering. Every view of an indicator holds
			// its values and progress from the one linked indicator.
			if c, ok := r.charts.Load(ind.Indicator); ok {
				return c.(chart.Chart), nil
			}
			c, err := chart.Indicator("chart-"+ind.Slug, ind, l)
			if err == nil {
				r.charts.Store(ind.Indicator, c)
			}
			return c, err
		},
		"siteHeader":    r.siteHeader,
		"cachedPartial": r.cachedPartial,
		"keptPartial":   r.keptPartial,
		"siteFooter":    r.siteFooter,
		"groupLinks":    r.groupLinks,
		"actionRow":     r.actionRow,
		"slugs": func(names []string) string {
			var out []string
			for _, n := range names {
				if s := r.slug(n); s != "" && !slices.Contains(out, s) {
					out = append(out, s)
				}
			}
			return strings.Join(out, " ")
		},
		"statuses": func() []content.Status { return content.Statuses },
		"countsOf": func(c site.Counts, codes ...string) string { return countsOf(c, l, codes) },
		"statusIs": func(p *content.Status, s content.Status) bool { return p != nil && *p == s },
		"firstNews": func(s *site.Site, n int) []*site.News {
			return s.News[:min(n, len(s.News))]
		},
	}
}

// footerSlugs are the slugs of the free pages the footer names apart:
// the accessibility statement and the legal notice.
var footerSlugs = []string{"accessibilite", "accessibility", "mentions-legales", "legal-notice"}

// freePage is the first of pages whose slug is one of slugs, or nil.
func freePage(pages []*content.Page, slugs ...string) *content.Page {
	for _, p := range pages {
		if slices.Contains(slugs, p.Slug) {
			return p
		}
	}
	return nil
}

// hasCharts tells whether a page draws a chart: an indicator's page, or
// an action's, with values.
func hasCharts(p *Page) bool {
	if p.Indicator != nil {
		return len(p.Indicator.Values) > 0
	}
	if p.Action != nil {
		for _, ind := range p.Action.Indicators {
			if len(ind.Values) > 0 {
				return true
			}
		}
	}
	return false
}

// countsOf lists the statuses named by codes that count actions, in
// words: "1 à venir, 1 suspendue et 1 abandonnée".
func countsOf(c site.Counts, l *locale, codes []string) string {
	var out []string
	for _, code := range codes {
		for _, s := range content.Statuses {
			if s.Code() == code && c[s] > 0 {
				out = append(out, l.Plural(c[s], "fig."+code))
			}
		}
	}
	return l.List(out)
}

// Part is a status's share of a status mix.
type Part struct {
	Status content.Status
	Label  string
	Count  int
	Width  int // percent of the bar, the widths of a mix adding up to 100
}

// mixOrder is the order of the statuses in a mix: from done to abandoned.
var mixOrder = []content.Status{content.Done, content.InProgress, content.Planned, content.Suspended, content.Abandoned}

// mix is the statuses that count actions, with their share of the bar in
// whole percents: each share rounded down, then the percents left given
// to the largest remainders, so that the widths add up to 100.
func mix(c site.Counts, l *locale) []Part {
	total := c.Total()
	if total == 0 {
		return nil
	}
	var parts []Part
	var rest []int // remainders, by part
	left := 100
	for _, s := range mixOrder {
		if c[s] == 0 {
			continue
		}
		w := c[s] * 100 / total
		parts = append(parts, Part{Status: s, Label: l.Status(s), Count: c[s], Width: w})
		rest = append(rest, c[s]*100%total)
		left -= w
	}
	for ; left > 0; left-- {
		best := 0
		for i := range rest {
			if rest[i] > rest[best] {
				best = i
			}
		}
		parts[best].Width++
		rest[best] = -1
	}
	return parts
}

// keyIndicators are the indicators of the whole project, then those that
// measure progress, six at most.
func keyIndicators(s *site.Site) []*site.Indicator {
	var out []*site.Indicator
	for _, ind := range s.Indicators {
		if ind.Action == nil {
			out = append(out, ind)
		}
	}
	for _, ind := range s.Indicators {
		if ind.Action != nil && ind.Progress.Known {
			out = append(out, ind)
		}
	}
	return out[:min(len(out), 6)]
}
