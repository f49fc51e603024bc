package plan_test

import (
	"context"
	"testing"
	"time"

	"channeldesk/app/demo"
	"channeldesk/app/metrics"
	"channeldesk/app/plan"
	"channeldesk/data"
)

var dashDay = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) // Q4 2026; Q3 ended on 30 September

// dashFixture makes four partners with 2026 plans of one revenue
// objective (Q3 target 100,000, Q4 target as given) and Q3 won deals:
// Alpha 50 % (agreed), Beta 90 % (agreed), Gamma 0 % but offboarded
// (agreed), Delta 0 % with a draft plan.
func dashFixture(t *testing.T, s *data.Store) map[string]int64 {
	t.Helper()
	ctx := context.Background()
	if err := s.SaveSettings(ctx, data.Settings{Currency: "EUR", FiscalYearFrom: 1}); err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, p := range []struct {
		name, status string
		won, q4      int64
		agree        bool
	}{{"Alpha", "active", 50_000, 200_000, true}, {"Beta", "active", 90_000, 300_000, true},
		{"Gamma", "offboarded", 0, 400_000, true}, {"Delta", "active", 0, 999, false}} {
		id := exec1(t, s, `INSERT INTO partners (name, type, status, created_at, updated_at) VALUES (?, 'reseller', ?, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`, p.name, p.status)
		ids[p.name] = id
		if p.won > 0 {
			exec1(t, s, `INSERT INTO deals (partner_id, customer, customer_key, amount, state, registered_on, closed_on, created_at, updated_at)
				VALUES (?, 'Customer', 'customer', ?, 'won', '2026-07-01', '2026-08-15', '', '')`, id, p.won)
		}
		pl := &data.Plan{PartnerID: id, FiscalYear: 2026, Objectives: []data.Objective{
			{Measure: data.MeasureRevenue, Weight: 100, Targets: [4]int64{0, 0, 100_000, p.q4}}}}
		if err := s.CreatePlan(ctx, pl); err != nil {
			t.Fatal(err)
		}
		if p.agree {
			if err := s.AgreePlan(ctx, pl.ID, "2026-02-01"); err != nil {
				t.Fatal(err)
			}
		}
		ids["plan "+p.name] = pl.ID
	}
	return ids
}

func TestMissedTargetIsAnAtRiskReason(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	ids := dashFixture(t, s)
	missed, err := metrics.MissedTargets(ctx, s, dashDay, metrics.MissedTargetBP)
	if err != nil {
		t.Fatal(err)
	}
	if len(missed) != 1 || missed[0].PartnerID != ids["Alpha"] || missed[0].Kind != metrics.RiskMissedTarget || missed[0].Since != "2026-09-30" {
		t.Fatalf("missed %+v, want only Alpha (50 %% of its agreed Q3 target) since 2026-09-30", missed)
	}
	if missed[0].Name != "Alpha" || missed[0].Status != data.StatusActive {
		t.Errorf("the missed target is shown as %q (%s), want Alpha (active)", missed[0].Name, missed[0].Status)
	}
	risks, err := metrics.FindAtRisk(ctx, s, dashDay, metrics.DefaultRiskRules)
	if err != nil {
		t.Fatal(err)
	}
	if !hasRisk(risks, ids["Alpha"], metrics.RiskMissedTarget) || hasRisk(risks, ids["Beta"], metrics.RiskMissedTarget) {
		t.Errorf("dashboard risks %+v: want Alpha's missed target, not Beta's", risks)
	}
	if err := metrics.DismissRisk(ctx, s, ids["Alpha"], metrics.RiskMissedTarget, dashDay); err != nil {
		t.Fatal(err)
	}
	risks, _ = metrics.FindAtRisk(ctx, s, dashDay, metrics.DefaultRiskRules)
	if hasRisk(risks, ids["Alpha"], metrics.RiskMissedTarget) {
		t.Error("dismissed missed target still listed")
	}
}

func hasRisk(rs []metrics.AtRisk, id int64, k metrics.RiskKind) bool {
	for _, r := range rs {
		if r.PartnerID == id && r.Kind == k {
			return true
		}
	}
	return false
}

