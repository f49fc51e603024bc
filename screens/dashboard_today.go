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
			d.updateTodayRow(d.todayRows[id], o.(*fyne.Container))
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
	return container.NewBorder(head, nil, nil, nil, d.todayList)
}

func (d *dashboardScreen) newTodayRow() fyne.CanvasObject {
	done := &widget.Button{Text: lang.L("week.done"), Icon: theme.ConfirmIcon(), Importance: widget.LowImportance}
	snooze := &widget.Button{Text: lang.L("week.snooze"), Importance: widget.LowImportance}
	dismiss := &widget.Button{Text: lang.L("dash.dismiss"), Importance: widget.LowImportance}
	text := &widget.Label{Text: "Partner name — what happened", Truncation: fyne.TextTruncateEllipsis}
	return container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), container.NewHBox(done, snooze, dismiss), text)
}

func (d *dashboardScreen) updateTodayRow(r todayRow, row *fyne.Container) {
	text, icon := row.Objects[0].(*widget.Label), row.Objects[1].(*widget.Icon)
	buttons := row.Objects[2].(*fyne.Container)
	text.TextStyle.Bold = r.kind == rowHeader
	text.Importance = widget.MediumImportance
	buttons.Hide()
	icon.Show()
	switch r.kind {
	case rowHeader:
		icon.SetResource(todayIcon(r.group))
		text.SetText(lang.L("week.group."+string(r.group), map[string]any{"Count": len(d.groupEntries(r.group))}))
	case rowMore:
		icon.Hide()
		text.Importance = widget.HighImportance
		text.SetText(d.moreText(r.group))
	default:
		e := d.today[r.entry]
		icon.SetResource(theme.NavigateNextIcon())
		text.SetText(d.todayText(e))
		b := buttons.Objects
		b[0].(*widget.Button).OnTapped = func() { d.doToday(e) }
		b[1].(*widget.Button).OnTapped = func() { d.askSnooze(e) }
		b[2].(*widget.Button).OnTapped = func() { d.askDismiss(e) }
		buttons.Show()
	}
	text.Refresh()
	row.Refresh()
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

// todayText is one line: the partner, then what it is about, and how
// many more of the same when the partner has several.
func (d *dashboardScreen) todayText(e metrics.TodayEntry) string {
	text := e.Text
	if d.ui.Lang == format.RU && e.TextRU != "" {
		text = e.TextRU
	}
	line := e.PartnerName + " — " + lang.L("dash.today."+string(e.Kind), map[string]any{"Date": d.ui.date(e.Date), "Text": text, "Days": e.Cadence})
	if e.N > 1 && e.Kind != metrics.TodayGoneQuiet {
		line += " " + lang.L("week.and_more", map[string]any{"Count": e.N - 1})
	}
	return line
}

func (d *dashboardScreen) todayStep(ctx context.Context) func() {
	board, err := metrics.BuildToday(ctx, d.ui.Store, d.now())
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
	d.openPartner(e.PartnerID)
	d.ui.partners.detail.showTab(lang.L(todayTabs[e.Kind]))
	if e.Kind == metrics.TodayGoneQuiet {
		d.ui.showLogContact(e.PartnerID, e.PartnerName, nil)
	}
}
