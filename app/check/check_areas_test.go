package check_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"channeldesk/app/check"
	"channeldesk/data"
)

// TestCheckFindsPlantedAreaFaults plants one fault per invariant of
// onboarding, plans, MDF attribution and tier changes in demo data, and
// expects exactly that check (among others) to report it.
func TestCheckFindsPlantedAreaFaults(t *testing.T) {
	demo := demoFile(t)
	// Rows the demo must hold for the clean run to mean something.
	for q, what := range map[string]string{
		`SELECT count(*) FROM onboarding_tasks WHERE state = 'done'`:                 "done onboarding tasks",
		`SELECT count(*) FROM onboarding_checklists WHERE completed_on != ''`:        "completed checklists",
		`SELECT count(*) FROM plan_revisions`:                                        "agreed plan revisions",
		`SELECT count(*) FROM deals WHERE mdf_request_id IS NOT NULL`:                "deals attributed to MDF",
		`SELECT count(*) FROM tier_changes`:                                          "tier changes",
		`SELECT count(*) FROM onboarding_checklists WHERE completed_on = ''`:         "open checklists",
		`SELECT count(*) FROM plans WHERE status IN ('agreed', 'completed')`:         "agreed plans",
		`SELECT count(*) FROM partners WHERE tier_id IS NOT NULL`:                    "partners with a tier",
		`SELECT count(*) FROM onboarding_tasks WHERE state IN ('pending','blocked')`: "open onboarding tasks",
	} {
		t.Run("demo has "+what, func(t *testing.T) {
			if n := countIn(t, demo, q); n == 0 {
				t.Skipf("the demo data has no %s: the clean run does not cover them", what)
			}
		})
	}
	const doneTask = `(SELECT min(id) FROM onboarding_tasks WHERE state = 'done')`
	const completed = `(SELECT min(id) FROM onboarding_checklists WHERE completed_on != '')`
	const agreedPlan = `(SELECT min(id) FROM plans WHERE status IN ('agreed','completed'))`
	const attributed = `(SELECT min(id) FROM deals WHERE mdf_request_id IS NOT NULL)`
	const changed = `(SELECT min(partner_id) FROM tier_changes)`
	cases := []struct {
		name  string
		plant []string
		want  string
	}{
		{"TaskOfMissingChecklist", []string{`UPDATE onboarding_tasks SET checklist_id = 987654 WHERE id = ` + doneTask}, "onboarding_tasks.orphan"},
		{"TaskBadDueDate", []string{`UPDATE onboarding_tasks SET due_on = '2026-13-01' WHERE id = ` + doneTask}, "onboarding_tasks.bad_date"},
		{"DoneTaskWithoutDate", []string{`UPDATE onboarding_tasks SET done_on = '' WHERE id = ` + doneTask}, "onboarding_tasks.done_without_date"},
		{"PendingTaskWithDate", []string{`UPDATE onboarding_tasks SET state = 'pending', done_on = '2026-01-01' WHERE id = ` + doneTask}, "onboarding_tasks.open_with_date"},
		{"CompletedWithOpenTask", []string{`UPDATE onboarding_tasks SET state = 'pending', done_on = '' WHERE required = 1 AND checklist_id = ` + completed}, "onboarding_checklists.completed_with_open_tasks"},
		{"AllDoneNotCompleted", []string{`UPDATE onboarding_checklists SET completed_on = '' WHERE id = ` + completed}, "onboarding_checklists.done_not_completed"},
		{"AgreedPlanWithoutDate", []string{`UPDATE plans SET agreed_on = '' WHERE id = ` + agreedPlan}, "plans.agreed_without_date"},
		{"DraftWithAgreedDate", []string{`UPDATE plans SET status = 'draft' WHERE id = ` + agreedPlan}, "plans.draft_with_agreed_date"},
		{"AgreedRevisionMissing", []string{`DELETE FROM plan_revisions WHERE plan_id = ` + agreedPlan}, "plans.agreed_revision_missing"},
		{"RevisionSkipped", []string{`UPDATE plans SET revision = revision + 2 WHERE id = ` + agreedPlan}, "plans.previous_revision_missing"},
		{"RevisionAheadOfPlan", []string{`INSERT INTO plan_revisions (plan_id, revision, agreed_on, snapshot)
			SELECT id, revision + 5, '2026-01-01', '{}' FROM plans WHERE id = ` + agreedPlan}, "plan_revisions.ahead_of_plan"},
		{"RevisionOfMissingPlan", []string{`INSERT INTO plan_revisions (plan_id, revision, agreed_on, snapshot) VALUES (555555, 1, '2026-01-01', '{}')`}, "plan_revisions.orphan"},
		{"BrokenSnapshot", []string{`UPDATE plan_revisions SET snapshot = '{"Objectives": [' WHERE plan_id = ` + agreedPlan}, "plan_revisions.bad_snapshot"},
		{"DealOfMissingMDFRequest", []string{`UPDATE deals SET mdf_request_id = 444444 WHERE id = ` + attributed}, "deals.mdf_request_missing"},
		{"DealOnOtherPartnersMDF", []string{`UPDATE deals SET mdf_request_id = (SELECT min(m.id) FROM mdf_requests m
			WHERE m.partner_id != deals.partner_id) WHERE id = ` + attributed}, "deals.mdf_request_of_other_partner"},
		{"TierChangeToSameTier", []string{`INSERT INTO tier_changes (partner_id, from_tier_id, to_tier_id, changed_at)
			SELECT id, tier_id, tier_id, '2000-01-01T00:00:00Z' FROM partners WHERE tier_id IS NOT NULL LIMIT 1`}, "tier_changes.no_change"},
		{"TierChangeToMissingTier", []string{`UPDATE tier_changes SET to_tier_id = 333 WHERE id = (SELECT min(id) FROM tier_changes)`}, "tier_changes.unknown_tier"},
		{"AssignedTierDisagreesWithLastChange", []string{`UPDATE partners SET tier_id = NULL WHERE id = ` + changed,
			`UPDATE tier_changes SET to_tier_id = (SELECT min(id) FROM tiers) WHERE id = (SELECT id FROM tier_changes
				WHERE partner_id = ` + changed + ` ORDER BY changed_at DESC, id DESC LIMIT 1)`}, "tier_changes.latest_not_assigned"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "c.db")
			os.WriteFile(path, demo, 0o600)
			plant(t, path, c.plant...)
			s, err := data.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			found, err := check.RunChecks(context.Background(), s)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range found {
				if f.Check == c.want {
					return
				}
			}
			t.Errorf("%s not reported; found %v", c.want, found)
		})
	}
}

