package screens

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/data"
)

// At 1280×760 every Today entry shows its partner whole beside the
// buttons and what it is about in full, wrapped below; in both languages.
func TestTodayEntriesReadInFullAt1280(t *testing.T) {
	for _, l := range []string{"en", "ru"} {
		t.Run(l, func(t *testing.T) {
			u, _ := newWeekUI(t, l)
			long := "End customer complains about delivery delays of the second batch and asks for a call with the vendor's regional director this week"
			if err := u.Store.AddEvent(context.Background(), &data.Event{PartnerID: 1, Kind: data.EventEscalation, Body: long,
				Open: true, At: "2026-11-02T10:00:00Z"}); err != nil {
				t.Fatal(err)
			}
			u.dashboard.load()
			u.Wait()
			u.Win.Resize(fyne.NewSize(1280, 760))
			u.Wait()
			rows := 0
			for _, o := range test.LaidOutObjects(u.Win.Content()) {
				v, ok := o.(*todayRowView)
				if !ok || !v.Visible() || !v.detail.Visible() {
					continue
				}
				rows++
				if v.detail.Size().Height+0.5 < v.detail.MinSize().Height || v.Size().Height+0.5 < v.MinSize().Height {
					t.Errorf("%q is cut: %v of %v high (row %v of %v)", v.detail.Text, v.detail.Size().Height, v.detail.MinSize().Height,
						v.Size().Height, v.MinSize().Height)
				}
				need := fyne.MeasureText(v.title.Text, theme.TextSize(), v.title.TextStyle).Width + 2*theme.InnerPadding()
				if v.title.Size().Width < need {
					t.Errorf("partner %q has %v px, needs %v", v.title.Text, v.title.Size().Width, need)
				}
				if v.title.Position().X+v.title.Size().Width > v.buttons.Position().X {
					t.Errorf("partner %q runs under the buttons", v.title.Text)
				}
				if v.detail.Text == "" {
					t.Errorf("entry %q without its detail", v.title.Text)
				}
			}
			if rows < 5 {
				t.Fatalf("%d entry rows on screen", rows)
			}
			first := u.dashboard.todayDetail(u.dashboard.today[0])
			if !containsText(u.Win.Content(), first) {
				t.Errorf("the long escalation %q is not shown whole", first)
			}
		})
	}
}

// containsText says whether a laid-out label shows exactly s.
func containsText(o fyne.CanvasObject, s string) bool {
	for _, c := range test.LaidOutObjects(o) {
		if l, ok := c.(*widget.Label); ok && l.Visible() && l.Text == s {
			return true
		}
	}
	return false
}
