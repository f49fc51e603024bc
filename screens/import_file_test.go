package screens

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
)

// A Windows-1251 CSV from Russian Excel dropped onto the window (or opened
// with "Open with ChannelDesk") shows the import preview; nothing is
// written until the user imports.
func TestDroppedCSVOpensImportPreview(t *testing.T) {
	u := newTestUI(t, 0, "ru")
	u.EnableFileDrop()
	path, _ := filepath.Abs(filepath.Join("..", "app", "importer", "testdata", "ru-excel-1251.csv"))
	u.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(path + ".notes.pdf"), storage.NewFileURI(path)})
	u.Wait()
	f := u.importer
	if f == nil || f.name != "ru-excel-1251.csv" || f.preview == nil {
		t.Fatalf("no import preview for the dropped file (flow %+v)", f)
	}
	if f.preview.Created == 0 {
		t.Errorf("preview shows no new partners: %q", f.summary.Text)
	}
	if n := len(u.Win.Canvas().Overlays().List()); n == 0 {
		t.Error("the preview dialog is not shown")
	}
}

func TestDroppedOtherFileIsExplained(t *testing.T) {
	u := newTestUI(t, 0, "en")
	u.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI("/tmp/photo.jpg")})
	u.Wait()
	if u.importer != nil {
		t.Fatal("an import started for a photo")
	}
	if !strings.Contains(topOverlayText(u), "Cannot import photo.jpg: drop a CSV") {
		t.Errorf("no message naming the file and what can be dropped: %q", topOverlayText(u))
	}
}
