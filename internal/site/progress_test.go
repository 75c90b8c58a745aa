package site

import (
	"math"
	"testing"

	"jalons/internal/content"
	"jalons/internal/sitetest"
)

func f(v float64) *float64 { return &v }

func TestIndicatorProgress(t *testing.T) {
	vals := func(vs ...float64) []Value {
		var out []Value
		for i, v := range vs {
			out = append(out, Value{Date: content.Date{Year: 2010 + i, Month: 1, Day: 1}, Value: v})
		}
		return out
	}
	ind := func(in content.Indicator, values []Value) Indicator {
		return Indicator{Indicator: &in, Values: values}
	}
	tests := []struct {
		name string
		ind  Indicator
		want Progress
	}{
		{"increase", ind(content.Indicator{Baseline: 0, Target: f(200)}, vals(60, 190)), Progress{0.95, true}},
		{"decrease", ind(content.Indicator{Baseline: 120, Target: f(60), Direction: content.Decrease}, vals(100, 90)), Progress{0.5, true}},
		{"beyond target clamps to 1", ind(content.Indicator{Target: f(10)}, vals(14)), Progress{1, true}},
		{"below baseline clamps to 0", ind(content.Indicator{Baseline: 50, Target: f(100)}, vals(40)), Progress{0, true}},
		{"no target", ind(content.Indicator{}, vals(500)), Progress{}},
		{"target equals baseline", ind(content.Indicator{Baseline: 5, Target: f(5)}, vals(5)), Progress{}},
		{"no value", ind(content.Indicator{Target: f(10)}, nil), Progress{}},
		{"latest value masked", ind(content.Indicator{Target: f(10)}, append(vals(6), Value{Date: content.Date{Year: 2012, Month: 1, Day: 1}, Masked: true})), Progress{}},
	}
	for _, tt := range tests {
		if got := indicatorProgress(&tt.ind); got != tt.want {
			t.Errorf("%s: indicatorProgress = %+v; want %+v", tt.name, got, tt.want)
		}
	}
}

func TestActionProgress(t *testing.T) {
	half := &Indicator{Progress: Progress{0.5, true}}
	full := &Indicator{Progress: Progress{1, true}}
	none := &Indicator{}
	tests := []struct {
		name string
		a    Action
		want Progress
	}{
		{"manual wins over everything", Action{Action: &content.Action{Manual: f(40), Status: content.Done}, Indicators: []*Indicator{full}}, Progress{0.4, true}},
		{"done is 100 %", Action{Action: &content.Action{Status: content.Done}, Indicators: []*Indicator{half}}, Progress{1, true}},
		{"planned is 0 %", Action{Action: &content.Action{Status: content.Planned}, Indicators: []*Indicator{half}}, Progress{0, true}},
		{"mean of measured indicators", Action{Action: &content.Action{Status: content.InProgress}, Indicators: []*Indicator{half, full, none}}, Progress{0.75, true}},
		{"no measure", Action{Action: &content.Action{Status: content.Suspended}, Indicators: []*Indicator{none}}, Progress{}},
		{"abandoned without measure", Action{Action: &content.Action{Status: content.Abandoned}}, Progress{}},
	}
	for _, tt := range tests {
		if got := actionProgress(&tt.a); got != tt.want {
			t.Errorf("%s: actionProgress = %+v; want %+v", tt.name, got, tt.want)
		}
	}
}

func TestMean(t *testing.T) {
	act := func(s content.Status, p float64, w *float64) *Action {
		return &Action{Action: &content.Action{Status: s, Weight: w}, Progress: Progress{p, true}}
	}
	unmeasured := &Action{Action: &content.Action{Status: content.InProgress}}
	tests := []struct {
		name    string
		actions []*Action
		want    Progress
	}{
		// (1×0.2 + 3×0.6) / 4 = 0.5
		{"weighted", []*Action{act(content.InProgress, 0.2, nil), act(content.InProgress, 0.6, f(3))}, Progress{0.5, true}},
		// the abandoned action at 100 % and the unmeasured one do not count
		{"abandoned and unmeasured excluded", []*Action{act(content.InProgress, 0.3, nil), act(content.Abandoned, 1, nil), unmeasured}, Progress{0.3, true}},
		// (1 + 0 + 0.5) / 3 = 0.5
		{"done, planned, in progress", []*Action{act(content.Done, 1, nil), act(content.Planned, 0, nil), act(content.InProgress, 0.5, nil)}, Progress{0.5, true}},
		{"nothing counted", []*Action{unmeasured}, Progress{}},
	}
	for _, tt := range tests {
		got := mean(tt.actions)
		if got.Known != tt.want.Known || math.Abs(got.Ratio-tt.want.Ratio) > 1e-12 {
			t.Errorf("%s: mean = %+v; want %+v", tt.name, got, tt.want)
		}
	}
}

// TestSiteProgress computes a small site by hand: axis A has a done action
// (weight 2), a planned one and an abandoned one; axis B one action measured
// by an indicator at 190/200.
func TestSiteProgress(t *testing.T) {
	s, errs := loadFS(t, sitetest.FS(`
-- config.toml --
title = "T"
-- content/axes/a.md --
+++
title = "A"
+++
-- content/axes/b.md --
+++
title = "B"
+++
-- content/actions/a1.md --
+++
title = "A1"
axis = "a"
status = "realisee"
weight = 2
+++
-- content/actions/a2.md --
+++
title = "A2"
axis = "a"
status = "a-venir"
+++
-- content/actions/a3.md --
+++
title = "A3"
axis = "a"
status = "abandoned"
progress = 100
+++
-- content/actions/b1.md --
+++
title = "B1"
axis = "b"
status = "en-cours"
+++
-- content/indicators/i.toml --
title = "I"
action = "b1"
target = 200
[[values]]
date = 2012-12-31
value = 190
`), false)
	if errs != "" {
		t.Fatal(errs)
	}
	// A: (2×1 + 1×0) / 3; B: 0.95; overall: (2×1 + 0 + 0.95) / 4
	want := map[string]float64{"a": 2.0 / 3, "b": 0.95}
	for _, ax := range s.Axes {
		if math.Abs(ax.Progress.Ratio-want[ax.Slug]) > 1e-12 {
			t.Errorf("axis %s progress = %v; want %v", ax.Slug, ax.Progress.Ratio, want[ax.Slug])
		}
	}
	if got := s.Progress.Ratio; math.Abs(got-2.95/4) > 1e-12 {
		t.Errorf("overall progress = %v; want %v", got, 2.95/4)
	}
	if s.Counts != (Counts{1, 1, 1, 0, 1}) || s.Axes[0].Counts != (Counts{1, 0, 1, 0, 1}) {
		t.Errorf("counts: site %v, axis a %v", s.Counts, s.Axes[0].Counts)
	}
}
