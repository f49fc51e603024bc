package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/files"
	"channeldesk/data"
)

// pressShortcut does what the desktop driver does with a shortcut: the
// main menu item that carries it runs first. It reports whether one did.
func pressShortcut(u *UI, sc fyne.Shortcut) bool {
	var find func(items []*fyne.MenuItem) bool
	find = func(items []*fyne.MenuItem) bool {
		for _, it := range items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() && it.Action != nil {
				it.Action()
				return true
			}
			if it.ChildMenu != nil && find(it.ChildMenu.Items) {
				return true
			}
		}
		return false
	}
	for _, m := range u.Win.MainMenu().Items {
		if find(m.Items) {
			return true
		}
	}
	return false
}

// menuItem finds a main menu item by its label.
func menuItem(u *UI, label string) *fyne.MenuItem {
	for _, m := range u.Win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	return nil
}

func topOverlayText(u *UI) string {
	top := u.Win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(top)
	return b.String()
}

func TestCtrlNStartsANewPartnerWithTheNameFocused(t *testing.T) {
	u := newTestUI(t, 3, "en")
	u.show("nav.settings")
	if !pressShortcut(u, ctrl(fyne.KeyN)) {
		t.Fatal("Ctrl+N is on no menu item")
	}
	d := u.partners.detail
	if u.current != "nav.partners" || d.partner == nil || d.partner.ID != 0 {
		t.Fatalf("after Ctrl+N: screen %q, partner %+v", u.current, d.partner)
	}
	if u.Win.Canvas().Focused() != d.profile.name {
		t.Error("the name field does not have the focus")
	}
}

func TestCtrlSSavesTheProfileAndEscLeavesIt(t *testing.T) {
	u := newTestUI(t, 0, "ru")
	pressShortcut(u, ctrl(fyne.KeyN))
	test.Type(u.partners.detail.profile.name, "Вектор")
	if !pressShortcut(u, ctrl(fyne.KeyS)) {
		t.Fatal("Ctrl+S is on no menu item")
	}
	u.Wait()
	rows, _ := u.Store.PartnerRows(context.Background())
	if len(rows) != 1 || rows[0].Name != "Вектор" {
		t.Fatalf("Ctrl+S stored %+v", rows)
	}
	pressShortcut(u, ctrl(fyne.KeyN))
	u.Win.Canvas().Unfocus()
	u.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d := u.partners.detail; d.partner != nil {
		t.Errorf("Esc left the new partner open: %+v", d.partner)
	}
	// A new partner with something typed in is left only after asking.
	pressShortcut(u, ctrl(fyne.KeyN))
	test.Type(u.partners.detail.profile.name, "Орбита")
	u.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d := u.partners.detail; d.partner == nil || u.partners.detail.profile.name.Text != "Орбита" {
		t.Fatal("Esc threw away a typed new partner without asking")
	}
	test.Tap(overlayButton(t, u, "Не сохранять"))
	if d := u.partners.detail; d.partner != nil {
		t.Errorf("Discard left the new partner open: %+v", d.partner)
	}
}

func TestCtrlFFocusesTheSearch(t *testing.T) {
	u := newTestUI(t, 5, "en")
	u.show("nav.settings")
	pressShortcut(u, ctrl(fyne.KeyF))
	if u.current != "nav.partners" || u.Win.Canvas().Focused() != u.partners.search {
		t.Errorf("after Ctrl+F: screen %q, focus %T", u.current, u.Win.Canvas().Focused())
	}
}

func TestF1ShowsShortcutsAndEscClosesThem(t *testing.T) {
	for _, c := range []struct{ lang, want string }{{"en", "Find partner"}, {"ru", "Найти партнёра"}} {
		t.Run(c.lang, func(t *testing.T) {
			u := newTestUI(t, 0, c.lang)
			u.typedKey(&fyne.KeyEvent{Name: fyne.KeyF1})
			text := topOverlayText(u)
			if !strings.Contains(text, "Ctrl+F") || !strings.Contains(text, c.want) || !strings.Contains(text, "Ctrl+Shift+N") == u.hasAction(actQuickCapture) {
				t.Errorf("shortcuts overlay says:\n%s", text)
			}
			u.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
			if top := u.Win.Canvas().Overlays().Top(); top != nil {
				t.Error("Esc did not close the overlay")
			}
		})
	}
}

func TestMenuHidesWhatIsNotRegistered(t *testing.T) {
	u := newTestUI(t, 0, "en")
	for _, id := range []string{actImport, actExportReport, actQuickCapture} {
		delete(u.actions, id)
	}
	u.buildMenu()
	for _, label := range []string{"Import…", "Export report…", "Quick capture…"} {
		if menuItem(u, label) != nil {
			t.Errorf("%q is in the menu with nothing behind it", label)
		}
	}
	if pressShortcut(u, ctrl(fyne.KeyE)) {
		t.Error("Ctrl+E ran something with no export registered")
	}
	exported := 0
	u.registerAction(actExportReport, func() { exported++ })
	if menuItem(u, "Export report…") == nil {
		t.Fatal("a registered export does not appear in the File menu")
	}
	pressShortcut(u, ctrl(fyne.KeyE))
	menuItem(u, "Export report…").Action()
	if exported != 2 {
		t.Errorf("export ran %d times, want 2 (Ctrl+E and the menu)", exported)
	}
}

