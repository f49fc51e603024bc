// Package uitest holds what the tests of screens and screens/widgets use to
// find what a person sees: visible objects and buttons by their text.
// Only tests import it.
package uitest

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// WalkVisible visits the visible objects under roots, depth first, until
// visit returns true.
func WalkVisible(roots []fyne.CanvasObject, visit func(o fyne.CanvasObject) (stop bool)) {
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

// ButtonIn finds a visible button by its text under roots, or nil.
func ButtonIn(roots []fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	WalkVisible(roots, func(o fyne.CanvasObject) bool {
		b, ok := o.(*widget.Button)
		if ok && b.Text == text {
			found = b
		}
		return found != nil
	})
	return found
}
