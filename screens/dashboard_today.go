package screens

import (
	"channeldesk/app/format"
	"channeldesk/app/metrics"
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// todayRow is one line of the Today list: a group's title, one entry or
// the group's "show all N" / "show fewer" switch.
type todayRow struct {
	kind  todayRowKind
	group metrics.TodayKind
	entry int // index in d.today (entries only)
}

type todayRowKind int

const (
	rowHeader todayRowKind = iota
	rowEntry
	rowMore
)

// buildToday is the list of what needs attention today, grouped by kind;
// each entry can be done (it opens the place to do it), snoozed or
// dismissed.
func (d *dashboardScreen) buildToday() fyne.CanvasObject {
	d.todayMsg = widget.NewLabel("…")
	d.expanded = map[metrics.TodayKind]bool{}
	d.todayList = &widget.List{
		Length:     func() int { return len(d.todayRows) },
		CreateItem: d.newTodayRow,
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			d.updateTodayRow(d.todayRows[id], o)
		},
		OnSelected: func(id widget.ListItemID) {
			d.todayList.UnselectAll()
			d.tapTodayRow(d.todayRows[id])
		},
	}
	d.marksBtn = &widget.Button{Text: lang.L("week.marks"), Icon: theme.HistoryIcon(), Importance: widget.LowImportance,
		OnTapped: d.showMarks}
	title := widget.NewLabelWithStyle(lang.L("dash.today"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head := container.NewBorder(nil, nil, nil, d.marksBtn, container.NewHBox(title, d.todayMsg))
	// Entries take two lines or more (the partner beside the buttons, what
	// it is about wrapped below), so row heights follow the list's width.
	list := container.New(&widthWatch{onWidth: d.fitTodayRows}, d.todayList)
	return container.NewBorder(head, nil, nil, nil, list)
}

// todayRowView is one row of the Today list: an icon, the partner (or the
// group's title) with the buttons beside it, and what the entry is about
// on the lines below, wrapped so that nothing is cut off.
type todayRowView struct {
	widget.BaseWidget
	icon                  *widget.Icon
	title, detail         *widget.Label
	buttons               *fyne.Container
	done, snooze, dismiss *widget.Button
}

func (v *todayRowView) CreateRenderer() fyne.WidgetRenderer {
	top := container.NewBorder(nil, nil, nil, v.buttons, v.title)
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, container.NewVBox(v.icon), nil,
		container.NewVBox(top, v.detail)))
}

func (d *dashboardScreen) newTodayRow() fyne.CanvasObject {
	v := &todayRowView{
		icon:    widget.NewIcon(theme.WarningIcon()),
		title:   &widget.Label{Text: "Partner", Truncation: fyne.TextTruncateEllipsis},
		detail:  &widget.Label{Text: "What happened", Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText},
		done:    &widget.Button{Text: lang.L("week.done"), Icon: theme.ConfirmIcon(), Importance: widget.LowImportance},
		snooze:  &widget.Button{Text: lang.L("week.snooze"), Importance: widget.LowImportance},
		dismiss: &widget.Button{Text: lang.L("dash.dismiss"), Importance: widget.LowImportance},
	}
	v.buttons = container.NewHBox(v.done, v.snooze, v.dismiss)
	v.ExtendBaseWidget(v)
	return v
}

