package fiscal

import "time"
import (
	"channeldesk/app/format"
)

// ISODate is a day as the database stores it.
func ISODate(t time.Time) string { return t.Format(format.DateLayout) }

// AddDays returns the ISO day n days after start, counting calendar days
// across month and year ends (31 Jan + 30 = 2 Mar, or 1 Mar in a leap year).
func AddDays(start time.Time, n int) string {
	y, m, d := start.Date()
	return ISODate(time.Date(y, m, d+n, 0, 0, 0, 0, time.UTC))
}

// DaysBetween is the number of calendar days from a to b (ISO days);
// negative when b is before a, 0 when either does not parse.
func DaysBetween(a, b string) int {
	ta, err1 := time.Parse(format.DateLayout, a)
	tb, err2 := time.Parse(format.DateLayout, b)
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(tb.Sub(ta).Hours() / 24)
}

// addDays is an ISO date moved by n days.
func AddDaysISO(iso string, n int) string {
	t, err := time.Parse(format.DateLayout, iso)
	if err != nil {
		return iso
	}
	return t.AddDate(0, 0, n).Format(format.DateLayout)
}
