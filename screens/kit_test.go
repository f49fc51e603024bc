package screens

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"channeldesk/app/kit"
	"channeldesk/data"
)

func TestPartnerKitMenuExportsAndImports(t *testing.T) {
	u := newTestUI(t, 8, "en")
	for _, label := range []string{"Partner kit…", "Import partner kit…"} {
		if menuItem(u, label) == nil {
			t.Fatalf("File has no %q", label)
		}
	}
	dir := t.TempDir()
	k := u.kitFlow()
	k.exportKits(kit.Selection{All: true}, dir, kit.Options{})
	u.Wait()
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if len(files) == 0 || !strings.Contains(topOverlayText(u), "kits written") {
		t.Fatalf("%d kits; dialog %q", len(files), topOverlayText(u))
	}
	u.cancelTop()

	// The partner registers two deals; the manager rejects one with a reason.
	f, err := excelize.OpenFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStr("Deal registrations", "C4", "Kept Customer Ltd")
	f.SetCellStr("Deal registrations", "C5", "Rejected Customer Ltd")
	b, _ := f.WriteToBuffer()
	f.Close()
	pv, err := kit.Import(context.Background(), u.Store, strings.NewReader(b.String()), k.importOptions(false, nil))
	if err != nil || len(pv.Items) != 2 {
		t.Fatalf("preview: %v %+v", err, pv)
	}
	p := newKitPreview(k, pv, b.Bytes())
	p.show()
	if txt := topOverlayText(u); !strings.Contains(txt, "Partner kit of") {
		t.Fatalf("the preview dialog is not shown: %q", txt)
	}
	p.toggle(1, false)
	var reason *widget.Entry
	walkVisible(overlays(u), func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder != "" && strings.Contains(e.PlaceHolder, "partner will read") {
			reason = e
		}
		return reason != nil
	})
	if reason == nil {
		t.Fatal("unchecking a row asks for no reason")
	}
	test.Type(reason, "Please register it with its tax ID")
	test.Tap(overlayButton(t, u, "Reject the row"))
	test.Tap(overlayButton(t, u, "Import checked rows"))
	u.Wait()
	if !strings.Contains(topOverlayText(u), "1 rows imported") {
		t.Errorf("after import: %q", topOverlayText(u))
	}
	deals, _ := u.Store.Deals(context.Background(), data.DealFilter{})
	kept, rejected := false, false
	for _, d := range deals {
		kept = kept || d.Customer == "Kept Customer Ltd"
		rejected = rejected || d.Customer == "Rejected Customer Ltd"
	}
	if !kept || rejected {
		t.Errorf("kept stored %v, rejected stored %v", kept, rejected)
	}
	rej, _ := u.Store.KitRejections(context.Background(), p.pv.Marker.PartnerID)
	if len(rej) != 1 || rej[0].Reason != "Please register it with its tax ID" {
		t.Errorf("the rejection reason is not kept for the next kit: %+v", rej)
	}
}
