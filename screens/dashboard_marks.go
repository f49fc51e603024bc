package screens

import (
	"context"
	"errors"
	"time"

	"channeldesk/app/fiscal"
	"channeldesk/app/metrics"
	"channeldesk/data"
	"channeldesk/screens/widgets"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// askSnooze asks until when to hide an entry (a week by default).
func (d *dashboardScreen) askSnooze(e metrics.TodayEntry) {
	until := d.loc().dateEntry(d.store, "until")
	until.SetValue(fiscal.ISODate(d.now().AddDate(0, 0, 7)))
	d.snoozeUntil = until
	label := d.todayText(e)
	showForm(d.win, lang.L("week.snooze_title"), lang.L("action.save"), []*widget.FormItem{
		widget.NewFormItem(lang.L("week.item"), &widget.Label{Text: label, Wrapping: fyne.TextWrapWord}),
		widget.NewFormItem(lang.L("field.until"), until),
	}, func() error {
		day, err := until.Value()
		if err == nil {
			err = metrics.SnoozeToday(context.Background(), d.store, e, day, label)
		}
		if err == nil {
			d.run(d.todayStep)
		}
		return err
	})
}

// askDismiss asks why an entry is dismissed; a reason is required.
func (d *dashboardScreen) askDismiss(e metrics.TodayEntry) {
	reason := widgets.NewText(&widget.Entry{PlaceHolder: lang.L("week.reason_hint")})
	label := d.todayText(e)
	showForm(d.win, lang.L("week.dismiss_title"), lang.L("action.save"), []*widget.FormItem{
		widget.NewFormItem(lang.L("week.item"), &widget.Label{Text: label, Wrapping: fyne.TextWrapWord}),
		widget.NewFormItem(lang.L("field.reason"), reason),
	}, func() error {
		err := metrics.DismissToday(context.Background(), d.store, e, reason.Text, label)
		if err == nil {
			d.run(d.todayStep)
		}
		return err
	})
	d.dismissReason = reason
}

// showMarks lists what is snoozed (until when) and dismissed (why), each
// with a way to bring it back to Today.
func (d *dashboardScreen) showMarks() {
	marks, err := metrics.ActiveTodayMarks(context.Background(), d.store, d.now())
	if err != nil {
		dialog.ShowError(errors.New(errorText(err)), d.win)
		return
	}
	d.marks = marks
	list := &widget.List{
		Length: func() int { return len(d.marks) },
		CreateItem: func() fyne.CanvasObject {
			back := &widget.Button{Text: lang.L("week.restore"), Importance: widget.LowImportance}
			what := &widget.Label{Text: "Partner — item", Truncation: fyne.TextTruncateEllipsis}
			why := &widget.Label{Text: "until", Truncation: fyne.TextTruncateEllipsis, SizeName: theme.SizeNameCaptionText}
			return container.NewBorder(nil, nil, nil, back, container.NewVBox(what, why))
		},
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			m := d.marks[id]
			row := o.(*fyne.Container)
			texts := row.Objects[0].(*fyne.Container).Objects
			texts[0].(*widget.Label).SetText(m.Label)
			texts[1].(*widget.Label).SetText(d.markText(m))
			row.Objects[1].(*widget.Button).OnTapped = func() { d.restore(m) }
		},
	}
	body := fyne.CanvasObject(list)
	if len(marks) == 0 {
		body = widget.NewLabel(lang.L("week.marks_empty"))
	}
	d.marksDlg = dialog.NewCustom(lang.L("week.marks"), lang.L("week.close"), body, d.win)
	d.marksDlg.Resize(fyne.NewSize(760, 420))
	d.marksDlg.Show()
	d.marksList = list
}

// markText says until when an entry sleeps, or why it was dismissed.
func (d *dashboardScreen) markText(m data.TodayMark) string {
	at, _ := time.Parse(time.RFC3339, m.At)
	on := d.date(fiscal.ISODate(at))
	if m.Action == data.TodaySnooze {
		return lang.L("week.snoozed_until", map[string]any{"Date": d.date(m.Until), "On": on})
	}
	return lang.L("week.dismissed_because", map[string]any{"Reason": m.Reason, "On": on})
}

// restore brings a snoozed or dismissed entry back to Today now.
func (d *dashboardScreen) restore(m data.TodayMark) {
	if err := d.store.UnmarkToday(context.Background(), m.Kind, m.Ref); err != nil {
		dialog.ShowError(errors.New(errorText(err)), d.win)
		return
	}
	for i := range d.marks {
		if d.marks[i].ID == m.ID {
			d.marks = append(d.marks[:i], d.marks[i+1:]...)
			break
		}
	}
	d.marksList.Refresh()
	d.run(d.todayStep)
}
