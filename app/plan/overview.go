package plan

import (
	"context"
	"sort"
	"strings"
	"time"

	"channeldesk/data"
)

// DueWindow is how close to a quarter's end its check-in counts as due.
const DueWindow = 14 * 24 * time.Hour

// OverviewRow is one plan in the year's overview.
type OverviewRow struct {
	PlanID     int64
	PartnerID  int64
	Partner    string
	Status     data.PlanStatus
	Revision   int
	Attainment Attainment
	Due        []int // quarters whose check-in is due or overdue
}

// Overview returns every plan of a fiscal year with its weighted
// attainment and the check-ins due, sorted by partner name. It reads a
// fixed number of queries whatever the number of plans.
func Overview(ctx context.Context, s *data.Store, year int, today time.Time) ([]OverviewRow, error) {
	st, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	plans, err := s.PlansOfYear(ctx, year)
	if err != nil {
		return nil, err
	}
	computed, err := ComputeActuals(ctx, s, year, st.FiscalYearFrom, today)
	if err != nil {
		return nil, err
	}
	held, err := s.CheckInQuarters(ctx, year)
	if err != nil {
		return nil, err
	}
	names, err := s.PartnerNames(ctx)
	if err != nil {
		return nil, err
	}
	started := QuartersStarted(year, st.FiscalYearFrom, today)
	out := make([]OverviewRow, 0, len(plans))
	for _, p := range plans {
		c := Computed{}
		if v := computed[p.PartnerID]; v != nil {
			c = *v
		}
		row := OverviewRow{PlanID: p.ID, PartnerID: p.PartnerID, Partner: names[p.PartnerID], Status: p.Status,
			Revision: p.Revision, Attainment: Evaluate(p.Objectives, c, started)}
		if p.Status != data.PlanCompleted {
			row.Due = DueQuarters(year, st.FiscalYearFrom, today, held[p.ID])
		}
		out = append(out, row)
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Partner) < strings.ToLower(out[j].Partner) })
	return out, nil
}

// DueQuarters lists the quarters without a check-in that have ended or end
// within DueWindow.
func DueQuarters(year, startMonth int, today time.Time, held [4]bool) []int {
	var due []int
	soon := iso(today.Add(DueWindow))
	for q := 1; q <= 4; q++ {
		if !held[q-1] && Quarter(year, startMonth, q).To <= soon {
			due = append(due, q)
		}
	}
	return due
}
