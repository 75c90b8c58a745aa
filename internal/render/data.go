package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"jalons/internal/content"
	"jalons/internal/site"
)

// data returns the jobs that make the open data files: data/actions.csv, data/indicators.csv,
// data/values.csv, data/milestones.csv (UTF-8, comma-separated, a header
// row), data/site.json and data/datapackage.json, a Frictionless Data
// Package that describes the CSV files with a Table Schema each (see
// dataFiles). A masked value (below its indicator's maskBelow) is never
// written: its cell is empty and its masked cell true. The open data page,
// data/index.html, is a page of kind "data". The jobs also make the
// search index (see searchIndex).
// Numbers use a dot for decimals; progress is a percentage with up to two
// decimals; dates are ISO (2017-04-29). site.json is compact: one line.
// A text cell of the CSV files that a spreadsheet would take for a formula
// starts with a single quote (see cell); site.json keeps texts as written.
func (r *renderer) data() []func() error {
	type file struct {
		name string
		key  uint64 // what it shows: the whole site, or the settings only
		make func() ([]byte, error)
	}
	// The files of the search index are made together, once, by the job
	// of the first.
	search := sync.OnceValues(r.searchIndex)
	var index []file
	for _, name := range append([]string{"data/search.json"}, searchPartNames()...) {
		index = append(index, file{name, r.whole, func() ([]byte, error) {
			files, err := search()
			return files[name], err
		}})
	}
	groups := [][]file{
		{{"data/actions.csv", r.whole, func() ([]byte, error) { return csvFile(r.actionRows()) }}},
		{{"data/indicators.csv", r.whole, func() ([]byte, error) { return csvFile(r.indicatorRows()) }}},
		{{"data/values.csv", r.whole, func() ([]byte, error) { return csvFile(r.valueRows()) }}},
		{{"data/milestones.csv", r.whole, func() ([]byte, error) { return csvFile(r.milestoneRows()) }}},
		{{"data/site.json", r.whole, func() ([]byte, error) {
			// Encode ends it with a newline, where Marshal and append
			// would copy megabytes twice.
			var buf bytes.Buffer
			err := json.NewEncoder(&buf).Encode(r.siteJSON())
			return buf.Bytes(), err
		}}},
		{{"data/datapackage.json", r.global, func() ([]byte, error) {
			b, err := json.MarshalIndent(r.dataPackage(), "", "  ")
			return append(b, '\n'), err
		}}},
		index,
	}
	made := func(f file) ([]byte, error) {
		b, err := r.cached(f.name, func() uint64 { return f.key }, f.make)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.name, err)
		}
		return b, nil
	}
	var jobs []func() error
	for _, g := range groups {
		if r.later != nil {
			for _, f := range g {
				r.later(f.name, func() ([]byte, error) { return made(f) })
			}
			continue
		}
		jobs = append(jobs, func() error {
			for _, f := range g {
				b, err := made(f)
				if err != nil {
					return err
				}
				if err := r.add(f.name, b); err != nil {
					return err
				}
			}
			return nil
		})
	}
	return jobs
}

func csvFile(rows [][]string) ([]byte, error) {
	// Made at about its size, which a file of every action reaches in
	// megabytes: grown by doubling, it would be made and cleared a dozen
	// times.
	size := 0
	for _, row := range rows {
		for _, f := range row {
			size += len(f) + 3 // a comma, and quotes it may need
		}
	}
	buf := bytes.NewBuffer(make([]byte, 0, size))
	w := csv.NewWriter(buf)
	w.WriteAll(rows)
	return buf.Bytes(), w.Error()
}

func (r *renderer) actionRows() [][]string {
	rows := [][]string{header(actionColumns)}
	for _, a := range r.site.Actions {
		rows = append(rows, []string{a.Slug, cell(a.Title), a.Axis.Slug, a.Status.Code(), isoDate(a.Start), isoDate(a.End),
			cell(a.Lead), cell(strings.Join(a.Partners, "; ")), cell(strings.Join(a.Audience, "; ")), cell(strings.Join(a.Territories, "; ")),
			optNum(a.Budget), optNum(a.Spent), pct(a.Progress), optNum(a.Weight), r.abs(r.pathOf(a)), strconv.FormatBool(a.Late)})
	}
	return rows
}

