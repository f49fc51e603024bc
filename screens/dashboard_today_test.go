package screens

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"channeldesk/data"
)

// newWeekUI opens the window at the dashboard on a store whose clock the
// test moves: seven partners with an open escalation each (contacted
// lately), and one partner nobody has called for a year.
func newWeekUI(t *testing.T, uiLang string) (*UI, *time.Time) {
	t.Helper()
	clock := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	u := newDashUI(t, uiLang, func(ctx context.Context, s *data.Store) error {
		s.Now = func() time.Time { return clock }
		for i := range 8 {
			p := &data.Partner{Name: fmt.Sprintf("Partner %d", i+1), Type: data.TypeReseller, Status: data.StatusActive,
				CreatedAt: "2025-01-01T00:00:00Z"}
			if err := s.CreatePartner(ctx, p); err != nil {
				return err
			}
			if i == 7 {
				continue // gone quiet
			}
			for _, e := range []data.Event{
				{PartnerID: p.ID, Kind: data.EventCall, Body: "call", At: "2026-11-20T10:00:00Z"},
				{PartnerID: p.ID, Kind: data.EventEscalation, Body: fmt.Sprintf("problem %d", i+1), Open: true,
					At: fmt.Sprintf("2026-11-%02dT10:00:00Z", 10+i)},
			} {
				if err := s.AddEvent(ctx, &e); err != nil {
					return err
				}
			}
		}
		return nil
	})
	u.Win.Resize(fyne.NewSize(1280, 760))
	u.Wait()
	return u, &clock
}

func rowTexts(d *dashboardScreen) []string {
	var out []string
	for _, r := range d.todayRows {
		switch r.kind {
		case rowHeader:
			out = append(out, "# "+fmt.Sprint(len(d.groupEntries(r.group))))
		case rowMore:
			out = append(out, d.moreText(r.group))
		default:
			out = append(out, d.today[r.entry].PartnerName)
		}
	}
	return out
}

// Today groups by kind, the oldest escalation first, a handful per group
// before "show all N"; escalations come before partners gone quiet.
func TestTodayGroupsByKindAHandfulEach(t *testing.T) {
	u, _ := newWeekUI(t, "en")
	d := u.dashboard
	got := strings.Join(rowTexts(d), " | ")
	want := "# 7 | Partner 1 | Partner 2 | Partner 3 | Partner 4 | Partner 5 | Show all 7 | # 1 | Partner 8"
	if got != want {
		t.Fatalf("Today rows\n %s\nwant\n %s", got, want)
	}
	if d.todayMsg.Text != "Items: 8" {
		t.Errorf("count %q", d.todayMsg.Text)
	}
	if text := d.todayText(d.today[7]); !strings.Contains(text, "gone quiet") || !strings.Contains(text, "every 90 days") {
		t.Errorf("gone-quiet line %q", text)
	}
	d.todayList.Select(6) // "Show all 7"
	if n := len(d.todayRows); n != 11 || d.moreText(d.todayRows[8].group) != "Show fewer" {
		t.Errorf("after show all: %v", rowTexts(d))
	}
	// Doing the quiet partner opens it, with the contact to log.
	selectTodayEntry(d, 7)
	u.Wait()
	if u.current != "nav.partners" || u.partners.selected != d.today[7].PartnerID || u.partners.contactLog == nil {
		t.Fatalf("area %q partner %d, contact form %v", u.current, u.partners.selected, u.partners.contactLog != nil)
	}
	f := u.partners.contactLog
	test.Type(f.notes, "Caught up on the pipeline")
	test.Tap(overlayButton(t, u, "Save"))
	u.show("dash.nav")
	u.Wait()
	if got := strings.Join(rowTexts(d), " | "); strings.Contains(got, "Partner 8") {
		t.Errorf("a contact logged today leaves the partner quiet: %s", got)
	}
}

// A snoozed entry leaves Today and comes back on its day by the store's
// clock, not the wall clock; a dismissal needs a reason and is listed.
func TestTodaySnoozeAndDismiss(t *testing.T) {
	u, clock := newWeekUI(t, "en")
	d := u.dashboard
	test.Tap(rowButton(d, 1, 1)) // the first entry: Partner 1
	d.snoozeUntil.SetText("")
	test.Type(d.snoozeUntil, "01.12.2026")
	test.Tap(overlayButton(t, u, "Save"))
	u.Wait()
	if got := rowTexts(d); got[1] != "Partner 2" || d.marksBtn.Text != "Snoozed & dismissed: 1" {
		t.Fatalf("after snooze: %v, %q", got, d.marksBtn.Text)
	}
	test.Tap(rowButton(d, 1, 2)) // now Partner 2
	test.Tap(overlayButton(t, u, "Save"))
	if len(overlays(u)) == 0 {
		t.Fatal("a dismissal without a reason closed the dialog")
	}
	test.Type(d.dismissReason, "handled by support")
	test.Tap(overlayButton(t, u, "Save"))
	u.Wait()
	if got := rowTexts(d); got[0] != "# 5" || got[1] != "Partner 3" {
		t.Fatalf("after dismiss: %v", got)
	}
	test.Tap(d.marksBtn)
	if len(d.marks) != 2 || !strings.Contains(d.markText(d.marks[0])+d.markText(d.marks[1]), "handled by support") {
		t.Fatalf("marks listed: %+v", d.marks)
	}
	d.marksDlg.Hide()

	*clock = time.Date(2026, 11, 30, 23, 59, 0, 0, time.UTC)
	d.load()
	u.Wait()
	if got := rowTexts(d); got[1] != "Partner 3" {
		t.Errorf("the day before the snooze ends: %v", got)
	}
	*clock = time.Date(2026, 12, 1, 6, 0, 0, 0, time.UTC)
	d.load()
	u.Wait()
	if got := rowTexts(d); got[0] != "# 6" || got[1] != "Partner 1" {
		t.Errorf("on the snooze's day: %v, want Partner 1 back and Partner 2 still dismissed", got)
	}
	test.Tap(d.marksBtn)
	if len(d.marks) != 1 {
		t.Fatalf("marks on the snooze's day: %+v", d.marks)
	}
	test.Tap(overlayButton(t, u, "Back to Today"))
	u.Wait()
	if got := rowTexts(d); got[0] != "# 7" {
		t.Errorf("after restoring the dismissal: %v", got)
	}
}

// rowButton builds list row r as the list does and returns its button
// (0 do, 1 snooze, 2 dismiss).
func rowButton(d *dashboardScreen, r, i int) *widget.Button {
	row := d.newTodayRow().(*todayRowView)
	d.updateTodayRow(d.todayRows[r], row)
	return row.buttons.Objects[i].(*widget.Button)
}
