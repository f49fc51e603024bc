package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	dealsx "channeldesk/app/deals"
	"channeldesk/data"
)

// Given Orbit holds Acme protected, when the manager registers "«ACME» LLC"
// for Vector in the Deals screen, then the new deal is flagged with
// Orbit's earlier registration named, and the conflict can be resolved.
func TestRegisterConflictingDealAndResolve(t *testing.T) {
	u := newTestUI(t, 0, "en")
	ctx := context.Background()
	s := u.Store
	orbit := &data.Partner{Name: "Orbit", Type: data.TypeReseller, Status: data.StatusActive}
	vector := &data.Partner{Name: "Vector", Type: data.TypeReseller, Status: data.StatusActive}
	s.CreatePartner(ctx, orbit)
	s.CreatePartner(ctx, vector)
	today := s.Today()
	first := &data.Deal{PartnerID: orbit.ID, Customer: "Acme Inc.", Amount: 500_00, RegisteredOn: today}
	if err := dealsx.SaveDeal(ctx, s, first); err != nil {
		t.Fatal(err)
	}
	if err := s.MoveDeal(ctx, first.ID, data.DealMove{To: data.DealApproved, On: today}); err != nil {
		t.Fatal(err)
	}

	ds := newDealsScreen(u)
	u.Win.SetContent(ds.buildUI())
	u.Win.Resize(fyne.NewSize(1280, 800))
	u.Wait()
	test.Tap(findButton(t, u, "Register deal"))
	u.Wait()
	f := ds.deals.form
	f.partner.Entry.SetText("Vector")
	test.Type(f.customer, "«ACME» LLC")
	test.Type(f.amount, "1000")
	test.Tap(overlayButton(t, u, "Save"))
	u.Wait()

	deals, _ := s.Deals(ctx, data.DealFilter{PartnerID: vector.ID})
	if len(deals) != 1 || deals[0].Amount != 1000_00 || deals[0].Conflict == nil || deals[0].Conflict.OtherPartner != "Orbit" {
		t.Fatalf("stored %+v, want a 1000 deal in conflict with Orbit", deals)
	}
	row := -1
	for i, d := range ds.deals.deals {
		if d.PartnerID == vector.ID {
			row = i
		}
	}
	if row < 0 || !strings.Contains(conflictText(u, &ds.deals.deals[row]), "earlier registration by Orbit") {
		t.Fatalf("the list does not name Orbit's earlier registration (row %d)", row)
	}
	ds.deals.table.Select(cellAt(row))
	test.Tap(findButton(t, u, "Resolve conflict"))
	dlgOK := overlayButton(t, u, "Resolve conflict")
	ds.deals.resolveSel.SetSelected(ds.deals.resolveSel.Options[0])
	test.Tap(dlgOK)
	if d, _ := s.Deals(ctx, data.DealFilter{PartnerID: vector.ID}); d[0].State != data.DealSubmitted {
		t.Fatalf("resolved without a reason: %+v", d[0])
	}
	ds.deals.resolveNote.SetText("Orbit was first")
	test.Tap(dlgOK)
	u.Wait()
	if d, _ := s.Deals(ctx, data.DealFilter{PartnerID: vector.ID}); d[0].State != data.DealRejected || d[0].Conflict != nil {
		t.Errorf("after keeping the earlier registration: %+v", d[0])
	}
}

// A file with a bad row offers no Import; a clean one imports every row.
func TestImportPreviewAllOrNothing(t *testing.T) {
	u := newTestUI(t, 0, "en")
	ctx := context.Background()
	u.Store.CreatePartner(ctx, &data.Partner{Name: "Orbit", Type: data.TypeReseller, Status: data.StatusActive})
	ds := newDealsScreen(u)
	u.Win.SetContent(ds.buildUI())
	u.Win.Resize(fyne.NewSize(1280, 800))
	u.Wait()
	ds.checkImport("bad.csv", []byte("partner,customer,amount,registered\nOrbit,Acme,10,2026-01-01\nNobody,Acme,10,2026-01-01\n"))
	u.Wait()
	if b := overlayButton(t, u, "Import"); !b.Disabled() {
		t.Error("Import is offered for a file with a bad row")
	}
	test.Tap(overlayButton(t, u, "Cancel"))
	ds.checkImport("good.csv", []byte("partner,customer,amount,registered\nOrbit,Acme,10,2026-01-01\nOrbit,Globex,20,2026-01-02\n"))
	u.Wait()
	test.Tap(overlayButton(t, u, "Import"))
	u.Wait()
	if len(ds.deals.deals) != 2 || ds.deals.count.Text != "Deals: 2" {
		t.Errorf("list shows %d deals (%q) after import", len(ds.deals.deals), ds.deals.count.Text)
	}
}

