package screens

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// outOfWindow lists the visible buttons, selects and checks that end past
// the window's right edge or are squeezed below their own width: what a
// user sees as a control cut in half.
func outOfWindow(w fyne.Window) []string {
	width := w.Canvas().Size().Width
	d := fyne.CurrentApp().Driver()
	var bad []string
	for _, o := range test.LaidOutObjects(w.Content()) {
		var text string
		switch c := o.(type) {
		case *widget.Button:
			text = c.Text
		case *widget.Check:
			text = c.Text
		case *widget.Select:
			text = c.Selected
		case *widget.Label:
			// a wrapped text given a sliver of width breaks inside words
			if c.Visible() && c.Wrapping != fyne.TextWrapOff && len([]rune(c.Text)) > 20 && c.Size().Width > 0 && c.Size().Width < 160 {
				bad = append(bad, fmt.Sprintf("label %q squeezed to %.0f px wide", c.Text, c.Size().Width))
			}
			continue
		default:
			continue
		}
		if !o.Visible() || o.Size().IsZero() {
			continue
		}
		right := d.AbsolutePositionForObject(o).X + o.Size().Width
		switch {
		case right > width+0.5:
			bad = append(bad, fmt.Sprintf("%T %q ends at %.0f px of %.0f", o, text, right, width))
		case o.Size().Width+0.5 < o.MinSize().Width:
			bad = append(bad, fmt.Sprintf("%T %q squeezed to %.0f of %.0f px", o, text, o.Size().Width, o.MinSize().Width))
		}
	}
	return bad
}

// At the default 1280×760 window, no area and no tab of a partner's card
// has a control running out of the window or squeezed, in either language.
func TestEveryScreenFitsAt1280(t *testing.T) {
	for _, l := range []string{"en", "ru"} {
		t.Run(l, func(t *testing.T) {
			u := newTestUI(t, 30, l)
			check := func(where string) {
				u.Win.Resize(fyne.NewSize(1280, 760))
				u.Wait()
				for _, b := range outOfWindow(u.Win) {
					t.Errorf("%s: %s", where, b)
				}
			}
			for _, a := range u.areas {
				u.show(a.key)
				u.Wait()
				check(a.key)
			}
			u.show("nav.partners")
			u.Wait()
			for id := int64(1); id <= 6; id++ { // partners in different states show different rows
				u.partners.open(id)
				u.Wait()
				for i, it := range u.partners.detail.tabs.Items {
					u.partners.detail.tabs.SelectIndex(i)
					u.Wait()
					check(fmt.Sprintf("partner %d tab %s", id, it.Text))
				}
			}
		})
	}
}
