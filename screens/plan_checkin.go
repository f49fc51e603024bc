package screens

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// checkInForm is the open check-in dialog's inputs, for tests.
type checkInForm struct {
	quarter   *widget.Select
	held      *widgets.DateEntry
	notes     *widgets.TextEntry
	shareable *widget.Check
	save      *widget.Button
	msg       *widget.Label
}

var objectiveStatuses = []data.ObjectiveStatus{data.OnTrack, data.AtRisk, data.OffTrack}

// editCheckIn records the quarterly check-in: date, attendees, notes
// (internal unless marked shareable) and a status per objective. An
// existing check-in of the chosen quarter is replaced.
func (t *planTab) editCheckIn(c *data.CheckIn) {
	if t.plan == nil {
		return
	}
	if c == nil {
		c = t.checkInOf(max(t.att.Started, 1))
	}
	quarters := []string{"1", "2", "3", "4"}
	quarter := newSelect(quarters, nil)
	quarter.SetSelectedIndex(c.Quarter - 1)
	held := t.d.loc().dateEntry(t.d.store, "held_on")
	held.SetValue(c.HeldOn)
	attendees := widgets.NewText(&widget.Entry{Text: c.Attendees})
	notes := widgets.NewText(&widget.Entry{Text: c.Notes, MultiLine: true, Wrapping: fyne.TextWrapWord})
	notes.SetMinRowsVisible(3)
	shareable := widget.NewCheck(lang.L("timeline.shareable"), nil)
	shareable.Checked = c.Shareable
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("field.quarter"), quarter), widget.NewFormItem(lang.L("field.held_on"), held),
		widget.NewFormItem(lang.L("field.attendees"), attendees), widget.NewFormItem(lang.L("field.notes"), notes),
		widget.NewFormItem("", shareable),
	}
	stLabels := []string{}
	for _, s := range objectiveStatuses {
		stLabels = append(stLabels, lang.L("plans.ostatus."+string(s)))
	}
	sels := map[int64]*widget.Select{}
	for _, o := range t.plan.Objectives {
		sel := newSelect(stLabels, nil)
		sel.PlaceHolder = "—"
		for i, s := range objectiveStatuses {
			if c.Statuses[o.ID] == s {
				sel.SetSelectedIndex(i)
			}
		}
		sels[o.ID] = sel
		items = append(items, widget.NewFormItem(objectiveName(o), sel))
	}
	quarter.OnChanged = func(v string) {
		q, _ := strconv.Atoi(v)
		ex := t.checkInOf(q)
		held.SetValue(ex.HeldOn)
		attendees.SetText(ex.Attendees)
		notes.SetText(ex.Notes)
		shareable.SetChecked(ex.Shareable)
		for id, sel := range sels {
			sel.ClearSelected()
			for i, s := range objectiveStatuses {
				if ex.Statuses[id] == s {
					sel.SetSelectedIndex(i)
				}
			}
		}
	}
	save := func() error {
		out := &data.CheckIn{PlanID: t.plan.ID, Attendees: attendees.Text, Notes: notes.Text, Shareable: shareable.Checked,
			Statuses: map[int64]data.ObjectiveStatus{}}
		out.Quarter, _ = strconv.Atoi(quarter.Selected)
		var err error
		if out.HeldOn, err = held.Value(); err != nil {
			return err
		}
		for id, sel := range sels {
			if i := sel.SelectedIndex(); i >= 0 {
				out.Statuses[id] = objectiveStatuses[i]
			}
		}
		return t.d.store.SaveCheckIn(context.Background(), out)
	}
	fd := &widgets.FormDialog{Title: lang.L("plans.checkin_add"), Items: items, Scroll: true, Size: fyne.NewSize(620, 560),
		OnSave: save, OnDone: t.reload}
	t.checkForm = &checkInForm{quarter: quarter, held: held, notes: notes, shareable: shareable}
	fd.Show(t.d.win)
	t.checkForm.save, t.checkForm.msg = fd.SaveBtn, fd.Msg
}

// checkInOf returns the recorded check-in of quarter q, or a new one dated today.
func (t *planTab) checkInOf(q int) *data.CheckIn {
	for i := range t.checkIns {
		if t.checkIns[i].Quarter == q {
			c := t.checkIns[i]
			return &c
		}
	}
	return &data.CheckIn{PlanID: t.plan.ID, Quarter: q, HeldOn: t.d.store.Today()}
}
