package screens

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	dealsx "channeldesk/app/deals"
	"channeldesk/data"
)

// The deals list marks the deal a vendor lead became in its Vendor lead
// column, and "Vendor leads only" keeps just those.
func TestDealsListMarksVendorLeads(t *testing.T) {
	u := newTestUI(t, 0, "en")
	ctx := context.Background()
	s := u.Store
	p := &data.Partner{Name: "Orbit", Type: data.TypeReseller, Status: data.StatusActive}
	s.CreatePartner(ctx, p)
	today := s.Today()
	if err := dealsx.SaveDeal(ctx, s, &data.Deal{PartnerID: p.ID, Customer: "Own Find", Amount: 100_00, RegisteredOn: today}); err != nil {
		t.Fatal(err)
	}
	l := &data.Lead{Company: "Booth Visitor", Source: data.LeadFromWebsite}
	s.CreateLead(ctx, l)
	m := data.LeadMove{On: today}
	s.OfferLead(ctx, l.ID, p.ID, 7, m)
	s.AcceptLead(ctx, l.ID, m)
	if _, err := s.ConvertLeadToNewDeal(ctx, l.ID, m); err != nil {
		t.Fatal(err)
	}
	ds := newDealsScreen(u)
	u.Win.SetContent(ds.buildUI())
	u.Win.Resize(fyne.NewSize(1280, 800))
	u.Wait()
	ds.apply()
	u.Wait()
	marks := map[string]string{}
	for i := range ds.deals.deals {
		d := &ds.deals.deals[i]
		marks[d.Customer] = ds.deals.cell(d, dealColVendorLead)
	}
	if marks["Booth Visitor"] != "yes" || marks["Own Find"] != "" {
		t.Errorf("Vendor lead column %v", marks)
	}
	test.Tap(ds.vendorLeads)
	u.Wait()
	if len(ds.deals.deals) != 1 || ds.deals.deals[0].Customer != "Booth Visitor" {
		t.Errorf("vendor leads only: %+v", ds.deals.deals)
	}
}
