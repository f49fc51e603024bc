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

// QuarterAttainment is one agreed plan's weighted attainment in a quarter.
type QuarterAttainment struct {
	PlanID, PartnerID int64
	BP                int // basis points; NoTarget when nothing has a target
}

// QuarterAttainments is the weighted attainment in quarter q (1–4) of a
// fiscal year, by the day today, of every agreed or completed plan of a
// partner still in the program that sets a target in it: what Overview's
// QuarterBP says for q, read from that quarter's figures only.
func QuarterAttainments(ctx context.Context, s *data.Store, year, q int, today time.Time) ([]QuarterAttainment, error) {
	st, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	objs, err := s.AgreedQuarterObjectives(ctx, year, q)
	if err != nil || len(objs) == 0 {
		return nil, err
	}
	computed, err := computeActuals(ctx, s, 0, year, st.FiscalYearFrom, today, q)
	if err != nil {
		return nil, err
	}
	started := QuartersStarted(year, st.FiscalYearFrom, today)
	// the objectives come in no order: gather each plan's (the weighted
	// attainment does not depend on their order)
	var order []int64
	plans := map[int64][]data.Objective{}
	partner := map[int64]int64{}
	for _, x := range objs {
		if plans[x.PlanID] == nil {
			order = append(order, x.PlanID)
			partner[x.PlanID] = x.PartnerID
		}
		o := data.Objective{Measure: x.Measure, Weight: x.Weight}
		o.Targets[q-1], o.Actuals[q-1] = x.Target, x.Actual
		plans[x.PlanID] = append(plans[x.PlanID], o)
	}
	out := make([]QuarterAttainment, 0, len(order))
	for _, id := range order {
		c := Computed{}
		if v := computed[partner[id]]; v != nil {
			c = *v
		}
		out = append(out, QuarterAttainment{PlanID: id, PartnerID: partner[id], BP: Evaluate(plans[id], c, started).QuarterBP[q-1]})
	}
	return out, nil
}
