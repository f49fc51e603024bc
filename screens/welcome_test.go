package screens

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestWelcomeStartEmpty(t *testing.T) {
	u := newTestUI(t, 0, "en")
	w := u.showWelcome()
	if u.Win.Canvas().Focused() != w.vendor {
		t.Error("the vendor field does not have the focus")
	}
	test.Type(w.vendor, "Acme")
	test.Type(w.program, "Acme Partners")
	w.currency.SetText("usd")
	w.fyStart.SetSelectedIndex(3)
	test.Tap(findButton(t, u, "Start empty"))
	u.Wait()
	st, _ := u.Store.Settings(context.Background())
	if st.VendorName != "Acme" || st.ProgramName != "Acme Partners" || st.Currency != "USD" || st.FiscalYearFrom != 4 || st.UILang != "en" {
		t.Errorf("stored settings %+v", st)
	}
	if rows, _ := u.Store.PartnerRows(context.Background()); len(rows) != 0 {
		t.Errorf("start empty made %d partners", len(rows))
	}
	if u.Win.Canvas().Overlays().Top() != nil {
		t.Error("the welcome is still open")
	}
	if u.programTitle() != "Acme Partners" {
		t.Errorf("window title %q", u.programTitle())
	}
}

func TestWelcomeInRussianWithDemoData(t *testing.T) {
	u := newTestUI(t, 0, "en")
	w := u.showWelcome()
	w.uiLang.SetSelectedIndex(1) // Русский: the dialog redraws in Russian
	test.Type(w.vendor, "Вектор")
	w.currency.SetText("RUB")
	test.Tap(findButton(t, u, "Загрузить демо-данные"))
	u.Wait()
	st, _ := u.Store.Settings(context.Background())
	if st.UILang != "ru" || st.VendorName != "Вектор" || st.Currency != "RUB" {
		t.Errorf("stored settings %+v", st)
	}
	rows, _ := u.Store.PartnerRows(context.Background())
	if len(rows) != demoPartnersOnFirstRun {
		t.Errorf("demo made %d partners, want %d", len(rows), demoPartnersOnFirstRun)
	}
	if u.Lang != "ru" || len(u.partners.Rows()) != demoPartnersOnFirstRun {
		t.Errorf("window in %q lists %d partners", u.Lang, len(u.partners.Rows()))
	}
}

func TestWelcomeBadCurrencyKeepsTheDialog(t *testing.T) {
	u := newTestUI(t, 0, "en")
	w := u.showWelcome()
	test.Type(w.vendor, "Acme")
	w.currency.SetText("euro")
	test.Tap(findButton(t, u, "Start empty"))
	u.Wait()
	if !w.msg.Visible() || w.msg.Text != `Currency: "EURO" is not a three-letter currency code such as EUR or RUB` {
		t.Errorf("message %q (visible %v)", w.msg.Text, w.msg.Visible())
	}
	if w.vendor.Text != "Acme" || u.Win.Canvas().Overlays().Top() == nil {
		t.Error("the welcome closed or lost the input")
	}
}

func TestWelcomeTabOrderAndRussianCurrency(t *testing.T) {
	u := newTestUI(t, 0, "ru")
	w := u.showWelcome()
	if w.currency.Text != "RUB" {
		t.Errorf("a Russian first run suggests %q, want RUB", w.currency.Text)
	}
	c := u.Win.Canvas()
	for _, want := range []fyne.Focusable{w.program, w.currency, w.fyStart, w.demoBtn, w.empty} {
		c.FocusNext()
		if c.Focused() != want {
			t.Fatalf("Tab reached %T, want %T", c.Focused(), want)
		}
	}
}

func TestWelcomeImportMyPartnerList(t *testing.T) {
	u := newTestUI(t, 0, "en")
	w := u.showWelcome()
	test.Type(w.vendor, "Acme")
	test.Tap(findButton(t, u, "Import my partner list…"))
	u.Wait()
	st, _ := u.Store.Settings(context.Background())
	if st.VendorName != "Acme" {
		t.Errorf("settings not saved: %+v", st)
	}
	if u.importer == nil || u.Win.Canvas().Overlays().Top() == nil {
		t.Error("the import's file chooser did not open")
	}
}