func (r *renderer) indicatorRows() [][]string {
	rows := [][]string{header(indicatorColumns)}
	for _, ind := range r.site.Indicators {
		latest, _ := ind.Latest()
		var latestValue string
		if len(ind.Values) > 0 && !latest.Masked {
			latestValue = num(latest.Value)
		}
		rows = append(rows, []string{ind.Slug, cell(ind.Title), ind.ActionSlug, cell(ind.Unit), num(ind.Baseline),
			optNum(ind.Target), string(ind.Direction), isoDate(latest.Date), latestValue, pct(ind.Progress), cell(ind.Source),
			r.abs(r.pathOf(ind)), strconv.FormatBool(latest.Masked)})
	}
	return rows
}

func (r *renderer) valueRows() [][]string {
	rows := [][]string{header(valueColumns)}
	for _, ind := range r.site.Indicators {
		for _, v := range ind.Values {
			value := num(v.Value)
			if v.Masked {
				value = ""
			}
			rows = append(rows, []string{ind.Slug, isoDate(v.Date), value, cell(ind.Unit), cell(v.Note), strconv.FormatBool(v.Masked)})
		}
	}
	return rows
}

func (r *renderer) milestoneRows() [][]string {
	rows := [][]string{header(milestoneColumns)}
	for _, a := range r.site.Actions {
		for _, m := range a.Milestones {
			rows = append(rows, []string{a.Slug, isoDate(m.Date), cell(m.Title), strconv.FormatBool(m.Done),
				strconv.FormatBool(m.State == site.Late)})
		}
	}
	return rows
}

// cell keeps a text of the CSV files from being read as a formula by a
// spreadsheet (OWASP's advice on CSV injection): a text that starts with
// =, +, -, @, a tab or a carriage return gets a leading single quote. Only
// text columns go through it: numbers, such as -12.5, stay numbers. Slugs,
// codes, dates and addresses cannot start so.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func isoDate(d content.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func optNum(f *float64) string {
	if f == nil {
		return ""
	}
	return num(*f)
}

// pct is a progress as a percentage with at most two decimals, or "".
func pct(p site.Progress) string {
	if !p.Known {
		return ""
	}
	return strconv.FormatFloat(p.Ratio*100, 'f', 2, 64)
}

type jsonProgress *float64

func progressJSON(p site.Progress) jsonProgress {
	if !p.Known {
		return nil
	}
	v, _ := strconv.ParseFloat(pct(p), 64)
	return &v
}

type jsonValue struct {
	Date   string   `json:"date"`
	Value  *float64 `json:"value"` // null when masked
	Note   string   `json:"note,omitempty"`
	Masked bool     `json:"masked,omitempty"`
}

type jsonIndicator struct {
	Slug      string       `json:"slug"`
	Title     string       `json:"title"`
	Action    string       `json:"action,omitempty"`
	Unit      string       `json:"unit,omitempty"`
	Baseline  float64      `json:"baseline"`
	Target    *float64     `json:"target"`
	Direction string       `json:"direction"`
	Progress  jsonProgress `json:"progress"`
	Source    string       `json:"source,omitempty"`
	URL       string       `json:"url"`
	Values    []jsonValue  `json:"values"`
}

type jsonAction struct {
	Slug        string       `json:"slug"`
	Title       string       `json:"title"`
	Axis        string       `json:"axis"`
	Status      string       `json:"status"`
	Late        bool         `json:"late"`
	Start       string       `json:"start,omitempty"`
	End         string       `json:"end,omitempty"`
	Lead        string       `json:"lead,omitempty"`
	Partners    []string     `json:"partners"`
	Audience    []string     `json:"audience"`
	Territories []string     `json:"territories"`
	Budget      *float64     `json:"budget"`
	Spent       *float64     `json:"spent"`
	Progress    jsonProgress `json:"progress"`
	Indicators  []string     `json:"indicators"`
	URL         string       `json:"url"`
}

