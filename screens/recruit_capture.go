package screens

import (
	"context"
	"strings"

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

// captureEntry is a one-line entry of the capture form: Enter saves, Esc
// closes, Tab moves on, so the form works from the keyboard alone.
type captureEntry struct {
	widget.Entry
	onEscape func()
}

func newCaptureEntry(placeholder string, submit, escape func()) *captureEntry {
	e := &captureEntry{onEscape: escape}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = placeholder
	e.OnSubmitted = func(string) { submit() }
	return e
}

// TypedKey closes the form on Esc (asking first when a visitor is typed
// in), hands F1 to the window like every entry, and otherwise types.
func (e *captureEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	if !widgets.PassKeyToWindow(e, k) {
		e.Entry.TypedKey(k)
	}
}

// captureForm is the trade-show quick capture: company, contact, e-mail,
// phone, interest and the event, which stays for the next visitor.
type captureForm struct {
	ui *UI

	company, contact, email, phone, interest, event *captureEntry
	eventDate                                       *widgets.DateEntry

	msg     *widget.Label
	dupText *widget.Label
	dupBox  *fyne.Container
	dlg     *dialog.CustomDialog
	dupID   int64
	saved   int
	busy    bool

	// onSaved runs after each stored prospect (the recruitment list reloads).
	onSaved func()
}

// ShowQuickCapture opens the trade-show quick capture form; the main
// window binds it to Ctrl+Shift+N.
func (u *UI) ShowQuickCapture() {
	f := newCaptureForm(u)
	if u.recruit != nil {
		f.onSaved = u.recruit.reload
	}
	f.show()
	u.capture = f
}

func newCaptureForm(u *UI) *captureForm { return &captureForm{ui: u} }

func (f *captureForm) buildUI() fyne.CanvasObject {
	entry := func(key string) *captureEntry { return newCaptureEntry(lang.L(key), f.onSave, f.escape) }
	f.company = entry("recruit.capture_company")
	f.contact = entry("recruit.capture_contact")
	f.email = entry("recruit.capture_email")
	f.phone = entry("recruit.capture_phone")
	f.interest = entry("recruit.capture_interest")
	f.event = entry("recruit.capture_event")
	f.eventDate = newDateEntry(f.ui, "event_date")
	f.eventDate.Optional, f.eventDate.OnEscape = true, f.escape
	f.eventDate.OnSubmitted = func(string) { f.onSave() }
	ctx := context.Background()
	f.event.Text, _ = f.ui.Store.Setting(ctx, recruit.SettingLastEvent)
	last, _ := f.ui.Store.Setting(ctx, recruit.SettingLastEventDate)
	if last == "" {
		last = f.ui.Store.Today()
	}
	f.eventDate.Text = f.ui.date(last)
	f.msg = &widget.Label{Wrapping: fyne.TextWrapWord}
	f.dupText = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	f.dupBox = container.NewVBox(f.dupText, container.NewHBox(
		&widget.Button{Text: lang.L("recruit.open_existing"), OnTapped: f.onOpenExisting},
		&widget.Button{Text: lang.L("recruit.save_anyway"), Importance: widget.WarningImportance, OnTapped: f.onSaveAnyway}))
	f.dupBox.Hide()
	form := widget.NewForm(
		widget.NewFormItem(lang.L("field.company"), f.company),
		widget.NewFormItem(lang.L("field.contact_name"), f.contact),
		widget.NewFormItem(lang.L("field.email"), f.email),
		widget.NewFormItem(lang.L("field.phone"), f.phone),
		widget.NewFormItem(lang.L("field.interest"), f.interest),
		widget.NewFormItem(lang.L("field.event_name"), container.NewGridWithColumns(2, f.event, f.eventDate)),
	)
	buttons := container.NewHBox(
		&widget.Button{Text: lang.L("recruit.capture_save"), Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: f.onSave},
		&widget.Button{Text: lang.L("recruit.capture_close"), OnTapped: f.close})
	hint := widget.NewLabel(lang.L("recruit.capture_hint"))
	return container.NewVBox(form, f.dupBox, f.msg, container.NewBorder(nil, nil, nil, buttons, hint))
}

func (f *captureForm) show() {
	f.dlg = dialog.NewCustomWithoutButtons(lang.L("recruit.capture_title"), f.buildUI(), f.ui.Win)
	f.dlg.Resize(fyne.NewSize(560, 0))
	f.dlg.Show()
	f.ui.Win.Canvas().Focus(f.company)
}

func (f *captureForm) close() {
	if f.dlg != nil {
		f.dlg.Hide()
	}
}

// escape closes the form on Esc, first asking when a visitor's details
// are typed in but not saved (the event stays for the next one anyway).
func (f *captureForm) escape() {
	for _, e := range []*captureEntry{f.company, f.contact, f.email, f.phone, f.interest} {
		if strings.TrimSpace(e.Text) != "" {
			f.ui.askDiscard(f.close)
			return
		}
	}
	f.close()
}

func (f *captureForm) values() recruit.Capture {
	return recruit.Capture{Company: f.company.Text, ContactName: f.contact.Text, Email: f.email.Text, Phone: f.phone.Text,
		Interest: f.interest.Text, Event: f.event.Text, EventDate: f.eventDate.FilterValue()}
}

// onSave checks for a likely duplicate first; one found waits for the
// user to open it or save anyway.
func (f *captureForm) onSave() {
	if f.busy {
		return
	}
	if _, err := f.eventDate.Value(); err != nil {
		f.fail(err)
		return
	}
	c := f.values()
	f.busy = true
	var dup *recruit.Duplicate
	var err error
	f.ui.background(func() {
		dup, err = recruit.FindDuplicate(context.Background(), f.ui.Store, c.Company, c.Email)
	}, func() {
		f.busy = false
		switch {
		case err != nil:
			f.fail(err)
		case dup != nil:
			f.dupID = dup.ID
			key := "recruit.duplicate_name"
			if dup.Reason == "domain" {
				key = "recruit.duplicate_domain"
			}
			f.dupText.SetText(lang.L(key, map[string]any{"Name": dup.Name}))
			f.dupBox.Show()
		default:
			f.store(c)
		}
	})
}

func (f *captureForm) onSaveAnyway() { f.store(f.values()) }

func (f *captureForm) onOpenExisting() {
	id := f.dupID
	f.close()
	f.ui.show("nav.partners")
	f.ui.partners.open(id)
}

func (f *captureForm) store(c recruit.Capture) {
	f.busy = true
	var p *data.Partner
	var err error
	f.ui.background(func() {
		p, err = recruit.CaptureProspect(context.Background(), f.ui.Store, c)
	}, func() {
		f.busy = false
		if err != nil {
			f.fail(err)
			return
		}
		f.saved++
		f.clear()
		f.msg.Importance = widget.SuccessImportance
		f.msg.SetText(lang.L("recruit.capture_saved", map[string]any{"Name": p.Name, "Count": f.saved}))
		if f.onSaved != nil {
			f.onSaved()
		}
	})
}

// clear empties the form for the next visitor; the event stays.
func (f *captureForm) clear() {
	for _, e := range []*captureEntry{f.company, f.contact, f.email, f.phone, f.interest} {
		e.SetText("")
	}
	f.dupID = 0
	f.dupBox.Hide()
	f.ui.Win.Canvas().Focus(f.company)
}

func (f *captureForm) fail(err error) {
	f.msg.Importance = widget.DangerImportance
	f.msg.SetText(errorText(err))
}
