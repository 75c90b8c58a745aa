package render

import (
	"html/template"
	"math"
	"strconv"
	"strings"

	"jalons/internal/chart"
	"jalons/internal/content"
)

// Bar is what the "progress" partial receives.
type Bar struct {
	ID       string
	Label    string
	Progress content.Progress
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
		"bar": func(id, label string, p content.Progress) Bar {
			return Bar{ID: id, Label: label, Progress: p}
		},
		"statusRows": func(c content.Counts) []Row {
			var rows []Row
			for _, s := range content.Statuses {
				rows = append(rows, Row{Status: s, Label: l.Status(s), Count: c[s]})
			}
			return rows
		},
		"latest": func(ind *content.Indicator) *content.Value {
			if v, ok := ind.Latest(); ok {
				return &v
			}
			return nil
		},
		"reversed": func(vs []content.Value) []content.Value {
			out := make([]content.Value, len(vs))
			for i, v := range vs {
				out[len(vs)-1-i] = v
			}
			return out
		},
		"roots": func(g *content.Governance) []*content.Body {
			var out []*content.Body
			for i := range g.Bodies {
				if g.Bodies[i].Parent == "" || !hasBody(g, g.Bodies[i].Parent) {
					out = append(out, &g.Bodies[i])
				}
			}
			return out
		},
		"bodyName": func(g *content.Governance, id string) string {
			for _, b := range g.Bodies {
				if b.ID == id {
					return b.Name
				}
			}
			return id
		},
		"colleges": func(b *content.Body) []College {
			var out []College
			index := map[string]int{}
			for _, m := range b.Members {
				i, ok := index[m.College]
				if !ok {
					i = len(out)
					index[m.College] = i
					out = append(out, College{Name: m.College})
				}
				out[i].Members = append(out[i].Members, m)
			}
			return out
		},
		"keyIndicators": keyIndicators,
		"hasCharts": func(kind string) bool {
			switch kind {
			case "home", "axis", "action", "indicator", "governance":
				return true
			}
			return false
		},
		"chartProgress": func() chart.Chart { return chart.Progress(r.site, l) },
		"chartStatuses": func(id string, c content.Counts) chart.Chart { return chart.Statuses(id, c, l) },
		"chartActions":  func(a *content.Axis) chart.Chart { return chart.Actions(a, l) },
		"chartIndicator": func(ind *content.Indicator) chart.Chart {
			return chart.Indicator("chart-"+ind.Slug, ind, l)
		},
		"chartGovernance": func(g *content.Governance) chart.Chart { return chart.Governance(g, l) },
		"firstNews": func(s *content.Site, n int) []*content.News {
			return s.News[:min(n, len(s.News))]
		},
		"itoa": strconv.Itoa,
		"join": strings.Join,
		"add":  func(a, b int) int { return a + b },
	}
}

// College is a group of members of a body.
type College struct {
	Name    string
	Members []content.Member
}

func hasBody(g *content.Governance, id string) bool {
	for _, b := range g.Bodies {
		if b.ID == id {
			return true
		}
	}
	return false
}

// keyIndicators are the indicators of the whole project, then those that
// measure progress, six at most.
func keyIndicators(s *content.Site) []*content.Indicator {
	var out []*content.Indicator
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
