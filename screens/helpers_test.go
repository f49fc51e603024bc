package screens

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"channeldesk/screens/uitest"
	"channeldesk/screens/widgets"
)

func init() { runInline = true }

// walkVisible visits the visible objects under roots (see uitest.WalkVisible).
func walkVisible(roots []fyne.CanvasObject, visit func(o fyne.CanvasObject) (stop bool)) {
	uitest.WalkVisible(roots, visit)
}

// overlays are the open dialogs and pop-ups of the window.
func overlays(u *UI) []fyne.CanvasObject { return u.Win.Canvas().Overlays().List() }

// windowAndOverlays is the window content followed by its overlays.
func windowAndOverlays(u *UI) []fyne.CanvasObject {
	return append([]fyne.CanvasObject{u.Win.Content()}, overlays(u)...)
}

// buttonIn finds a visible button by its text under roots.
func buttonIn(roots []fyne.CanvasObject, text string) *widget.Button {
	return uitest.ButtonIn(roots, text)
}

// findButtonOK finds a visible button by its text anywhere in the window
// or its overlays.
func findButtonOK(u *UI, text string) *widget.Button { return buttonIn(windowAndOverlays(u), text) }

func findButton(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	b := findButtonOK(u, text)
	if b == nil {
		t.Fatalf("no visible button %q", text)
	}
	return b
}

// overlayButton finds a button by its text in the open dialogs only.
func overlayButton(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	b := buttonIn(overlays(u), text)
	if b == nil {
		t.Fatalf("no button %q in a dialog", text)
	}
	return b
}

func cellAt(row int) widget.TableCellID { return widget.TableCellID{Row: row, Col: 0} }

// localeEntry is the plain entry inside a money, date, percent or text
// entry.
func localeEntry(o fyne.CanvasObject) *widget.Entry {
	switch e := o.(type) {
	case *widgets.MoneyEntry:
		return &e.Entry
	case *widgets.DateEntry:
		return &e.Entry
	case *widgets.PercentEntry:
		return &e.Entry
	case *widgets.TextEntry:
		return e.Entry
	case *widgets.PickerEntry:
		return e.Entry
	}
	return nil
}

// typeAndLeave types into a focusable entry in the window, then moves
// the focus away as Tab would.
func typeAndLeave(u *UI, e fyne.Focusable, text string) {
	u.Win.Canvas().Focus(e)
	test.Type(e, text)
	u.Win.Canvas().FocusNext()
}
