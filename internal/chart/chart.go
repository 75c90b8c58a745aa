// Package chart makes the progress charts of a site with go-echarts: the
// options of each chart as JSON data, and the sentence that says what the
// chart shows.
//
// A page never depends on its charts: each chart stands next to a table or
// a list that holds the same figures, and its sentence, written for people,
// is its accessible name. The options go into the page as
// <script type="application/json"> data, escaped by html/template; the
// theme's js/charts.js draws every chart with the site's own copy of
// ECharts, so no inline script is needed (script-src 'self' holds).
//
// Charts use the SVG renderer, tooltips in rich-text mode (no inline
// style), decal patterns so that series differ without colour, and colours
// with 3:1 contrast or more against a white background.
package chart

import (
	"fmt"
	"math"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"jalons/internal/content"
	"jalons/internal/site"
)

// Kind is a kind of chart.
type Kind string

// The kinds of chart.
const (
	Bar  Kind = "bar"
	Pie  Kind = "pie"
	Line Kind = "line"
)

// Chart is one chart of a page.
type Chart struct {
	ID          string         // id of its element in the page
	Kind        Kind           // the theme sizes charts by kind
	Description string         // what it shows, in a sentence of the site's language
	Options     map[string]any // ECharts options
}

// Locale is what charts need of the site's language.
type Locale interface {
	T(key string) string
	Lang() string
	Percent(ratio float64) string
	Quantity(f float64, unit string) string
	Date(d content.Date) string
	Status(s content.Status) string
	List(items []string) string
}

// Colours of series, each at 3:1 or more against white, in an order where
// neighbours differ in lightness.
var palette = []string{"#0b4f8a", "#b34700", "#2e6b30", "#6a3d7c", "#8b1e3f", "#5c5c00"}

// statusColours follow the badges of the default theme.
var statusColours = []string{"#6b6b6b", "#0b4f8a", "#2e6b30", "#a35200", "#8b1e3f"}

// finish validates a go-echarts chart, takes its options, and adds what
// go-echarts has no option for.
func finish(id string, kind Kind, description string, c interface {
	Validate()
	JSON() map[string]any
}) Chart {
	c.Validate()
	o := c.JSON()
	delete(o, "toolbox")
	delete(o, "title")
	o["animation"] = false
	o["color"] = palette
	o["aria"] = map[string]any{
		"enabled": true,
		"label":   map[string]any{"enabled": true, "description": description},
		"decal":   map[string]any{"show": true},
	}
	o["tooltip"] = map[string]any{"show": true, "renderMode": "richText", "confine": true,
		"trigger": map[Kind]string{Line: "axis", Bar: "axis"}[kind]}
	if o["tooltip"].(map[string]any)["trigger"] == "" {
		o["tooltip"].(map[string]any)["trigger"] = "item"
	}
	if kind == Bar || kind == Line {
		o["legend"] = map[string]any{"show": false}
	}
	o["textStyle"] = map[string]any{"fontFamily": "system-ui, sans-serif", "fontSize": 13, "color": "#1b1b1b"}
	return Chart{ID: id, Kind: kind, Description: description, Options: o}
}

func pct(r float64) float64 { return math.Round(r * 100) }

// Progress is a horizontal bar chart of the overall progress and each
// axis's, in percent.
func Progress(s *site.Site, loc Locale) Chart {
	var names []string
	var data []opts.BarData
	var parts []string
	add := func(name string, p site.Progress, colour string) {
		names = append(names, name)
		v := any(nil)
		if p.Known {
			v = pct(p.Ratio)
			parts = append(parts, fmt.Sprintf("%s %s", name, loc.Percent(p.Ratio)))
		} else {
			parts = append(parts, fmt.Sprintf("%s %s", name, loc.T("noProgress")))
		}
		data = append(data, opts.BarData{Name: name, Value: v, ItemStyle: &opts.ItemStyle{Color: colour}})
	}
	add(loc.T("overall"), s.Progress, palette[0])
	for _, a := range s.Axes {
		add(a.Title, a.Progress, a.Color)
	}
	return finish("chart-progress", Bar, loc.T("progress")+loc.T("colon")+" "+strings.Join(parts, ", ")+".", percentBars(names, data, loc))
}

// percentBars is a horizontal bar chart of percentages, one bar a name.
func percentBars(names []string, data []opts.BarData, loc Locale) *charts.Bar {
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{Width: 180, Overflow: "truncate"}}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Max: 100, AxisLabel: &opts.AxisLabel{Formatter: "{value} %"}}),
		charts.WithGridOpts(opts.Grid{Left: "2%", Right: "4%", ContainLabel: opts.Bool(true)}),
	)
	bar.SetXAxis(names).AddSeries(loc.T("progress"), data)
	bar.XYReversal()
	return bar
}

