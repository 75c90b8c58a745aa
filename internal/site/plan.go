package site

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"jalons/internal/content"
)

// The plan in time (section 12 of docs/content-format.md): what is late,
// what comes next, which figures are due for an update, which values are
// too small to publish. Each fact depends on today, given to Link.

// MilestoneState is where a milestone stands on the day a site describes.
type MilestoneState int

// The states of a milestone.
const (
	Upcoming MilestoneState = iota // not done, on or after today
	Late                           // not done, before today
	Reached                        // done
)

var milestoneCodes = []string{"upcoming", "late", "done"}

// Code is the state's code: "upcoming", "late" or "done"; the theme's
// classes and the words of the interface use it.
func (s MilestoneState) Code() string { return milestoneCodes[s] }

// Milestone is a milestone of an action with its state.
type Milestone struct {
	content.Milestone
	State  MilestoneState
	Action *Action
}

// Value is a value of an indicator as the site may publish it: a masked
// value (below the indicator's maskBelow) keeps its date and note, and
// its number is left out (zero), so that no page can show it.
type Value struct {
	Date   content.Date
	Value  float64
	Note   string
	Masked bool
}

// milestoneState is m's state on the day today.
func milestoneState(m content.Milestone, today content.Date) MilestoneState {
	switch {
	case m.Done:
		return Reached
	case m.Date.Before(today):
		return Late
	}
	return Upcoming
}

// isLate reports whether an action is late on the day today: planned or
// in progress, with an end before today.
func isLate(a *content.Action, today content.Date) bool {
	return (a.Status == content.Planned || a.Status == content.InProgress) && !a.End.IsZero() && a.End.Before(today)
}

// addMonths is d plus n calendar months: the same day of the month, or
// the month's last day when it has no such day (31 January + 1 month is
// 28 or 29 February).
func addMonths(d content.Date, n int) content.Date {
	m := int(d.Month) - 1 + n
	y := d.Year + m/12
	m %= 12
	if m < 0 {
		m += 12
		y--
	}
	return content.Date{Year: y, Month: time.Month(m + 1), Day: min(d.Day, daysIn(y, m+1))}
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day() // day 0: the last of the month before
}

// nextDue is the date an indicator's next value is expected: its latest
// value's date plus one period; zero without a frequency or a value.
func nextDue(ind *content.Indicator, values []Value) content.Date {
	if ind.Frequency.Months() == 0 || len(values) == 0 {
		return content.Date{}
	}
	return addMonths(values[len(values)-1].Date, ind.Frequency.Months())
}

// maskValues returns an indicator's values in date order, each below its
// maskBelow masked.
func maskValues(ind *content.Indicator) []Value {
	out := make([]Value, len(ind.Values))
	for i, v := range ind.Values {
		out[i] = Value{Date: v.Date, Value: v.Value, Note: v.Note}
		if ind.MaskBelow != nil && v.Value < *ind.MaskBelow {
			out[i].Masked, out[i].Value = true, 0
		}
	}
	slices.SortStableFunc(out, func(a, b Value) int { return a.Date.Compare(b.Date) })
	return out
}

// computePlan sets the facts of section 12 that depend on today: late
// actions and their counts, milestones and their states, the next
// milestones of the site, and out-of-date indicators. It gives the order
// of the site's milestones as sortSiteMilestones does; with order, a
// Memo's for the same milestones, it takes that order rather than sort.
func computePlan(s *Site, today content.Date, order []int32) []int32 {
	for _, ind := range s.Indicators {
		ind.NextDue = nextDue(ind.Indicator, ind.Values)
		ind.OutOfDate = !ind.NextDue.IsZero() && today.Compare(ind.NextDue) > 0
	}
	for _, a := range s.Actions {
		a.Late = isLate(a.Action, today)
		if a.Late {
			s.Late++
			if a.Axis != nil {
				a.Axis.Late++
			}
		}
		all := make([]Milestone, len(a.Action.Milestones)) // one allocation an action
		for i, m := range a.Action.Milestones {
			all[i] = Milestone{Milestone: m, State: milestoneState(m, today), Action: a}
			a.Milestones = append(a.Milestones, &all[i])
			s.Milestones = append(s.Milestones, &all[i])
		}
		sortMilestones(a.Milestones)
	}
	if order != nil && len(order) == len(s.Milestones) {
		ms := make([]*Milestone, len(order))
		for i, k := range order {
			ms[i] = s.Milestones[k]
		}
		s.Milestones = ms
	} else {
		order = sortSiteMilestones(s.Milestones)
	}
	for _, m := range s.Milestones {
		if m.State == Upcoming {
			s.Upcoming = append(s.Upcoming, m)
		}
	}
	return order
}

// sortSiteMilestones orders the site's milestones late first, then
// upcoming, then reached, each state in the order of sortMilestones, and
// as they come when that order ties (as a stable sort would). Keys packed
// from the state and date are sorted first, in one array; titles are
// read only to order milestones of the same key, a few at a time. It
// gives the place in ms, as it was, of each milestone in order.
func sortSiteMilestones(ms []*Milestone) []int32 {
	rank := [...]int64{Late: 0, Upcoming: 1, Reached: 2}
	type keyed struct {
		key int64 // rank, then date
		at  int   // place in ms
		m   *Milestone
	}
	ks := make([]keyed, len(ms))
	for i, m := range ms {
		ks[i] = keyed{rank[m.State]<<40 + int64(m.Date.Number()), i, m}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		if a.key != b.key {
			return cmp.Compare(a.key, b.key)
		}
		return a.at - b.at
	})
	for i := 0; i < len(ks); {
		j := i + 1
		for j < len(ks) && ks[j].key == ks[i].key {
			j++
		}
		if j-i > 1 {
			slices.SortStableFunc(ks[i:j], func(a, b keyed) int { return compareMilestones(a.m, b.m) })
		}
		i = j
	}
	order := make([]int32, len(ks))
	for i, k := range ks {
		ms[i], order[i] = k.m, int32(k.at)
	}
	return order
}

// sortMilestones orders milestones by date, then title, then action.
func sortMilestones(ms []*Milestone) { slices.SortStableFunc(ms, compareMilestones) }

func compareMilestones(a, b *Milestone) int {
	if c := a.Date.Compare(b.Date); c != 0 {
		return c
	}
	if c := strings.Compare(a.Title, b.Title); c != 0 {
		return c
	}
	return strings.Compare(a.Action.Slug, b.Action.Slug)
}
