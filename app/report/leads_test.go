package report

import (
	"channeldesk/app/demo"
	"channeldesk/app/format"
	"channeldesk/data"
	"context"
	"path/filepath"
	"strconv"
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
	if rows[0][1] != "Customer" || rows[0][11] != "State" {
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

// TestLeadSizesKeepTheirCurrency: a lead sized in another currency is
// shown in that currency beside the program-currency column and left out
// of its total; the Deals sheet marks the deal a vendor lead became.
func TestLeadSizesKeepTheirCurrency(t *testing.T) {
	ctx := context.Background()
	s, err := data.Open(filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, _ := s.Settings(ctx)
	st.Currency = "EUR"
	s.SaveSettings(ctx, st)
	p := &data.Partner{Name: "Alfa", Type: data.TypeReseller, Status: data.StatusActive}
	if err := s.CreatePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	for _, l := range []*data.Lead{
		{Company: "Euro Buyer", EstAmount: 1000_00, Currency: "EUR", Source: data.LeadFromWebsite},
		{Company: "Dollar Buyer", EstAmount: 5000_00, Currency: "USD", Source: data.LeadFromWebsite},
	} {
		if err := s.CreateLead(ctx, l); err != nil {
			t.Fatal(err)
		}
		m := data.LeadMove{On: "2026-11-20"}
		s.OfferLead(ctx, l.ID, p.ID, 7, m)
		s.AcceptLead(ctx, l.ID, m)
		if l.Currency == "EUR" {
			if _, err := s.ConvertLeadToNewDeal(ctx, l.ID, m); err != nil {
				t.Fatal(err)
			}
		}
	}
	f, _ := writeReport(t, s, Options{Lang: format.EN})
	rows, _ := f.GetRows("Leads")
	byCompany := map[string][]string{}
	for _, r := range rows[1:] {
		if len(r) > 1 {
			byCompany[r[1]] = r
		}
	}
	if r := byCompany["Dollar Buyer"]; len(r) < 11 || r[9] != "" || r[10] != "$5,000" {
		t.Errorf("USD lead row %q: want no program-currency size and $5,000 beside it", r)
	}
	if r := byCompany["Euro Buyer"]; len(r) < 11 || r[9] == "" || r[10] != "" {
		t.Errorf("EUR lead row %q", r)
	}
	total, _ := f.GetCellValue("Leads", "J"+strconv.Itoa(len(rows)))
	if formula, _ := f.GetCellFormula("Leads", "J"+strconv.Itoa(len(rows))); formula == "" {
		t.Errorf("no total under the size column (last row %q, %q)", rows[len(rows)-1], total)
	}
	deals, _ := f.GetRows("Deals")
	last := len(deals[0]) - 1
	if deals[0][last] != "Vendor lead" || len(deals) < 2 || len(deals[1]) <= last || deals[1][last] != "yes" {
		t.Errorf("Deals sheet %q: want a Vendor lead column marking the converted lead's deal", deals)
	}
}
