package tier

import (
	"context"
	"path/filepath"
	"testing"

	"channeldesk/data"
)

// leadProgram: Registered (nothing) and Preferred (a lead acceptance rate
// of at least 60 %).
func leadProgram() Program {
	return NewProgram([]data.Tier{
		{ID: 1, Rank: 1, NameEN: "Registered"},
		{ID: 2, Rank: 2, NameEN: "Preferred", Requirements: []data.Requirement{{Kind: data.ReqLeadAcceptance, Threshold: 60}}},
	})
}

func decisions(accepted, refused int, on string) []data.LeadDecision {
	var out []data.LeadDecision
	for i := 0; i < accepted+refused; i++ {
		out = append(out, data.LeadDecision{DecidedOn: on, Accepted: i < accepted})
	}
	return out
}

func TestLeadAcceptanceRateOnTheBoundary(t *testing.T) {
	const asOf = "2026-11-27"
	tests := map[string]struct {
		facts   PartnerFacts
		want    int64
		noData  bool
		actual  int64
		gapWant int64
	}{
		"exactly 60 % (3 of 5) meets 60 %":         {PartnerFacts{LeadDecisions: decisions(3, 2, "2026-06-01")}, 2, false, 60, 0},
		"59 % (rounded down from 59.5) does not":   {PartnerFacts{LeadDecisions: decisions(119, 81, "2026-06-01")}, 1, false, 59, 1},
		"2 of 4 (50 %) does not":                   {PartnerFacts{LeadDecisions: decisions(2, 2, "2026-06-01")}, 1, false, 50, 10},
		"no decided offer: counts as met, no data": {PartnerFacts{}, 2, true, 0, 0},
		"declines before the window do not count": {
			PartnerFacts{LeadDecisions: append(decisions(0, 5, "2025-11-27"), decisions(3, 2, "2025-11-28")...)}, 2, false, 60, 0},
		"a decision after the evaluation date does not count": {
			PartnerFacts{LeadDecisions: append(decisions(3, 2, "2026-06-01"), decisions(0, 1, "2026-11-28")...)}, 2, false, 60, 0},
	}
	p := leadProgram()
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			tc.facts.AssignedTierID = 1
			e := p.Evaluate(&tc.facts, asOf)
			if got := tierID(e.Qualified); got != tc.want {
				t.Fatalf("qualified tier %d, want %d", got, tc.want)
			}
			rp := Progress(p.Tier(2), e.Measures)[0]
			if rp.NoData != tc.noData || rp.Actual != tc.actual || rp.Gap != tc.gapWant {
				t.Errorf("progress %+v, want no data %v, actual %d, gap %d", rp, tc.noData, tc.actual, tc.gapWant)
			}
		})
	}
}

func TestLeadAcceptanceWhatIf(t *testing.T) {
	const asOf = "2026-11-27"
	p := leadProgram()
	f := PartnerFacts{AssignedTierID: 1, LeadDecisions: decisions(2, 3, "2026-06-01")} // 40 %
	if e := p.Evaluate(&f, asOf); tierID(e.Qualified) != 1 {
		t.Fatalf("40 %% qualifies for %d", tierID(e.Qualified))
	}
	// (2+2)/(5+2) = 57 %: not yet; (2+3)/(5+3) = 62 %: Preferred
	if e := p.WhatIfEvaluate(&f, asOf, WhatIf{LeadsAccepted: 2}); tierID(e.Qualified) != 1 || e.Measures.Actual(p.Tier(2).Requirements[0]) != 57 {
		t.Errorf("two more accepted: tier %d, rate %d", tierID(e.Qualified), e.Measures.Actual(p.Tier(2).Requirements[0]))
	}
	if e := p.WhatIfEvaluate(&f, asOf, WhatIf{LeadsAccepted: 3}); tierID(e.Qualified) != 2 || e.Suggest != SuggestPromote {
		t.Errorf("three more accepted: tier %d, suggestion %q", tierID(e.Qualified), e.Suggest)
	}
	// the window moves: by 2027-06-02 the June decisions have left it, no rate is left to judge
	if e := p.WhatIfEvaluate(&f, asOf, WhatIf{Date: "2027-06-02"}); tierID(e.Qualified) != 2 || e.Measures.LeadsDecided != 0 {
		t.Errorf("a year on: tier %d, decided %d", tierID(e.Qualified), e.Measures.LeadsDecided)
	}
}

// TestLeadAcceptanceFromTheStore: the requirement is stored (migration
// 0017's CHECK takes the kind and refuses a rate above 100 %) and the
// facts count a partner's decided offers, not the open or withdrawn ones.
func TestLeadAcceptanceFromTheStore(t *testing.T) {
	ctx := context.Background()
	s, err := data.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tr := data.Tier{Rank: 1, NameEN: "Preferred", NameRU: "Предпочтительный", Color: "#336699",
		Requirements: []data.Requirement{{Kind: data.ReqLeadAcceptance, Threshold: 101}}}
	if err := s.SaveTier(ctx, &tr); err == nil {
		t.Fatal("a 101 % acceptance rate was stored")
	}
	tr.Requirements[0].Threshold = 50
	if err := s.SaveTier(ctx, &tr); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(`INSERT INTO tier_requirements (tier_id, kind, threshold) VALUES (?, 'lead_acceptance_12m', 150)`, tr.ID); err == nil {
		t.Error("the table's CHECK lets a 150 % rate in")
	}
	tiers, err := s.Tiers(ctx)
	if err != nil || len(tiers) != 1 || tiers[0].Requirements[0].Kind != data.ReqLeadAcceptance {
		t.Fatalf("tiers %+v, %v", tiers, err)
	}
	acme := &data.Partner{Name: "Acme", Type: data.TypeReseller, Status: data.StatusActive}
	if err := s.CreatePartner(ctx, acme); err != nil {
		t.Fatal(err)
	}
	p := acme.ID
	today := s.Today()
	for i, outcome := range []string{"accepted", "declined", "open", "withdrawn"} {
		l := data.Lead{Company: "Customer " + string(rune('A'+i)), Source: data.LeadFromWebsite}
		if err := s.CreateLead(ctx, &l); err != nil {
			t.Fatal(err)
		}
		if err := s.OfferLead(ctx, l.ID, p, 7, data.LeadMove{On: today}); err != nil {
			t.Fatal(err)
		}
		var err error
		switch outcome {
		case "accepted":
			err = s.AcceptLead(ctx, l.ID, data.LeadMove{On: today})
		case "declined":
			err = s.DeclineLead(ctx, l.ID, data.LeadMove{On: today, Reason: "too far"})
		case "withdrawn":
			err = s.ReturnLead(ctx, l.ID, data.LeadMove{On: today})
		}
		if err != nil {
			t.Fatalf("%s: %v", outcome, err)
		}
	}
	_, _, e, err := EvaluatePartner(ctx, s, p, today)
	if err != nil {
		t.Fatal(err)
	}
	if e.Measures.LeadsDecided != 2 || e.Measures.LeadsAccepted != 1 || tierID(e.Qualified) != tr.ID {
		t.Errorf("decided %d, accepted %d, qualified %d; want 2, 1 (50 %%) and the tier",
			e.Measures.LeadsDecided, e.Measures.LeadsAccepted, tierID(e.Qualified))
	}
}
