package site

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"jalons/internal/config"
	"jalons/internal/content"
	"jalons/internal/sitetest"
)

func day(y, m, d int) content.Date { return content.Date{Year: y, Month: time.Month(m), Day: d} }

// TestPlanErrors has a case for every message about the keys of section
// 12 (milestones, frequency, maskBelow): each in English and in French,
// with its file, line and column.
func TestPlanErrors(t *testing.T) {
	const action = "-- content/actions/x.md --\n+++\ntitle = \"X\"\naxis = \"precarites\"\nstatus = \"in_progress\"\n"
	tests := []struct{ name, files, en, fr string }{
		{"milestone without date nor title", action + `
[[milestones]]
done = true
+++
`, "content/actions/x.md:6:1: missing required key \"date\" in [milestones]\n" +
			"content/actions/x.md:6:1: missing required key \"title\" in [milestones]",
			"content/actions/x.md:6:1: la clé obligatoire \"date\" manque dans [milestones]\n" +
				"content/actions/x.md:6:1: la clé obligatoire \"title\" manque dans [milestones]"},
		{"milestone key misspelt", action + `
[[milestones]]
date = 2018-09-01
tilte = "Ouverture"
title = "Ouverture"
+++
`, `content/actions/x.md:8:1: unknown key "tilte" in [milestones] (did you mean "title"?)`,
			"content/actions/x.md:8:1: clé inconnue \"tilte\" dans [milestones] (vouliez-vous dire \"title\"\u00a0?)"},
		{"milestone date as text", action + `
[[milestones]]
date = "septembre 2018"
title = "Ouverture"
+++
`, `content/actions/x.md:7:1: "date" must be a date written year-month-day without quotes, like 2017-04-29, not "septembre 2018"`,
			`content/actions/x.md:7:1: "date" doit être une date écrite année-mois-jour sans guillemets, comme 2017-04-29, pas "septembre 2018"`},
		{"milestone done as text", action + `
[[milestones]]
date = 2018-09-01
title = "Ouverture"
done = "oui"
+++
`, `content/actions/x.md:9:1: "done" must be true or false, not the text "oui"`,
			`content/actions/x.md:9:1: "done" doit valoir true ou false, pas le texte "oui"`},
		{"two milestones alike", action + `
[[milestones]]
date = 2018-09-01
title = "Ouverture"

[[milestones]]
date = 2018-09-01
title = "Ouverture"
+++
`, `content/actions/x.md:12:1: two milestones on 2018-09-01 titled "Ouverture", at lines 8 and 12 (keep one)`,
			`content/actions/x.md:12:1: deux jalons le 2018-09-01 intitulés "Ouverture", aux lignes 8 et 12 (gardez-en un)`},
		{"note of two lines", action + `
[[milestones]]
date = 2018-09-01
title = "Ouverture"
note = """Douze enfants
accueillis"""
+++
`, `content/actions/x.md:9:1: note must be one line (write it without line breaks; the action's text can say more)`,
			"content/actions/x.md:9:1: note doit tenir sur une ligne (écrivez-la sans retour à la ligne\u00a0; le texte de l'action peut en dire plus)"},
		{"empty milestone title", action + `
[[milestones]]
date = 2018-09-01
title = " "
+++
`, `content/actions/x.md:8:1: title must not be empty`,
			`content/actions/x.md:8:1: la clé "title" ne doit pas être vide`},
		{"unknown frequency", `
-- content/indicators/i.toml --
title = "I"
frequency = "monthy"
`, `content/indicators/i.toml:2:1: "frequency": unknown frequency "monthy" (did you mean "monthly"?); use "monthly", "quarterly" or "yearly"`,
			"content/indicators/i.toml:2:1: \"frequency\"\u00a0: fréquence inconnue \"monthy\" (vouliez-vous dire \"monthly\"\u00a0?)\u00a0; utilisez \"monthly\" (mensuelle), \"quarterly\" (trimestrielle) ou \"yearly\" (annuelle)"},
		{"maskBelow not above 0", `
-- content/indicators/i.toml --
title = "I"
maskBelow = 0
`, `content/indicators/i.toml:2:1: maskBelow 0 must be more than 0 (values below it are published as "fewer than …"; 5 is usual)`,
			"content/indicators/i.toml:2:1: maskBelow 0 doit être plus grand que 0 (les valeurs inférieures sont publiées comme «\u00a0moins de …\u00a0»\u00a0; 5 est l'usage)"},
		{"maskBelow as text", `
-- content/indicators/i.toml --
title = "I"
maskBelow = "5"
`, `content/indicators/i.toml:2:1: "maskBelow" must be a number, not the text "5" (write digits without quotes or spaces, with a dot for decimals: 1500.5)`,
			`content/indicators/i.toml:2:1: "maskBelow" doit être un nombre, pas le texte "5" (écrivez des chiffres sans guillemets ni espaces, avec un point pour les décimales : 1500.5)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, lang := range []string{"en", "fr"} {
				fsys := sitetest.FS(base)
				for name, f := range sitetest.FS(tt.files) {
					fsys[name] = f
				}
				cfg, errs := config.Load(fsys)
				if errs != nil {
					t.Fatal(errs)
				}
				items, errs := content.Load(fsys, cfg, false)
				_, lerrs := Link(items, testToday)
				errs.Append(lerrs)
				errs.Sort()
				want := tt.en
				if lang == "fr" {
					want = strings.ReplaceAll(tt.fr, " :", "\u00a0:")
				}
				if got := strings.Join(errs.Text(lang), "\n"); got != want {
					t.Errorf("problems (%s) =\n%s\nwant\n%s", lang, got, want)
				}
			}
		})
	}
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		in   content.Date
		n    int
		want content.Date
	}{
		{day(2013, 1, 31), 1, day(2013, 2, 28)},
		{day(2012, 1, 31), 1, day(2012, 2, 29)}, // leap year
		{day(2000, 1, 31), 1, day(2000, 2, 29)}, // divisible by 400
		{day(1900, 1, 31), 1, day(1900, 2, 28)}, // divisible by 100
		{day(2013, 3, 31), 3, day(2013, 6, 30)},
		{day(2013, 11, 30), 3, day(2014, 2, 28)},
		{day(2013, 12, 31), 1, day(2014, 1, 31)},
		{day(2012, 2, 29), 12, day(2013, 2, 28)},
		{day(2013, 5, 15), 12, day(2014, 5, 15)},
		{day(2013, 10, 31), 1, day(2013, 11, 30)},
		{day(2013, 8, 31), 1, day(2013, 9, 30)},
	}
	for _, tt := range tests {
		if got := addMonths(tt.in, tt.n); got != tt.want {
			t.Errorf("addMonths(%s, %d) = %s; want %s", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestOutOfDate(t *testing.T) {
	today := day(2014, 3, 1)
	ind := func(f content.Frequency, dates ...content.Date) *Indicator {
		in := &content.Indicator{Frequency: f}
		for _, d := range dates {
			in.Values = append(in.Values, content.Value{Date: d, Value: 10})
		}
		return &Indicator{Indicator: in, Values: maskValues(in)}
	}
	tests := []struct {
		name      string
		ind       *Indicator
		wantDue   content.Date
		wantStale bool
	}{
		{"monthly, due yesterday", ind(content.Monthly, day(2014, 1, 28)), day(2014, 2, 28), true},
		{"monthly, due today", ind(content.Monthly, day(2014, 2, 1)), day(2014, 3, 1), false},
		{"monthly from 31 January", ind(content.Monthly, day(2014, 1, 31)), day(2014, 2, 28), true},
		{"quarterly, latest of two", ind(content.Quarterly, day(2014, 1, 15), day(2013, 1, 15)), day(2014, 4, 15), false},
		{"yearly, overdue", ind(content.Yearly, day(2012, 12, 31)), day(2013, 12, 31), true},
		{"no frequency", ind("", day(2000, 1, 1)), content.Date{}, false},
		{"no value", ind(content.Yearly), content.Date{}, false},
	}
	for _, tt := range tests {
		s := &Site{Indicators: []*Indicator{tt.ind}}
		computePlan(s, today, nil)
		if tt.ind.NextDue != tt.wantDue || tt.ind.OutOfDate != tt.wantStale {
			t.Errorf("%s: NextDue, OutOfDate = %s, %v; want %s, %v", tt.name, tt.ind.NextDue, tt.ind.OutOfDate, tt.wantDue, tt.wantStale)
		}
	}
}

func TestLate(t *testing.T) {
	today := day(2026, 12, 1)
	tests := []struct {
		status content.Status
		end    content.Date
		want   bool
	}{
		{content.Planned, day(2026, 11, 30), true},
		{content.InProgress, day(2018, 12, 31), true},
		{content.InProgress, day(2026, 12, 1), false}, // ends today: not late yet
		{content.InProgress, day(2027, 1, 1), false},
		{content.InProgress, content.Date{}, false}, // no end
		{content.Done, day(2018, 12, 31), false},
		{content.Suspended, day(2018, 12, 31), false},
		{content.Abandoned, day(2018, 12, 31), false},
	}
	for _, tt := range tests {
		a := &content.Action{Status: tt.status, End: tt.end}
		if got := isLate(a, today); got != tt.want {
			t.Errorf("isLate(%s, end %s) = %v; want %v", tt.status.Code(), tt.end, got, tt.want)
		}
	}
}

func TestMilestoneState(t *testing.T) {
	today := day(2026, 12, 1)
	tests := []struct {
		m    content.Milestone
		want MilestoneState
	}{
		{content.Milestone{Date: day(2018, 9, 1), Done: true}, Reached},
		{content.Milestone{Date: day(2030, 9, 1), Done: true}, Reached}, // done early
		{content.Milestone{Date: day(2018, 9, 1)}, Late},
		{content.Milestone{Date: day(2026, 11, 30)}, Late},
		{content.Milestone{Date: day(2026, 12, 1)}, Upcoming}, // today
		{content.Milestone{Date: day(2027, 1, 1)}, Upcoming},
	}
	for _, tt := range tests {
		if got := milestoneState(tt.m, today); got != tt.want {
			t.Errorf("milestoneState(%s, done %v) = %s; want %s", tt.m.Date, tt.m.Done, got.Code(), tt.want.Code())
		}
	}
}

func TestMaskValues(t *testing.T) {
	tests := []struct {
		name      string
		maskBelow *float64
		in        []float64
		want      []Value
	}{
		{"no mask", nil, []float64{3, 12}, []Value{{Value: 3}, {Value: 12}}},
		{"strictly below", f(5), []float64{3.1416, 5, 4.99}, []Value{{Masked: true}, {Value: 5}, {Masked: true}}},
		{"zero is masked", f(5), []float64{0}, []Value{{Masked: true}}},
	}
	for _, tt := range tests {
		in := &content.Indicator{MaskBelow: tt.maskBelow}
		for i, v := range tt.in {
			in.Values = append(in.Values, content.Value{Date: day(2010+i, 1, 1), Value: v})
		}
		got := maskValues(in)
		for i := range tt.want {
			tt.want[i].Date = day(2010+i, 1, 1)
		}
		if len(got) != len(tt.want) {
			t.Fatalf("%s: maskValues = %+v; want %+v", tt.name, got, tt.want)
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: maskValues[%d] = %+v; want %+v", tt.name, i, got[i], tt.want[i])
			}
		}
	}
}

// TestPlan links a whole site in memory: late counts by axis and for the
// site, milestones in date order with their states, the site's upcoming
// milestones, and the measured counts of honest figures.
func TestPlan(t *testing.T) {
	ax1 := &content.Axis{Title: "A", Slug: "a", Order: 1}
	ax2 := &content.Axis{Title: "B", Slug: "b", Order: 2}
	act := func(slug, axis string, st content.Status, end content.Date, ms ...content.Milestone) *content.Action {
		return &content.Action{Title: strings.ToUpper(slug), Slug: slug, AxisSlug: axis, Status: st, End: end, Milestones: ms,
			Src: content.Source{File: "content/actions/" + slug + ".md"}}
	}
	ms := func(y, m, d int, title string, done bool) content.Milestone {
		return content.Milestone{Date: day(y, m, d), Title: title, Done: done}
	}
	items := &content.Items{
		Config: &config.Config{},
		Axes:   []*content.Axis{ax1, ax2},
		Actions: []*content.Action{
			act("late", "a", content.InProgress, day(2018, 12, 31),
				ms(2027, 3, 1, "Bilan", false), ms(2016, 9, 1, "Ouverture", true), ms(2018, 9, 1, "Extension", false)),
			act("planned-late", "a", content.Planned, day(2020, 1, 1)),
			act("done", "a", content.Done, day(2018, 1, 1), ms(2026, 12, 1, "Aujourd'hui", false)),
			act("abandoned", "b", content.Abandoned, day(2018, 1, 1)),
			act("running", "b", content.InProgress, day(2030, 1, 1)), // no measure
		},
	}
	s, errs := Link(items, testToday)
	if errs != nil {
		t.Fatal(errs)
	}
	a, b := s.Axes[0], s.Axes[1]
	if s.Late != 2 || a.Late != 2 || b.Late != 0 {
		t.Errorf("late: site %d, a %d, b %d; want 2, 2, 0", s.Late, a.Late, b.Late)
	}
	// a: late (in progress, unmeasured), planned-late (0 %), done (100 %);
	// b: abandoned, running (unmeasured).
	if s.Measured != 2 || s.Counts.Total() != 5 || a.Measured != 2 || b.Measured != 0 || b.Counts.Total() != 2 {
		t.Errorf("measured: site %d of %d, a %d, b %d of %d; want 2 of 5, 2, 0 of 2", s.Measured, s.Counts.Total(), a.Measured, b.Measured, b.Counts.Total())
	}
	late := a.Actions[1]
	if late.Slug != "late" || !late.Late {
		t.Fatalf("a.Actions[1] = %s, late %v", late.Slug, late.Late)
	}
	var got []string
	for _, m := range late.Milestones {
		got = append(got, m.Date.String()+" "+m.Title+" "+m.State.Code())
	}
	want := "2016-09-01 Ouverture done, 2018-09-01 Extension late, 2027-03-01 Bilan upcoming"
	if strings.Join(got, ", ") != want {
		t.Errorf("milestones = %s; want %s", strings.Join(got, ", "), want)
	}
	got = nil
	for _, m := range s.Upcoming {
		got = append(got, m.Date.String()+" "+m.Title+" "+m.Action.Slug)
	}
	want = "2026-12-01 Aujourd'hui done, 2027-03-01 Bilan late"
	if strings.Join(got, ", ") != want {
		t.Errorf("upcoming = %s; want %s", strings.Join(got, ", "), want)
	}
	got = nil
	for _, m := range s.Milestones { // late first, then upcoming, then reached
		got = append(got, m.Date.String()+" "+m.Title+" "+m.State.Code())
	}
	want = "2018-09-01 Extension late, 2026-12-01 Aujourd'hui upcoming, 2027-03-01 Bilan upcoming, 2016-09-01 Ouverture done"
	if strings.Join(got, ", ") != want {
		t.Errorf("site's milestones = %s; want %s", strings.Join(got, ", "), want)
	}
}

// TestSortSiteMilestones: the site's milestones come in the order of a
// stable sort by state (late, upcoming, reached), date, title and action,
// ties in the order given, whatever that order.
func TestSortSiteMilestones(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	actions := []*Action{{Action: &content.Action{Slug: "a"}}, {Action: &content.Action{Slug: "b"}}}
	rank := map[MilestoneState]int{Late: 0, Upcoming: 1, Reached: 2}
	for round := range 200 {
		var ms []*Milestone
		for range r.IntN(40) {
			ms = append(ms, &Milestone{
				Milestone: content.Milestone{Date: content.Date{Year: 2025 + r.IntN(2), Month: time.Month(1 + r.IntN(2)), Day: 1 + r.IntN(2)}, Title: []string{"x", "y"}[r.IntN(2)]},
				State:     MilestoneState(r.IntN(3)),
				Action:    actions[r.IntN(2)],
			})
		}
		want := slices.Clone(ms)
		slices.SortStableFunc(want, func(a, b *Milestone) int {
			if c := rank[a.State] - rank[b.State]; c != 0 {
				return c
			}
			return compareMilestones(a, b)
		})
		sortSiteMilestones(ms)
		for i := range ms {
			if ms[i] != want[i] {
				t.Fatalf("round %d: milestone %d is %+v; want %+v", round, i, *ms[i], *want[i])
			}
		}
	}
}
