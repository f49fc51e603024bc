package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"channeldesk/data"
)

// Settings › Leads shows the default neighbouring regions for editing;
// an edit is saved and routing reads it; "Default list" brings the
// federal districts back.
func TestLeadSettingsEditNeighbours(t *testing.T) {
	u := newTestUI(t, 0, "en")
	ls := newLeadSettings(u.Store)
	w := test.NewTempWindow(t, ls.buildUI())
	if !strings.Contains(ls.neighbours.Text, "Приволжский = Татарстан") {
		t.Fatalf("the default list is not shown: %q", ls.neighbours.Text)
	}
	ls.neighbours.SetText("Tatarstan: Bashkortostan")
	ls.onSave()
	ctx := context.Background()
	got, _ := u.Store.LeadWeights(ctx)
	if got.Neighbours != "Tatarstan: Bashkortostan" {
		t.Errorf("saved %q (msg %q)", got.Neighbours, ls.msg.Text)
	}
	reset := buttonIn([]fyne.CanvasObject{w.Content()}, "Default list (Russian federal districts)")
	if reset == nil {
		t.Fatal("no Default list button")
	}
	test.Tap(reset)
	ls.onSave()
	if got, _ = u.Store.LeadWeights(ctx); got.Neighbours != data.DefaultNeighbours {
		t.Errorf("default not restored: %q", got.Neighbours)
	}
}
