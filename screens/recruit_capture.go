package screens

import (
	"context"

	"channeldesk/app/recruit"
	"channeldesk/data"
	"channeldesk/screens/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// captureEntry is a one-line entry of the capture form: Enter saves, Esc
// closes, Tab moves on, so the form works from the keyboard alone.
type captureEntry struct {
	widget.Entry
	onEscape func()
	onToggle func() // F2: the other quick-capture mode (partner prospect / customer lead)
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
	if k.Name == fyne.KeyF2 && e.onToggle != nil {
		e.onToggle()
		return
	}
	if !widgets.PassKeyToWindow(e, k) {
		e.Entry.TypedKey(k)
	}
}

// captureForm is the trade-show quick capture: company, contact, e-mail,
// phone, interest and the event, which stays for the next visitor.
type captureForm struct {
	capture

	company, contact, email, phone, interest *captureEntry
	dupID                                    int64
}

// ShowQuickCapture opens the trade-show quick capture form; the main
// window binds it to Ctrl+Shift+N.
func (u *UI) ShowQuickCapture() {
	f := u.newCaptureForm()
	f.show(lang.L("recruit.capture_title"), f.buildUI(), 560)
	u.capture = f
}

func newCaptureForm(deps captureDeps) *captureForm {
	f := &captureForm{capture: capture{captureDeps: deps}}
	f.save = f.onSave
	return f
}

// newCaptureForm builds the prospect mode of quick capture for this
// window: a saved prospect reloads the recruitment list when it is built.
func (u *UI) newCaptureForm() *captureForm {
	var reload func()
	if u.recruit != nil {
		reload = u.recruit.reload
	}
	return newCaptureForm(u.captureDeps(false, reload))
}

func (f *captureForm) buildUI() fyne.CanvasObject {
	f.company = f.entry("recruit.capture_company")
	f.contact = f.entry("recruit.capture_contact")
	f.email = f.entry("recruit.capture_email")
	f.phone = f.entry("recruit.capture_phone")
	f.interest = f.entry("recruit.capture_interest")
	f.visitor = []*captureEntry{f.company, f.contact, f.email, f.phone, f.interest}
	f.buildEvent()
	form := widget.NewForm(
		widget.NewFormItem(lang.L("field.company"), f.company),
		widget.NewFormItem(lang.L("field.contact_name"), f.contact),
		widget.NewFormItem(lang.L("field.email"), f.email),
		widget.NewFormItem(lang.L("field.phone"), f.phone),
		widget.NewFormItem(lang.L("field.interest"), f.interest),
		f.eventItem(),
	)
	return f.layout(form, lang.L("recruit.capture_save"), lang.L("recruit.capture_hint"),
		&widget.Button{Text: lang.L("recruit.open_existing"), OnTapped: f.onOpenExisting},
		&widget.Button{Text: lang.L("recruit.save_anyway"), Importance: widget.WarningImportance, OnTapped: f.onSaveAnyway})
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
	f.run(func() {
		dup, err = recruit.FindDuplicate(context.Background(), f.store, c.Company, c.Email)
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
			f.duplicate(lang.L(key, map[string]any{"Name": dup.Name}))
		default:
			f.create(c)
		}
	})
}

func (f *captureForm) onSaveAnyway() { f.create(f.values()) }

func (f *captureForm) onOpenExisting() {
	id := f.dupID
	f.close()
	f.openPartner(id)
}

func (f *captureForm) create(c recruit.Capture) {
	f.busy = true
	var p *data.Partner
	var err error
	f.run(func() {
		p, err = recruit.CaptureProspect(context.Background(), f.store, c)
	}, func() {
		f.busy = false
		if err != nil {
			f.fail(err)
			return
		}
		f.dupID = 0
		f.stored(func(n int) string {
			return lang.L("recruit.capture_saved", map[string]any{"Name": p.Name, "Count": n})
		})
	})
}
