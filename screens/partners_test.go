package screens

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"channeldesk/app/demo"
	"channeldesk/data"
)

// newTestUI opens a fresh database (with n demo partners) in a test app.
func newTestUI(t testing.TB, n int, uiLang string) *UI {
	t.Helper()
	u := newDashUI(t, uiLang, func(ctx context.Context, s *data.Store) error {
		if n == 0 {
			return nil
		}
		return demo.Demo(ctx, s, demo.DemoOptions{Partners: n, Seed: 3, Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)})
	})
	u.show("nav.partners") // the dashboard comes first; these tests are about the partner list
	u.Wait()
	u.Win.Resize(u.Win.Canvas().Size().Max(u.Win.Content().MinSize()))
	u.Wait()
	return u
}

func TestCreatePartnerByTyping(t *testing.T) {
	u := newTestUI(t, 0, "en")
	p := u.partners
	test.Tap(findButton(t, u, "New partner"))
	test.Type(p.detail.profile.name, "Орбита Софт")
	test.Type(p.detail.profile.city, "Москва")
	test.Tap(findButton(t, u, "Save"))
	u.Wait()
	rows, _ := u.Store.PartnerRows(context.Background())
	if len(rows) != 1 || rows[0].Name != "Орбита Софт" || rows[0].City != "Москва" || rows[0].Status != data.StatusProspect {
		t.Fatalf("stored rows: %+v", rows)
	}
	if len(p.Rows()) != 1 || p.count.Text != "Partners: 1" {
		t.Errorf("list shows %d rows, count %q", len(p.Rows()), p.count.Text)
	}
	if p.detail.title.Text != "Орбита Софт" {
		t.Errorf("detail title %q after save", p.detail.title.Text)
	}
}

func TestSaveWithoutNameKeepsInput(t *testing.T) {
	u := newTestUI(t, 0, "en")
	f := u.partners.detail.profile
	test.Tap(findButton(t, u, "New partner"))
	test.Type(f.city, "Berlin")
	test.Tap(findButton(t, u, "Save"))
	u.Wait()
	if !f.msg.Visible() || f.msg.Text != "Name: required" {
		t.Errorf("message %q (visible %v), want the name named", f.msg.Text, f.msg.Visible())
	}
	if f.city.Text != "Berlin" {
		t.Errorf("city lost after failed save: %q", f.city.Text)
	}
	if rows, _ := u.Store.PartnerRows(context.Background()); len(rows) != 0 {
		t.Errorf("a partner was stored: %+v", rows)
	}
}

func TestSearchNarrowsTheList(t *testing.T) {
	u := newTestUI(t, 120, "en")
	p := u.partners
	if len(p.Rows()) != 120 || p.count.Text != "Partners: 120" {
		t.Fatalf("initially %d rows, count %q", len(p.Rows()), p.count.Text)
	}
	name := p.Rows()[7].Name
	test.Type(p.search, strings.ToLower(name))
	if len(p.Rows()) == 0 || len(p.Rows()) >= 120 {
		t.Fatalf("search %q left %d rows", name, len(p.Rows()))
	}
	for _, r := range p.Rows() {
		if !strings.Contains(strings.ToLower(r.Name+r.City+r.Contacts+r.Tags+r.Region+r.Country), strings.ToLower(name)) {
			t.Errorf("row %q does not match %q", r.Name, name)
		}
	}
	if !strings.HasPrefix(p.count.Text, "Shown: ") {
		t.Errorf("count %q", p.count.Text)
	}
	// Esc in the search box clears it and shows everyone again.
	u.Win.Canvas().Focus(p.search)
	p.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if p.search.Text != "" || len(p.Rows()) != 120 {
		t.Fatalf("after Esc the search holds %q and %d rows show", p.search.Text, len(p.Rows()))
	}
	p.status.SetSelectedIndex(1 + indexOf(data.Statuses, data.StatusActive))
	for _, r := range p.Rows() {
		if r.Status != data.StatusActive {
			t.Fatalf("status filter let %s through", r.Status)
		}
	}
	p.status.SetSelectedIndex(0)
	if len(p.region.Options) < 3 || p.region.Options[0] != "All regions" {
		t.Fatalf("region choices %q", p.region.Options)
	}
	region := p.region.Options[1]
	p.region.SetSelected(region)
	if len(p.Rows()) == 0 || len(p.Rows()) == 120 {
		t.Fatalf("region %q left %d rows", region, len(p.Rows()))
	}
	for _, r := range p.Rows() {
		if r.Region != region {
			t.Fatalf("region filter %q let %q through", region, r.Region)
		}
	}
	p.region.SetSelectedIndex(0)
	if len(p.Rows()) != 120 {
		t.Errorf("all regions shows %d rows", len(p.Rows()))
	}
}

