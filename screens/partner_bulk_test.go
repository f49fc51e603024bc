package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// clickRow clicks row i of the partner list with keys held.
func clickRow(t *testing.T, s *partnersScreen, i int, mods fyne.KeyModifier) {
	t.Helper()
	old := keyModifiers
	keyModifiers = func() fyne.KeyModifier { return mods }
	defer func() { keyModifiers = old }()
	s.table.Select(cellAt(i))
}

// A click, a Shift-click three rows down and a Ctrl-click on a fifth
// select five partners; "Add tag" tags exactly those, "Remove tag" takes
// it off again, "Account manager" sets theirs.
func TestBulkTagAndManagerOnShiftCtrlSelection(t *testing.T) {
	u := newTestUI(t, 30, "en")
	s := u.partners
	clickRow(t, s, 2, 0)
	clickRow(t, s, 5, fyne.KeyModifierShift)
	clickRow(t, s, 9, fyne.KeyModifierControl)
	if len(s.marked) != 5 || !s.bulk.Visible() || s.bulkLabel.Text != "5 partners selected:" {
		t.Fatalf("selected %d, bar %v %q", len(s.marked), s.bulk.Visible(), s.bulkLabel.Text)
	}
	want := map[int64]bool{}
	for _, i := range []int{2, 3, 4, 5, 9} {
		want[s.rows[i].ID] = true
	}
	test.Tap(findButton(t, u, "Add tag…"))
	test.Type(s.bulkEntry, "a,b")
	test.Tap(overlayButton(t, u, "Save"))
	if len(overlays(u)) == 0 {
		t.Fatal("a tag with a comma closed the dialog")
	}
	s.bulkEntry.SetText("Q1-push")
	test.Tap(overlayButton(t, u, "Save"))
	u.Wait()
	ctx := context.Background()
	tagged := 0
	rows, _ := u.Store.PartnerRows(ctx)
	for _, r := range rows {
		has := strings.Contains(r.Tags, "Q1-push")
		if has != want[r.ID] {
			t.Errorf("%s tags %q (selected %v)", r.Name, r.Tags, want[r.ID])
		}
		if has {
			tagged++
		}
	}
	if tagged != 5 {
		t.Errorf("%d partners tagged, want 5", tagged)
	}
	test.Tap(findButton(t, u, "Account manager…"))
	test.Type(s.bulkEntry, "Irina Volkova")
	test.Tap(overlayButton(t, u, "Save"))
	test.Tap(findButton(t, u, "Remove tag…"))
	test.Type(s.bulkEntry, "q1-PUSH")
	test.Tap(overlayButton(t, u, "Save"))
	u.Wait()
	rows, _ = u.Store.PartnerRows(ctx)
	for _, r := range rows {
		if strings.Contains(r.Tags, "Q1-push") || want[r.ID] != (r.AccountManager == "Irina Volkova") {
			t.Errorf("%s: tags %q, manager %q (selected %v)", r.Name, r.Tags, r.AccountManager, want[r.ID])
		}
	}
	clickRow(t, s, 0, 0)
	if len(s.marked) != 1 || s.bulk.Visible() {
		t.Errorf("a plain click left %d selected, bar shown %v", len(s.marked), s.bulk.Visible())
	}
}
