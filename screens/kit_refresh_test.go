package screens

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"channeldesk/app/kit"
)

// dealCount is the deals screen's "Deals: N".
func dealCount(u *UI) string {
	for _, o := range test.LaidOutObjects(u.content) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && strings.HasPrefix(l.Text, "Deals: ") {
			return l.Text
		}
	}
	return ""
}

// After a kit import the open partner shows the rows just imported: its
// deals tab lists the registration without reopening anything; the deals
// screen, when it is the one open, lists it too.
func TestKitImportRefreshesOpenScreens(t *testing.T) {
	u := newTestUI(t, 6, "en")
	s := u.partners
	s.pick(0)
	u.Wait()
	id := s.selected
	dir := t.TempDir()
	k := u.kitFlow()
	k.exportKits(kit.Selection{PartnerIDs: []int64{id}}, dir, kit.Options{})
	u.Wait()
	u.cancelTop()
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if len(files) != 1 {
		t.Fatalf("kits %v", files)
	}
	kitWithDeal := func(customer string) []byte {
		f, err := excelize.OpenFile(files[0])
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		f.SetCellStr("Deal registrations", "C4", customer)
		b, _ := f.WriteToBuffer()
		return b.Bytes()
	}
	importKit := func(b []byte) {
		pv, err := kit.Import(context.Background(), u.Store, strings.NewReader(string(b)), k.importOptions(false, nil))
		if err != nil {
			t.Fatal(err)
		}
		newKitPreview(k, pv, b).show()
		test.Tap(overlayButton(t, u, "Import checked rows"))
		u.Wait()
		u.cancelTop()
	}
	has := func(t *dealTable, customer string) bool {
		for _, d := range t.deals {
			if d.Customer == customer {
				return true
			}
		}
		return false
	}
	importKit(kitWithDeal("Fresh Customer Ltd"))
	if !has(s.detail.deals.deals, "Fresh Customer Ltd") {
		t.Error("the open partner's deals do not show the deal just imported")
	}

	u.show("deals.nav")
	u.Wait()
	before := dealCount(u)
	importKit(kitWithDeal("Second Customer Ltd"))
	if after := dealCount(u); before == "" || after == before {
		t.Errorf("the deals screen still says %q after a deal was imported (before: %q)", after, before)
	}
}
