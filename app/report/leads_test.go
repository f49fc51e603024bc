package report

import (
	"channeldesk/app/demo"
	"channeldesk/app/format"
	"channeldesk/data"
	"context"
	"path/filepath"
	"testing"
)

// TestLeadSheets: every lead is a row of Leads, and Leads by event has
// each event's funnel.
func TestLeadSheets(t *testing.T) {
	s, err := data.Open(filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := demo.Demo(context.Background(), s, demo.DemoOptions{Partners: 24, Seed: 9, Today: today}); err != nil {
		t.Fatal(err)
	}
	f, _ := writeReport(t, s, Options{Lang: format.EN})
	leads, _ := s.Leads(context.Background(), data.LeadFilter{})
	rows, err := f.GetRows("Leads")
	if err != nil || len(rows) < len(leads)+1 {
		t.Fatalf("Leads sheet has %d rows for %d leads (%v)", len(rows), len(leads), err)
	}
	if rows[0][1] != "Customer" || rows[0][10] != "State" {
		t.Errorf("Leads header %q", rows[0])
	}
	ev, _ := f.GetRows("Leads by event")
	if len(ev) < 5 || ev[1][0] != "CeBIT Partner Day" {
		t.Errorf("Leads by event: %q", ev)
	}
	if p, _ := f.GetRows("Leads by partner"); len(p) < 3 {
		t.Errorf("Leads by partner: %q", p)
	}
}
