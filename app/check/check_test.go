package check_test

import (
	"channeldesk/internal/testutil"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"channeldesk/app/check"
	demox "channeldesk/app/demo"
	"channeldesk/data"
)

// demoFile writes a closed demo database and returns its bytes.
func demoFile(t *testing.T) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := demox.Demo(context.Background(), s, demox.DemoOptions{Partners: 40, Seed: 3, Today: testutil.DemoDay}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// plant writes rows the program would never write, on a raw connection
// with foreign keys and CHECK constraints off.
func plant(t *testing.T, path string, sqls ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(0)&_pragma=ignore_check_constraints(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range sqls {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

const aDeal = `INSERT INTO deals (partner_id, customer, customer_key, amount, state, registered_on, approved_on, protected_until, closed_on, created_at, updated_at)
	VALUES ((SELECT min(id) FROM partners), 'Acme', 'acme', `

func TestCheckFindsPlantedFaults(t *testing.T) {
	demo := demoFile(t)
	cases := []struct {
		name  string
		plant []string
		want  []string // check names that must report
	}{
		{"Clean", nil, nil},
		{"OrphanContact", []string{`INSERT INTO contacts (partner_id, name) VALUES (999999, 'Ghost')`}, []string{"contacts.orphan", "foreign_keys"}},
		{"OrphanEventAndCertification", []string{
			`INSERT INTO events (partner_id, kind, at) VALUES (888888, 'note', '2026-01-01T00:00:00Z')`,
			`INSERT INTO certifications (contact_id, name, earned_on) VALUES (777777, 'Sales', '2026-01-01')`,
		}, []string{"events.orphan", "certifications.orphan"}},
		{"EventStates", []string{
			`INSERT INTO events (partner_id, kind, at, from_status, to_status) VALUES ((SELECT min(id) FROM partners), 'status_change', '2026-01-01T00:00:00Z', 'active', 'won')`,
			`INSERT INTO events (partner_id, kind, at, from_status, to_status) VALUES ((SELECT min(id) FROM partners), 'deal', '2026-01-01T00:00:00Z', 'submitted', 'active')`,
		}, []string{"events.bad_status", "events.bad_deal_state"}},
		// deal steps as SaveDeal and MoveDeal write them keep deal states, and are clean
		{"DealStepInTimeline", []string{
			`INSERT INTO events (partner_id, kind, at, from_status, to_status) VALUES ((SELECT min(id) FROM partners), 'deal', '2026-01-01T00:00:00Z', '', 'submitted')`,
			`INSERT INTO events (partner_id, kind, at, from_status, to_status) VALUES ((SELECT min(id) FROM partners), 'deal', '2026-01-02T00:00:00Z', 'submitted', 'approved')`,
		}, nil},
		{"PartnerWithMissingTier", []string{`UPDATE partners SET tier_id = 4242 WHERE id = (SELECT min(id) FROM partners)`}, []string{"partners.tier_missing"}},
		{"TwoPrimaryContacts", []string{
			`INSERT INTO contacts (partner_id, name, is_primary) VALUES ((SELECT min(id) FROM partners), 'One', 1)`,
			`INSERT INTO contacts (partner_id, name, is_primary) VALUES ((SELECT min(id) FROM partners), 'Two', 1)`,
		}, []string{"contacts.several_primary"}},
		{"WonDealWithoutCloseDate", []string{aDeal + `100, 'won', '2026-01-10', '2026-01-11', '2026-04-11', '', 'x', 'x')`}, []string{"deals.closed_without_date"}},
		{"ApprovedDealWithoutProtection", []string{aDeal + `100, 'approved', '2026-01-10', '2026-01-11', '', '', 'x', 'x')`}, []string{"deals.approved_without_protection"}},
		{"NegativeAmount", []string{aDeal + `-5, 'submitted', '2026-01-10', '', '', '', 'x', 'x')`}, []string{"deals.negative_amount"}},
		{"BadDate", []string{aDeal + `5, 'submitted', '2026-02-30', '', '', '', 'x', 'x')`}, []string{"deals.bad_date"}},
		{"CertificationExpiresBeforeEarned", []string{
			`INSERT INTO certifications (contact_id, name, earned_on, expires_on) VALUES ((SELECT min(id) FROM contacts), 'Tech', '2026-05-01', '2025-05-01')`,
		}, []string{"certifications.expires_before_earned"}},
		{"ProspectWithCompletedOnboarding", []string{
			`INSERT INTO onboarding_checklists (partner_id, started_on, completed_on) VALUES ((SELECT min(id) FROM partners WHERE status = 'prospect'), '2026-01-01', '2026-02-01')`,
		}, []string{"onboarding_checklists.completed_before_approval"}},
		{"OrphanTierRequirement", []string{`INSERT INTO tier_requirements (tier_id, kind, threshold) VALUES (31337, 'custom', 1)`}, []string{"tier_requirements.orphan"}},
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
			got := map[string]bool{}
			for _, f := range found {
				got[f.Check] = true
			}
			for _, w := range c.want {
				if !got[w] {
					t.Errorf("%s not reported; found %v", w, found)
				}
			}
			if len(c.want) == 0 && len(found) > 0 {
				t.Errorf("clean demo data has findings: %v", found)
			}
		})
	}
}

func TestCheckFindsCorruptPages(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	os.WriteFile(path, demoFile(t), 0o600)
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Damage an index behind SQLite's back: the table and its index disagree.
	plant(t, path, `PRAGMA writable_schema = ON`,
		`UPDATE sqlite_master SET sql = replace(sql, 'partners(status)', 'partners(name)') WHERE name = 'partners_status'`)
	s.Close()
	s, err = data.Open(path)
	if err != nil {
		// quick_check at open may already refuse it: that is fine too.
		t.Logf("refused at open: %v", err)
		if data.ErrorCode(err) != data.EINVALID {
			t.Fatalf("open: %v", err)
		}
		return
	}
	found, _ := check.RunChecks(context.Background(), s)
	if len(found) == 0 || !strings.HasPrefix(found[0].Check, "integrity") {
		t.Fatalf("integrity damage not found: %v", found)
	}
}

// BenchmarkRunChecks is `channeldesk check` on 150 demo partners.
func BenchmarkRunChecks(b *testing.B) {
	s, err := data.Open(filepath.Join(b.TempDir(), "b.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if err := demox.Demo(ctx, s, demox.DemoOptions{Partners: 150, Seed: 1, Today: testutil.DemoDay}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if found, err := check.RunChecks(ctx, s); err != nil || len(found) > 0 {
			b.Fatal(found, err)
		}
	}
}
