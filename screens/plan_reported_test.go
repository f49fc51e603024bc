package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// actualEntry is the count entry of the open actual dialog.
func actualEntry(t *testing.T, u *UI) *widgets.MoneyEntry {
	t.Helper()
	var e *widgets.MoneyEntry
	walkVisible(overlays(u), func(o fyne.CanvasObject) bool {
		e, _ = o.(*widgets.MoneyEntry)
		return e != nil
	})
	if e == nil {
		t.Fatal("no actual dialog open")
	}
	return e
}

// On the Plan tab, typing 0 as a quarter's actual reports it (the cell
// shows 0); emptying the field takes the report back (the cell shows a
// dash, as for nothing reported) and stores 0 unreported.
func TestPlanTabActualZeroAndCleared(t *testing.T) {
	u := newTestUI(t, 40, "en")
	pt := openPlan(t, u)
	if pt.att.Started == 0 {
		t.Fatal("the demo plan has no quarter begun: this test proves nothing")
	}
	row, q := -1, pt.att.Started-1 // the last quarter begun, 0-based
	for i, o := range pt.att.Objectives {
		if !o.Measure.Computed() {
			row = i
			break
		}
	}
	if row < 0 {
		t.Fatal("the demo plan has no objective the partner reports")
	}
	cell := widget.TableCellID{Row: row, Col: q + 2}
	objID := pt.att.Objectives[row].ID
	stored := func() data.Objective {
		t.Helper()
		p, err := u.Store.Plan(context.Background(), pt.plan.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range p.Objectives {
			if o.ID == objID {
				return o
			}
		}
		t.Fatalf("objective %d is gone", objID)
		return data.Objective{}
	}
	enter := func(text string) {
		t.Helper()
		pt.onCell(cell)
		actualEntry(t, u).SetText(text)
		test.Tap(overlayButton(t, u, "Save"))
		u.Wait()
		if len(overlays(u)) != 0 {
			t.Fatalf("saving %q left the dialog open", text)
		}
	}

	enter("0")
	if o := stored(); !o.Reported[q] || o.Actuals[q] != 0 {
		t.Fatalf("0 typed: stored reported %v actual %d, want a reported 0", o.Reported[q], o.Actuals[q])
	}
	if got := pt.cellText(cell); !strings.HasPrefix(got, "0 / ") {
		t.Errorf("a reported 0 shows %q, want it to start with 0", got)
	}
	pt.onCell(cell)
	if got := actualEntry(t, u).Text; got != "0" {
		t.Errorf("the dialog for a reported 0 starts with %q, want 0", got)
	}
	test.Tap(overlayButton(t, u, "Cancel"))

	enter("")
	if o := stored(); o.Reported[q] || o.Actuals[q] != 0 {
		t.Fatalf("field emptied: stored reported %v actual %d, want not reported and 0", o.Reported[q], o.Actuals[q])
	}
	if got := pt.cellText(cell); !strings.HasPrefix(got, "— / ") {
		t.Errorf("a quarter not reported shows %q, want a dash for the actual", got)
	}
	pt.onCell(cell)
	if got := actualEntry(t, u).Text; got != "" {
		t.Errorf("the dialog for a quarter not reported starts with %q, want it empty", got)
	}
}