func TestCheckInsDueOnToday(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	ids := dashFixture(t, s)
	exec1(t, s, `INSERT INTO plan_checkins (plan_id, quarter, held_on) VALUES (?, 3, '2026-10-05')`, ids["plan Alpha"])
	items, err := metrics.TodayList(ctx, s, dashDay)
	if err != nil {
		t.Fatal(err)
	}
	due := map[int64][]string{}
	for _, it := range items {
		if it.Kind == metrics.TodayCheckIn {
			due[it.PartnerID] = append(due[it.PartnerID], it.Text+"@"+it.Date)
		}
	}
	want := map[string][]string{
		"Alpha": {"Q1 2026@2026-03-31", "Q2 2026@2026-06-30"}, // Q3 held; Q4 ends more than 14 days ahead
		"Beta":  {"Q1 2026@2026-03-31", "Q2 2026@2026-06-30", "Q3 2026@2026-09-30"},
		"Gamma": nil, // offboarded
		"Delta": nil, // draft plan
	}
	for name, w := range want {
		if got := due[ids[name]]; len(got) != len(w) || (len(w) > 0 && got[len(got)-1] != w[len(w)-1]) {
			t.Errorf("%s: check-ins due %q, want %q", name, got, w)
		}
	}
}

func TestWonVersusPlanThisQuarter(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	dashFixture(t, s)
	k, err := metrics.LoadKPIs(ctx, s, dashDay, 1)
	if err != nil {
		t.Fatal(err)
	}
	// Agreed plans of partners in the program: Alpha and Beta; not Gamma
	// (offboarded) nor Delta's draft.
	if !k.HasPlan || k.PlanThisQuarter != 500_000 {
		t.Errorf("plan this quarter %d (has %v), want 500,000", k.PlanThisQuarter, k.HasPlan)
	}
}

// QuarterAttainments, which reads one quarter's figures, gives every
// agreed plan of a partner still in the program the quarter's attainment
// Overview gives it from the whole plans, in each quarter, on demo data
// with every measure, before and after a quarter ends.
func TestQuarterAttainmentsAgreeWithOverview(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	if err := demo.Demo(ctx, s, demo.DemoOptions{Partners: 120, Seed: 4, Today: dashDay}); err != nil {
		t.Fatal(err)
	}
	status, err := s.PartnerStatuses(ctx)
	if err != nil {
		t.Fatal(err)
	}
	compared := 0
	for _, year := range []int{2025, 2026} {
		for _, day := range []time.Time{dashDay, time.Date(2026, 8, 15, 0, 0, 0, 0, time.UTC)} {
			rows, err := plan.Overview(ctx, s, year, day)
			if err != nil {
				t.Fatal(err)
			}
			for q := 1; q <= 4; q++ {
				want := map[int64]int{}
				for _, r := range rows {
					st := status[r.PartnerID]
					if (r.Status == data.PlanAgreed || r.Status == data.PlanCompleted) && st != data.StatusOffboarded &&
						st != data.StatusDeclined && r.Attainment.QuarterBP[q-1] != plan.NoTarget {
						want[r.PlanID] = r.Attainment.QuarterBP[q-1]
					}
				}
				got, err := plan.QuarterAttainments(ctx, s, year, q, day)
				if err != nil {
					t.Fatal(err)
				}
				have := map[int64]int{}
				for _, r := range got {
					if r.BP != plan.NoTarget {
						have[r.PlanID] = r.BP
					}
				}
				if len(have) != len(want) {
					t.Errorf("%d Q%d on %s: %d plans with an attainment, Overview has %d", year, q, day.Format(time.DateOnly), len(have), len(want))
				}
				for id, bp := range want {
					if have[id] != bp {
						t.Errorf("%d Q%d on %s: plan %d at %d bp, Overview says %d", year, q, day.Format(time.DateOnly), id, have[id], bp)
					}
					compared++
				}
			}
		}
	}
	if compared < 100 {
		t.Fatalf("only %d attainments compared: the demo has too few agreed plans for the test to mean much", compared)
	}
	t.Logf("%d quarter attainments compared", compared)
}
