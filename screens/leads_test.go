package screens

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"channeldesk/data"
)

// TestQuickCaptureLeadMode: F2 turns quick capture into the customer-lead
// mode; a lead typed from the keyboard is stored with its place read
// right to left and its size as money, the form clears for the next
// visitor and keeps the event, and a repeat (or a partner's registered
// customer) is warned of before it is saved.
func TestQuickCaptureLeadMode(t *testing.T) {
	u := newTestUI(t, 0, "en")
	ctx := context.Background()
	p := &data.Partner{Name: "Kazan IT", Type: data.TypeReseller, Status: data.StatusActive}
	if err := u.Store.CreatePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	if err := u.Store.SaveDeal(ctx, &data.Deal{PartnerID: p.ID, Customer: "Volga Foods", Amount: 1, RegisteredOn: "2026-11-01"}); err != nil {
		t.Fatal(err)
	}
	u.ShowQuickCapture()
	u.capture.company.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF2})
	f := u.leadCapture
	if f == nil || f.dlg == nil || u.Win.Canvas().Focused() != f.company {
		t.Fatal("F2 did not open the customer-lead mode with the company focused")
	}
	if n := len(u.Win.Canvas().Overlays().List()); n != 1 {
		t.Fatalf("%d dialogs open: the prospect form must close when the lead mode opens", n)
	}
	test.Type(f.company, "Kazan Steel")
	test.Type(f.taxOrSite, "1655000001")
	test.Type(f.contact, "Ivan Petrov")
	test.Type(f.email, "ivan@kazansteel.ru")
	test.Type(f.place, "Kazan, Tatarstan, Russia")
	test.Type(f.product, "Backup")
	test.Type(f.size, "1200000")
	f.event.SetText("CNews Forum")
	f.eventDate.SetText("2026-11-20")
	pressEnter(f.size)
	u.Wait()
	leads, _ := u.Store.Leads(ctx, data.LeadFilter{})
	if len(leads) != 1 {
		t.Fatalf("stored %d leads: %s", len(leads), f.msg.Text)
	}
	l := leads[0]
	if l.Company != "Kazan Steel" || l.TaxID != "1655000001" || l.City != "Kazan" || l.Region != "Tatarstan" ||
		l.Country != "Russia" || l.EstAmount != 1_200_000_00 || l.Source != data.LeadFromEvent || l.EventName != "CNews Forum" ||
		l.EventDate != "2026-11-20" || l.State != data.LeadNew {
		t.Errorf("stored %+v", l)
	}
	if f.company.Text != "" || f.place.Text != "" || f.event.Text != "CNews Forum" {
		t.Errorf("after saving: company %q, place %q, event %q", f.company.Text, f.place.Text, f.event.Text)
	}
	if !strings.Contains(f.msg.Text, "Kazan Steel") || u.Win.Canvas().Focused() != f.company {
		t.Errorf("message %q, or focus not back on the company", f.msg.Text)
	}

	test.Type(f.company, "KAZAN steel")
	pressEnter(f.company)
	u.Wait()
	if !f.dupBox.Visible() || !strings.Contains(f.dupText.Text, "Already a lead: Kazan Steel") {
		t.Fatalf("no duplicate warning: %q", f.dupText.Text)
	}
	f.clear()
	test.Type(f.company, "Volga Foods")
	pressEnter(f.company)
	u.Wait()
	if !f.dupBox.Visible() || !strings.Contains(f.dupText.Text, "registered customer of Kazan IT") {
		t.Fatalf("no warning of the partner's registered customer: %q", f.dupText.Text)
	}
	test.Tap(findButton(t, u, "Save anyway"))
	u.Wait()
	if leads, _ = u.Store.Leads(ctx, data.LeadFilter{}); len(leads) != 2 {
		t.Errorf("save anyway stored %d leads", len(leads))
	}

	f.company.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF2})
	if u.capture == nil || u.Win.Canvas().Focused() != u.capture.company || u.capture.event.Text != "CNews Forum" {
		t.Error("F2 does not switch back to the prospect mode with the event kept")
	}
}

// TestLeadsTabOffersTheSuggestion: the Leads tab beside deal
// registrations shows the suggested partner with its reasons, offers the
// lead to it in one click and routes the rest of the event in one step.
func TestLeadsTabOffersTheSuggestion(t *testing.T) {
	u := newTestUI(t, 0, "en")
	ctx := context.Background()
	u.Store.Now = func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) }
	for _, p := range []*data.Partner{
		{Name: "Kazan IT", Type: data.TypeReseller, Status: data.StatusActive, Country: "Russia", Region: "Tatarstan", Products: []string{"Backup"}},
		{Name: "Moscow Soft", Type: data.TypeReseller, Status: data.StatusActive, Country: "Russia", Region: "Moscow", Products: []string{"Mail"}},
	} {
		if err := u.Store.CreatePartner(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	for _, l := range []*data.Lead{
		{Company: "Kazan Steel", Country: "Russia", Region: "Tatarstan", Product: "Backup", EventName: "CNews Forum"},
		{Company: "Moscow Metro", Country: "Russia", Region: "Moscow", Product: "Mail", EventName: "CNews Forum"},
		{Company: "Nowhere Inc", Product: "Mail", EventName: "CNews Forum"},
	} {
		if err := u.Store.CreateLead(ctx, l); err != nil {
			t.Fatal(err)
		}
	}
	u.show("deals.nav")
	u.Wait()
	s := u.leads
	if s == nil || len(s.leads) != 3 {
		t.Fatalf("leads tab not loaded: %+v", s)
	}
	s.tabs.SelectIndex(1)
	row := -1
	for i, l := range s.leads {
		if l.Company == "Kazan Steel" {
			row = i
		}
	}
	s.table.Select(cellAt(row))
	u.Wait()
	if len(s.result.Suggestions) != 2 || s.result.Suggestions[0].Name != "Kazan IT" {
		t.Fatalf("suggestions %+v", s.result.Suggestions)
	}
	why := LeadReasonsText(s.result.Suggestions[0], u.Lang)
	if !strings.Contains(why, "Covers the lead's region (Tatarstan) +40") || !strings.Contains(why, "Sells the product +30") {
		t.Errorf("reasons shown: %q", why)
	}
	test.Tap(findButton(t, u, "Offer to the first suggestion"))
	u.Wait()
	l, _ := u.Store.Leads(ctx, data.LeadFilter{State: data.LeadOffered})
	if len(l) != 1 || l[0].PartnerName != "Kazan IT" || l[0].ExpiresOn != "2026-12-04" {
		t.Fatalf("after the offer: %+v", l)
	}
	s.routeBatch("CNews Forum")
	u.Wait()
	off, _ := u.Store.Leads(ctx, data.LeadFilter{State: data.LeadOffered})
	if len(off) != 3 || !strings.Contains(s.msg.Text, "Offered 2 of 2") {
		t.Errorf("routing the event offered %d leads in all; message %q", len(off), s.msg.Text)
	}
}
