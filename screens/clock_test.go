package screens

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"channeldesk/data"
)

// Given the store's clock says 14 March 2025, when the manager registers a
// deal from the Deals screen, then the form and the saved deal carry that
// day, not the wall clock's: every "today" comes from the store.
func TestScreensTakeTodayFromTheStoreClock(t *testing.T) {
	u := newTestUI(t, 0, "en")
	u.Store.Now = func() time.Time { return time.Date(2025, 3, 14, 10, 0, 0, 0, time.Local) }
	ctx := context.Background()
	p := &data.Partner{Name: "Orbit", Type: data.TypeReseller, Status: data.StatusActive}
	if err := u.Store.CreatePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	ds := newDealsScreen(u)
	u.Win.SetContent(ds.buildUI())
	u.Win.Resize(fyne.NewSize(1280, 800))
	u.Wait()
	test.Tap(findButton(t, u, "Register deal"))
	u.Wait()
	f := ds.deals.form
	if got, err := f.registered.Value(); err != nil || got != "2025-03-14" {
		t.Fatalf("registered date %q (%v), want the store's day 2025-03-14", got, err)
	}
	f.partner.Entry.SetText("Orbit")
	test.Type(f.customer, "Acme")
	test.Type(f.amount, "100")
	test.Tap(overlayButton(t, u, "Save"))
	u.Wait()
	deals, err := u.Store.Deals(ctx, data.DealFilter{PartnerID: p.ID})
	if err != nil || len(deals) != 1 || deals[0].RegisteredOn != "2025-03-14" {
		t.Fatalf("stored %+v (%v), want one deal registered on 2025-03-14", deals, err)
	}
}
