package screens

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"channeldesk/assets"
	"channeldesk/data"
	"channeldesk/internal/testutil"
)

// The "log a contact" form built from its deps alone: Save adds the
// contact to the partner's timeline by the manager and calls saved; a day
// after today is refused and calls nothing.
func TestContactLogSaveCallsSaved(t *testing.T) {
	a := test.NewTempApp(t)
	ctx := context.Background()
	s := testutil.OpenStore(t)
	s.Now = func() time.Time { return time.Date(2026, 12, 2, 15, 0, 0, 0, time.UTC) }
	p := &data.Partner{Name: "Acme", Type: data.TypeReseller, Status: data.StatusActive}
	if err := s.CreatePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	if err := assets.LoadTranslations("en"); err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("log")
	w.Resize(fyne.NewSize(900, 700))
	saved := 0
	f := newContactLog(contactLogDeps{store: s, win: w, lang: "en",
		settings: func() data.Settings { return data.Settings{ManagerName: "Anna"} }, saved: func() { saved++ }}, p.ID)
	f.show("Acme")
	save := func() {
		t.Helper()
		b := buttonIn(w.Canvas().Overlays().List(), "Save")
		if b == nil {
			t.Fatal("no Save button in the form")
		}
		test.Tap(b)
	}

	f.on.SetValue("2026-12-03")
	save()
	if saved != 0 || len(w.Canvas().Overlays().List()) == 0 {
		t.Fatalf("a contact dated tomorrow: saved called %d times, form open %v", saved, len(w.Canvas().Overlays().List()) != 0)
	}

	f.on.SetValue("2026-12-01")
	test.Type(f.notes, "Caught up on the pipeline")
	save()
	if saved != 1 {
		t.Fatalf("saved called %d times, want 1", saved)
	}
	evs, err := s.Events(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, e := range evs {
		if e.Body == "Caught up on the pipeline" {
			found = true
			if e.Kind != data.EventCall || e.Author != "Anna" || e.At != "2026-12-01T12:00:00Z" {
				t.Errorf("logged %+v, want a call by Anna at noon of 1 Dec", e)
			}
		}
	}
	if !found {
		t.Fatalf("the contact is not on the timeline: %+v", evs)
	}
}
