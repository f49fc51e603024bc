package screens

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"channeldesk/data"
)

// filesIn lists the names in dir with the extension ext.
func filesIn(t *testing.T, dir, ext string) []string {
	t.Helper()
	es, _ := os.ReadDir(dir)
	var out []string
	for _, e := range es {
		if strings.HasSuffix(e.Name(), ext) {
			out = append(out, e.Name())
		}
	}
	return out
}

func emailEvents(t *testing.T, s *data.Store, id int64) int {
	t.Helper()
	evs, err := s.Events(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range evs {
		if e.Kind == data.EventEmail && strings.Contains(e.Body, ".xlsx") {
			n++
		}
	}
	return n
}

// "Send to partner…" on an open partner makes its kit and an e-mail
// draft carrying it in one step, in the outbox beside the database, and
// logs the draft in the partner's timeline.
func TestSendToPartnerMakesKitAndDraft(t *testing.T) {
	u := newTestUI(t, 12, "en")
	s := u.partners
	s.pick(0)
	u.Wait()
	d := s.detail
	if !d.sendBtn.Visible() || d.sendBtn.Text != "Send to partner…" {
		t.Fatalf("send button %q visible %v", d.sendBtn.Text, d.sendBtn.Visible())
	}
	id, name := d.partner.ID, d.partner.Name
	before := emailEvents(t, u.Store, id)
	test.Tap(d.sendBtn)
	test.Tap(overlayButton(t, u, "Make the kit and draft"))
	u.Wait()
	dir := u.kitFlow().outboxDir()
	if x, e := filesIn(t, dir, ".xlsx"), filesIn(t, dir, ".eml"); len(x) != 1 || len(e) != 1 {
		t.Fatalf("outbox %s holds kits %v and drafts %v, want one of each for %s", dir, x, e, name)
	}
	eml, _ := os.ReadFile(filepath.Join(dir, filesIn(t, dir, ".eml")[0]))
	if !strings.Contains(string(eml), ".xlsx") {
		t.Error("the draft does not carry the kit")
	}
	if after := emailEvents(t, u.Store, id); after != before+1 {
		t.Errorf("timeline e-mails with a kit: %d before, %d after", before, after)
	}
}

// On a selection the same action writes a kit and a draft per selected
// partner into the folder chosen, and nothing for the others.
func TestBulkKitsAndDraftsForSelection(t *testing.T) {
	u := newTestUI(t, 12, "en")
	s := u.partners
	dir := t.TempDir()
	nativeFolder = func(_ fyne.Window, cb func(fyne.ListableURI, error)) bool {
		l, err := storage.ListerForURI(storage.NewFileURI(dir))
		cb(l, err)
		return true
	}
	t.Cleanup(func() { nativeFolder = nil })
	s.pick(0)
	s.marked[s.rows[1].ID], s.marked[s.rows[2].ID] = true, true
	s.showBulk()
	test.Tap(bulkButton(t, s, "Kits and e-mails…"))
	test.Tap(overlayButton(t, u, "Choose a folder…"))
	u.Wait()
	if x, e := filesIn(t, dir, ".xlsx"), filesIn(t, dir, ".eml"); len(x) != 3 || len(e) != 3 {
		t.Fatalf("folder holds kits %v and drafts %v, want 3 of each", x, e)
	}
	for _, r := range s.rows[:3] {
		if emailEvents(t, u.Store, r.ID) == 0 {
			t.Errorf("%s: no draft in its timeline", r.Name)
		}
	}
	if emailEvents(t, u.Store, s.rows[3].ID) != 0 {
		t.Errorf("%s was not selected but got a draft", s.rows[3].Name)
	}
}

// bulkButton is the bulk bar's button with the text given.
func bulkButton(t *testing.T, s *partnersScreen, text string) *widget.Button {
	t.Helper()
	for _, o := range s.bulk.Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no %q in the bulk bar", text)
	return nil
}
