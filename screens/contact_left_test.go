package screens

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"channeldesk/data"
)

// A contact the partner reported gone stays on its contacts, greyed and
// dated, behind "Show people who left".
func TestContactWhoLeftIsGreyedAndFiltered(t *testing.T) {
	u := newTestUI(t, 0, "en")
	ctx := context.Background()
	p := &data.Partner{Name: "Acme", Type: data.TypeReseller, Status: data.StatusActive}
	if err := u.Store.CreatePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	ann, bob := &data.Contact{PartnerID: p.ID, Name: "Ann", Primary: true}, &data.Contact{PartnerID: p.ID, Name: "Bob", Role: "CTO"}
	for _, c := range []*data.Contact{ann, bob} {
		if err := u.Store.SaveContact(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := u.Store.WithTx(ctx, func(tx *data.Tx) error { return data.MarkContactLeftTx(ctx, tx, p.ID, bob.ID, "2026-11-20") }); err != nil {
		t.Fatal(err)
	}
	u.partners.reload()
	u.Wait()
	u.partners.load(p.ID)
	u.Wait()
	c := u.partners.detail.contacts
	if len(c.contacts) != 1 || c.contacts[0].Name != "Ann" || !c.showLeft.Visible() || c.showLeft.Text != "Show people who left (1)" {
		t.Fatalf("contacts shown %+v, filter %q visible %v", c.contacts, c.showLeft.Text, c.showLeft.Visible())
	}
	c.showLeft.SetChecked(true)
	if len(c.contacts) != 2 || c.contacts[1].Name != "Bob" {
		t.Fatalf("with the people who left: %+v", c.contacts)
	}
	row := c.list.CreateItem()
	c.list.UpdateItem(1, row)
	name := row.(*fyne.Container).Objects[0].(*widget.Label)
	if name.Text != "Bob · left 20 Nov 2026" || name.Importance != widget.LowImportance {
		t.Errorf("Bob's line %q, importance %v: want greyed and dated", name.Text, name.Importance)
	}
}
