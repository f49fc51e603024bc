// Package plan computes joint business plan attainment, loads what a
// partner's plan document shows, and renders it as a PDF.
package plan

import (
	"channeldesk/app/format"
	"time"
)

// Period is a span of calendar days, both ends included, as ISO dates.
type Period struct{ From, To string }

// FiscalYearOf returns the fiscal year a day falls in; a fiscal year is
// named after the calendar year it starts in.
func FiscalYearOf(day time.Time, startMonth int) int {
	if int(day.Month()) >= startMonth {
		return day.Year()
	}
	return day.Year() - 1
}

// Quarter returns the days of quarter q (1–4) of a fiscal year.
func Quarter(year, startMonth, q int) Period {
	from := time.Date(year, time.Month(startMonth+3*(q-1)), 1, 0, 0, 0, 0, time.UTC)
	to := from.AddDate(0, 3, -1)
	return Period{from.Format(format.DateLayout), to.Format(format.DateLayout)}
}

// Year returns the days of a fiscal year.
func Year(year, startMonth int) Period {
	return Period{Quarter(year, startMonth, 1).From, Quarter(year, startMonth, 4).To}
}

func iso(t time.Time) string { return t.Format(format.DateLayout) }
