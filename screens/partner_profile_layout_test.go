package screens

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"channeldesk/data"
)

// At 1280×760 the profile's Save, "Take out of the program" and Delete
// buttons are all whole inside the window, in both languages (the Russian
// labels are long enough to push Delete out of a single row).
func TestProfileButtonsFitAt1280(t *testing.T) {
	for _, l := range []string{"en", "ru"} {
		t.Run(l, func(t *testing.T) {
			u := newTestUI(t, 0, l)
			pt := &data.Partner{Name: "Blue Harbor", Type: data.TypeMSP, Status: data.StatusActive}
			if err := u.Store.CreatePartner(context.Background(), pt); err != nil {
				t.Fatal(err)
			}
			u.partners.reload()
			u.Wait()
			u.partners.open(pt.ID)
			u.Wait()
			u.Win.Resize(fyne.NewSize(1280, 760))
			u.Wait()
			f := u.partners.detail.profile
			width := u.Win.Canvas().Size().Width
			d := fyne.CurrentApp().Driver()
			for _, b := range []*widget.Button{f.offboardBtn, f.deleteBtn} {
				if !b.Visible() {
					t.Fatalf("%q hidden for an active partner", b.Text)
				}
				pos := d.AbsolutePositionForObject(b)
				if right := pos.X + b.Size().Width; right > width+0.5 {
					t.Errorf("%q ends at %v px, the window is %v px wide", b.Text, right, width)
				}
				if b.Size().Width+0.5 < b.MinSize().Width {
					t.Errorf("%q is squeezed: %v of %v px", b.Text, b.Size().Width, b.MinSize().Width)
				}
			}
		})
	}
}
