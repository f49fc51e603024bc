package screens

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/kit"
)

// File › Partner kit… offers "the partners whose figures are due": the
// dialog names the quarter, its deadline and how many have not reported,
// and the kits written are exactly theirs. When nobody owes figures it
// says so instead of writing nothing silently.
func TestKitExportForPartnersWhoseFiguresAreDue(t *testing.T) {
	u := newTestUI(t, 12, "en")
	u.Store.Now = func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) }
	due, err := kit.Partners(context.Background(), u.Store, kit.Selection{Due: true})
	if err != nil || len(due) == 0 {
		t.Fatalf("the demo data has no partner with figures due (%v): this test proves nothing", err)
	}
	k := u.kitFlow()
	k.showExport()
	var scope *widget.Select
	var value *widget.SelectEntry
	walkVisible(overlays(u), func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *widget.Select:
			if scope == nil {
				scope = w
			}
		case *widget.SelectEntry:
			value = w
		}
		return false
	})
	if scope == nil || value == nil {
		t.Fatal("the kit dialog has no partner choice")
	}
	scope.SetSelected("The partners whose figures are due")
	if scope.SelectedIndex() != kitScopeDue {
		t.Fatalf("the dialog offers %v", scope.Options)
	}
	if !strings.Contains(value.Text, "Q3 2026") || !strings.Contains(value.Text, "10") || !value.Disabled() {
		t.Errorf("the due choice shows %q (disabled %v); want the quarter and its deadline, read only", value.Text, value.Disabled())
	}
	u.cancelTop()

	dir := t.TempDir()
	k.exportKits(k.selection(kitScopeDue, value.Text), dir, kit.Options{})
	u.Wait()
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if len(files) != len(due) {
		t.Errorf("%d kits written for %d partners whose figures are due", len(files), len(due))
	}
	u.cancelTop()

	u.Store.Now = func() time.Time { return time.Date(2020, 5, 1, 10, 0, 0, 0, time.UTC) }
	k.exportKits(kit.Selection{Due: true}, t.TempDir(), kit.Options{})
	u.Wait()
	if txt := topOverlayText(u); !strings.Contains(txt, "Every partner has reported its figures for Q1 2020") {
		t.Errorf("with nothing due the export says %q", txt)
	}
}
