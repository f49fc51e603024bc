package fiscal

import (
	"fmt"
	"time"
)

// FiscalQuarter is a quarter of the program's fiscal year. Year is the
// calendar year the fiscal year starts in; Q is 1–4.
type FiscalQuarter struct {
	Year, Q   int
	FromMonth int // the fiscal year's first month, 1–12
}

// QuarterOf is the fiscal quarter a day falls in when the fiscal year
// starts in month fromMonth.
func QuarterOf(t time.Time, fromMonth int) FiscalQuarter {
	if fromMonth < 1 || fromMonth > 12 {
		fromMonth = 1
	}
	shift := (int(t.Month()) - fromMonth + 12) % 12
	year := t.Year()
	if int(t.Month()) < fromMonth {
		year--
	}
	return FiscalQuarter{Year: year, Q: shift/3 + 1, FromMonth: fromMonth}
}

// Start is the first day of the quarter.
func (q FiscalQuarter) Start() time.Time {
	m := q.FromMonth + (q.Q-1)*3
	return time.Date(q.Year, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
}

// End is the last day of the quarter.
func (q FiscalQuarter) End() time.Time { return q.Next().Start().AddDate(0, 0, -1) }

// Next is the quarter after q.
func (q FiscalQuarter) Next() FiscalQuarter {
	return QuarterOf(q.Start().AddDate(0, 3, 0), q.FromMonth)
}

// Prev is the quarter before q.
func (q FiscalQuarter) Prev() FiscalQuarter {
	return QuarterOf(q.Start().AddDate(0, -3, 0), q.FromMonth)
}

// Label names the quarter: "Q3 2026" for a calendar fiscal year,
// "Q3 2026/27" when the fiscal year straddles two calendar years.
func (q FiscalQuarter) Label() string {
	if q.FromMonth == 1 {
		return fmt.Sprintf("Q%d %d", q.Q, q.Year)
	}
	return fmt.Sprintf("Q%d %d/%02d", q.Q, q.Year, (q.Year+1)%100)
}

// LastQuarters are the n quarters ending with the one holding today,
// oldest first.
func LastQuarters(today time.Time, fromMonth, n int) []FiscalQuarter {
	out := make([]FiscalQuarter, n)
	q := QuarterOf(today, fromMonth)
	for i := n - 1; i >= 0; i-- {
		out[i] = q
		q = q.Prev()
	}
	return out
}
