package metrics

import (
	"context"
	"sort"
	"strings"
	"time"

	"channeldesk/app/fiscal"
	"channeldesk/app/plan"
	"channeldesk/data"
)

// agreed reports whether a plan was agreed with the partner: only agreed
// (or since completed) plans hold targets the partner signed up to.

func fiscalQuarter(ctx context.Context, s *data.Store, day time.Time) (fiscal.FiscalQuarter, error) {
	st, err := s.Settings(ctx)
	if err != nil {
		return fiscal.FiscalQuarter{}, err
	}
	return fiscal.QuarterOf(day, FiscalFromSetting(st)), nil
}

// hasAgreedPlans spares the attainment queries when a year has no agreed plan.
func hasAgreedPlans(ctx context.Context, s *data.Store, year int) (bool, error) {
	return s.HasAgreedPlans(ctx, year)
}

// MissedTargets lists the partners (not offboarded or declined) whose
// agreed plan's weighted attainment in the fiscal quarter before today's
// is under minBP basis points; Since is that quarter's last day.
func MissedTargets(ctx context.Context, s *data.Store, today time.Time, minBP int) ([]AtRisk, error) {
	cur, err := fiscalQuarter(ctx, s, today)
	if err != nil {
		return nil, err
	}
	q := cur.Prev()
	if ok, err := hasAgreedPlans(ctx, s, q.Year); err != nil || !ok {
		return nil, err
	}
	rows, err := plan.QuarterAttainments(ctx, s, q.Year, q.Q, today)
	if err != nil {
		return nil, err
	}
	var missed []plan.QuarterAttainment
	for _, r := range rows {
		if r.BP != plan.NoTarget && r.BP < minBP {
			missed = append(missed, r)
		}
	}
	if len(missed) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(missed))
	for i, r := range missed {
		ids[i] = r.PartnerID
	}
	briefs, err := s.PartnerBriefsOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]AtRisk, 0, len(missed))
	for _, r := range missed {
		b := briefs[r.PartnerID]
		out = append(out, AtRisk{PartnerID: r.PartnerID, Name: b.Name, Status: b.Status, Kind: RiskMissedTarget,
			Since: fiscal.ISODate(q.End())})
	}
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out, nil
}

// CheckInsDue lists, for the agreed plans of today's fiscal year of
// partners still in the program, the quarterly check-ins that are due or
// overdue (DueQuarters), oldest quarter first; Date is the quarter's last
// day, Text its label.
func CheckInsDue(ctx context.Context, s *data.Store, today time.Time) ([]TodayItem, error) {
	cur, err := fiscalQuarter(ctx, s, today)
	if err != nil {
		return nil, err
	}
	if ok, err := hasAgreedPlans(ctx, s, cur.Year); err != nil || !ok {
		return nil, err
	}
	// Only which check-ins are held matters here, not the attainment the
	// Overview computes (most of its time on a large program).
	heads, err := s.PlanHeads(ctx, cur.Year)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(heads, func(i, j int) bool { return strings.ToLower(heads[i].Partner) < strings.ToLower(heads[j].Partner) })
	held, err := s.CheckInQuarters(ctx, cur.Year)
	if err != nil {
		return nil, err
	}
	due := make([][]int, len(heads))
	for i, h := range heads {
		if h.Status == data.PlanAgreed && !gone(h.PartnerStatus) {
			due[i] = plan.DueQuarters(cur.Year, cur.FromMonth, today, held[h.PlanID])
		}
	}
	var out []TodayItem
	for q := 1; q <= 4; q++ {
		fq := fiscal.FiscalQuarter{Year: cur.Year, Q: q, FromMonth: cur.FromMonth}
		for i, h := range heads {
			if containsInt(due[i], q) {
				out = append(out, TodayItem{Kind: TodayCheckIn, PartnerID: h.PartnerID, PartnerName: h.Partner,
					Date: fiscal.ISODate(fq.End()), Text: fq.Label()})
			}
		}
	}
	return out, nil
}

// QuarterTarget sums the revenue targets of the agreed plans of partners
// still in the program for today's fiscal quarter; ok is false when none
// of them sets one.
func QuarterTarget(ctx context.Context, s *data.Store, today time.Time) (int64, bool, error) {
	cur, err := fiscalQuarter(ctx, s, today)
	if err != nil {
		return 0, false, err
	}
	return s.RevenueTarget(ctx, cur.Year, cur.Q)
}

func gone(st data.Status) bool { return st == data.StatusOffboarded || st == data.StatusDeclined }

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
