package screens

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/applog"
	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// Menu actions. Screens register what they can do with
// u.registerAction(id, fn); the menu shows only the items whose action is
// registered, so a feature appears in the menu by registering it.
const (
	actNewPartner   = "file.new_partner"
	actQuickCapture = "file.quick_capture"
	actImport       = "file.import"
	actExportReport = "file.export_report"
	actExportPlan   = "file.export_plan"
	actKitExport    = "file.kit_export"
	actKitImport    = "file.kit_import"
	actBackup       = "file.backup"
	actOpenDB       = "file.open_db"
	actFind         = "edit.find"
	actSave         = "edit.save"
	actCancel       = "edit.cancel"
	actCancelWork   = "edit.cancel_work" // set while a progress dialog is open
	actShortcuts    = "help.shortcuts"
	actAbout        = "help.about"
	actLogFolder    = "help.log_folder"
)

// menuItemDef is one action item of the main menu.
type menuItemDef struct {
	id       string
	key      string // translation key of its label
	shortcut fyne.Shortcut
}

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func ctrlShift(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

var fileItems = []menuItemDef{
	{actNewPartner, "desk.menu.new_partner", ctrl(fyne.KeyN)},
	{actQuickCapture, "desk.menu.quick_capture", ctrlShift(fyne.KeyN)},
	{"", "", nil},
	{actImport, "desk.menu.import", nil},
	{actExportReport, "desk.menu.export_report", ctrl(fyne.KeyE)},
	{actExportPlan, "desk.menu.export_plan", ctrl(fyne.KeyP)},
	{actKitExport, "kit.menu.export", nil},
	{actKitImport, "kit.menu.import", nil},
	{actBackup, "desk.menu.backup", nil},
	{"", "", nil},
	{actOpenDB, "desk.menu.open_db", ctrl(fyne.KeyO)},
}

var editItems = []menuItemDef{
	{actFind, "desk.menu.find", ctrl(fyne.KeyF)},
	{actSave, "desk.menu.save", ctrl(fyne.KeyS)},
	{actCancel, "desk.menu.cancel", &desktop.CustomShortcut{KeyName: fyne.KeyEscape}},
	{actLogContact, "week.menu.log_contact", ctrl(fyne.KeyL)},
}

var helpItems = []menuItemDef{
	{actShortcuts, "desk.menu.shortcuts", &desktop.CustomShortcut{KeyName: fyne.KeyF1}},
	{actLogFolder, "errors.menu_log_folder", nil},
	{actAbout, "desk.menu.about", nil},
}

// registerAction makes a menu action available (or replaces it) and
// refreshes the menu. Screens call it from their constructors.
func (u *UI) registerAction(id string, fn func()) {
	if u.actions == nil {
		u.actions = map[string]func(){}
	}
	u.actions[id] = fn
	if u.Win != nil && u.Win.MainMenu() != nil {
		u.buildMenu()
	}
}

// runAction runs a registered action; the save and cancel actions first
// look for the current screen's own ("edit.save@nav.partners").
func (u *UI) runAction(id string) bool {
	if fn := u.actions[id+"@"+u.current]; fn != nil {
		fn()
		return true
	}
	if fn := u.actions[id]; fn != nil {
		fn()
		return true
	}
	return false
}

func (u *UI) hasAction(id string) bool {
	return u.actions[id] != nil || u.actions[id+"@"+u.current] != nil
}

// registerCoreActions registers what the foundation screens can do.
func (u *UI) registerCoreActions() {
	u.registerAction(actNewPartner, func() {
		u.show("nav.partners")
		u.partners.onNew()
		u.Win.Canvas().Focus(u.partners.detail.profile.name)
	})
	u.registerAction(actFind, func() {
		u.show("nav.partners")
		u.Win.Canvas().Focus(u.partners.search)
	})
	u.registerAction(actSave+"@nav.partners", u.partnerSave)
	u.registerAction(actCancel, u.cancelTop)
	u.registerAction(actShortcuts, u.showShortcuts)
	u.registerAction(actAbout, u.showAbout)
	u.registerAction(actLogFolder, u.showLogFolder)
	u.registerAction(actOpenDB, u.chooseDatabase)
}

// partnerSave saves the open partner's profile (Ctrl+S).
func (u *UI) partnerSave() {
	if d := u.partners.detail; d != nil && d.partner != nil && d.tabs.Selected() != nil && d.tabs.SelectedIndex() == 0 {
		d.profile.onSave()
	}
}

// cancelTop closes the topmost dialog or pop-up, or clears the partner
// search it is typed in, or leaves the partner being created (Esc). What
// the person typed is not thrown away without asking.
func (u *UI) cancelTop() {
	c := u.Win.Canvas()
	if fn := u.actions[actCancelWork]; fn != nil {
		fn()
		return
	}
	if top := c.Overlays().Top(); top != nil {
		close := func() {
			widgets.ForgetTyping(c, top)
			top.Hide()
			c.Overlays().Remove(top)
		}
		if widgets.TypedIntoTop(c) {
			u.askDiscard(close)
		} else {
			close()
		}
		return
	}
	if fn := u.actions[actCancel+"@"+u.current]; fn != nil {
		fn()
		return
	}
	if s := u.partners; u.current == "nav.partners" && s.search.Text != "" && c.Focused() == s.search {
		s.search.SetText("") // Esc in the search box clears it
		return
	}
	if d := u.partners.detail; u.current == "nav.partners" && d != nil && d.partner != nil && d.partner.ID == 0 {
		leave := func() {
			d.partner = nil
			d.showEmpty(true)
		}
		if d.profile.hasText() {
			u.askDiscard(leave)
		} else {
			leave()
		}
	}
}

// askDiscard asks whether to throw away what the person typed, and runs
// discard if so.
func (u *UI) askDiscard(discard func()) {
	d := dialog.NewConfirm(lang.L("desk.discard_title"), lang.L("desk.discard_text"), func(ok bool) {
		if ok {
			discard()
		}
	}, u.Win)
	d.SetConfirmText(lang.L("desk.discard"))
	d.SetDismissText(lang.L("desk.keep_editing"))
	d.Show()
}

// buildMenu sets the main menu from the registered actions and the areas,
// and the keys that are not menu shortcuts (Esc, F1).
func (u *UI) buildMenu() {
	u.registerCoreActionsOnce()
	file := fyne.NewMenu(lang.L("desk.menu.file"), u.menuItems(fileItems)...)
	if recent := u.recentMenu(); recent != nil {
		file.Items = append(file.Items, recent)
	}
	file.Items = append(file.Items, fyne.NewMenuItemSeparator(), &fyne.MenuItem{Label: lang.L("desk.menu.quit"), IsQuit: true, Action: u.quit})
	edit := fyne.NewMenu(lang.L("desk.menu.edit"), append(u.clipboardItems(), u.menuItems(editItems)...)...)
	view := fyne.NewMenu(lang.L("desk.menu.view"))
	for i, a := range u.areas {
		key := a.key
		item := fyne.NewMenuItem(lang.L(key), func() { u.show(key) })
		item.Icon = a.icon
		if i < 9 {
			item.Shortcut = altDigit(i + 1)
		}
		view.Items = append(view.Items, item)
	}
	help := fyne.NewMenu(lang.L("desk.menu.help"), u.menuItems(helpItems)...)
	u.Win.SetMainMenu(fyne.NewMainMenu(file, edit, view, help))
	u.Win.Canvas().SetOnTypedKey(u.typedKey)
}

func (u *UI) registerCoreActionsOnce() {
	if u.actions[actAbout] == nil {
		u.registerCoreActions()
		u.registerAreaActions()
	}
}

// menuItems builds the items whose action is registered, dropping
// separators that would lead, trail or double up.
func (u *UI) menuItems(defs []menuItemDef) []*fyne.MenuItem {
	var items []*fyne.MenuItem
	for _, d := range defs {
		if d.id == "" {
			if len(items) > 0 && !items[len(items)-1].IsSeparator {
				items = append(items, fyne.NewMenuItemSeparator())
			}
			continue
		}
		if !u.hasAction(d.id) && d.id != actSave {
			continue
		}
		id := d.id
		item := fyne.NewMenuItem(lang.L(d.key), func() { u.runAction(id) })
		item.Shortcut = d.shortcut
		items = append(items, item)
	}
	if n := len(items); n > 0 && items[n-1].IsSeparator {
		items = items[:n-1]
	}
	return items
}

// typedKey handles Esc and F1 when nothing has the focus, and when a text,
// money, percent or date entry passes them on (widgets.PassKeyToWindow).
func (u *UI) typedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		u.runAction(actCancel)
	case fyne.KeyF1:
		u.runAction(actShortcuts)
	}
}

