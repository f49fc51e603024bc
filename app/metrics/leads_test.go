package metrics_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"channeldesk/app/demo"
	"channeldesk/app/metrics"
	"channeldesk/data"
)

// TestDemoLeads: the demo has leads from three events, and leads in every
// state, with the history routing and measures read.
func TestDemoLeads(t *testing.T) {
	ctx := context.Background()
	s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	today := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return today }
	if err := demo.Demo(ctx, s, demo.DemoOptions{Partners: 24, Seed: 9, Today: today}); err != nil {
		t.Fatal(err)
	}
	events, err := s.LeadEvents(ctx)
	if err != nil || len(events) != 3 {
		t.Fatalf("lead events %v (%v), want 3", events, err)
	}
	counts, _ := s.LeadStateCounts(ctx)
	for _, st := range data.LeadStates {
		if counts[st] == 0 {
			t.Errorf("no demo lead is %s: %v", st, counts)
		}
	}
	var expired int
	s.DB().QueryRow(`SELECT count(*) FROM lead_offers WHERE outcome = 'expired'`).Scan(&expired)
	if expired == 0 {
		t.Error("no demo offer expired")
	}
	t.Logf("states %v, %d expired offers", counts, expired)
}

// TestTodayLeads: an offer within two days of its last day and the
// leads waiting for a partner are in Today; an offer with a week left is not.
func TestTodayLeads(t *testing.T) {
	ctx := context.Background()
	s, err := data.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	today := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return today }
	p := &data.Partner{Name: "Kazan IT", Type: data.TypeReseller, Status: data.StatusActive}
	if err := s.CreatePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"Soon", "Later", "Waiting 1", "Waiting 2"} {
		l := &data.Lead{Company: name, EventName: "CNews Forum"}
		if err := s.CreateLead(ctx, l); err != nil {
			t.Fatal(err)
		}
		if i < 2 {
			on := []string{"2026-11-22", "2026-11-26"}[i] // last days 29.11 and 03.12
			if err := s.OfferLead(ctx, l.ID, p.ID, 7, data.LeadMove{On: on}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := s.CreateLead(ctx, &data.Lead{Company: "Website lead", Source: data.LeadFromWebsite}); err != nil {
		t.Fatal(err)
	}
	board, err := metrics.BuildToday(ctx, s, today)
	if err != nil {
		t.Fatal(err)
	}
	got := map[metrics.TodayKind][]metrics.TodayEntry{}
	for _, g := range board.Groups {
		got[g.Kind] = g.Entries
	}
	if e := got[metrics.TodayLeadOffer]; len(e) != 1 || e[0].Text != "Soon" || e[0].Date != "2026-11-29" {
		t.Errorf("offers ending: %+v", e)
	}
	// one row per event, titled by the oldest waiting lead's company
	// (the same day: by name), with the count of the others
	e := got[metrics.TodayLeadUnrouted]
	if len(e) != 2 {
		t.Fatalf("leads waiting: %+v, want one row per event", e)
	}
	rows := map[string]metrics.TodayEntry{e[0].Text: e[0], e[1].Text: e[1]}
	if r := rows["CNews Forum"]; r.Title != "Waiting 1" || r.N != 2 || r.PartnerName != "" || r.PartnerID != 0 {
		t.Errorf("CNews Forum row: %+v", r)
	}
	if r := rows[""]; r.Title != "Website lead" || r.N != 1 {
		t.Errorf("row of the leads from no event: %+v", r)
	}
}

// TestAtRiskLetsLeadsExpire: a partner that let two offers expire (and
// accepted none) is at risk, since the latest expiry.
func TestAtRiskLetsLeadsExpire(t *testing.T) {
	ctx := context.Background()
	s, err := data.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	today := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return today }
	p := &data.Partner{Name: "Sleepy IT", Type: data.TypeReseller, Status: data.StatusActive}
	if err := s.CreatePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	find := func() []metrics.AtRisk {
		rs, err := metrics.FindAtRisk(ctx, s, today, metrics.DefaultRiskRules)
		if err != nil {
			t.Fatal(err)
		}
		var out []metrics.AtRisk
		for _, r := range rs {
			if r.Kind == metrics.RiskLetsLeadsExpire {
				out = append(out, r)
			}
		}
		return out
	}
	for i, on := range []string{"2026-11-01", "2026-11-05"} {
		l := &data.Lead{Company: []string{"A", "B"}[i], EventName: "Expo"}
		if err := s.CreateLead(ctx, l); err != nil {
			t.Fatal(err)
		}
		if err := s.OfferLead(ctx, l.ID, p.ID, 7, data.LeadMove{On: on}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ExpireLeadOffers(ctx, "2026-11-27"); err != nil {
			t.Fatal(err)
		}
		if got := find(); (i == 0) != (len(got) == 0) {
			t.Fatalf("after %d expired offers: %+v", i+1, got)
		}
	}
	if got := find(); got[0].PartnerID != p.ID || got[0].Since != "2026-11-13" {
		t.Errorf("at risk: %+v, want since the second expiry (13.11)", got)
	}
}
