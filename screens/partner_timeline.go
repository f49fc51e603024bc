package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// timelineTab shows a partner's history and adds notes, calls, meetings,
// e-mails and escalations to it.
type timelineTab struct {
	d      *partnerDetail
	events []data.Event
	list   *widget.List

	kind      *widget.Select
	body      *widgets.TextEntry
	shareable *widget.Check
	add       *widget.Button
	msg       *widget.Label
}

func newTimelineTab(d *partnerDetail) *timelineTab { return &timelineTab{d: d} }

func (t *timelineTab) buildUI() fyne.CanvasObject {
	kinds := make([]string, len(data.EventKinds))
	for i, k := range data.EventKinds {
		kinds[i] = lang.L("event." + string(k))
	}
	t.kind = newSelect(kinds, nil)
	t.kind.SetSelectedIndex(0)
	t.body = widgets.NewText(&widget.Entry{MultiLine: true, Wrapping: fyne.TextWrapWord, PlaceHolder: lang.L("timeline.hint")})
	t.body.SetMinRowsVisible(2)
	t.shareable = widget.NewCheck(lang.L("timeline.shareable"), nil)
	t.msg = widget.NewLabel("")
	t.msg.Importance = widget.DangerImportance
	t.add = &widget.Button{Text: lang.L("timeline.add"), Icon: theme.ContentAddIcon(), OnTapped: t.onAdd}
	t.msg.Wrapping = fyne.TextWrapWord
	form := container.NewBorder(nil, container.NewVBox(widgets.NewRow(t.kind, t.shareable, t.add), t.msg), nil, nil, t.body)
	t.list = &widget.List{
		Length: func() int { return len(t.events) },
		CreateItem: func() fyne.CanvasObject {
			head := widget.NewLabelWithStyle("27.11.2026 · meeting · author", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			body := widget.NewLabel("text")
			body.Truncation = fyne.TextTruncateEllipsis
			resolve := &widget.Button{Text: lang.L("timeline.resolve"), Importance: widget.LowImportance}
			return container.NewBorder(container.NewBorder(nil, nil, nil, resolve, head), nil, nil, nil, body)
		},
		UpdateItem: t.updateItem,
		OnSelected: func(id widget.ListItemID) {
			t.list.UnselectAll()
			e := t.events[id]
			dialog.ShowInformation(lang.L("event."+string(e.Kind))+" · "+t.d.loc().date(e.At), e.Body, t.d.win)
		},
	}
	return container.NewBorder(form, nil, nil, nil, t.list)
}

func (t *timelineTab) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	e := t.events[id]
	outer := o.(*fyne.Container)
	head := outer.Objects[1].(*fyne.Container)
	headLabel := head.Objects[0].(*widget.Label)
	resolve := head.Objects[1].(*widget.Button)
	body := outer.Objects[0].(*widget.Label)
	visibility := lang.L("timeline.internal")
	if e.Shareable {
		visibility = lang.L("timeline.shareable_short")
	}
	headText := joinNonEmpty(" · ", t.d.loc().date(e.At), lang.L("event."+string(e.Kind)), e.Author, visibility)
	text := e.Body
	if e.Kind == data.EventStatusChange {
		text = statusLabel(e.FromStatus) + " › " + statusLabel(e.ToStatus)
		if e.Body != "" {
			text += ": " + e.Body
		}
	}
	if e.Kind == data.EventDeal {
		text = lang.L("deals.state."+string(e.ToStatus)) + " · " + e.Body // a new registration
		if e.FromStatus != "" {
			text = lang.L("deals.state."+string(e.FromStatus)) + " › " + text
		}
	}
	if e.Kind == data.EventLead {
		text = leadStateLabel(data.LeadState(e.FromStatus)) + " › " + leadStateLabel(data.LeadState(e.ToStatus)) + " · " + e.Body
	}
	if e.Kind == data.EventEscalation {
		if e.Open {
			headText += " · " + lang.L("timeline.open")
		} else {
			headText += " · " + lang.L("timeline.resolved")
		}
	}
	headLabel.SetText(headText)
	body.SetText(text)
	if e.Kind == data.EventEscalation && e.Open {
		resolve.OnTapped = func() { t.onResolve(e.ID) }
		resolve.Show()
	} else {
		resolve.Hide()
	}
}

func (t *timelineTab) set(evs []data.Event) {
	t.events = evs
	t.msg.SetText("")
	t.list.Refresh()
	if t.d.partner == nil || t.d.partner.ID == 0 {
		t.add.Disable()
	} else {
		t.add.Enable()
	}
}

// reload reads the open partner's timeline again, after a change made
// elsewhere in the detail (a deal step on the Deals tab).
func (t *timelineTab) reload() {
	p := t.d.partner
	if p == nil || p.ID == 0 {
		return
	}
	var evs []data.Event
	var err error
	t.d.run(func() { evs, err = t.d.store.Events(context.Background(), p.ID) }, func() {
		if err != nil {
			t.msg.SetText(errorText(err))
			return
		}
		if t.d.partner != nil && t.d.partner.ID == p.ID {
			t.set(evs)
		}
	})
}

func (t *timelineTab) onAdd() {
	if t.d.partner == nil || t.d.partner.ID == 0 {
		return
	}
	kind := data.EventKinds[max(0, t.kind.SelectedIndex())]
	e := &data.Event{PartnerID: t.d.partner.ID, Kind: kind, Body: t.body.Text, Shareable: t.shareable.Checked,
		Open: kind == data.EventEscalation, Author: t.d.settings().ManagerName}
	if err := t.d.store.AddEvent(context.Background(), e); err != nil {
		t.msg.SetText(errorText(err))
		return
	}
	t.body.SetText("")
	t.shareable.SetChecked(false)
	t.d.saved(t.d.partner.ID)
}

func (t *timelineTab) onResolve(id int64) {
	if err := t.d.store.ResolveEscalation(context.Background(), id); err != nil {
		t.msg.SetText(errorText(err))
		return
	}
	t.d.saved(t.d.partner.ID)
}