type jsonAxis struct {
	Slug     string         `json:"slug"`
	Title    string         `json:"title"`
	Progress jsonProgress   `json:"progress"`
	Measured int            `json:"measured"` // actions counted in progress
	Late     int            `json:"late"`
	Statuses map[string]int `json:"statuses"`
	Actions  []string       `json:"actions"`
	URL      string         `json:"url"`
}

type jsonNews struct {
	Slug  string `json:"slug"`
	Title string `json:"title"`
	Date  string `json:"date"`
	URL   string `json:"url"`
}

type jsonPeriod struct {
	Start int `json:"start,omitempty"`
	End   int `json:"end,omitempty"`
}

type jsonSite struct {
	Title      string          `json:"title"`
	Territory  string          `json:"territory,omitempty"`
	URL        string          `json:"url"`
	Language   string          `json:"language"`
	Period     *jsonPeriod     `json:"period,omitempty"`
	Progress   jsonProgress    `json:"progress"`
	Measured   int             `json:"measured"` // actions counted in progress
	Late       int             `json:"late"`
	Statuses   map[string]int  `json:"statuses"`
	Axes       []jsonAxis      `json:"axes"`
	Actions    []jsonAction    `json:"actions"`
	Indicators []jsonIndicator `json:"indicators"`
	News       []jsonNews      `json:"news"`
}

func statusMap(c site.Counts) map[string]int {
	m := map[string]int{}
	for _, s := range content.Statuses {
		m[s.Code()] = c[s]
	}
	return m
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (r *renderer) siteJSON() jsonSite {
	s := r.site
	out := jsonSite{Title: s.Config.Title, Territory: s.Config.Territory, URL: s.Config.BaseURL,
		Language: string(s.Config.Language), Progress: progressJSON(s.Progress), Measured: s.Measured, Late: s.Late, Statuses: statusMap(s.Counts),
		Axes: []jsonAxis{}, Actions: []jsonAction{}, Indicators: []jsonIndicator{}, News: []jsonNews{}}
	if p := s.Config.Period; p != nil {
		out.Period = &jsonPeriod{Start: p.Start, End: p.End}
	}
	for _, a := range s.Axes {
		ja := jsonAxis{Slug: a.Slug, Title: a.Title, Progress: progressJSON(a.Progress), Measured: a.Measured, Late: a.Late, Statuses: statusMap(a.Counts),
			Actions: []string{}, URL: r.abs(r.pathOf(a))}
		for _, ac := range a.Actions {
			ja.Actions = append(ja.Actions, ac.Slug)
		}
		out.Axes = append(out.Axes, ja)
	}
	for _, a := range s.Actions {
		ja := jsonAction{Slug: a.Slug, Title: a.Title, Axis: a.Axis.Slug, Status: a.Status.Code(), Late: a.Late, Start: isoDate(a.Start),
			End: isoDate(a.End), Lead: a.Lead, Partners: nonNil(a.Partners), Audience: nonNil(a.Audience),
			Territories: nonNil(a.Territories), Budget: a.Budget, Spent: a.Spent, Progress: progressJSON(a.Progress),
			Indicators: []string{}, URL: r.abs(r.pathOf(a))}
		for _, ind := range a.Indicators {
			ja.Indicators = append(ja.Indicators, ind.Slug)
		}
		out.Actions = append(out.Actions, ja)
	}
	for _, ind := range s.Indicators {
		ji := jsonIndicator{Slug: ind.Slug, Title: ind.Title, Action: ind.ActionSlug, Unit: ind.Unit, Baseline: ind.Baseline,
			Target: ind.Target, Direction: string(ind.Direction), Progress: progressJSON(ind.Progress), Source: ind.Source,
			URL: r.abs(r.pathOf(ind)), Values: []jsonValue{}}
		for _, v := range ind.Values {
			jv := jsonValue{Date: v.Date.String(), Note: v.Note, Masked: v.Masked}
			if !v.Masked {
				jv.Value = &v.Value
			}
			ji.Values = append(ji.Values, jv)
		}
		out.Indicators = append(out.Indicators, ji)
	}
	for _, n := range s.News {
		out.News = append(out.News, jsonNews{Slug: n.Slug, Title: n.Title, Date: n.Date.String(), URL: r.abs(r.pathOf(n))})
	}
	return out
}
