// Package chart makes the time-series charts of indicators with go-echarts: the
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
	"encoding/json"
	"fmt"
	"html/template"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"jalons/internal/content"
	"jalons/internal/site"
)

// Kind is a kind of chart.
type Kind string

// The kinds of chart.
const (
	Line Kind = "line"
)

// Chart is one chart of a page.
type Chart struct {
	ID          string // id of its element in the page
	Kind        Kind   // the theme sizes charts by kind
	Description string // what it shows, in a sentence of the site's language
	// Options are the ECharts options as JSON, made once however many
	// pages show the chart. They go into a <script type="application/json">
	// as they are: json.Marshal escapes <, >, &, U+2028 and U+2029, which
	// is what html/template would do to them.
	Options template.JS
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
	FewerThan(limit float64) string
}

// Colours of series, each at 3:1 or more against white, in an order where
// neighbours differ in lightness.
var palette = []string{"#0b4f8a", "#b34700", "#2e6b30", "#6a3d7c", "#8b1e3f", "#5c5c00"}

// finish validates a go-echarts chart, takes its options, and adds what
// go-echarts has no option for.
func finish(id string, kind Kind, description string, c interface {
	Validate()
	JSON() map[string]any
}) (Chart, error) {
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
		"trigger": "axis"}
	o["legend"] = map[string]any{"show": false}
	o["textStyle"] = map[string]any{"fontFamily": "system-ui, sans-serif", "fontSize": 13, "color": "#1b1b1b"}
	b, err := json.Marshal(o)
	if err != nil {
		return Chart{}, fmt.Errorf("chart %s: %w", id, err)
	}
	return Chart{ID: id, Kind: kind, Description: description, Options: template.JS(b)}, nil
}

// Indicator is a line chart of an indicator's values over time, with its
// target and baseline as horizontal lines.
func Indicator(id string, ind *site.Indicator, loc Locale) (Chart, error) {
	var dates []string
	var data []opts.LineData
	for _, v := range ind.Values {
		dates = append(dates, loc.Date(v.Date))
		if v.Masked { // small numbers are never published: a gap in the line
			data = append(data, opts.LineData{Name: loc.Date(v.Date), Value: nil})
			continue
		}
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
	value := loc.Quantity(latest.Value, ind.Unit)
	if latest.Masked && ind.MaskBelow != nil {
		value = loc.FewerThan(*ind.MaskBelow)
	}
	s := fmt.Sprintf(loc.T("chart.latest"), ind.Title, value, loc.Date(latest.Date))
	if ind.Target != nil {
		s += fmt.Sprintf(loc.T("chart.target"), loc.Quantity(*ind.Target, ind.Unit))
		if ind.Progress.Known {
			s += fmt.Sprintf(loc.T("chart.share"), loc.Percent(ind.Progress.Ratio))
		}
	}
	return s + "."
}
