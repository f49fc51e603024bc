package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/fiscal"
	"channeldesk/app/format"
	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// actLogContact logs a call, meeting or e-mail with the selected partner.
const actLogContact = "edit.log_contact"

// contactLogKinds are the contacts one can log, in the order offered.
var contactLogKinds = []data.EventKind{data.EventCall, data.EventMeeting, data.EventEmail}

// logContactForSelected logs a contact with the partner open in the
// partner list; with none open it says how to pick one.
func (u *UI) logContactForSelected() {
	if u.partners == nil || u.partners.selected == 0 || u.partners.detail.partner == nil {
		dialog.ShowInformation(lang.L("week.log_contact"), lang.L("week.log_pick_partner"), u.Win)
		return
	}
	p := u.partners.detail.partner
	u.showLogContact(p.ID, p.Name, u.partners.detail.timeline.reload)
}

// contactLog is the "log a contact" form of one partner.
type contactLog struct {
	contactLogDeps
	partnerID int64

	kind      *widget.Select
	on        *widgets.DateEntry
	notes     *widgets.TextEntry
	shareable *widget.Check
}

// contactLogDeps is what the "log a contact" form is given: the store,
// the window and its language, the window's settings, and what a saved
// contact refreshes.
type contactLogDeps struct {
	store    *data.Store
	win      fyne.Window
	lang     format.Lang
	settings func() data.Settings // read when saved: the author is the manager's name
	saved    func()               // the contact is on the timeline: what shows it reloads
}

func newContactLog(deps contactLogDeps, partnerID int64) *contactLog {
	labels := make([]string, len(contactLogKinds))
	for i, k := range contactLogKinds {
		labels[i] = lang.L("event." + string(k))
	}
	f := &contactLog{contactLogDeps: deps, partnerID: partnerID, kind: newSelect(labels, nil),
		on:    locale{lang: deps.lang, currency: deps.settings().Currency}.dateEntry(deps.store, "date"),
		notes: widgets.NewText(&widget.Entry{PlaceHolder: lang.L("week.notes_hint")}), shareable: widget.NewCheck(lang.L("week.shareable"), nil)}
	f.kind.SetSelectedIndex(0)
	f.on.SetValue(fiscal.ISODate(deps.store.Now()))
	return f
}

// newContactLog builds the form for this window; saved (may be nil) runs
// after a contact is saved, before the dashboard's lists reload.
func (u *UI) newContactLog(partnerID int64, saved func()) *contactLog {
	return newContactLog(contactLogDeps{store: u.Store, win: u.Win, lang: u.Lang,
		settings: func() data.Settings { return u.Settings }, saved: func() {
			if saved != nil {
				saved()
			}
			if d := u.dashboard; d != nil && d.todayList != nil {
				d.run(d.todayStep, d.riskStep)
			}
		}}, partnerID)
}

// showLogContact asks for a contact's type, day (today by default), a
// line of notes and whether it is shareable, and adds it to the
// partner's timeline; saved runs after.
func (u *UI) showLogContact(partnerID int64, name string, saved func()) {
	f := u.newContactLog(partnerID, saved)
	if u.partners != nil {
		u.partners.contactLog = f
	}
	f.show(name)
}

// show opens the form over the window; name is the partner's.
func (f *contactLog) show(name string) {
	showForm(f.win, lang.L("week.log_contact_for", map[string]any{"Name": name}), lang.L("action.save"), []*widget.FormItem{
		widget.NewFormItem(lang.L("field.kind"), f.kind),
		widget.NewFormItem(lang.L("field.date"), f.on),
		widget.NewFormItem(lang.L("field.body"), f.notes),
		widget.NewFormItem("", f.shareable),
	}, f.onSave)
}

// onSave saves the contact and tells what shows it.
func (f *contactLog) onSave() error {
	if err := f.save(); err != nil {
		return err
	}
	if f.saved != nil {
		f.saved()
	}
	return nil
}

// save adds the logged contact to the timeline; a day before today is
// stored at noon of that day, today at the store's clock.
func (f *contactLog) save() error {
	day, err := f.on.Value()
	if err != nil {
		return err
	}
	today := fiscal.ISODate(f.store.Now())
	if day > today {
		return data.Invalid("date", "err.week_not_future", nil)
	}
	at := ""
	if day < today {
		at = day + "T12:00:00Z"
	}
	e := &data.Event{PartnerID: f.partnerID, Kind: contactLogKinds[max(0, f.kind.SelectedIndex())], At: at, Body: f.notes.Text,
		Shareable: f.shareable.Checked, Author: f.settings().ManagerName}
	return f.store.AddEvent(context.Background(), e)
}
