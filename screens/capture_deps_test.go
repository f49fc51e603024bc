package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"channeldesk/app/recruit"
	"channeldesk/assets"
	"channeldesk/data"
	"channeldesk/internal/testutil"
	"channeldesk/screens/uitest"
)

// depsWindow is a store in t.TempDir() and an empty window, with the
// English texts loaded: what a screen built from its deps alone needs.
func depsWindow(t *testing.T) (*data.Store, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	s := testutil.OpenStore(t)
	if err := assets.LoadTranslations(assets.Language("en")); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1000, 700))
	return s, w
}

// inline runs work and then done on the calling goroutine.
func inline(work, done func()) { work(); done() }

// captureCalls counts what quick capture asked of the window.
type captureCalls struct {
	discard, toggle, reload int
	opened                  []int64
}

func (c *captureCalls) deps(s *data.Store, w fyne.Window, st data.Settings) captureDeps {
	return captureDeps{store: s, win: w, lang: "en", run: inline, settings: func() data.Settings { return st },
		askDiscard:    func(func()) { c.discard++ },
		toggleCapture: func() { c.toggle++ },
		reloadList:    func() { c.reload++ },
		openPartner:   func(id int64) { c.opened = append(c.opened, id) }}
}

func windowButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	roots := append([]fyne.CanvasObject{w.Content()}, w.Canvas().Overlays().List()...)
	b := uitest.ButtonIn(roots, text)
	if b == nil {
		t.Fatalf("no visible button %q", text)
	}
	test.Tap(b)
}

// TestCaptureFromDeps: quick capture built from its deps alone calls the
// window back for what it cannot do itself: F2 switches modes, Esc with
// a visitor typed in asks first, a saved visitor reloads the list behind,
// and "Open existing" opens the likely duplicate in the Partners screen.
func TestCaptureFromDeps(t *testing.T) {
	s, w := depsWindow(t)
	ctx := context.Background()
	existing, err := recruit.CaptureProspect(ctx, s, recruit.Capture{Company: "Orbita Soft"})
	if err != nil {
		t.Fatal(err)
	}
	var calls captureCalls
	f := newCaptureForm(calls.deps(s, w, data.DefaultSettings()))
	f.show("Quick capture", f.buildUI(), 560)

	f.company.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF2})
	if calls.toggle != 1 {
		t.Errorf("F2 switched modes %d times, want once", calls.toggle)
	}
	test.Type(f.company, "Orbita Soft")
	f.company.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if calls.discard != 1 || len(w.Canvas().Overlays().List()) != 1 {
		t.Errorf("Esc with a visitor typed in: asked %d times, %d dialogs open", calls.discard, len(w.Canvas().Overlays().List()))
	}
	pressEnter(f.company)
	if !f.dupBox.Visible() || calls.reload != 0 {
		t.Fatalf("a repeat of Orbita Soft was not held back (warning shown %v, list reloaded %d times)", f.dupBox.Visible(), calls.reload)
	}
	windowButton(t, w, "Save anyway")
	if rows, _ := s.PartnerRows(ctx); len(rows) != 2 || calls.reload != 1 {
		t.Errorf("save anyway: %d partners, list reloaded %d times", len(rows), calls.reload)
	}
	test.Type(f.company, "ORBITA soft")
	pressEnter(f.company)
	windowButton(t, w, "Open existing")
	if len(calls.opened) != 1 || calls.opened[0] != existing.ID || len(w.Canvas().Overlays().List()) != 0 {
		t.Errorf("Open existing opened %v (want [%d]) and left %d dialogs", calls.opened, existing.ID, len(w.Canvas().Overlays().List()))
	}
}

// TestLeadCaptureFromDeps: the lead mode takes the currency and the
// author from the settings it is given and reloads the Leads tab after a
// save.
func TestLeadCaptureFromDeps(t *testing.T) {
	s, w := depsWindow(t)
	var calls captureCalls
	st := data.DefaultSettings()
	st.Currency, st.ManagerName = "RUB", "Anna"
	f := newLeadCaptureForm(calls.deps(s, w, st))
	f.show("Quick capture", f.buildUI(), 620)
	test.Type(f.company, "Kazan Steel")
	test.Type(f.size, "1200")
	pressEnter(f.size)
	leads, _ := s.Leads(context.Background(), data.LeadFilter{})
	if len(leads) != 1 || leads[0].Currency != "RUB" || leads[0].CreatedBy != "Anna" || leads[0].EstAmount != 1200_00 {
		t.Fatalf("stored %+v (message %q)", leads, f.msg.Text)
	}
	if calls.reload != 1 || !strings.Contains(f.msg.Text, "Kazan Steel") {
		t.Errorf("list reloaded %d times, message %q", calls.reload, f.msg.Text)
	}
	f.company.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF2})
	if calls.toggle != 1 {
		t.Errorf("F2 switched modes %d times, want once", calls.toggle)
	}
}

// TestLeadsScreenFromDeps: the Leads tab built from its deps lists the
// stored leads, and "New lead" opens quick capture in its lead mode.
func TestLeadsScreenFromDeps(t *testing.T) {
	s, w := depsWindow(t)
	if err := s.CreateLead(context.Background(), &data.Lead{Company: "Kazan Steel", Product: "Backup"}); err != nil {
		t.Fatal(err)
	}
	captures := 0
	l := newLeadsScreen(leadsDeps{store: s, win: w, lang: "en", run: inline,
		settings: data.DefaultSettings, showLeadCapture: func() { captures++ }})
	w.SetContent(l.buildUI())
	if len(l.leads) != 1 || l.count.Text != "Leads: 1" {
		t.Errorf("the tab lists %d leads, count %q", len(l.leads), l.count.Text)
	}
	windowButton(t, w, "New lead")
	if captures != 1 {
		t.Errorf(`"New lead" opened quick capture %d times, want once`, captures)
	}
}
