package screens

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"github.com/xuri/excelize/v2"

	"channeldesk/app/kit"
)

// A returned kit dropped onto the window with proof files opens the kit
// import preview (not the partner import); a workbook that is no kit
// still goes to the partner import.
func TestDroppedKitOpensKitPreview(t *testing.T) {
	u := newTestUI(t, 6, "en")
	drop := u.kitFlow().droppedKitOr(u.dropped)
	dir := t.TempDir()
	u.kitFlow().exportKits(kit.Selection{PartnerIDs: []int64{u.partners.rows[0].ID}}, dir, kit.Options{})
	u.Wait()
	u.cancelTop()
	kits, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if len(kits) != 1 {
		t.Fatalf("kits %v", kits)
	}
	f, _ := excelize.OpenFile(kits[0])
	f.SetCellStr("Deal registrations", "C4", "Dropped Customer Ltd")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	proof := filepath.Join(dir, "invoice.pdf")
	os.WriteFile(proof, []byte("%PDF-1.4"), 0o644)
	drop(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(proof), storage.NewFileURI(kits[0])})
	u.Wait()
	if txt := topOverlayText(u); !strings.Contains(txt, "Partner kit of") {
		t.Fatalf("dropping the kit shows %q, want its preview", txt)
	}
	if u.importer != nil {
		t.Error("the partner import started for a kit")
	}
	u.cancelTop()

	plain := excelize.NewFile()
	plain.SetCellStr("Sheet1", "A1", "Name")
	plain.SetCellStr("Sheet1", "A2", "Plain Partner")
	other := filepath.Join(dir, "partners.xlsx")
	if err := plain.SaveAs(other); err != nil {
		t.Fatal(err)
	}
	drop(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(other)})
	u.Wait()
	if u.importer == nil || u.importer.name != "partners.xlsx" {
		t.Errorf("a plain workbook dropped did not open the partner import")
	}
}
