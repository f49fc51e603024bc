package screens

import (
	"context"
	"strings"

	"channeldesk/app/recruit"
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
	ui *UI

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

	save     func() // Enter in any entry
	fromLead bool   // which mode F2 leaves
	// onSaved runs after each stored visitor (the list behind reloads).
	onSaved func()
}

// entry is a one-line entry of the form with its placeholder.
func (c *capture) entry(key string) *captureEntry {
	e := newCaptureEntry(lang.L(key), func() { c.save() }, c.escape)
	e.onToggle = func() { c.ui.toggleCapture(c.fromLead) }
	return e
}

// buildEvent makes the event entries, filled with the last event saved
// (its date, or today).
func (c *capture) buildEvent() {
	c.event = c.entry("recruit.capture_event")
	c.eventDate = newDateEntry(c.ui, "event_date")
	c.eventDate.Optional, c.eventDate.OnEscape = true, c.escape
	c.eventDate.OnSubmitted = func(string) { c.save() }
	ctx := context.Background()
	c.event.Text, _ = c.ui.Store.Setting(ctx, recruit.SettingLastEvent)
	last, _ := c.ui.Store.Setting(ctx, recruit.SettingLastEventDate)
	if last == "" {
		last = c.ui.Store.Today()
	}
	c.eventDate.Text = c.ui.date(last)
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
	c.dlg = dialog.NewCustomWithoutButtons(title, content, c.ui.Win)
	c.dlg.Resize(fyne.NewSize(width, 0))
	c.dlg.Show()
	c.ui.Win.Canvas().Focus(c.visitor[0])
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
			c.ui.askDiscard(c.close)
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
	c.ui.Win.Canvas().Focus(c.visitor[0])
}

// stored counts a saved visitor, empties the form for the next one and
// says so (text of the count of visitors saved so far).
func (c *capture) stored(text func(count int) string) {
	c.saved++
	c.clear()
	c.msg.Importance = widget.SuccessImportance
	c.msg.SetText(text(c.saved))
	if c.onSaved != nil {
		c.onSaved()
	}
}

func (c *capture) fail(err error) {
	c.msg.Importance = widget.DangerImportance
	c.msg.SetText(errorText(err))
}
