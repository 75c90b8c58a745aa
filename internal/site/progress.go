package site

import "jalons/internal/content"

// computeProgress sets the progress of every indicator, action and axis,
// and the whole site's, as docs/content-format.md section 8 says.
func computeProgress(s *Site) {
	for _, ind := range s.Indicators {
		ind.Progress = indicatorProgress(ind)
	}
	for _, a := range s.Actions {
		a.Progress = actionProgress(a)
		s.Counts[a.Status]++
	}
	for _, ax := range s.Axes {
		ax.Progress = mean(ax.Actions)
		ax.Measured = measured(ax.Actions)
		for _, a := range ax.Actions {
			ax.Counts[a.Status]++
		}
	}
	s.Progress = mean(s.Actions)
	s.Measured = measured(s.Actions)
	for _, g := range append(s.Territories[:len(s.Territories):len(s.Territories)], s.Audiences...) {
		g.Progress = mean(g.Actions)
		for _, a := range g.Actions {
			g.Counts[a.Status]++
		}
	}
}

// measured is the number of actions that count in an average.
func measured(actions []*Action) int {
	n := 0
	for _, a := range actions {
		if a.Counted() {
			n++
		}
	}
	return n
}

// indicatorProgress is (latest − baseline) / (target − baseline), clamped
// to 0..1; unknown without a target, a value, or a target away from the
// baseline, and when the latest value is masked.
func indicatorProgress(ind *Indicator) Progress {
	latest, ok := ind.Latest()
	if !ok || latest.Masked || ind.Target == nil || *ind.Target == ind.Baseline {
		return Progress{}
	}
	r := (latest.Value - ind.Baseline) / (*ind.Target - ind.Baseline)
	return Progress{Ratio: min(max(r, 0), 1), Known: true}
}

// actionProgress takes, in order: the manual progress, 100 % when done,
// 0 % when planned, the mean of its indicators' known progress.
func actionProgress(a *Action) Progress {
	switch {
	case a.Manual != nil:
		return Progress{Ratio: *a.Manual / 100, Known: true}
	case a.Status == content.Done:
		return Progress{Ratio: 1, Known: true}
	case a.Status == content.Planned:
		return Progress{Ratio: 0, Known: true}
	}
	sum, n := 0.0, 0
	for _, ind := range a.Indicators {
		if ind.Progress.Known {
			sum += ind.Progress.Ratio
			n++
		}
	}
	if n == 0 {
		return Progress{}
	}
	return Progress{Ratio: sum / float64(n), Known: true}
}

// mean is the mean of the counted actions' progress, weighted by weight
// (1 by default).
func mean(actions []*Action) Progress {
	sum, weights := 0.0, 0.0
	for _, a := range actions {
		if !a.Counted() {
			continue
		}
		w := 1.0
		if a.Weight != nil {
			w = *a.Weight
		}
		sum += w * a.Progress.Ratio
		weights += w
	}
	if weights == 0 {
		return Progress{}
	}
	return Progress{Ratio: sum / weights, Known: true}
}
