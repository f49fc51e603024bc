package app_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"channeldesk/app"
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
	if err := app.Demo(ctx, s, app.DemoOptions{Partners: 24, Seed: 9, Today: today}); err != nil {
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