// A deal's steps show in its partner's timeline in the user's language,
// as soon as the step is taken on the partner's Deals tab.
func TestDealStepShowsInTimeline(t *testing.T) {
	u := newTestUI(t, 0, "ru")
	u.Settings.ManagerName = "Ольга"
	ctx := context.Background()
	p := &data.Partner{Name: "Орбита", Type: data.TypeReseller, Status: data.StatusActive}
	u.Store.CreatePartner(ctx, p)
	// Registered yesterday, approved today in the dialog: nothing expires
	// whatever the date the test runs on.
	d := &data.Deal{PartnerID: p.ID, Customer: "ООО Ромашка", Amount: 100_00, RegisteredOn: data.AddDays(u.Store.Today(), -1)}
	if err := u.Store.SaveDeal(ctx, d); err != nil {
		t.Fatal(err)
	}
	u.partners.open(p.ID)
	u.Wait()
	tl := u.partners.detail.timeline
	if len(tl.events) != 1 {
		t.Fatalf("timeline after registering %+v", tl.events)
	}
	u.partners.detail.deals.deals.move(*d, data.DealApproved)
	test.Tap(overlayButton(t, u, "Одобрить"))
	u.Wait()
	if len(tl.events) != 2 {
		t.Fatalf("the timeline did not follow the approval: %+v", tl.events)
	}
	var got []string
	for i := range tl.events {
		item := tl.list.CreateItem()
		tl.updateItem(i, item)
		walkVisible([]fyne.CanvasObject{item}, func(o fyne.CanvasObject) bool {
			if l, ok := o.(*widget.Label); ok {
				got = append(got, l.Text)
			}
			return false
		})
	}
	text := strings.Join(got, "\n")
	for _, want := range []string{"Сделка · Ольга", "Подана › Одобрена · ООО Ромашка", "Подана · ООО Ромашка"} {
		if !strings.Contains(text, want) {
			t.Errorf("timeline lacks %q; shows:\n%s", want, text)
		}
	}
}

// The deal form's partner is found by typing part of its name; Down and
// Enter pick from the matches, and a name that is no partner is refused.
func TestDealPartnerIsPickedByTyping(t *testing.T) {
	u := newTestUI(t, 0, "ru")
	ctx := context.Background()
	for _, n := range []string{"Нева Софт", "Нева Телеком", "Вектор Нева", "Орбита"} {
		u.Store.CreatePartner(ctx, &data.Partner{Name: n, Type: data.TypeReseller, Status: data.StatusActive})
	}
	ds := newDealsScreen(u)
	u.Win.SetContent(ds.buildUI())
	u.Wait()
	ds.deals.edit(data.Deal{RegisteredOn: "2026-11-01"})
	f := ds.deals.form
	if u.Win.Canvas().Focused() != f.partner.Entry {
		t.Fatalf("the form opened with the focus on %T, not the partner", u.Win.Canvas().Focused())
	}
	test.Type(f.partner.Entry, "нев")
	var shown []string
	for _, o := range f.partner.Matches.Objects {
		shown = append(shown, o.(*widget.Button).Text)
	}
	if got := strings.Join(shown, ", "); got != "Нева Софт, Нева Телеком, Вектор Нева" {
		t.Fatalf("matches %q: names starting with the text first, then the rest", got)
	}
	f.partner.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	f.partner.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.partner.Entry.Text != "Нева Телеком" || len(f.partner.Matches.Objects) != 0 {
		t.Fatalf("picked %q, %d matches still shown", f.partner.Entry.Text, len(f.partner.Matches.Objects))
	}
	f.customer.SetText("ООО «Ромашка»")
	f.amount.SetText("100")
	f.partner.Entry.SetText("Нева Банк")
	if l, ok := f.partner.Matches.Objects[0].(*widget.Label); !ok || l.Text != "Партнёра с таким названием нет" {
		t.Errorf("no match shows %#v", f.partner.Matches.Objects)
	}
	test.Tap(overlayButton(t, u, "Сохранить"))
	if want := "Партнёр: выберите партнёра из списка под полем"; f.msg.Text != want {
		t.Fatalf("message %q, want %q", f.msg.Text, want)
	}
	f.partner.Entry.SetText("нева телеком") // the full name, in any case, is a pick too
	test.Tap(overlayButton(t, u, "Сохранить"))
	u.Wait()
	deals, _ := u.Store.Deals(ctx, data.DealFilter{})
	if len(deals) != 1 || deals[0].PartnerName != "Нева Телеком" {
		t.Fatalf("stored %+v", deals)
	}
}