func TestInvalidEmailShowsErrorAndKeepsInput(t *testing.T) {
	u := newTestUI(t, 3, "en")
	p := u.partners
	p.table.Select(cellAt(0))
	u.Wait()
	c := p.detail.contacts
	test.Tap(c.addBtn)
	f := c.form
	test.Type(f.name, "Anna Weber")
	test.Type(f.email, "anna@northwind")
	test.Tap(f.save)
	if !strings.Contains(f.msg.Text, "E-mail") || !strings.Contains(f.msg.Text, "anna@northwind") {
		t.Errorf("message %q should name the e-mail field and value", f.msg.Text)
	}
	if f.email.Validate() == nil {
		t.Error("the e-mail entry is not marked invalid")
	}
	if f.name.Text != "Anna Weber" || f.email.Text != "anna@northwind" {
		t.Errorf("input lost: %q %q", f.name.Text, f.email.Text)
	}
	f.email.SetText("anna@northwind.example")
	test.Tap(f.save)
	u.Wait()
	found := false
	for _, ct := range c.contacts {
		found = found || ct.Email == "anna@northwind.example"
	}
	if !found {
		t.Errorf("contact not saved after correction: %+v", c.contacts)
	}
}

func TestStatusChangeNeedsReasonAndRecordsIt(t *testing.T) {
	u := newTestUI(t, 0, "en")
	ctx := context.Background()
	pt := &data.Partner{Name: "Blue Harbor", Type: data.TypeMSP, Status: data.StatusActive}
	u.Store.CreatePartner(ctx, pt)
	u.partners.reload()
	u.Wait()
	u.partners.open(pt.ID)
	u.Wait()
	test.Tap(u.partners.detail.profile.offboardBtn)
	// the offboard dialog is a Fyne form dialog; its behaviour is the store's
	if err := u.Store.ChangeStatus(ctx, pt.ID, data.StatusOffboarded, "contract ended", "me"); err != nil {
		t.Fatal(err)
	}
	u.partners.open(pt.ID)
	u.Wait()
	tl := u.partners.detail.timeline
	if len(tl.events) != 1 || tl.events[0].ToStatus != data.StatusOffboarded {
		t.Fatalf("timeline: %+v", tl.events)
	}
	if u.partners.detail.statusBtn.Text != "Offboarded" {
		t.Errorf("status button %q", u.partners.detail.statusBtn.Text)
	}
}

func TestAddTimelineNote(t *testing.T) {
	u := newTestUI(t, 0, "en")
	pt := &data.Partner{Name: "Northwind", Type: data.TypeReseller, Status: data.StatusActive}
	u.Store.CreatePartner(context.Background(), pt)
	u.partners.open(pt.ID)
	u.Wait()
	tl := u.partners.detail.timeline
	test.Tap(tl.add)
	if tl.msg.Text != "Text: required" {
		t.Errorf("empty note message %q", tl.msg.Text)
	}
	test.Type(tl.body, "Agreed on a joint webinar")
	test.Tap(tl.add)
	u.Wait()
	if len(tl.events) != 1 || tl.events[0].Body != "Agreed on a joint webinar" || tl.events[0].Shareable {
		t.Fatalf("events: %+v", tl.events)
	}
}

func TestRussianInterface(t *testing.T) {
	u := newTestUI(t, 5, "ru")
	defer u.Store.SaveSettings(context.Background(), data.DefaultSettings())
	if got := u.partners.count.Text; got != "Партнёров: 5" {
		t.Errorf("count %q", got)
	}
	if findButtonOK(u, "Новый партнёр") == nil {
		t.Error("no «Новый партнёр» button")
	}
	markup := test.RenderObjectToMarkup(u.Win.Content())
	for _, want := range []string{"Партнёры", "Настройки", "Название", "Статус"} {
		if !strings.Contains(markup, want) {
			t.Errorf("%q not on screen", want)
		}
	}
	if strings.Contains(markup, "nav.") || strings.Contains(markup, "col.") {
		t.Error("an untranslated key is on screen")
	}
	assetsEnglish(t)
}

// assetsEnglish puts the interface back into English for later tests.
func assetsEnglish(t *testing.T) {
	t.Helper()
	newTestUI(t, 0, "en")
}

func indexOf[T comparable](xs []T, x T) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}
