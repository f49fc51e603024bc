package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"channeldesk/data"
)

// A failed Save keeps the dialog open with what was typed and says, in the
// red line, which field is wrong; a good Save closes it and runs OnDone.
func TestFormDialogFailedSaveKeepsInputAndNamesField(t *testing.T) {
	u := newTestUI(t, "en")
	name := NewText(&widget.Entry{})
	saved, done := 0, 0
	fd := (&FormDialog{Title: "Test form", Items: []*widget.FormItem{widget.NewFormItem("Name", name)},
		OnSave: func() error {
			saved++
			if name.Text != "Anna" {
				return data.Invalid("email", "err.email", map[string]any{"Value": name.Text})
			}
			return nil
		},
		OnDone: func() { done++ }}).Show(u.Win)
	if u.Win.Canvas().Focused() != name {
		t.Error("the cursor is not in the first field")
	}
	test.Type(name, "anna@northwind")
	test.Tap(overlayButton(t, u, "Save"))
	if saved != 1 || done != 0 || len(overlays(u)) != 1 {
		t.Fatalf("after a failed save: saved %d, done %d, %d dialogs open; want 1, 0, 1", saved, done, len(overlays(u)))
	}
	if name.Text != "anna@northwind" {
		t.Errorf("typed text lost: %q", name.Text)
	}
	if want := "E-mail"; !strings.Contains(fd.Msg.Text, want) || !strings.Contains(fd.Msg.Text, "anna@northwind") {
		t.Errorf("red line %q does not name the field and the value", fd.Msg.Text)
	}
	if fd.Msg.Importance != widget.DangerImportance {
		t.Error("the error line is not red")
	}
	name.SetText("Anna")
	test.Tap(fd.SaveBtn)
	if done != 1 || len(overlays(u)) != 0 {
		t.Errorf("after a good save: done %d, %d dialogs open; want 1, 0", done, len(overlays(u)))
	}
}

// Delete asks first: No keeps the form, Yes deletes and closes it; a
// failed delete keeps the form with the reason.
func TestFormDialogDeleteAsksFirst(t *testing.T) {
	u := newTestUI(t, "en")
	deleted := 0
	fail := InputError{"Name: still in use"}
	var err error = fail
	fd := (&FormDialog{Title: "Test form", Items: []*widget.FormItem{widget.NewFormItem("Name", NewText(&widget.Entry{}))},
		OnSave: func() error { return nil }, Delete: func() error { deleted++; return err }}).Show(u.Win)
	test.Tap(overlayButton(t, u, "Delete"))
	if len(overlays(u)) != 2 || deleted != 0 {
		t.Fatalf("Delete did not ask first (%d dialogs, %d deletes)", len(overlays(u)), deleted)
	}
	test.Tap(overlayButton(t, u, "No"))
	if len(overlays(u)) != 1 || deleted != 0 {
		t.Fatalf("No deleted or closed the form (%d dialogs, %d deletes)", len(overlays(u)), deleted)
	}
	test.Tap(overlayButton(t, u, "Delete"))
	test.Tap(overlayButton(t, u, "Yes"))
	if deleted != 1 || len(overlays(u)) != 1 || fd.Msg.Text != "Name: still in use" {
		t.Fatalf("failed delete: %d deletes, %d dialogs, message %q", deleted, len(overlays(u)), fd.Msg.Text)
	}
	err = nil
	test.Tap(overlayButton(t, u, "Delete"))
	test.Tap(overlayButton(t, u, "Yes"))
	if deleted != 2 || len(overlays(u)) != 0 {
		t.Errorf("Yes did not delete and close: %d deletes, %d dialogs", deleted, len(overlays(u)))
	}
}
