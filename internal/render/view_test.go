package render

import (
	"testing"
	"time"

	"jalons/internal/content"
)

// TestSumOfDays: the days of files sum up to the same whatever the order,
// and to another sum when a day changes, moves to another file, or a
// file comes or goes.
func TestSumOfDays(t *testing.T) {
	day := func(y int, m time.Month, d int) content.Date { return content.Date{Year: y, Month: m, Day: d} }
	base := map[string]content.Date{"content/actions/a.md": day(2024, 5, 1), "content/actions/b.md": day(2025, 1, 2)}
	same := map[string]content.Date{"content/actions/b.md": day(2025, 1, 2), "content/actions/a.md": day(2024, 5, 1)}
	if sumOfDays(base) != sumOfDays(same) {
		t.Error("the same days by file give two sums")
	}
	if sumOfDays(nil) != 0 {
		t.Error("no day sums to other than 0")
	}
	others := map[string]map[string]content.Date{
		"a day changed":          {"content/actions/a.md": day(2024, 5, 2), "content/actions/b.md": day(2025, 1, 2)},
		"the days swapped":       {"content/actions/a.md": day(2025, 1, 2), "content/actions/b.md": day(2024, 5, 1)},
		"a file gone":            {"content/actions/a.md": day(2024, 5, 1)},
		"a file more":            {"content/actions/a.md": day(2024, 5, 1), "content/actions/b.md": day(2025, 1, 2), "content/actions/c.md": day(2025, 1, 2)},
		"the month for the year": {"content/actions/a.md": day(2024, 1, 5), "content/actions/b.md": day(2025, 2, 1)},
	}
	for name, m := range others {
		if sumOfDays(m) == sumOfDays(base) {
			t.Errorf("%s: the same sum", name)
		}
	}
}