// countIn counts with q on a copy of a database file.
func countIn(t *testing.T, db []byte, q string) int {
	t.Helper()
	path := filepath.Join(t.TempDir(), "q.db")
	os.WriteFile(path, db, 0o600)
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int
	if err := s.DB().QueryRow(q).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestCheckRedraftedPlanIsClean edits an agreed plan through the store (a
// new draft revision) and agrees it again: neither state is a finding.
func TestCheckRedraftedPlanIsClean(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	os.WriteFile(path, demoFile(t), 0o600)
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	var partner int64
	var year int
	if err := s.DB().QueryRow(`SELECT partner_id, fiscal_year FROM plans WHERE status = 'agreed' LIMIT 1`).Scan(&partner, &year); err != nil {
		t.Fatal(err)
	}
	p, err := s.PlanFor(ctx, partner, year)
	if err != nil {
		t.Fatal(err)
	}
	p.RepCommitment = "two more calls a week"
	if err := s.SavePlan(ctx, p); err != nil {
		t.Fatal(err)
	}
	for _, step := range []string{"redrafted", "agreed again"} {
		if step == "agreed again" {
			if err := s.AgreePlan(ctx, p.ID, "2026-06-01"); err != nil {
				t.Fatal(err)
			}
		}
		found, err := check.RunChecks(ctx, s)
		if err != nil || len(found) > 0 {
			t.Fatalf("%s: %v %v", step, found, err)
		}
	}
	var rev int
	s.DB().QueryRow(`SELECT revision FROM plans WHERE id = ?`, p.ID).Scan(&rev)
	if rev < 2 {
		t.Fatalf("the plan is at revision %d after a redraft", rev)
	}
}
