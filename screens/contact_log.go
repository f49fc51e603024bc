package screens

import (
	"context"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/fiscal"
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

// contactLog is the open "log a contact" form (for tests).
type contactLog struct {
	kind      *widget.Select
	on        *widgets.DateEntry
	notes     *widgets.TextEntry
	shareable *widget.Check
}

// showLogContact asks for a contact's type, day (today by default), a
// line of notes and whether it is shareable, and adds it to the
// partner's timeline; saved runs after.
func (u *UI) showLogContact(partnerID int64, name string, saved func()) {
	labels := make([]string, len(contactLogKinds))
	for i, k := range contactLogKinds {
		labels[i] = lang.L("event." + string(k))
	}
	f := &contactLog{kind: newSelect(labels, nil), on: newDateEntry(u, "date"),
		notes: widgets.NewText(&widget.Entry{PlaceHolder: lang.L("week.notes_hint")}), shareable: widget.NewCheck(lang.L("week.shareable"), nil)}
	f.kind.SetSelectedIndex(0)
	f.on.SetValue(fiscal.ISODate(u.Store.Now()))
	if u.partners != nil {
		u.partners.contactLog = f
	}
	showMDFForm(u, lang.L("week.log_contact_for", map[string]any{"Name": name}), lang.L("action.save"), []*widget.FormItem{
		widget.NewFormItem(lang.L("field.kind"), f.kind),
		widget.NewFormItem(lang.L("field.date"), f.on),
		widget.NewFormItem(lang.L("field.body"), f.notes),
		widget.NewFormItem("", f.shareable),
	}, func() error {
		if err := u.saveContact(partnerID, f); err != nil {
			return err
		}
		if saved != nil {
			saved()
		}
		if d := u.dashboard; d != nil && d.todayList != nil {
			d.run(d.todayStep, d.riskStep)
		}
		return nil
	})
}

// saveContact adds the logged contact to the timeline; a day before
// today is stored at noon of that day, today at the store's clock.
func (u *UI) saveContact(partnerID int64, f *contactLog) error {
	day, err := f.on.Value()
	if err != nil {
		return err
	}
	today := fiscal.ISODate(u.Store.Now())
	if day > today {
		return data.Invalid("date", "err.week_not_future", nil)
	}
	at := ""
	if day < today {
		at = day + "T12:00:00Z"
	}
	e := &data.Event{PartnerID: partnerID, Kind: contactLogKinds[max(0, f.kind.SelectedIndex())], At: at, Body: f.notes.Text,
		Shareable: f.shareable.Checked, Author: u.Settings.ManagerName}
	return u.Store.AddEvent(context.Background(), e)
}
