package render

import (
	"html/template"
	"math"
	"slices"
	"strings"

	"jalons/internal/chart"
	"jalons/internal/content"
	"jalons/internal/site"
)

// Bar is what the "progress" partial receives.
type Bar struct {
	ID       string
	Label    string
	Progress site.Progress
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
		"plural":   l.Plural,
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
		"statusRows": func(c site.Counts) []Row {
			var rows []Row
			for _, s := range content.Statuses {
				rows = append(rows, Row{Status: s, Label: l.Status(s), Count: c[s]})
			}
			return rows
		},
		"latest": func(ind *site.Indicator) *content.Value {
			if v, ok := ind.Latest(); ok {
				return &v
			}
			return nil
		},
		"keyIndicators": keyIndicators,
		"hasCharts": func(kind Kind) bool {
			switch kind {
			case "home", "axis", "action", "indicator", "governance":
				return true
			}
			return false
		},
		"chartProgress": func(s *site.Site) chart.Chart { return chart.Progress(s, l) },
		"chartStatuses": func(id string, c site.Counts) chart.Chart { return chart.Statuses(id, c, l) },
		"chartActions":  func(a *site.Axis) chart.Chart { return chart.Actions(a, l) },
		"chartIndicator": func(ind *site.Indicator) chart.Chart {
			return chart.Indicator("chart-"+ind.Slug, ind, l)
		},
		"chartGovernance": func(g *site.Governance) chart.Chart { return chart.Governance(g, l) },
		"groupLinks":      r.groupLinks,
		"actionRow":       r.actionRow,
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
		"measured": l.Measured,
		"statusIs": func(p *content.Status, s content.Status) bool { return p != nil && *p == s },
		"firstNews": func(s *site.Site, n int) []*site.News {
			return s.News[:min(n, len(s.News))]
		},
	}
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
