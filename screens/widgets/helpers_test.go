package widgets

import (
	"testing"
	"time"

	"channeldesk/app/format"
	"channeldesk/assets"
	"channeldesk/screens/uitest"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// testUI is a window in one interface language, with the currency and
// the clock the entries are made for.
type testUI struct {
	Win      fyne.Window
	Lang     format.Lang
	Settings struct{ Currency string }
}

// now is the day the tests are set on.
func (u *testUI) now() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) }

func newTestUI(t testing.TB, language string) *testUI {
	t.Helper()
	test.NewTempApp(t)
	if err := assets.LoadTranslations(language); err != nil {
		t.Fatal(err)
	}
	u := &testUI{Win: test.NewTempWindow(t, widget.NewLabel("")), Lang: format.Lang(language)}
	u.Settings.Currency = "EUR"
	u.Win.Resize(fyne.NewSize(800, 600))
	return u
}

// overlays are the window's open dialogs and pop-ups, bottom first.
func overlays(u *testUI) []fyne.CanvasObject { return u.Win.Canvas().Overlays().List() }

// walkVisible visits the visible objects under roots (see uitest.WalkVisible).
func walkVisible(roots []fyne.CanvasObject, visit func(o fyne.CanvasObject) (stop bool)) {
	uitest.WalkVisible(roots, visit)
}

// buttonIn finds a visible button by its text under roots.
func buttonIn(roots []fyne.CanvasObject, text string) *widget.Button {
	return uitest.ButtonIn(roots, text)
}

// overlayButton finds a button by its text in the open dialogs only.
func overlayButton(t *testing.T, u *testUI, text string) *widget.Button {
	t.Helper()
	b := buttonIn(overlays(u), text)
	if b == nil {
		t.Fatalf("no button %q in a dialog", text)
	}
	return b
}
