package plan_test

import (
	"context"
	"regexp"
	"testing"

	"channeldesk/app/format"
	"channeldesk/app/plan"
	"channeldesk/data"
)

// A quarter begun has an actual to show when data computes it or when
// it was entered, a reported 0 included; a quarter not begun never does.
func TestEvaluateKnowsReportedQuarters(t *testing.T) {
	objs := []data.Objective{
		{Measure: data.MeasureMarketing, Weight: 1, Targets: [4]int64{1, 1, 1, 1}, Actuals: [4]int64{0, 0, 2, 0},
			Reported: [4]bool{true, false, false, true}},
		{Measure: data.MeasureRevenue, Weight: 1, Targets: [4]int64{1, 1, 1, 1}},
	}
	a := plan.Evaluate(objs, plan.Computed{}, 3)
	if got, want := a.Objectives[0].Known, [4]bool{true, false, true, false}; got != want {
		t.Errorf("entered objective known %v, want %v (reported 0, nothing, 2 counts as reported, Q4 not begun)", got, want)
	}
	if got, want := a.Objectives[1].Known, [4]bool{true, true, true, false}; got != want {
		t.Errorf("computed objective known %v, want %v", got, want)
	}
}

// The PDF plan shows a reported 0 as 0 and a quarter begun but not
// reported with the dash it uses for a quarter not begun.
func TestPlanPDFTellsReportedZeroFromNothing(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	p := fixture(t, s, 3)
	pl, err := s.PlanFor(ctx, p.ID, 2026)
	if err != nil {
		t.Fatal(err)
	}
	// Webinars: Q1 1, Q2 reported 0, Q3 begun and not reported, Q4 not begun.
	if err := s.SetActual(ctx, pl.Objectives[2].ID, 2, 0); err != nil {
		t.Fatal(err)
	}
	txt := pdfText(t, render(t, s, p.ID, format.EN))
	if !regexp.MustCompile(`Вебинары\s+Actual\s+1\s+0\s+—\s+—\s+1\s`).MatchString(txt) {
		t.Errorf("the webinars' actuals are not 1, 0, –, – (year 1):\n%s", txt)
	}
}