// shortcutRows lists the keyboard shortcuts for the overlay, from the
// menu definitions so the two cannot disagree.
func (u *UI) shortcutRows() [][2]string {
	var rows [][2]string
	for _, defs := range [][]menuItemDef{fileItems, editItems, helpItems} {
		for _, d := range defs {
			if d.shortcut == nil || (!u.hasAction(d.id) && d.id != actSave) {
				continue
			}
			rows = append(rows, [2]string{shortcutText(d.shortcut), lang.L(d.key)})
		}
	}
	rows = append(rows, [2]string{"Alt+1…9", lang.L("desk.shortcut.areas")})
	rows = append(rows, [2]string{"Tab / Shift+Tab", lang.L("desk.shortcut.tab")})
	return rows
}

// shortcutText writes a shortcut the way people read it: "Ctrl+Shift+N".
func shortcutText(s fyne.Shortcut) string {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok {
		return s.ShortcutName()
	}
	text := ""
	if cs.Modifier&fyne.KeyModifierShortcutDefault != 0 {
		text += ctrlName() + "+"
	}
	if cs.Modifier&fyne.KeyModifierShift != 0 {
		text += "Shift+"
	}
	if cs.Modifier&fyne.KeyModifierAlt != 0 {
		text += "Alt+"
	}
	if cs.KeyName == fyne.KeyEscape {
		return text + "Esc"
	}
	return text + string(cs.KeyName)
}

