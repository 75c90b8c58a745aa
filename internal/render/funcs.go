package render

import (
	"html/template"
	"math"

	"jalons/internal/chart"
	"jalons/internal/content"
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
		"measured": l.Measured,
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
