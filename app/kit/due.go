package kit

import (
	"context"
	"slices"
	"time"

	"channeldesk/app/fiscal"
	"channeldesk/app/format"
	"channeldesk/data"
)

// The kit asks for a quarter's figures by 10 days after the quarter ends
// (its Read me names the day). So on any day the figures due are those
// of the last closed quarter: its deadline is near or past.

// dueDays is how long after a quarter ends its figures are due.
const dueDays = 10

// DueQuarter is the quarter whose figures are due today: the last closed
// fiscal quarter by the store's clock and the program's fiscal year.
func DueQuarter(ctx context.Context, s *data.Store) (fiscal.FiscalQuarter, error) {
	st, err := s.Settings(ctx)
	if err != nil {
		return fiscal.FiscalQuarter{}, err
	}
	return fiscal.QuarterOf(s.Now(), st.FiscalYearFrom).Prev(), nil
}

// DueBy is the deadline for quarter q's figures (YYYY-MM-DD).
func DueBy(q fiscal.FiscalQuarter) string {
	return q.End().AddDate(0, 0, dueDays).Format(format.DateLayout)
}

// FiguresDue lists the partners whose figures are due: those with a plan
// objective they report themselves (not computed from deals or
// certifications) that has a target for the last closed quarter and no
// actual reported for it yet (a reported 0 is reported). Plans never
// agreed owe nothing.
func FiguresDue(ctx context.Context, s *data.Store) (fiscal.FiscalQuarter, []int64, error) {
	q, err := DueQuarter(ctx, s)
	if err != nil {
		return q, nil, err
	}
	ids, err := s.PartnersMissingActuals(ctx, q.Year, q.Q)
	return q, ids, err
}

// owedLastYear moves a kit made in the first quarter of a fiscal year to
// the previous year's plan while the partner still owes that year's last
// quarter: its plan sheet then asks for those figures, by their deadline.
func owedLastYear(ctx context.Context, s *data.Store, c *Content, today time.Time, fyFrom int, fixedDue bool) error {
	now := fiscal.QuarterOf(today, fyFrom)
	if now.Q != 1 {
		return nil
	}
	last := now.Prev()
	ids, err := s.PartnersMissingActuals(ctx, last.Year, last.Q)
	if err != nil || !slices.Contains(ids, c.PartnerID) {
		return err
	}
	c.Year = last.Year
	if !fixedDue {
		c.Due = DueBy(last)
	}
	return nil
}
