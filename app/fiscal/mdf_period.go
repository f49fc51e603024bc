package fiscal

import (
	"channeldesk/app/format"
	"fmt"
	"time"
)

// FiscalPeriod is the first and last day of a fiscal year (quarter 0) or
// of one of its quarters (1–4). Fiscal year Y starts on the first day of
// month fyFrom of calendar year Y.
func FiscalPeriod(fyFrom, year, quarter int) (start, end string, err error) {
	if fyFrom < 1 || fyFrom > 12 || quarter < 0 || quarter > 4 || year < 1900 || year > 9999 {
		return "", "", fmt.Errorf("fiscal period %d Q%d from month %d", year, quarter, fyFrom)
	}
	first := time.Date(year, time.Month(fyFrom), 1, 0, 0, 0, 0, time.UTC)
	months := 12
	if quarter > 0 {
		first = first.AddDate(0, 3*(quarter-1), 0)
		months = 3
	}
	last := first.AddDate(0, months, -1)
	return first.Format(format.DateLayout), last.Format(format.DateLayout), nil
}

// FiscalQuarterOf is the fiscal year and quarter a date falls in.
func FiscalQuarterOf(fyFrom int, d time.Time) (year, quarter int) {
	m := (int(d.Month()) - fyFrom + 12) % 12
	year = d.Year()
	if int(d.Month()) < fyFrom {
		year--
	}
	return year, m/3 + 1
}
