package screens

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"channeldesk/app/demo"
	"channeldesk/app/format"
	"channeldesk/app/kit"
	"channeldesk/assets"
	"channeldesk/internal/testutil"
)

// The kit flow works from what it is given, without the window struct:
// built from a store, a window and fake callbacks, importing a returned
// kit refreshes the partner list when that is open, the open area
// otherwise, and nothing on Settings.
func TestKitFlowFromDepsRefreshesAfterImport(t *testing.T) {
	test.NewTempApp(t)
	if err := assets.LoadTranslations("en"); err != nil {
		t.Fatal(err)
	}
	s := testutil.OpenStore(t)
	ctx := context.Background()
	if err := demo.Demo(ctx, s, demo.DemoOptions{Partners: 2, Seed: 3, Today: testutil.DemoDay}); err != nil {
		t.Fatal(err)
	}
	win := test.NewTempWindow(t, widget.NewLabel(""))
	win.Resize(fyne.NewSize(1200, 800))
	area, reloads, shown := "nav.partners", 0, []string(nil)
	f := newKitFlow(kitDeps{store: s, win: win, lang: format.EN, run: func(work, done func()) { work(); done() },
		area:           func() string { return area },
		showArea:       func(a string) { shown = append(shown, a) },
		reloadPartners: func() { reloads++ }})

	rows, err := s.PartnerRows(ctx)
	if err != nil || len(rows) == 0 {
		t.Fatalf("no partner to send a kit to (%v)", err)
	}
	path := filepath.Join(t.TempDir(), "kit.xlsx")
	if _, err := kit.ExportFile(ctx, s, rows[0].ID, path, kit.Options{}); err != nil {
		t.Fatal(err)
	}
	importKit := func(customer string) {
		t.Helper()
		x, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		x.SetCellStr("Deal registrations", "C4", customer)
		b, _ := x.WriteToBuffer()
		x.Close()
		f.preview(b.Bytes())
		ok := buttonIn(win.Canvas().Overlays().List(), "Import checked rows")
		if ok == nil {
			t.Fatal("the kit preview is not shown")
		}
		test.Tap(ok)
		for win.Canvas().Overlays().Top() != nil {
			win.Canvas().Overlays().Remove(win.Canvas().Overlays().Top())
		}
	}

	importKit("Partners Open Ltd")
	if reloads != 1 || len(shown) != 0 {
		t.Errorf("with the partner list open: %d reloads, areas shown %v; want the list reloaded once", reloads, shown)
	}
	area = "deals.nav"
	importKit("Deals Open Ltd")
	if reloads != 1 || !slices.Equal(shown, []string{"deals.nav"}) {
		t.Errorf("with the deals open: %d reloads, areas shown %v; want the deals shown again", reloads, shown)
	}
	area = "nav.settings"
	importKit("Settings Open Ltd")
	if reloads != 1 || len(shown) != 1 {
		t.Errorf("with the settings open: %d reloads, areas shown %v; want nothing refreshed", reloads, shown)
	}
}
