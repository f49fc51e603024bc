package report

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"channeldesk/app/fiscal"
	"channeldesk/app/format"
	"channeldesk/data"
)

// Period is a range of calendar days, both ends included; "" is open.
type Period struct {
	From, To string // ISO dates
}

func (p Period) bounds() (string, string) {
	from, to := p.From, p.To
	if from == "" {
		from = "0000-00-00"
	}
	if to == "" {
		to = "9999-99-99"
	}
	return from, to
}

func parseISO(s string) (time.Time, error) { return time.Parse(format.DateLayout, s) }

var (
	yearRe    = regexp.MustCompile(`^(\d{4})$`)
	quarterRe = regexp.MustCompile(`^(\d{4})-?[Qq]([1-4])$`)
)

// ParsePeriod reads a period from the command line: "" or "all" for
// everything, "2026" for the fiscal year starting in 2026, "2026-Q3" for
// its third quarter, or "2026-01-01..2026-06-30".
func ParsePeriod(s string, fromMonth int) (Period, error) {
	s = strings.TrimSpace(s)
	bad := data.Invalid("period", "err.report_period", map[string]any{"Value": s})
	switch {
	case s == "" || strings.EqualFold(s, "all"):
		return Period{}, nil
	case yearRe.MatchString(s):
		y, _ := strconv.Atoi(s)
		start := fiscal.FiscalQuarter{Year: y, Q: 1, FromMonth: fromMonth}
		end := fiscal.FiscalQuarter{Year: y, Q: 4, FromMonth: fromMonth}
		return Period{From: start.Start().Format(format.DateLayout), To: end.End().Format(format.DateLayout)}, nil
	case quarterRe.MatchString(s):
		m := quarterRe.FindStringSubmatch(s)
		y, _ := strconv.Atoi(m[1])
		q, _ := strconv.Atoi(m[2])
		fq := fiscal.FiscalQuarter{Year: y, Q: q, FromMonth: fromMonth}
		return Period{From: fq.Start().Format(format.DateLayout), To: fq.End().Format(format.DateLayout)}, nil
	}
	from, to, ok := strings.Cut(s, "..")
	if !ok {
		return Period{}, bad
	}
	f, err1 := parseISO(strings.TrimSpace(from))
	t, err2 := parseISO(strings.TrimSpace(to))
	if err1 != nil || err2 != nil || t.Before(f) {
		return Period{}, bad
	}
	return Period{From: f.Format(format.DateLayout), To: t.Format(format.DateLayout)}, nil
}
