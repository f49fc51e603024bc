package data_test

import (
	"context"
	"testing"

	"channeldesk/data"
)

// A lead sized in the program currency gives its deal that amount; one
// sized in another currency gives a deal without an amount (no exchange
// rates are kept), never the number taken as program currency. The deals
// list marks both deals as vendor-sourced and can show only those.
func TestLeadDealCurrencyAndVendorLeadMark(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	st, _ := s.Settings(ctx)
	st.Currency = "EUR"
	if err := s.SaveSettings(ctx, st); err != nil {
		t.Fatal(err)
	}
	a := mustPartner(t, s, "Alfa", data.StatusActive)
	own := mustDeal(t, s, a.ID, "Own Customer", "2026-11-20")
	convert := func(company, currency string) *data.Deal {
		t.Helper()
		l := &data.Lead{Company: company, EstAmount: 12_000_00, Currency: currency, Source: data.LeadFromWebsite}
		if err := s.CreateLead(ctx, l); err != nil {
			t.Fatal(err)
		}
		m := data.LeadMove{On: "2026-11-23"}
		if err := s.OfferLead(ctx, l.ID, a.ID, 7, m); err != nil {
			t.Fatal(err)
		}
		if err := s.AcceptLead(ctx, l.ID, m); err != nil {
			t.Fatal(err)
		}
		d, err := s.ConvertLeadToNewDeal(ctx, l.ID, m)
		if err != nil {
			t.Fatal(err)
		}
		if data.LeadSizeForeign(l, "EUR") != (currency == "USD") {
			t.Errorf("%s lead: foreign %v", currency, data.LeadSizeForeign(l, "EUR"))
		}
		return d
	}
	eur, blank, usd := convert("Euro Buyer", "EUR"), convert("Plain Buyer", ""), convert("Dollar Buyer", "USD")
	if eur.Amount != 12_000_00 || blank.Amount != 12_000_00 {
		t.Errorf("program-currency leads gave deals of %d and %d, want 12 000.00", eur.Amount, blank.Amount)
	}
	if usd.Amount != 0 {
		t.Errorf("a USD lead gave a deal of %d EUR cents: taken as program currency", usd.Amount)
	}
	all, err := s.Deals(ctx, data.DealFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range all {
		if d.VendorLead != (d.ID != own.ID) {
			t.Errorf("deal %q vendor lead %v", d.Customer, d.VendorLead)
		}
	}
	only, err := s.Deals(ctx, data.DealFilter{VendorLead: true})
	if err != nil || len(only) != 3 {
		t.Fatalf("vendor-lead filter: %d deals, %v", len(only), err)
	}
	set, err := s.VendorLeadDeals(ctx)
	if err != nil || len(set) != 3 || set[own.ID] {
		t.Errorf("VendorLeadDeals %v, %v", set, err)
	}
}
