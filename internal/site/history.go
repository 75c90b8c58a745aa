package site

import (
	"sort"

	"jalons/internal/content"
)

// MaxHistory is how many commits an action's history shows; the others
// are counted.
const MaxHistory = 20

// Entry is a commit in an action's history.
type Entry struct {
	Commit  string
	Date    content.Date
	Subject string    // the first line of the commit's message
	Changes []*Change // what it changed of the status, progress and end
}

// Change is a fact of an action that a commit changed.
type Change struct {
	Key      string // "status", "progress" or "end"
	From, To content.Snapshot
}

// StatusChange is a commit that changed an action's status.
type StatusChange struct {
	Action *Action
	Entry  *Entry
	Change *Change
}

// dated links each item to its last-updated day: its updated key when
// set, else the day of the last commit that changed its file, or today
// when its file has changes not committed; else none (section 12.4).
func dated(s *Site, g *content.Git) {
	s.Updated = map[string]content.Date{}
	day := func(src content.Source, updated content.Date) content.Date {
		d := updated
		switch {
		case !d.IsZero() || g == nil:
		case g.Uncommitted[src.File]:
			d = s.Today
		default:
			d = g.Changed[src.File]
		}
		if !d.IsZero() {
			s.Updated[src.File] = d
		}
		return d
	}
	for _, a := range s.Axes {
		day(a.Src, a.Axis.Updated)
	}
	for _, a := range s.Actions {
		a.Updated = day(a.Src, a.Action.Updated)
	}
	for _, ind := range s.Indicators {
		ind.Updated = day(ind.Src, ind.Indicator.Updated)
	}
	for _, n := range s.News {
		day(n.Src, n.News.Updated)
	}
	for _, p := range s.Pages {
		day(p.Src, p.Updated)
	}
}

// history gives each action the commits that changed its file, with what
// each changed of its status, progress and end, compared with the version
// before it that decodes (section 12.5), and lists the status changes.
func history(s *Site, on bool, g *content.Git) {
	if !on || g == nil {
		return
	}
	s.History = true
	for _, a := range s.Actions {
		revs := g.History[a.Src.File]
		for i := range revs[:min(len(revs), MaxHistory)] {
			r := &revs[i]
			e := &Entry{Commit: r.Commit, Date: r.Date, Subject: r.Subject}
			if r.Facts != nil {
				for _, before := range revs[i+1 : min(len(revs), MaxHistory+1)] {
					if before.Facts != nil {
						e.Changes = changes(*before.Facts, *r.Facts)
						break
					}
				}
			}
			a.History = append(a.History, e)
			for _, c := range e.Changes {
				if c.Key == "status" {
					s.StatusChanges = append(s.StatusChanges, &StatusChange{Action: a, Entry: e, Change: c})
				}
			}
		}
		a.Older = max(0, len(revs)-MaxHistory)
	}
	sort.SliceStable(s.StatusChanges, func(i, j int) bool {
		x, y := s.StatusChanges[i], s.StatusChanges[j]
		if c := x.Entry.Date.Compare(y.Entry.Date); c != 0 {
			return c > 0
		}
		return x.Action.Slug < y.Action.Slug
	})
}

// changes lists what differs between two versions of an action file.
func changes(from, to content.Snapshot) []*Change {
	var out []*Change
	if from.StatusOK && to.StatusOK && from.Status != to.Status {
		out = append(out, &Change{Key: "status", From: from, To: to})
	}
	if (from.Progress == nil) != (to.Progress == nil) || from.Progress != nil && *from.Progress != *to.Progress {
		out = append(out, &Change{Key: "progress", From: from, To: to})
	}
	if from.End != to.End {
		out = append(out, &Change{Key: "end", From: from, To: to})
	}
	return out
}
