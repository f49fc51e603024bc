package screens

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"channeldesk/screens/widgets"
)

func init() { runInline = true }

// walkVisible visits every visible object under roots, depth first, through
// containers and widget renderers. visit returns true to stop the walk.
func walkVisible(roots []fyne.CanvasObject, visit func(o fyne.CanvasObject) (stop bool)) {
	var walk func(o fyne.CanvasObject) bool
	walk = func(o fyne.CanvasObject) bool {
		if o == nil || !o.Visible() {
			return false
		}
		if visit(o) {
			return true
		}
		var children []fyne.CanvasObject
		switch w := o.(type) {
		case *fyne.Container:
			children = w.Objects
		case fyne.Widget:
			children = test.WidgetRenderer(w).Objects()
		}
		for _, c := range children {
			if walk(c) {
				return true
			}
		}
		return false
	}
	for _, r := range roots {
		if walk(r) {
			return
		}
	}
}

// overlays are the open dialogs and pop-ups of the window.
func overlays(u *UI) []fyne.CanvasObject { return u.Win.Canvas().Overlays().List() }

// windowAndOverlays is the window content followed by its overlays.
func windowAndOverlays(u *UI) []fyne.CanvasObject {
	return append([]fyne.CanvasObject{u.Win.Content()}, overlays(u)...)
}

// buttonIn finds a visible button by its text under roots.
func buttonIn(roots []fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	walkVisible(roots, func(o fyne.CanvasObject) bool {
		b, ok := o.(*widget.Button)
		if ok && b.Text == text {
			found = b
		}
		return found != nil
	})
	return found
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
