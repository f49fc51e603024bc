package plan_test

import (
	"time"

	"testing"

	"channeldesk/app/plan"
	"channeldesk/data"
)

func TestEvaluateWeightsAndCaps(t *testing.T) {
	objs := []data.Objective{
		{Measure: data.MeasureRevenue, Weight: 3, Targets: [4]int64{100, 100, 100, 100}},
		{Measure: data.MeasureMarketing, Weight: 1, Targets: [4]int64{1, 0, 1, 1}, Actuals: [4]int64{5, 1, 0, 9}},
		{Measure: data.MeasureCertifiedPeople, Weight: 1, Targets: [4]int64{2, 2, 4, 4}},
	}
	c := plan.Computed{Revenue: [4]int64{50, 100, 200, 0}, Certified: [4]int64{1, 2, 3, 3}}
	a := plan.Evaluate(objs, c, 3)
	// Q1: revenue 50%×3, marketing capped 150%×1, certified 50%×1 → (15000+15000+5000)/5 = 7000.
	// Q2: marketing has no target and drops out: (30000+10000)/4 = 10000.
	// Q3: revenue capped 150%×3, marketing 0, certified 75% → (45000+0+7500)/5 = 10500.
	want := [4]int{7000, 10000, 10500, plan.NoTarget}
	if a.QuarterBP != want {
		t.Errorf("quarters %v, want %v", a.QuarterBP, want)
	}
	if got := a.Objectives[1].Actual[3]; got != 0 {
		t.Errorf("quarter 4 has not begun but shows actual %d", got)
	}
	// Certified people is a level: the year compares the last quarter begun (3) with the last target (4).
	if r := a.Objectives[2]; r.YearTarget != 4 || r.YearActual != 3 || r.YearBP != 7500 {
		t.Errorf("certified year %d/%d = %d", r.YearActual, r.YearTarget, r.YearBP)
	}
	// Revenue year: 350 of 400.
	if r := a.Objectives[0]; r.YearBP != 8750 {
		t.Errorf("revenue year %d", r.YearBP)
	}
	if plan.Evaluate(nil, c, 4).YearBP != plan.NoTarget {
		t.Error("a plan without objectives has an attainment")
	}
}

func TestDueQuarters(t *testing.T) {
	today := time.Date(2026, 9, 20, 0, 0, 0, 0, time.UTC)
	// Q1 held; Q2 ended without a check-in; Q3 ends on 30 Sep, inside the window; Q4 is far.
	got := plan.DueQuarters(2026, 1, today, [4]bool{true, false, false, false})
	if len(got) != 2 || got[0] != 2 || got[1] != 3 {
		t.Errorf("due %v, want [2 3]", got)
	}
}
