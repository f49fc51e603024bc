package tier

import (
	"context"
	"path/filepath"
	"testing"

	"channeldesk/data"
)

// The database loader keeps exactly what the pure rules count: deals on
// the first and last day of the window, a certification expiring on the
// evaluation date, onboarding completion and custom numbers.
func TestLoadFactsKeepsBoundaries(t *testing.T) {
	s, err := data.Open(filepath.Join(t.TempDir(), "f.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	p := &data.Partner{Name: "Orbit", Type: data.TypeReseller, Status: data.StatusActive}
	s.CreatePartner(ctx, p)
	other := &data.Partner{Name: "Vector", Type: data.TypeReseller, Status: data.StatusActive}
	s.CreatePartner(ctx, other)
	for _, closed := range []string{"2025-11-27", "2025-11-28", "2026-11-27", "2026-11-28"} {
		d := &data.Deal{PartnerID: p.ID, Customer: "C" + closed, Amount: 100, State: data.DealWon, RegisteredOn: "2025-01-01", ClosedOn: closed}
		if err := s.SaveDeal(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	lost := &data.Deal{PartnerID: p.ID, Customer: "L", Amount: 999, State: data.DealLost, RegisteredOn: "2026-01-01", ClosedOn: "2026-02-01"}
	s.SaveDeal(ctx, lost)
	c1 := &data.Contact{PartnerID: p.ID, Name: "A"}
	c2 := &data.Contact{PartnerID: p.ID, Name: "B"}
	s.SaveContact(ctx, c1)
	s.SaveContact(ctx, c2)
	db := s.DB()
	db.Exec(`INSERT INTO certifications (contact_id, name, earned_on, expires_on) VALUES (?, 'X', '2025-01-01', '2026-11-27')`, c1.ID)
	db.Exec(`INSERT INTO certifications (contact_id, name, earned_on, expires_on) VALUES (?, 'X', '2025-01-01', '2026-11-26')`, c2.ID)
	db.Exec(`INSERT INTO onboarding_checklists (partner_id, started_on, completed_on) VALUES (?, '2025-01-01', '2025-03-01')`, p.ID)
	if err := s.SetMetricValue(ctx, p.ID, "References", 3); err != nil {
		t.Fatal(err)
	}
	facts, err := LoadFacts(ctx, s, "2026-11-27", p.ID)
	if err != nil || len(facts) != 1 {
		t.Fatalf("facts %v %v", facts, err)
	}
	m := MeasureAt(&facts[0], "2026-11-27", "2026-11-27")
	if m.Revenue12m != 200 || m.Deals12m != 2 || m.Certified != 1 || !m.Onboarded || m.Custom["references"] != 3 {
		t.Errorf("measures %+v, want 2 deals for 200, 1 certified, onboarded, 3 references", m)
	}
	all, _ := LoadFacts(ctx, s, "2026-11-27", 0)
	if len(all) != 2 || len(all[1].Won) != 0 {
		t.Errorf("all partners: %+v", all)
	}
	custom := NewProgram([]data.Tier{{ID: 1, Rank: 1, Requirements: []data.Requirement{{Kind: data.ReqCustomValue, Metric: "references", Threshold: 3}}}})
	if e := custom.Evaluate(&facts[0], "2026-11-27"); e.Qualified == nil {
		t.Error("3 references do not meet a custom requirement of 3")
	}
}
