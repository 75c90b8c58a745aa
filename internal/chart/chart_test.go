package chart

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"jalons/internal/content"
	"jalons/internal/site"
)

// words is a Locale for tests: plain formats, keys as themselves.
type words struct{}

func (words) T(key string) string {
	switch key {
	case "chart.latest":
		return "%s: %s on %s"
	case "chart.target":
		return ", target %s"
	case "chart.share":
		return ", %s"
	case "colon":
		return ":"
	}
	return key
}
func (words) Lang() string                        { return "en" }
func (words) Percent(r float64) string            { return fmt.Sprintf("%.0f%%", r*100) }
func (words) Quantity(f float64, u string) string { return fmt.Sprintf("%g %s", f, u) }
func (words) Date(d content.Date) string          { return d.String() }
func (words) Status(s content.Status) string      { return s.Code() }
func (words) List(items []string) string          { return strings.Join(items, " and ") }
func (words) FewerThan(limit float64) string      { return fmt.Sprintf("fewer than %g", limit) }

func f(v float64) *float64 { return &v }

// roundTrip gives the options as the browser will read them.
func roundTrip(t *testing.T, c Chart) map[string]any {
	t.Helper()
	var o map[string]any
	if err := json.Unmarshal([]byte(c.Options), &o); err != nil {
		t.Fatal(err)
	}
	return o
}

func series(o map[string]any) map[string]any { return o["series"].([]any)[0].(map[string]any) }

func TestIndicator(t *testing.T) {
	ind := &site.Indicator{Indicator: &content.Indicator{Title: "Families", Unit: "families", Target: f(200), Baseline: 10},
		Values: []site.Value{
			{Date: content.Date{Year: 2010, Month: 12, Day: 31}, Value: 60},
			{Date: content.Date{Year: 2012, Month: 12, Day: 31}, Value: 190},
		},
		Progress: site.Progress{Ratio: 180.0 / 190, Known: true}}
	c, err := Indicator("chart-families", ind, words{})
	if err != nil {
		t.Fatal(err)
	}
	if c.ID != "chart-families" || c.Kind != "line" {
		t.Errorf("id %q kind %q", c.ID, c.Kind)
	}
	want := "Families: 190 families on 2012-12-31, target 200 families, 95%."
	if c.Description != want {
		t.Errorf("Description = %q; want %q", c.Description, want)
	}
	o := roundTrip(t, c)
	x := o["xAxis"].([]any)[0].(map[string]any)["data"].([]any)
	if len(x) != 2 || x[0] != "2010-12-31" || x[1] != "2012-12-31" {
		t.Errorf("x axis = %v; want the dates in order", x)
	}
	s := series(o)
	data := s["data"].([]any)
	if data[0].(map[string]any)["value"] != 60.0 || data[1].(map[string]any)["value"] != 190.0 {
		t.Errorf("series data = %v", data)
	}
	marks := s["markLine"].(map[string]any)["data"].([]any)
	if len(marks) != 2 || marks[0].(map[string]any)["yAxis"] != 200.0 || marks[1].(map[string]any)["yAxis"] != 10.0 {
		t.Errorf("mark lines = %v; want target 200 then baseline 10", marks)
	}
	aria := o["aria"].(map[string]any)
	if aria["label"].(map[string]any)["description"] != want || aria["decal"].(map[string]any)["show"] != true {
		t.Errorf("aria = %v", aria)
	}
	if o["tooltip"].(map[string]any)["renderMode"] != "richText" {
		t.Errorf("tooltip = %v; want richText", o["tooltip"])
	}
	if _, ok := o["toolbox"]; ok {
		t.Error("options keep a toolbox")
	}
}

func TestIndicatorSentences(t *testing.T) {
	d := content.Date{Year: 2012, Month: 12, Day: 31}
	tests := []struct {
		ind  site.Indicator
		want string
	}{
		{site.Indicator{Indicator: &content.Indicator{Title: "People", Unit: "people"}, Values: []site.Value{{Date: d, Value: 500}}}, "People: 500 people on 2012-12-31."},
		{site.Indicator{Indicator: &content.Indicator{Title: "Empty", Target: f(3)}}, "Empty: noValues"},
	}
	for _, tt := range tests {
		if got := IndicatorSentence(&tt.ind, words{}); got != tt.want {
			t.Errorf("IndicatorSentence = %q; want %q", got, tt.want)
		}
	}
}

// TestIndicatorMasked checks that a masked value is a gap in the line and
// "fewer than 5" in the sentence: its number is nowhere in the options.
func TestIndicatorMasked(t *testing.T) {
	ind := &site.Indicator{Indicator: &content.Indicator{Title: "Children", Unit: "children", MaskBelow: f(5)},
		Values: []site.Value{
			{Date: content.Date{Year: 2010, Month: 12, Day: 31}, Value: 12},
			{Date: content.Date{Year: 2012, Month: 12, Day: 31}, Masked: true},
		}}
	c, err := Indicator("chart-children", ind, words{})
	if err != nil {
		t.Fatal(err)
	}
	want := "Children: fewer than 5 on 2012-12-31."
	if c.Description != want {
		t.Errorf("Description = %q; want %q", c.Description, want)
	}
	data := series(roundTrip(t, c))["data"].([]any)
	if len(data) != 2 {
		t.Fatalf("data = %v; want two points", data)
	}
	if v := data[1].(map[string]any)["value"]; v != nil {
		t.Errorf("masked point value = %v; want none", v)
	}
}

// TestOptionsAreSafeInScript: the options go into a page as they are, so
// a title that would close the script, or a line separator that ends a
// JavaScript string, comes out escaped.
func TestOptionsAreSafeInScript(t *testing.T) {
	ind := &site.Indicator{Indicator: &content.Indicator{Title: "</script><script>alert(1)</script>\u2028&\u2029", Unit: "x"},
		Values: []site.Value{{Date: content.Date{Year: 2010, Month: 12, Day: 31}, Value: 6}}}
	c, err := Indicator("chart-x", ind, words{})
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<", ">", "&", "\u2028", "\u2029"} {
		if strings.Contains(string(c.Options), bad) {
			t.Errorf("options hold %q unescaped: %s", bad, c.Options)
		}
	}
	if o := roundTrip(t, c); series(o)["name"] != ind.Title {
		t.Errorf("series name = %q; want the title as it is", series(o)["name"])
	}
}

// BenchmarkIndicator makes the chart of an indicator of five values, with
// a target: a site makes one per indicator.
func BenchmarkIndicator(b *testing.B) {
	ind := &site.Indicator{Indicator: &content.Indicator{Title: "Familles aidées", Unit: "familles", Target: f(200), Baseline: 10},
		Progress: site.Progress{Ratio: 0.9, Known: true}}
	for y := 2020; y < 2025; y++ {
		ind.Values = append(ind.Values, site.Value{Date: content.Date{Year: y, Month: 12, Day: 31}, Value: float64(y-2000) * 8})
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Indicator("chart-familles", ind, words{}); err != nil {
			b.Fatal(err)
		}
	}
}
