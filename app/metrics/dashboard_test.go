package metrics

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"channeldesk/app/demo"
	"channeldesk/app/fiscal"
	"channeldesk/app/format"
	"channeldesk/data"
)

var dashToday = time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)

func volumeStore(tb testing.TB, partners, deals int) *data.Store {
	tb.Helper()
	s, err := data.Open(filepath.Join(tb.TempDir(), "d.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	if err := demo.FillVolume(context.Background(), s, demo.Volume{Partners: partners, Deals: deals, Today: dashToday}); err != nil {
		tb.Fatal(err)
	}
	return s
}

func TestQuarterOfFollowsFiscalYear(t *testing.T) {
	tests := map[string]struct {
		day        string
		from       int
		label      string
		start, end string
	}{
		"calendar":         {"2026-11-27", 1, "Q4 2026", "2026-10-01", "2026-12-31"},
		"april start":      {"2026-11-27", 4, "Q3 2026/27", "2026-10-01", "2026-12-31"},
		"april, before it": {"2026-02-10", 4, "Q4 2025/26", "2026-01-01", "2026-03-31"},
		"july start":       {"2026-07-01", 7, "Q1 2026/27", "2026-07-01", "2026-09-30"},
		"february start":   {"2026-01-31", 2, "Q4 2025/26", "2025-11-01", "2026-01-31"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			d, _ := time.Parse(format.DateLayout, tc.day)
			q := fiscal.QuarterOf(d, tc.from)
			if q.Label() != tc.label || fiscal.ISODate(q.Start()) != tc.start || fiscal.ISODate(q.End()) != tc.end {
				t.Errorf("%s: %s %s..%s", tc.day, q.Label(), fiscal.ISODate(q.Start()), fiscal.ISODate(q.End()))
			}
			if q.Next().Prev() != q {
				t.Errorf("Next/Prev do not round-trip: %+v", q)
			}
		})
	}
}

func TestKPIsMatchTheData(t *testing.T) {
	s := volumeStore(t, 50, 600)
	ctx := context.Background()
	k, err := LoadKPIs(ctx, s, dashToday, 1)
	if err != nil {
		t.Fatal(err)
	}
	var active, submitted int
	var wonQ int64
	s.DB().QueryRow(`SELECT count(*) FROM partners WHERE status='active'`).Scan(&active)
	s.DB().QueryRow(`SELECT count(*) FROM deals WHERE state='submitted'`).Scan(&submitted)
	s.DB().QueryRow(`SELECT coalesce(sum(amount),0) FROM deals WHERE state='won' AND closed_on >= '2026-10-01' AND closed_on <= '2026-12-31'`).Scan(&wonQ)
	if k.ActivePartners != active || k.DealsAwaitingApproval != submitted || k.WonThisQuarter != wonQ || wonQ == 0 {
		t.Errorf("KPIs %+v; want active %d, submitted %d, won %d", k, active, submitted, wonQ)
	}
	if k.DealsExpiringSoon == 0 || k.OnboardingInProgress == 0 {
		t.Errorf("expected expiring deals and onboarding in progress: %+v", k)
	}
}

func TestChartFiguresMatchTheData(t *testing.T) {
	s := volumeStore(t, 50, 600)
	ctx := context.Background()
	var wonQ int64
	s.DB().QueryRow(`SELECT coalesce(sum(amount),0) FROM deals WHERE state='won' AND closed_on >= '2026-10-01' AND closed_on <= '2026-12-31'`).Scan(&wonQ)
	won, _ := WonByQuarter(ctx, s, dashToday, 1, 8)
	if len(won) != 8 || won[7].Amount != wonQ || won[7].Quarter.Label() != "Q4 2026" {
		t.Errorf("won by quarter ends with %+v", won[len(won)-1])
	}
	byStatus, _ := PartnersByStatus(ctx, s)
	sum := 0
	for _, c := range byStatus {
		sum += c.N
	}
	if sum != 50 || len(byStatus) != len(data.Statuses) {
		t.Errorf("partners by status sum %d over %d statuses", sum, len(byStatus))
	}
	byTier, _ := PartnersByTier(ctx, s, format.RU)
	if byTier[0].Label != "Золотой" || byTier[len(byTier)-1].Key != "" {
		t.Errorf("partners by tier %+v", byTier)
	}
}

func TestTodayList(t *testing.T) {
	s := volumeStore(t, 100, 200)
	items, err := TodayList(context.Background(), s, dashToday)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[TodayKind]int{}
	for _, it := range items {
		kinds[it.Kind]++
		if it.PartnerID == 0 || it.PartnerName == "" {
			t.Errorf("item without partner: %+v", it)
		}
		if it.Kind != TodayEscalation && (it.Date < "2026-11-27" || it.Date > "2026-12-27") {
			t.Errorf("%s item dated %s is not coming up", it.Kind, it.Date)
		}
	}
	if kinds[TodayEscalation] != 2 || kinds[TodayDealExpiry] == 0 || kinds[TodayCertExpiry] == 0 {
		t.Errorf("kinds %v", kinds)
	}
}