func (d *dashboardScreen) updateTodayRow(r todayRow, o fyne.CanvasObject) {
	v := o.(*todayRowView)
	v.title.TextStyle.Bold = r.kind != rowMore
	v.title.Importance = widget.MediumImportance
	v.buttons.Hide()
	v.detail.Hide()
	v.icon.Show()
	switch r.kind {
	case rowHeader:
		v.icon.SetResource(todayIcon(r.group))
		v.title.SetText(lang.L("week.group."+string(r.group), map[string]any{"Count": len(d.groupEntries(r.group))}))
	case rowMore:
		v.icon.Hide()
		v.title.Importance = widget.HighImportance
		v.title.SetText(d.moreText(r.group))
	default:
		e := d.today[r.entry]
		v.icon.SetResource(theme.NavigateNextIcon())
		v.title.TextStyle.Bold = false
		v.title.SetText(todayTitle(e))
		v.detail.SetText(d.todayDetail(e))
		v.done.OnTapped = func() { d.doToday(e) }
		v.snooze.OnTapped = func() { d.askSnooze(e) }
		v.dismiss.OnTapped = func() { d.askDismiss(e) }
		showMarkButtons(v.buttons.Objects, e.PartnerID != 0) // marks belong to a partner; waiting leads have none
		v.buttons.Show()
		v.detail.Show()
	}
	v.title.Refresh()
	v.Refresh()
}

// widthWatch lays its one object out at its full size and calls onWidth
// when the width changes.
type widthWatch struct {
	width   float32
	onWidth func(float32)
}

func (w *widthWatch) MinSize(objects []fyne.CanvasObject) fyne.Size { return objects[0].MinSize() }

func (w *widthWatch) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	objects[0].Resize(size)
	objects[0].Move(fyne.NewPos(0, 0))
	if size.Width != w.width {
		w.width = size.Width
		w.onWidth(size.Width)
	}
}

