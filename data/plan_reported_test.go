package data_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"channeldesk/data"
)

// reportedPlan is an agreed 2026 plan whose second objective the partner
// reports itself (marketing activities, a target in every quarter).
func reportedPlan(t *testing.T, s *data.Store, name string) (partnerID, objectiveID int64) {
	t.Helper()
	ctx := context.Background()
	partner := mustPartner(t, s, name, data.StatusActive)
	p := mustPlan(t, s, partner.ID)
	if err := s.AgreePlan(ctx, p.ID, "2026-01-20"); err != nil {
		t.Fatal(err)
	}
	return partner.ID, p.Objectives[1].ID
}

// A partner that reports 0 for a quarter has reported it: it is no
// longer due, the plan reads the 0 as reported, and saving the plan
// again (the plan editor) keeps the mark. Clearing the figure makes the
// quarter due again.
func TestReportedZeroIsNotDue(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	partner, obj := reportedPlan(t, s, "Нулевой отчёт")
	due := func() bool {
		t.Helper()
		ids, err := s.PartnersMissingActuals(ctx, 2026, 2)
		if err != nil {
			t.Fatal(err)
		}
		return slices.Contains(ids, partner)
	}
	objective := func() data.Objective {
		t.Helper()
		p, err := s.PlanFor(ctx, partner, 2026)
		if err != nil {
			t.Fatal(err)
		}
		return p.Objectives[1]
	}
	if !due() || objective().Reported[1] {
		t.Fatalf("nothing reported for Q2: due %v, reported %v; want due and not reported", due(), objective().Reported)
	}
	if err := s.SetActual(ctx, obj, 2, 0); err != nil {
		t.Fatal(err)
	}
	if o := objective(); due() || o.Reported != [4]bool{false, true, false, false} || o.Actuals[1] != 0 {
		t.Fatalf("Q2 reported as 0: due %v, reported %v, actuals %v; want not due, Q2 reported 0", due(), o.Reported, o.Actuals)
	}

	p, _ := s.PlanFor(ctx, partner, 2026)
	p.Objectives[1].Title = "Webinars"
	if err := s.SavePlan(ctx, p); err != nil {
		t.Fatal(err)
	}
	if o := objective(); due() || !o.Reported[1] {
		t.Fatalf("after an edit of the plan Q2's reported 0 is lost: due %v, reported %v", due(), o.Reported)
	}

	if err := s.ClearActual(ctx, obj, 2); err != nil {
		t.Fatal(err)
	}
	if o := objective(); !due() || o.Reported[1] || o.Actuals[1] != 0 {
		t.Fatalf("Q2 cleared: due %v, reported %v, actuals %v; want due again, not reported", due(), o.Reported, o.Actuals)
	}
	if err := s.ClearActual(ctx, obj, 5); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("clearing quarter 5: %v, want invalid", err)
	}
	if err := s.ClearActual(ctx, 999999, 2); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("clearing a missing objective: %v, want not found", err)
	}
}

// The reported mark is 0 or 1; the schema refuses anything else.
func TestReportedMarkIsZeroOrOne(t *testing.T) {
	s := MustOpen(t)
	_, obj := reportedPlan(t, s, "Check Ltd")
	for _, col := range []string{"reported_q1", "reported_q2", "reported_q3", "reported_q4"} {
		if _, err := s.DB().Exec(`UPDATE plan_objectives SET `+col+` = 2 WHERE id = ?`, obj); err == nil {
			t.Errorf("%s = 2 was stored", col)
		}
	}
	var n int
	if err := s.DB().QueryRow(`SELECT reported_q1 + reported_q2 + reported_q3 + reported_q4 FROM plan_objectives WHERE id = ?`, obj).Scan(&n); err != nil || n != 0 {
		t.Errorf("marks after the refused updates sum to %d (%v), want 0", n, err)
	}
}

// Migration 0018 on a file made before it: a quarter with an actual above
// 0 was reported, one at 0 was not (and stays due).
func TestReportedMigrationBackfillsOldRows(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	partner, obj := reportedPlan(t, s, "Old File Ltd")
	// Make the file as version 17 left it: no marks, actuals as typed.
	for _, q := range []string{
		`UPDATE plan_objectives SET actual_q1 = 3, actual_q2 = 0, actual_q3 = 1, actual_q4 = 0 WHERE id = ?`,
		`ALTER TABLE plan_objectives DROP COLUMN reported_q1`,
		`ALTER TABLE plan_objectives DROP COLUMN reported_q2`,
		`ALTER TABLE plan_objectives DROP COLUMN reported_q3`,
		`ALTER TABLE plan_objectives DROP COLUMN reported_q4`,
		`DROP INDEX IF EXISTS events_open_kind`, // and what came after 0018
		`DROP INDEX IF EXISTS onboarding_tasks_open_due`,
		`DELETE FROM schema_migrations WHERE version >= 18`,
	} {
		var args []any
		if q[0] == 'U' {
			args = []any{obj}
		}
		if _, err := s.DB().Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	var cols int
	s.DB().QueryRow(`SELECT count(*) FROM pragma_table_info('plan_objectives') WHERE name LIKE 'reported_%'`).Scan(&cols)
	if err := s.Close(); err != nil || cols != 0 {
		t.Fatalf("old-style file: %d mark columns left, close: %v", cols, err)
	}

	s, err = data.Open(path)
	if err != nil {
		t.Fatalf("migrating the old file: %v", err)
	}
	defer s.Close()
	var raw [4]int
	if err := s.DB().QueryRow(`SELECT reported_q1, reported_q2, reported_q3, reported_q4 FROM plan_objectives WHERE id = ?`, obj).
		Scan(&raw[0], &raw[1], &raw[2], &raw[3]); err != nil {
		t.Fatal(err)
	}
	if raw != [4]int{1, 0, 1, 0} {
		t.Errorf("backfilled marks %v, want [1 0 1 0] (reported where the actual is above 0)", raw)
	}
	var others int
	s.DB().QueryRow(`SELECT count(*) FROM plan_objectives WHERE id <> ? AND reported_q1 + reported_q2 + reported_q3 + reported_q4 > 0`, obj).Scan(&others)
	if others != 0 {
		t.Errorf("%d objectives without actuals got marks", others)
	}
	p, err := s.PlanFor(ctx, partner, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if o := p.Objectives[1]; o.Reported != [4]bool{true, false, true, false} || o.Actuals != [4]int64{3, 0, 1, 0} {
		t.Errorf("migrated objective reads reported %v actuals %v", o.Reported, o.Actuals)
	}
	for q, want := range map[int]bool{1: false, 2: true, 3: false, 4: true} {
		ids, err := s.PartnersMissingActuals(ctx, 2026, q)
		if err != nil {
			t.Fatal(err)
		}
		if got := slices.Contains(ids, partner); got != want {
			t.Errorf("after the migration Q%d due %v, want %v", q, got, want)
		}
	}
}