// A certification of someone who left the partner is not the partner's
// to renew: it leaves Today.
func TestTodayListLeavesOutPeopleWhoLeft(t *testing.T) {
	s := volumeStore(t, 100, 200)
	ctx := context.Background()
	if _, err := s.DB().ExecContext(ctx, `UPDATE contacts SET left_on = '2026-11-01'`); err != nil {
		t.Fatal(err)
	}
	items, err := TodayList(ctx, s, dashToday)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.Kind == TodayCertExpiry {
			t.Errorf("certification of someone who left in Today: %+v", it)
		}
	}
	if certs, _ := s.ExpiringCertifications(ctx, "2026-01-01", "2027-12-31"); len(certs) != 0 {
		t.Errorf("%d expiring certifications of people who left", len(certs))
	}
}

func TestAtRiskAndDismiss(t *testing.T) {
	s := volumeStore(t, 20, 0) // no deals: every active partner has won nothing
	ctx := context.Background()
	risks, err := FindAtRisk(ctx, s, dashToday, DefaultRiskRules)
	if err != nil {
		t.Fatal(err)
	}
	var active int
	s.DB().QueryRow(`SELECT count(*) FROM partners WHERE status IN ('active','at_risk')`).Scan(&active)
	noWon := 0
	var first AtRisk
	for _, r := range risks {
		if r.Kind == RiskNoWonDeal {
			if noWon == 0 {
				first = r
			}
			noWon++
		}
	}
	if noWon != active {
		t.Fatalf("%d no-won-deal warnings, want %d", noWon, active)
	}
	if err := DismissRisk(ctx, s, first.PartnerID, first.Kind, dashToday); err != nil {
		t.Fatal(err)
	}
	after, _ := FindAtRisk(ctx, s, dashToday, DefaultRiskRules)
	if len(after) != len(risks)-1 {
		t.Errorf("after dismissing: %d warnings, want %d", len(after), len(risks)-1)
	}
	later, _ := FindAtRisk(ctx, s, dashToday.AddDate(0, 0, 31), DefaultRiskRules)
	if len(later) < len(risks) {
		t.Errorf("a dismissal outlived %d days: %d < %d", DefaultRiskRules.DismissDays, len(later), len(risks))
	}
	// A recent win clears the warning.
	s.DB().Exec(`INSERT INTO deals (partner_id, customer, customer_key, amount, state, registered_on, closed_on, created_at, updated_at)
		VALUES (?, 'X', 'x', 100, 'won', '2026-10-01', '2026-11-01', '', '')`, first.PartnerID)
	s.DB().Exec(`DELETE FROM settings`)
	cleared, _ := FindAtRisk(ctx, s, dashToday, DefaultRiskRules)
	for _, r := range cleared {
		if r.PartnerID == first.PartnerID && r.Kind == RiskNoWonDeal {
			t.Error("partner with a recent win is still at risk")
		}
	}
}

func TestStalledOnboarding(t *testing.T) {
	s := volumeStore(t, 200, 0)
	risks, _ := FindAtRisk(context.Background(), s, dashToday, DefaultRiskRules)
	var want int
	s.DB().QueryRow(`SELECT count(*) FROM onboarding_checklists WHERE completed_on = '' AND started_on < '2026-09-28'`).Scan(&want)
	got := 0
	for _, r := range risks {
		if r.Kind == RiskStalledOnboarding {
			got++
		}
	}
	if want == 0 || got != want {
		t.Errorf("%d stalled onboardings flagged, want %d", got, want)
	}
}

// BenchmarkDashboardFigures computes everything the dashboard shows on
// 5,000 partners, 100,000 deals and 20,000 MDF requests.
func BenchmarkDashboardFigures(b *testing.B) {
	s := mdfVolumeStore(b, 5000, 100_000, 20_000)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := LoadKPIs(ctx, s, dashToday, 1); err != nil {
			b.Fatal(err)
		}
		if _, err := WonByQuarter(ctx, s, dashToday, 1, 8); err != nil {
			b.Fatal(err)
		}
		if _, err := PartnersByTier(ctx, s, format.EN); err != nil {
			b.Fatal(err)
		}
		if _, err := PartnersByStatus(ctx, s); err != nil {
			b.Fatal(err)
		}
		if _, err := TodayList(ctx, s, dashToday); err != nil {
			b.Fatal(err)
		}
		if _, err := FindAtRisk(ctx, s, dashToday, DefaultRiskRules); err != nil {
			b.Fatal(err)
		}
		if _, err := LoadMDFKPI(ctx, s, dashToday); err != nil {
			b.Fatal(err)
		}
	}
}