// fitTodayRows gives every row the height its text needs at the list's
// width: one line for titles, the partner's line and the wrapped detail
// for entries.
func (d *dashboardScreen) fitTodayRows(width float32) {
	d.todayWidth = width
	if width <= 0 {
		return
	}
	line := widget.NewLabel("X").MinSize().Height
	btn := widget.NewButtonWithIcon("X", theme.ConfirmIcon(), nil).MinSize().Height
	textW := width - theme.IconInlineSize() - 2*theme.Padding()
	probe := &widget.Label{Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	for i, r := range d.todayRows {
		if r.kind != rowEntry {
			d.todayList.SetItemHeight(i, line)
			continue
		}
		probe.SetText(d.todayDetail(d.today[r.entry]))
		probe.Resize(fyne.NewSize(textW, probe.MinSize().Height))
		d.todayList.SetItemHeight(i, max(line, btn)+theme.Padding()+probe.MinSize().Height)
	}
}

func (d *dashboardScreen) moreText(k metrics.TodayKind) string {
	if d.expanded[k] {
		return lang.L("week.show_fewer")
	}
	return lang.L("week.show_all", map[string]any{"Count": len(d.groupEntries(k))})
}

func (d *dashboardScreen) tapTodayRow(r todayRow) {
	switch r.kind {
	case rowEntry:
		d.doToday(d.today[r.entry])
	case rowMore:
		d.expanded[r.group] = !d.expanded[r.group]
		d.layoutToday()
	}
}

func (d *dashboardScreen) groupEntries(k metrics.TodayKind) []metrics.TodayEntry {
	for _, g := range d.board.Groups {
		if g.Kind == k {
			return g.Entries
		}
	}
	return nil
}

// layoutToday lays the groups out as rows: a title with its count, at
// most a handful of entries (all when the group is expanded), and the
// switch to see the rest.
func (d *dashboardScreen) layoutToday() {
	d.today, d.todayRows = nil, nil
	for _, g := range d.board.Groups {
		d.todayRows = append(d.todayRows, todayRow{kind: rowHeader, group: g.Kind})
		for i, e := range g.Entries {
			if i < metrics.TodayHandful || d.expanded[g.Kind] {
				d.todayRows = append(d.todayRows, todayRow{kind: rowEntry, group: g.Kind, entry: len(d.today)})
			}
			d.today = append(d.today, e)
		}
		if len(g.Entries) > metrics.TodayHandful {
			d.todayRows = append(d.todayRows, todayRow{kind: rowMore, group: g.Kind})
		}
	}
	d.fitTodayRows(d.todayWidth)
	d.todayList.Refresh()
}

// todayRowOf is the list row that shows entry i of d.today, or -1 when
// its group is folded past it.
func (d *dashboardScreen) todayRowOf(i int) int {
	for r, row := range d.todayRows {
		if row.kind == rowEntry && row.entry == i {
			return r
		}
	}
	return -1
}

func todayIcon(k metrics.TodayKind) fyne.Resource {
	switch k {
	case metrics.TodayDealExpiry:
		return theme.HistoryIcon()
	case metrics.TodayCertExpiry:
		return theme.InfoIcon()
	case metrics.TodayTaskDue:
		return theme.ErrorIcon()
	case metrics.TodayCheckIn:
		return theme.CalendarIcon()
	case metrics.TodayMDFDeadline:
		return theme.DocumentIcon()
	case metrics.TodayGoneQuiet:
		return theme.MailComposeIcon()
	}
	return theme.WarningIcon()
}

// todayText is the whole entry in one line: the partner, then what it is
// about (todayDetail).
func (d *dashboardScreen) todayText(e metrics.TodayEntry) string {
	return todayTitle(e) + " — " + d.todayDetail(e)
}

// todayTitle is an entry's title: its partner, or for an item about no
// partner (a lead waiting for one) its own title, the lead's company.
func todayTitle(e metrics.TodayEntry) string {
	if e.PartnerID == 0 && e.Title != "" {
		return e.Title
	}
	return e.PartnerName
}

// todayDetail is what an entry is about, and how many more of the same
// when the partner has several.
func (d *dashboardScreen) todayDetail(e metrics.TodayEntry) string {
	text := e.Text
	if d.lang == format.RU && e.TextRU != "" {
		text = e.TextRU
	}
	key := "dash.today." + string(e.Kind)
	if e.Kind == metrics.TodayLeadUnrouted && text == "" {
		key += "_no_event"
	}
	line := lang.L(key, map[string]any{"Date": d.date(e.Date), "Text": text, "Days": e.Cadence})
	if e.N > 1 && e.Kind != metrics.TodayGoneQuiet {
		line += " " + lang.L("week.and_more", map[string]any{"Count": e.N - 1})
	}
	return line
}

func (d *dashboardScreen) todayStep(ctx context.Context) func() {
	board, err := metrics.BuildToday(ctx, d.store, d.now())
	return func() {
		d.board = metrics.TodayBoard{}
		switch {
		case err != nil:
			d.todayMsg.SetText(errorText(err))
		case board.Entries == 0:
			d.todayMsg.SetText(lang.L("dash.today.empty"))
		default:
			d.board = board
			d.todayMsg.SetText(lang.L("dash.today.count", map[string]any{"Count": board.Entries}))
		}
		d.marksBtn.SetText(lang.L("week.marks_count", map[string]any{"Count": board.Hidden}))
		d.layoutToday()
	}
}

// todayTabs is where each kind of entry is done, by the partner detail's tab title key.
var todayTabs = map[metrics.TodayKind]string{
	metrics.TodayEscalation:  "tab.timeline",
	metrics.TodayDealExpiry:  "deals.tab",
	metrics.TodayMDFDeadline: "tab.mdf",
	metrics.TodayTaskDue:     "onboard.tab",
	metrics.TodayCheckIn:     "plans.tab",
	metrics.TodayCertExpiry:  "onboard.tab_certs",
	metrics.TodayGoneQuiet:   "tab.timeline",
}

// doToday opens the place where the entry is done: the partner at the
// right tab; for a partner gone quiet, the contact to log as well.
func (d *dashboardScreen) doToday(e metrics.TodayEntry) {
	if e.Kind == metrics.TodayLeadOffer || e.Kind == metrics.TodayLeadUnrouted {
		d.showLeads(e.Kind == metrics.TodayLeadOffer)
		return
	}
	d.openPartner(e.PartnerID)
	d.partnerTab(lang.L(todayTabs[e.Kind]))
	if e.Kind == metrics.TodayGoneQuiet {
		d.logContact(e.PartnerID, e.PartnerName, nil)
	}
}
