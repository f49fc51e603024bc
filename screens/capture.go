package screens

import (
	"context"
	"strings"

	"channeldesk/app/format"
	"channeldesk/app/recruit"
	"channeldesk/data"
	"channeldesk/screens/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// capture is what both quick-capture modes (a partner prospect, a
// customer lead) share: keyboard-only entries (Enter saves, Tab moves on,
// Esc closes, F2 switches modes), the event that stays for the next
// visitor, the message line, the "looks like" box, the dialog and the
// count of visitors saved.
type capture struct {
	captureDeps

	// visitor are the entries of one visitor: emptied after each save,
	// and Esc asks first when one is typed in. The first gets the focus.
	visitor   []*captureEntry
	event     *captureEntry
	eventDate *widgets.DateEntry

	msg     *widget.Label
	dupText *widget.Label
	dupBox  *fyne.Container
	dlg     *dialog.CustomDialog
	saved   int
	busy    bool

	save func() // Enter in any entry
}

// captureDeps is what both quick-capture modes are given: the store, the
// window and its language, a runner, the current settings, and what they
// trigger in the window.
type captureDeps struct {
	store    *data.Store
	win      fyne.Window
	lang     format.Lang
	run      runner
	settings func() data.Settings // read when used: a lead takes the currency and manager name

	askDiscard    func(discard func()) // Esc with a visitor typed in: asks before throwing it away (menu.go)
	toggleCapture func()               // F2: this mode closes and the other opens
	reloadList    func()               // after each stored visitor the list behind reloads; nil when none is built
	openPartner   func(id int64)       // "Open existing": the Partners screen with the likely duplicate open
}

// captureDeps wires quick capture to this window; fromLead is the mode
// being opened (F2 leaves it for the other), reloadList the list behind.
func (u *UI) captureDeps(fromLead bool, reloadList func()) captureDeps {
	return captureDeps{store: u.Store, win: u.Win, lang: u.Lang, run: u.background,
		settings: func() data.Settings { return u.Settings }, askDiscard: u.askDiscard,
		toggleCapture: func() { u.toggleCapture(fromLead) }, reloadList: reloadList, openPartner: u.openPartner}
}

// loc shows dates and money in the window's language and the current
// program currency.
func (d captureDeps) loc() locale { return locale{lang: d.lang, currency: d.settings().Currency} }

// entry is a one-line entry of the form with its placeholder.
func (c *capture) entry(key string) *captureEntry {
	e := newCaptureEntry(lang.L(key), func() { c.save() }, c.escape)
	e.onToggle = c.toggleCapture
	return e
}

// buildEvent makes the event entries, filled with the last event saved
// (its date, or today).
func (c *capture) buildEvent() {
	c.event = c.entry("recruit.capture_event")
	c.eventDate = c.loc().dateEntry(c.store, "event_date")
	c.eventDate.Optional, c.eventDate.OnEscape = true, c.escape
	c.eventDate.OnSubmitted = func(string) { c.save() }
	ctx := context.Background()
	c.event.Text, _ = c.store.Setting(ctx, recruit.SettingLastEvent)
	last, _ := c.store.Setting(ctx, recruit.SettingLastEventDate)
	if last == "" {
		last = c.store.Today()
	}
	c.eventDate.Text = c.loc().date(last)
}

// eventItem is the form row of the event and its date.
func (c *capture) eventItem() *widget.FormItem {
	return widget.NewFormItem(lang.L("field.event_name"), container.NewGridWithColumns(2, c.event, c.eventDate))
}

// layout puts the form over the "looks like" box (with its buttons), the
// message line, and Save and Close beside the keyboard hint.
func (c *capture) layout(form *widget.Form, saveText, hintText string, dupButtons ...fyne.CanvasObject) fyne.CanvasObject {
	c.msg = &widget.Label{Wrapping: fyne.TextWrapWord}
	c.dupText = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	c.dupBox = container.NewVBox(c.dupText, container.NewHBox(dupButtons...))
	c.dupBox.Hide()
	buttons := container.NewHBox(
		&widget.Button{Text: saveText, Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: c.save},
		&widget.Button{Text: lang.L("recruit.capture_close"), OnTapped: c.close})
	hint := widget.NewLabel(hintText)
	return container.NewVBox(form, c.dupBox, c.msg, container.NewBorder(nil, nil, nil, buttons, hint))
}

func (c *capture) show(title string, content fyne.CanvasObject, width float32) {
	c.dlg = dialog.NewCustomWithoutButtons(title, content, c.win)
	c.dlg.Resize(fyne.NewSize(width, 0))
	c.dlg.Show()
	c.win.Canvas().Focus(c.visitor[0])
}

func (c *capture) close() {
	if c.dlg != nil {
		c.dlg.Hide()
	}
}

// escape closes the form on Esc, first asking when a visitor's details
// are typed in but not saved (the event stays for the next one anyway).
func (c *capture) escape() {
	for _, e := range c.visitor {
		if strings.TrimSpace(e.Text) != "" {
			c.askDiscard(c.close)
			return
		}
	}
	c.close()
}

// duplicate shows what the new visitor seems to repeat; saving waits for
// the user's choice.
func (c *capture) duplicate(text string) {
	c.dupText.SetText(text)
	c.dupBox.Show()
}

// clear empties the form for the next visitor; the event stays.
func (c *capture) clear() {
	for _, e := range c.visitor {
		e.SetText("")
	}
	c.dupBox.Hide()
	c.win.Canvas().Focus(c.visitor[0])
}

// stored counts a saved visitor, empties the form for the next one and
// says so (text of the count of visitors saved so far).
func (c *capture) stored(text func(count int) string) {
	c.saved++
	c.clear()
	c.msg.Importance = widget.SuccessImportance
	c.msg.SetText(text(c.saved))
	if c.reloadList != nil {
		c.reloadList()
	}
}

func (c *capture) fail(err error) {
	c.msg.Importance = widget.DangerImportance
	c.msg.SetText(errorText(err))
}
