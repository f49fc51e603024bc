package kit_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"channeldesk/app/kit"
)

// planCell is what partner A's kit shows in the plan actuals row of the
// objective, quarter q (1–4).
func planCell(t *testing.T, w *world, path string, q int) string {
	t.Helper()
	p := openKit(t, path)
	defer p.f.Close()
	row := p.next(shPlan, "P:"+fmt.Sprint(w.objective))
	v, err := p.f.GetCellValue(shPlan, fmt.Sprintf("%c%d", 'H'+q-1, row))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// A partner that reports 0 for the quarter due, in its returned kit, has
// reported it: its figures are no longer due. The kit leaves a quarter
// not reported yet empty (not 0), and the next kit shows the reported 0.
func TestKitReportedZeroIsNoLongerDue(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	plan, _ := w.s.PlanFor(ctx, w.a, 2026)
	if err := w.s.AgreePlan(ctx, plan.ID, "2026-01-20"); err != nil {
		t.Fatal(err)
	}
	isDue := func() bool {
		t.Helper()
		q, ids, err := kit.FiguresDue(ctx, w.s)
		if err != nil || q.Label() != "Q2 2026" {
			t.Fatalf("figures due for %s (%v), want Q2 2026", q.Label(), err)
		}
		return slices.Contains(ids, w.a)
	}
	if !isDue() {
		t.Fatal("Alpha has reported nothing for Q2 and is not due")
	}
	out := exportA(t, w)
	if q1, q2 := planCell(t, w, out, 1), planCell(t, w, out, 2); q1 != "1" || q2 != "" {
		t.Fatalf("the kit shows Q1 %q and Q2 %q; want 1 and an empty cell for the quarter not reported", q1, q2)
	}

	filled := filepath.Join(t.TempDir(), "filled.xlsx")
	p := openKit(t, out)
	p.fill(shPlan, p.next(shPlan, "P:"+fmt.Sprint(w.objective)), 8, nil, 0)
	p.save(filled)
	pv, err := importFile(t, w.s, filled, kit.ImportOptions{Commit: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range pv.Items {
		if it.Kind == kit.RowActual {
			got = append(got, it.Summary+" ["+errKey(it.Err)+"]")
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "Q2 – › 0") || !strings.HasSuffix(got[0], "[]") {
		t.Fatalf("plan actual rows %q, want one accepted row reporting Q2 as 0", got)
	}
	plan, _ = w.s.PlanFor(ctx, w.a, 2026)
	if o := plan.Objectives[1]; !o.Reported[1] || o.Actuals[1] != 0 {
		t.Errorf("after the kit Q2 is reported %v with %d; want reported 0", o.Reported[1], o.Actuals[1])
	}
	if isDue() {
		t.Error("Alpha reported 0 for Q2 in its kit and is still due")
	}
	if q2 := planCell(t, w, exportA(t, w), 2); q2 != "0" {
		t.Errorf("the next kit shows Q2 %q, want the reported 0", q2)
	}

	// Importing the same kit again changes nothing and refuses nothing.
	if pv, err = importFile(t, w.s, filled, kit.ImportOptions{Commit: true}); err != nil {
		t.Fatal(err)
	}
	for _, it := range pv.Items {
		if it.Kind == kit.RowActual && it.Err != nil {
			t.Errorf("second import of the same kit: %s refused: %v", it.Summary, it.Err)
		}
	}
}

// A kit that showed no figure for a quarter the manager has since
// entered, even as 0, does not overwrite it: the row names the quarter.
func TestKitDoesNotOverwriteAQuarterReportedSince(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	filled := filepath.Join(t.TempDir(), "filled.xlsx")
	p := openKit(t, exportA(t, w))
	p.fill(shPlan, p.next(shPlan, "P:"+fmt.Sprint(w.objective)), 8, nil, 4)
	p.save(filled)
	if err := w.s.SetActual(ctx, w.objective, 2, 0); err != nil {
		t.Fatal(err)
	}
	pv, err := importFile(t, w.s, filled, kit.ImportOptions{Commit: true})
	if err != nil {
		t.Fatal(err)
	}
	refused := false
	for _, it := range pv.Items {
		if it.Kind == kit.RowActual {
			refused = errKey(it.Err) == "err.kit_actual_changed"
		}
	}
	plan, _ := w.s.PlanFor(ctx, w.a, 2026)
	if !refused || plan.Objectives[1].Actuals[1] != 0 || !plan.Objectives[1].Reported[1] {
		t.Errorf("refused %v, Q2 now %d reported %v; want the row refused and the manager's reported 0 kept",
			refused, plan.Objectives[1].Actuals[1], plan.Objectives[1].Reported[1])
	}
}
