package kit_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"channeldesk/app/kit"
	"channeldesk/data"
)

// The partners whose figures are due are those with an agreed plan
// objective they report themselves that has a target for the last closed
// quarter and no actual yet; computed objectives, first drafts, reported
// quarters and partners no longer active are left out. Today is
// 2026-08-15, so the figures due are Q2 2026's, by 10 July.
func TestFiguresDueSelection(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	due := func() []int64 {
		t.Helper()
		ps, err := kit.Partners(ctx, w.s, kit.Selection{Due: true})
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, p := range ps {
			ids = append(ids, p.ID)
		}
		return ids
	}
	q, err := kit.DueQuarter(ctx, w.s)
	if err != nil || q.Label() != "Q2 2026" || kit.DueBy(q) != "2026-07-10" {
		t.Fatalf("figures due for %s by %s, %v; want Q2 2026 by 2026-07-10", q.Label(), kit.DueBy(q), err)
	}
	if got := due(); len(got) != 0 {
		t.Errorf("a plan never agreed owes figures: %v", got)
	}
	plan, _ := w.s.PlanFor(ctx, w.a, 2026)
	if err := w.s.AgreePlan(ctx, plan.ID, "2026-01-20"); err != nil {
		t.Fatal(err)
	}
	// B's plan counts only what data computes: nothing to report.
	if err := w.s.CreatePlan(ctx, &data.Plan{PartnerID: w.b, FiscalYear: 2026, Objectives: []data.Objective{
		{Measure: data.MeasureRevenue, Weight: 100, Targets: [4]int64{5, 5, 5, 5}}}}); err != nil {
		t.Fatal(err)
	}
	pb, _ := w.s.PlanFor(ctx, w.b, 2026)
	if err := w.s.AgreePlan(ctx, pb.ID, "2026-01-20"); err != nil {
		t.Fatal(err)
	}
	if got := due(); !slices.Equal(got, []int64{w.a}) {
		t.Fatalf("figures due from %v, want only Alpha (%d): its Q2 new customers are missing", got, w.a)
	}
	// Editing an agreed plan opens a draft revision: still owed.
	plan, _ = w.s.PlanFor(ctx, w.a, 2026)
	plan.Objectives[1].Title = "New logos"
	if err := w.s.SavePlan(ctx, plan); err != nil {
		t.Fatal(err)
	}
	if got := due(); !slices.Equal(got, []int64{w.a}) {
		t.Errorf("a plan being revised after agreement owes nothing: %v", got)
	}
	if err := w.s.SetActual(ctx, w.objective, 2, 3); err != nil {
		t.Fatal(err)
	}
	if got := due(); len(got) != 0 {
		t.Errorf("figures reported, still due from %v", got)
	}
	// The figure taken back: due again, until the partner leaves.
	if err := w.s.ClearActual(ctx, w.objective, 2); err != nil {
		t.Fatal(err)
	}
	if got := due(); !slices.Equal(got, []int64{w.a}) {
		t.Fatalf("Q2's figure taken back, figures due from %v; want Alpha again", got)
	}
	if err := w.s.ChangeStatus(ctx, w.a, data.StatusOffboarded, "left", "t"); err != nil {
		t.Fatal(err)
	}
	if got := due(); len(got) != 0 {
		t.Errorf("an offboarded partner gets a kit: %v", got)
	}
}

// In the first quarter of a fiscal year the figures due are the last
// quarter of the year before: a kit made then for a partner who owes them
// shows that year's plan and their deadline, so they can be filled in.
func TestKitInFirstQuarterAsksForLastYearsFigures(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	plan, _ := w.s.PlanFor(ctx, w.a, 2026)
	if err := w.s.AgreePlan(ctx, plan.ID, "2026-01-20"); err != nil {
		t.Fatal(err)
	}
	jan := time.Date(2027, 1, 20, 9, 0, 0, 0, time.UTC)
	w.s.Now = func() time.Time { return jan }
	q, ids, err := kit.FiguresDue(ctx, w.s)
	if err != nil || q.Label() != "Q4 2026" || !slices.Equal(ids, []int64{w.a}) {
		t.Fatalf("in January 2027 figures due for %s from %v (%v), want Q4 2026 from Alpha", q.Label(), ids, err)
	}
	c, err := kit.Load(ctx, w.s, w.a, kit.Options{Today: jan})
	if err != nil {
		t.Fatal(err)
	}
	if c.Year != 2026 || c.Due != "2027-01-10" || len(c.Objectives) != 1 || c.Objectives[0].ID != w.objective {
		t.Errorf("January kit shows plan %d due %s objectives %+v; want 2026's, due 2027-01-10", c.Year, c.Due, c.Objectives)
	}
	if err := w.s.SetActual(ctx, w.objective, 4, 2); err != nil {
		t.Fatal(err)
	}
	if c, _ = kit.Load(ctx, w.s, w.a, kit.Options{Today: jan}); c.Year != 2027 || c.Due != "2027-04-10" {
		t.Errorf("with last year reported the January kit shows plan %d due %s; want 2027's, due 2027-04-10", c.Year, c.Due)
	}
}
