package screens

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func init() { runInline = true }

// findButtonOK finds a visible button by its text anywhere in the window
// or its overlays.
func findButtonOK(u *UI, text string) *widget.Button {
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil || o == nil || !o.Visible() {
			return
		}
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
			return
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, child := range c.Objects {
				walk(child)
			}
			return
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, child := range test.WidgetRenderer(w).Objects() {
				walk(child)
			}
		}
	}
	walk(u.Win.Content())
	for _, ov := range u.Win.Canvas().Overlays().List() {
		walk(ov)
	}
	return found
}

func findButton(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	b := findButtonOK(u, text)
	if b == nil {
		t.Fatalf("no visible button %q", text)
	}
	return b
}

func cellAt(row int) widget.TableCellID { return widget.TableCellID{Row: row, Col: 0} }