func TestViewMenuReachesEveryArea(t *testing.T) {
	u := newTestUI(t, 2, "en")
	view := u.Win.MainMenu().Items[2]
	if len(view.Items) != len(u.areas) {
		t.Fatalf("View has %d items for %d areas", len(view.Items), len(u.areas))
	}
	for i, it := range view.Items {
		it.Action()
		u.Wait()
		if u.current != u.areas[i].key {
			t.Errorf("View → %s shows %q", it.Label, u.current)
		}
	}
	for i, a := range u.areas {
		u.show("nav.partners")
		pressShortcut(u, altDigit(i+1))
		if u.current != a.key {
			t.Errorf("Alt+%d shows %q, want %q", i+1, u.current, a.key)
		}
	}
}

func TestFileNewPartnerAndHelpAbout(t *testing.T) {
	u := newTestUI(t, 0, "ru")
	u.Version = "9.8.7"
	u.show("nav.settings")
	menuItem(u, "Новый партнёр").Action()
	if u.current != "nav.partners" || u.partners.detail.partner == nil {
		t.Errorf("File → New partner shows %q", u.current)
	}
	menuItem(u, "О программе ChannelDesk").Action()
	text := topOverlayText(u)
	if !strings.Contains(text, "9.8.7") || !strings.Contains(text, u.Store.Path()) {
		t.Errorf("About says:\n%s", text)
	}
	for _, label := range []string{"Файл", "Правка", "Вид", "Справка"} {
		found := false
		for _, m := range u.Win.MainMenu().Items {
			found = found || m.Label == label
		}
		if !found {
			t.Errorf("no %q menu", label)
		}
	}
}

func TestLastScreenIsRemembered(t *testing.T) {
	u := newTestUI(t, 0, "en")
	u.show("nav.settings")
	u.Win.Resize(fyne.NewSize(900, 600))
	u.saveWindow()
	again := New(u.App, u.Store)
	again.Wait()
	if again.current != "nav.settings" {
		t.Errorf("reopened on %q, want the settings", again.current)
	}
	if w := u.App.Preferences().Float(prefWinWidth); w != 900 {
		t.Errorf("remembered width %v", w)
	}
}

func TestEditMenuCopiesAndPastesInTheFocusedField(t *testing.T) {
	u := newTestUI(t, 0, "en")
	pressShortcut(u, ctrl(fyne.KeyN))
	f := u.partners.detail.profile
	test.Type(f.name, "Nordlicht")
	menuItem(u, "Select all").Action()
	menuItem(u, "Copy").Action()
	u.Win.Canvas().Focus(f.city)
	menuItem(u, "Paste").Action()
	if f.city.Text != "Nordlicht" {
		t.Errorf("pasted %q into the city", f.city.Text)
	}
}

func TestCtrlSSavesTheSettings(t *testing.T) {
	u := newTestUI(t, 0, "en")
	pressShortcut(u, altDigit(len(u.areas))) // Settings is the last area
	if u.current != "nav.settings" {
		t.Fatalf("Alt+%d shows %q", len(u.areas), u.current)
	}
	e := findEntryWithText(u, "EUR")
	if e == nil {
		t.Fatal("no currency entry showing EUR")
	}
	e.SetText("usd")
	pressShortcut(u, ctrl(fyne.KeyS))
	st, _ := u.Store.Settings(context.Background())
	if st.Currency != "USD" {
		t.Errorf("Ctrl+S on Settings stored currency %q", st.Currency)
	}
}

// findEntryWithText finds a visible entry by its text in the window.
func findEntryWithText(u *UI, text string) *widget.Entry {
	var found *widget.Entry
	walkVisible([]fyne.CanvasObject{u.Win.Content()}, func(o fyne.CanvasObject) bool {
		e, ok := o.(*widget.Entry)
		if !ok {
			e = localeEntry(o)
		}
		if e != nil && e.Text == text {
			found = e
		}
		return found != nil
	})
	return found
}

func TestFileMenuReachesTheAreas(t *testing.T) {
	u := newTestUI(t, 3, "en")
	for _, label := range []string{"Quick capture…", "Import…", "Export report…", "Export plan…", "Back up…"} {
		if menuItem(u, label) == nil {
			t.Errorf("File has no %q", label)
		}
	}
	pressShortcut(u, ctrlShift(fyne.KeyN))
	if u.capture == nil {
		t.Error("Ctrl+Shift+N opened no quick capture form")
	}
	u.cancelTop()
	menuItem(u, "Back up…").Action()
	u.Wait()
	backups, err := files.ListBackups(u.Store.Path())
	if err != nil || len(backups) == 0 {
		t.Errorf("File → Back up… wrote no backup: %v %v", backups, err)
	}
	if !strings.Contains(topOverlayText(u), "backups") {
		t.Errorf("the backup dialog does not say where: %q", topOverlayText(u))
	}
}