// Statuses is a donut of an axis's (or the site's) actions by status.
func Statuses(id string, c site.Counts, loc Locale) Chart {
	var data []opts.PieData
	var parts []string
	for _, s := range content.Statuses {
		if c[s] == 0 {
			continue
		}
		data = append(data, opts.PieData{Name: loc.Status(s), Value: c[s], ItemStyle: &opts.ItemStyle{Color: statusColours[s]}})
		parts = append(parts, fmt.Sprintf("%s %d", loc.Status(s), c[s]))
	}
	pie := charts.NewPie()
	pie.SetGlobalOptions(charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0"}))
	pie.AddSeries(loc.T("statusBreakdown"), data, charts.WithPieChartOpts(opts.PieChart{Radius: []string{"40%", "70%"}}),
		charts.WithItemStyleOpts(opts.ItemStyle{BorderColor: "#ffffff", BorderWidth: 2}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Formatter: "{b}" + loc.T("colon") + " {c}"}))
	desc := loc.T("statusBreakdown") + loc.T("colon") + " " + strings.Join(parts, ", ") + "."
	if len(parts) == 0 {
		desc = loc.T("statusBreakdown") + loc.T("colon") + " " + loc.T("noActions")
	}
	return finish(id, Pie, desc, pie)
}

// Actions is a bar chart of the progress of an axis's actions.
func Actions(a *site.Axis, loc Locale) Chart {
	var names, parts []string
	var data []opts.BarData
	for _, ac := range a.Actions {
		names = append(names, ac.Title)
		v := any(nil)
		if ac.Progress.Known && ac.Status != content.Abandoned {
			v = pct(ac.Progress.Ratio)
		}
		if ac.Progress.Known {
			parts = append(parts, ac.Title+" "+loc.Percent(ac.Progress.Ratio))
		} else {
			parts = append(parts, ac.Title+" "+loc.T("noProgress"))
		}
		data = append(data, opts.BarData{Name: ac.Title, Value: v, ItemStyle: &opts.ItemStyle{Color: statusColours[ac.Status]}})
	}
	desc := fmt.Sprintf(loc.T("chart.actions"), a.Title) + " " + strings.Join(parts, ", ") + "."
	return finish("chart-actions", Bar, desc, percentBars(names, data, loc))
}

// Indicator is a line chart of an indicator's values over time, with its
// target and baseline as horizontal lines.
func Indicator(id string, ind *site.Indicator, loc Locale) Chart {
	var dates []string
	var data []opts.LineData
	for _, v := range ind.Values {
		dates = append(dates, loc.Date(v.Date))
		data = append(data, opts.LineData{Name: loc.Date(v.Date), Value: v.Value})
	}
	var marks []any
	if ind.Target != nil {
		marks = append(marks, opts.MarkLineNameYAxisItem{Name: loc.T("target"), YAxis: *ind.Target})
	}
	if ind.Baseline != 0 || ind.Target != nil {
		marks = append(marks, opts.MarkLineNameYAxisItem{Name: loc.T("baseline"), YAxis: ind.Baseline})
	}
	line := charts.NewLine()
	line.SetGlobalOptions(
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Scale: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "2%", Right: "4%", Top: "12%", ContainLabel: opts.Bool(true)}),
	)
	series := []charts.SeriesOpts{
		charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 8}),
		charts.WithLineStyleOpts(opts.LineStyle{Color: palette[0], Width: 3}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: palette[0]}),
	}
	if len(marks) > 0 {
		series = append(series, charts.WithMarkLineNameYAxisItemOpts(toYAxisItems(marks)...),
			charts.WithMarkLineStyleOpts(opts.MarkLineStyle{Symbol: []string{"none", "none"},
				LineStyle: &opts.LineStyle{Color: palette[1], Type: "dashed", Width: 2},
				Label:     &opts.Label{Show: opts.Bool(true), Position: "insideEndTop", Formatter: "{b}"}}))
	}
	line.SetXAxis(dates).AddSeries(ind.Title, data, series...)
	return finish(id, Line, IndicatorSentence(ind, loc), line)
}

func toYAxisItems(marks []any) []opts.MarkLineNameYAxisItem {
	out := make([]opts.MarkLineNameYAxisItem, len(marks))
	for i, m := range marks {
		out[i] = m.(opts.MarkLineNameYAxisItem)
	}
	return out
}

// IndicatorSentence says an indicator's latest value against its target:
// "Familles aidées : 190 familles au 31 décembre 2012, sur un objectif de
// 200 familles, soit 95 %."
func IndicatorSentence(ind *site.Indicator, loc Locale) string {
	latest, ok := ind.Latest()
	if !ok {
		return ind.Title + loc.T("colon") + " " + loc.T("noValues")
	}
	s := fmt.Sprintf(loc.T("chart.latest"), ind.Title, loc.Quantity(latest.Value, ind.Unit), loc.Date(latest.Date))
	if ind.Target != nil {
		s += fmt.Sprintf(loc.T("chart.target"), loc.Quantity(*ind.Target, ind.Unit))
		if ind.Progress.Known {
			s += fmt.Sprintf(loc.T("chart.share"), loc.Percent(ind.Progress.Ratio))
		}
	}
	return s + "."
}
