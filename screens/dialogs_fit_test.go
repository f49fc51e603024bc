package screens

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// Every form dialog fits a 1280×720 window in Russian, the longer of the
// two languages: nothing runs off the edge of a laptop screen.
func TestFormDialogsFitTheWindow(t *testing.T) {
	u := newTestUI(t, 40, "ru")
	m := openMDF(t, u)
	ts := newTiersScreen(u)
	ts.buildUI()
	u.Wait()
	pt := openPlan(t, u)
	ds := newDealsScreen(u)
	ds.buildUI()
	ds.deals.reload()
	u.Wait()
	d := u.partners.detail
	for name, open := range map[string]func(){
		"new fund": m.onNewFund,
		"new deal": func() { // with the partner picker listing its matches
			ds.deals.edit(data.Deal{RegisteredOn: "2026-11-27"})
			test.Type(ds.deals.form.partner.Entry, "а")
			if n := len(ds.deals.form.partner.Matches.Objects); n != widgets.PickerMatches {
				t.Errorf("new deal: %d matches listed for «а», want %d", n, widgets.PickerMatches)
			}
		},
		"certification": func() { d.certs.edit(&data.Certification{}) },
		"tier":          func() { ts.editor.edit(&ts.overview.Program.Tiers[1]) },
		"check-in":      func() { pt.editCheckIn(nil) },
		"plan":          func() { pt.openEditor(pt.plan) },
		"status":        d.onChangeStatus,
		"reason":        func() { askMDFReason(u, "Причина", "OK", func(string) error { return nil }) },
	} {
		open()
		top := u.Win.Canvas().Overlays().Top()
		if top == nil {
			t.Errorf("%s: no dialog", name)
			continue
		}
		if s := top.MinSize(); s.Width > 1280 || s.Height > 720 {
			t.Errorf("%s dialog needs %v, more than a 1280×720 window", name, s)
		}
		for u.Win.Canvas().Overlays().Top() != nil {
			u.Win.Canvas().Overlays().Top().Hide()
		}
	}
}
