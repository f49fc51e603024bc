package screens

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"channeldesk/app/fiscal"
	"channeldesk/app/partners"
	"channeldesk/data"
)

func columnIDs(cols []shownColumn) string {
	ids := make([]string, len(cols))
	for i, c := range cols {
		ids[i] = c.col.id
	}
	return strings.Join(ids, ",")
}

// The list shows name, type, status, tier, won revenue, open deals, days
// quiet and manager; the user's choice of columns, order and widths is
// remembered for the next time the list is built.
func TestPartnerColumnsChosenAreRemembered(t *testing.T) {
	u := newTestUI(t, 30, "en")
	s := u.partners
	if got := columnIDs(s.columns); got != defaultColumns {
		t.Fatalf("default columns %s", got)
	}
	s.showColumns()
	c := s.columnsDlg
	c.rows[1].show.SetChecked(false) // type
	c.move(6, -1)                    // days quiet before open deals
	c.rows[0].width.SetText("20")
	test.Tap(overlayButton(t, u, "Save"))
	if !strings.Contains(c.errMsg.Text, "Name: the width") {
		t.Fatalf("a width of 20 gave %q", c.errMsg.Text)
	}
	c.rows[0].width.SetText("300")
	test.Tap(overlayButton(t, u, "Save"))
	want := "name,status,tier,won,contact,open,manager"
	if got := columnIDs(s.columns); got != want {
		t.Fatalf("columns after the choice %s, want %s", got, want)
	}
	if r, c := s.table.Length(); c != 7 || r != len(s.rows) {
		t.Errorf("table %d×%d", r, c)
	}
	again := u.newPartnersScreen()
	again.buildUI()
	if got := columnIDs(again.columns); got != want || again.columns[0].width != 300 {
		t.Errorf("a new list shows %s (name %.0f wide), want %s (300)", got, again.columns[0].width, want)
	}
}

// Every column sorts; numbers sort as numbers, days quiet puts the most
// recently contacted first and the never-contacted last.
func TestPartnerListSortsOnEveryColumn(t *testing.T) {
	u := newTestUI(t, 60, "en")
	s := u.partners
	for _, col := range partnerColumns {
		s.sortKey, s.desc = -1, false
		s.sortBy(col.sort)
		if len(s.rows) != 60 {
			t.Fatalf("%s: %d rows", col.id, len(s.rows))
		}
	}
	s.sortBy(partners.SortWon)
	if !slices.IsSortedFunc(s.rows, func(a, b data.PartnerRow) int { return int(a.Won12m - b.Won12m) }) || s.rows[59].Won12m == 0 {
		t.Errorf("won revenue not in order: %d … %d", s.rows[0].Won12m, s.rows[59].Won12m)
	}
	s.sortBy(partners.SortWon) // again: descending
	if s.rows[0].Won12m < s.rows[59].Won12m {
		t.Error("second tap did not reverse the order")
	}
	s.sortBy(partners.SortLastContact)
	if s.rows[0].LastContact == "" || s.rows[0].LastContact < s.rows[1].LastContact {
		t.Errorf("days quiet: first rows contacted %q, %q", s.rows[0].LastContact, s.rows[1].LastContact)
	}
	s.sortBy(partners.SortTier)
	if s.rows[59].TierID == 0 || s.rows[0].TierRank > s.rows[59].TierRank {
		t.Errorf("tiers from %q to %q", s.rows[0].TierEN, s.rows[59].TierEN)
	}
}

// The "no contact for 90+ days" filter keeps only the partners silent
// that long (or never contacted); the detail folds away and comes back
// when a partner is opened from elsewhere.
func TestPartnerListQuietFilterAndFoldedDetail(t *testing.T) {
	u := newTestUI(t, 60, "en")
	s := u.partners
	s.silence.SetSelectedIndex(3)
	cut := fiscal.ISODate(u.Store.Now().AddDate(0, 0, -90))
	if len(s.rows) == 0 || len(s.rows) == 60 {
		t.Fatalf("90+ days quiet: %d of 60", len(s.rows))
	}
	for _, r := range s.rows {
		if r.LastContact >= cut {
			t.Errorf("%s last contacted %s is listed as 90+ days quiet", r.Name, r.LastContact)
		}
	}
	test.Tap(s.detailBtn)
	if s.detailShown() || !u.App.Preferences().Bool(prefDetailHidden) {
		t.Fatal("the detail did not fold away")
	}
	s.open(s.rows[0].ID)
	u.Wait()
	if !s.detailShown() || s.detail.title.Text != s.rows[0].Name {
		t.Errorf("opening a partner left the detail folded (%v) or empty (%q)", s.detailShown(), s.detail.title.Text)
	}
}
