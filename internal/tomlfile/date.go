package tomlfile

import (
	"cmp"
	"fmt"
	"time"

	"jalons/internal/diag"
)

// Date is a calendar date, free of time zones: a TOML local date such as
// 2017-04-29 is the same date on every machine.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// IsZero reports whether the date was never set.
func (d Date) IsZero() bool { return d.Year == 0 }

// Before reports whether d comes before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// Compare returns -1, 0 or +1 as d is before, the same as, or after e.
func (d Date) Compare(e Date) int { return cmp.Compare(d.Number(), e.Number()) }

// Number is d as one number that orders as the dates do: 20170429.
func (d Date) Number() int { return d.Year*10000 + int(d.Month)*100 + d.Day }

// String is the ISO form, 2017-04-29.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// Time is midnight UTC on the date, for formats that need an instant.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

func dateOf(v any) (Date, error) {
	switch v := v.(type) {
	case time.Time:
		if v.Location().String() != "date-local" {
			return Date{}, diag.Errorf("must be a date alone, without a time, like 2017-04-29")
		}
		y, m, d := v.Date()
		if y == 0 {
			return Date{}, diag.Errorf("must be a real date: there is no year 0 (write the year in full, like 2017-04-29)")
		}
		return Date{y, m, d}, nil
	case string:
		if d, ok := frenchDate(v); ok {
			return Date{}, diag.Errorf("must be a date without quotes: write %s, not %q", d, v)
		}
		return Date{}, diag.Errorf("must be a date written year-month-day without quotes, like 2017-04-29, not %q", v)
	}
	return Date{}, diag.Errorf("must be a date written year-month-day without quotes, like 2017-04-29, not %s", kind(v))
}
