package team_test

import (
	"context"
	"slices"
	"testing"

	"channeldesk/data"
)

// A quarter reported as 0 on one laptop reaches the other as reported:
// the partner is no longer due there either. Taking the figure back
// travels the same way.
func TestSyncCarriesAReportedZero(t *testing.T) {
	ctx := context.Background()
	var partnerID, objID int64
	anna, join := newTeam(t, func(s *data.Store) {
		partnerID = partner(t, s, "Zero Reporter").ID
		p := &data.Plan{PartnerID: partnerID, FiscalYear: 2026, Objectives: []data.Objective{
			{Measure: data.MeasureMarketing, Weight: 100, Targets: [4]int64{1, 1, 1, 1}}}}
		if err := s.CreatePlan(ctx, p); err != nil {
			t.Fatal(err)
		}
		if err := s.AgreePlan(ctx, p.ID, "2026-01-20"); err != nil {
			t.Fatal(err)
		}
		objID = p.Objectives[0].ID
	})
	boris := join("Boris")
	state := func(l *laptop) (reported, due bool) {
		t.Helper()
		p, err := l.s.PlanFor(ctx, partnerID, 2026)
		if err != nil {
			t.Fatal(err)
		}
		ids, err := l.s.PartnersMissingActuals(ctx, 2026, 2)
		if err != nil {
			t.Fatal(err)
		}
		return p.Objectives[0].Reported[1], slices.Contains(ids, partnerID)
	}
	if rep, due := state(boris); rep || !due {
		t.Fatalf("before any report Boris sees reported %v, due %v", rep, due)
	}

	if err := anna.s.SetActual(ctx, objID, 2, 0); err != nil {
		t.Fatal(err)
	}
	if r := anna.sync(t); r.Pushed == 0 {
		t.Fatalf("anna's sync pushed nothing: %+v", r)
	}
	boris.sync(t)
	sameData(t, anna, boris)
	if rep, due := state(boris); !rep || due {
		t.Errorf("after Anna's reported 0 Boris sees reported %v, due %v; want reported, not due", rep, due)
	}

	if err := boris.s.ClearActual(ctx, objID, 2); err != nil {
		t.Fatal(err)
	}
	boris.sync(t)
	anna.sync(t)
	sameData(t, anna, boris)
	if rep, due := state(anna); rep || !due {
		t.Errorf("after Boris took the figure back Anna sees reported %v, due %v; want not reported, due", rep, due)
	}
}