// While the person types in a dialog, Esc still closes the dialog and F1
// still shows the shortcuts: text, money, percent and date entries pass
// those keys to the window instead of swallowing them. What was typed is
// not thrown away without asking.
func TestEscAndF1WorkWhileTyping(t *testing.T) {
	u := newTestUI(t, 5, "en")
	m := openMDF(t, u)
	press := func(name fyne.KeyName) {
		u.Win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: name})
	}
	// focusEntry focuses the i-th entry of the open dialog.
	focusEntry := func(i int) fyne.Focusable {
		es := overlayEntries(u)
		var target fyne.Focusable
		walkVisible(overlays(u), func(o fyne.CanvasObject) bool {
			if e := localeEntry(o); e == es[i] {
				target = o.(fyne.Focusable)
			}
			return target != nil
		})
		u.Win.Canvas().Focus(target)
		return target
	}
	// Nothing typed: Esc closes the dialog at once.
	m.onNewFund()
	focusEntry(0)
	press(fyne.KeyEscape)
	if top := u.Win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("Esc in an untouched dialog left %q open", topOverlayText(u))
	}
	for _, i := range []int{0, 2} { // fund name (text entry), budget (money entry)
		m.onNewFund()
		target := focusEntry(i)
		test.Type(target, "1500")
		press(fyne.KeyF1)
		if text := topOverlayText(u); !strings.Contains(text, "Ctrl+F") {
			t.Fatalf("F1 while typing in %T: no shortcuts overlay, top says %q", target, text)
		}
		u.cancelTop() // close the shortcuts
		u.Win.Canvas().Focus(target)
		press(fyne.KeyEscape)
		if text := topOverlayText(u); !strings.Contains(text, "Discard what you typed?") {
			t.Fatalf("Esc after typing in %T did not ask; top says %q", target, text)
		}
		u.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // Esc on the question keeps editing
		if text := topOverlayText(u); !strings.Contains(text, "New fund") {
			t.Fatalf("keep editing: top says %q", text)
		}
		u.Win.Canvas().Focus(target)
		press(fyne.KeyEscape)
		test.Tap(overlayButton(t, u, "Discard"))
		if top := u.Win.Canvas().Overlays().Top(); top != nil {
			t.Fatalf("Discard after typing in %T left %q open", target, topOverlayText(u))
		}
	}
}

// Form dialogs open with the cursor in their first field, so the person
// can type straight away.
func TestFormDialogsOpenInTheFirstField(t *testing.T) {
	u := newTestUI(t, 5, "en")
	m := openMDF(t, u)
	dt := newDealTable(u)
	for name, open := range map[string]func(){
		"new fund": m.onNewFund,
		"new deal": func() { dt.edit(data.Deal{RegisteredOn: "2026-11-27"}) },
		"reason":   func() { askMDFReason(u, "Reason", "OK", func(string) error { return nil }) },
	} {
		open()
		es := overlayEntries(u)
		focused, _ := u.Win.Canvas().Focused().(fyne.CanvasObject)
		if len(es) == 0 || focused == nil || localeEntry(focused) != es[0] {
			t.Errorf("%s: focus on %T, want the first of %d entries", name, focused, len(es))
		}
		for u.Win.Canvas().Overlays().Top() != nil {
			u.Win.Canvas().Overlays().Top().Hide()
		}
	}
}

// The question before discarding follows each dialog: typing in a dialog
// on top of another still protects the one below, and typing in the
// partner search is no reason to ask when leaving an empty new partner.
func TestDiscardQuestionFollowsEachDialog(t *testing.T) {
	u := newTestUI(t, 5, "en")
	m := openMDF(t, u)
	m.onNewFund()
	test.Type(u.Win.Canvas().Focused(), "Booth")
	askMDFReason(u, "Reason", "OK", func(string) error { return nil }) // a dialog over the form
	test.Type(u.Win.Canvas().Focused(), "because")
	test.Tap(overlayButton(t, u, "OK"))
	if text := topOverlayText(u); !strings.Contains(text, "New fund") {
		t.Fatalf("top after OK: %q", text)
	}
	u.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if text := topOverlayText(u); !strings.Contains(text, "Discard what you typed?") {
		t.Fatalf("Esc on the form typed in before the inner dialog did not ask; top says %q", text)
	}
	test.Tap(overlayButton(t, u, "Discard"))
	if top := u.Win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("left open: %q", topOverlayText(u))
	}

	u.show("nav.partners")
	u.Win.Canvas().Focus(u.partners.search)
	test.Type(u.partners.search, "abc")
	u.partners.search.SetText("")
	pressShortcut(u, ctrl(fyne.KeyN))
	u.Win.Canvas().Unfocus()
	u.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.partners.detail.partner != nil || u.Win.Canvas().Overlays().Top() != nil {
		t.Error("Esc on an untouched new partner asked or stayed, because of typing in the search")
	}
}
