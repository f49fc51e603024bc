package widgets

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// DatePicker is a month calendar in the app's language: Fyne's own
// Calendar titles the month with Go's English names ("November 2026")
// and marks neither today nor the date already chosen. Weeks start on
// Monday. Tapping a day, or Today, calls onPick with that date.
type DatePicker struct {
	widget.BaseWidget
	month    time.Time // the first day of the month shown
	selected time.Time // zero when the entry was empty
	today    time.Time
	onPick   func(time.Time)

	title *widget.Label
	days  *fyne.Container
}

// NewDatePicker shows the month of selected (or of today when selected
// is zero).
func NewDatePicker(selected, today time.Time, onPick func(time.Time)) *DatePicker {
	p := &DatePicker{selected: dayOf(selected), today: dayOf(today), onPick: onPick}
	shown := p.selected
	if shown.IsZero() {
		shown = p.today
	}
	p.month = time.Date(shown.Year(), shown.Month(), 1, 0, 0, 0, 0, time.UTC)
	p.title = &widget.Label{Alignment: fyne.TextAlignCenter, TextStyle: fyne.TextStyle{Bold: true}}
	p.days = container.NewGridWithColumns(7)
	p.ExtendBaseWidget(p)
	p.showMonth(p.month)
	return p
}

// dayOf is t's calendar day at midnight UTC; the zero time stays zero.
func dayOf(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// monthTitle is "Ноябрь 2026" / "November 2026".
func monthTitle(m time.Time) string {
	return lang.L("month."+strconv.Itoa(int(m.Month()))) + " " + strconv.Itoa(m.Year())
}

// showMonth fills the grid with the weekday headings and the days of month.
func (p *DatePicker) showMonth(month time.Time) {
	p.month = month
	p.title.SetText(monthTitle(month))
	cells := make([]fyne.CanvasObject, 0, 7+6*7)
	for wd := 1; wd <= 7; wd++ {
		cells = append(cells, &widget.Label{Text: lang.L("calendar.wd." + strconv.Itoa(wd)), Alignment: fyne.TextAlignCenter})
	}
	lead := (int(month.Weekday()) + 6) % 7 // Monday = 0
	for range lead {
		cells = append(cells, layout.NewSpacer())
	}
	for d := month; d.Month() == month.Month(); d = d.AddDate(0, 0, 1) {
		day := d
		b := &widget.Button{Text: strconv.Itoa(d.Day()), Importance: widget.LowImportance, OnTapped: func() { p.pick(day) }}
		switch {
		case day.Equal(p.selected):
			b.Importance = widget.HighImportance
		case day.Equal(p.today):
			b.Importance = widget.MediumImportance
		}
		cells = append(cells, b)
	}
	p.days.Objects = cells
	p.days.Refresh()
}

func (p *DatePicker) pick(t time.Time) {
	if p.onPick != nil {
		p.onPick(t)
	}
}

// CreateRenderer lays out ‹ month › above the days and Today below them.
func (p *DatePicker) CreateRenderer() fyne.WidgetRenderer {
	prev := &widget.Button{Icon: theme.NavigateBackIcon(), Importance: widget.LowImportance, OnTapped: func() { p.showMonth(p.month.AddDate(0, -1, 0)) }}
	next := &widget.Button{Icon: theme.NavigateNextIcon(), Importance: widget.LowImportance, OnTapped: func() { p.showMonth(p.month.AddDate(0, 1, 0)) }}
	today := &widget.Button{Text: lang.L("calendar.today"), Importance: widget.LowImportance, OnTapped: func() { p.pick(p.today) }}
	nav := container.NewBorder(nil, nil, prev, next, p.title)
	return widget.NewSimpleRenderer(container.NewBorder(nav, container.NewCenter(today), nil, nil, p.days))
}
