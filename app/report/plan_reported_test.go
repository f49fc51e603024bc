package report

import (
	"channeldesk/internal/testutil"
	"context"
	"testing"

	"channeldesk/app/format"
	"channeldesk/data"
)

// The Plan objectives sheet shows a reported 0 as 0 and leaves a quarter
// begun but not reported empty, as it does for a quarter not begun.
func TestPlanSheetTellsReportedZeroFromNothing(t *testing.T) {
	ctx := context.Background()
	s := testutil.OpenStore(t)
	p := &data.Partner{Name: "Zero Ltd", Type: data.TypeReseller, Status: data.StatusActive}
	if err := s.CreatePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	pl := &data.Plan{PartnerID: p.ID, FiscalYear: 2026, Objectives: []data.Objective{
		{Measure: data.MeasureMarketing, Weight: 100, Targets: [4]int64{1, 1, 1, 1}}}}
	if err := s.CreatePlan(ctx, pl); err != nil {
		t.Fatal(err)
	}
	obj := pl.Objectives[0].ID
	if err := s.SetActual(ctx, obj, 1, 0); err != nil {
		t.Fatal(err)
	}
	if err := s.SetActual(ctx, obj, 3, 2); err != nil {
		t.Fatal(err)
	}
	f, _ := writeReport(t, s, Options{Lang: format.EN})
	rows, _ := f.GetRows("Plan objectives")
	if len(rows) < 2 || rows[1][0] != "Zero Ltd" {
		t.Fatalf("plan objectives rows %q", rows)
	}
	// Actuals of Q1–Q4 are columns G, I, K, M; today (27 Nov) all four quarters have begun.
	want := map[string]string{"G2": "0", "I2": "", "K2": "2", "M2": ""}
	for ref, w := range want {
		if got, _ := f.GetCellValue("Plan objectives", ref); got != w {
			t.Errorf("%s = %q, want %q", ref, got, w)
		}
	}
}