func ctrlName() string {
	if fyne.KeyModifierShortcutDefault == fyne.KeyModifierSuper {
		return "Cmd"
	}
	return "Ctrl"
}

// showShortcuts shows the keyboard shortcuts overlay (Help, F1).
func (u *UI) showShortcuts() {
	grid := container.NewGridWithColumns(2)
	for _, r := range u.shortcutRows() {
		grid.Add(widget.NewLabelWithStyle(r[0], fyne.TextAlignLeading, fyne.TextStyle{Monospace: true}))
		grid.Add(widget.NewLabel(r[1]))
	}
	note := widget.NewLabel(lang.L("desk.shortcut.note"))
	note.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("desk.menu.shortcuts"), lang.L("desk.close"), container.NewVBox(grid, note), u.Win)
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	d.Show()
}

// showAbout names the program, its version and the open database.
func (u *UI) showAbout() {
	version := u.Version
	if version == "" {
		version = "dev"
	}
	text := lang.L("desk.about.text", map[string]any{"Version": version, "Schema": data.SchemaVersion(), "Path": u.Store.Path()})
	if p := applog.Path(); p != "" {
		text += "\n" + lang.L("errors.about_log", map[string]any{"Path": p})
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapBreak
	d := dialog.NewCustom(lang.L("desk.menu.about"), lang.L("desk.close"), l, u.Win)
	d.Resize(fyne.NewSize(520, 0).Max(d.MinSize()))
	d.Show()
}

func altDigit(n int) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: fyne.KeyName(strconv.Itoa(n)), Modifier: fyne.KeyModifierAlt}
}

// clipboardItems are Edit → Cut, Copy, Paste, Select all: they pass the
// standard shortcut to the input that has the focus, as the keys do.
func (u *UI) clipboardItems() []*fyne.MenuItem {
	cb := u.App.Clipboard()
	defs := []struct {
		key string
		sc  fyne.Shortcut
	}{
		{"desk.menu.cut", &fyne.ShortcutCut{Clipboard: cb}},
		{"desk.menu.copy", &fyne.ShortcutCopy{Clipboard: cb}},
		{"desk.menu.paste", &fyne.ShortcutPaste{Clipboard: cb}},
		{"desk.menu.select_all", &fyne.ShortcutSelectAll{}},
	}
	items := make([]*fyne.MenuItem, 0, len(defs)+1)
	for _, d := range defs {
		sc := d.sc
		item := fyne.NewMenuItem(lang.L(d.key), func() {
			if f, ok := u.Win.Canvas().Focused().(fyne.Shortcutable); ok {
				f.TypedShortcut(sc)
			}
		})
		item.Shortcut = sc
		items = append(items, item)
	}
	return append(items, fyne.NewMenuItemSeparator())
}
