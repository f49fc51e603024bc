package screens

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"channeldesk/app/format"
	"channeldesk/assets"
	"channeldesk/data"
	"channeldesk/internal/testutil"
)

// Built from its deps alone, the welcome's "Import my partner list…"
// saves what was typed, then asks the window to rebuild and to open the
// import, in that order; choosing Russian first tells the window.
func TestWelcomeFromDepsImportCallsShowImport(t *testing.T) {
	a := test.NewTempApp(t)
	if err := assets.LoadTranslations("en"); err != nil {
		t.Fatal(err)
	}
	s := testutil.OpenStore(t)
	win := a.NewWindow("welcome")
	var calls []string
	var langs []format.Lang
	w := newWelcome(welcomeDeps{store: s, win: win, lang: format.EN, settings: data.DefaultSettings,
		setLang:         func(l format.Lang) { langs = append(langs, l) },
		rebuild:         func() { calls = append(calls, "rebuild") },
		showImport:      func() { calls = append(calls, "showImport") },
		runWithProgress: nil, // the import start loads no demo data
	})
	w.show()

	w.uiLang.SetSelectedIndex(1) // Русский: the dialog redraws in Russian
	test.Type(w.vendor, "Acme")
	imp := buttonIn(win.Canvas().Overlays().List(), "Импортировать мой список партнёров…")
	if imp == nil {
		t.Fatal("no import button in the welcome")
	}
	test.Tap(imp)

	if !slices.Equal(calls, []string{"rebuild", "showImport"}) {
		t.Errorf("callbacks %v, want rebuild then showImport", calls)
	}
	if !slices.Equal(langs, []format.Lang{format.RU}) {
		t.Errorf("window told languages %v, want [ru]", langs)
	}
	st, _ := s.Settings(context.Background())
	if st.VendorName != "Acme" || st.UILang != "ru" {
		t.Errorf("stored settings %+v", st)
	}
	if win.Canvas().Overlays().Top() != nil {
		t.Error("the welcome is still open")
	}
}
