package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Bar is one bar of a BarChart.
type Bar struct {
	Label string  // under a column, left of a bar
	Value float64 // bar length, relative to the largest
	Text  string  // the value as people read it
}

// BarChart draws bars with canvas primitives: columns (Vertical) for a
// series over time, horizontal bars for categories and funnels.
type BarChart struct {
	widget.BaseWidget
	Title    string
	Bars     []Bar
	Vertical bool
	Empty    string // shown while there are no bars
}

// NewBarChart makes an empty chart: columns when vertical, bars otherwise.
func NewBarChart(title string, vertical bool) *BarChart {
	c := &BarChart{Title: title, Vertical: vertical}
	c.ExtendBaseWidget(c)
	return c
}

// SetBars replaces the bars and redraws.
func (c *BarChart) SetBars(bars []Bar) {
	c.Bars = bars
	c.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (c *BarChart) CreateRenderer() fyne.WidgetRenderer {
	r := &barChartRenderer{c: c}
	r.rebuild()
	return r
}

type barChartRenderer struct {
	c       *BarChart
	title   *canvas.Text
	empty   *canvas.Text
	rects   []*canvas.Rectangle
	labels  []*canvas.Text
	values  []*canvas.Text
	objects []fyne.CanvasObject
}

func (r *barChartRenderer) rebuild() {
	fg, primary := theme.Color(theme.ColorNameForeground), theme.Color(theme.ColorNamePrimary)
	r.title = canvas.NewText(r.c.Title, fg)
	r.title.TextStyle.Bold = true
	r.empty = canvas.NewText(r.c.Empty, theme.Color(theme.ColorNamePlaceHolder))
	r.empty.Hidden = len(r.c.Bars) > 0
	r.objects = []fyne.CanvasObject{r.title, r.empty}
	r.rects, r.labels, r.values = nil, nil, nil
	small := theme.CaptionTextSize()
	for _, b := range r.c.Bars {
		rect := canvas.NewRectangle(primary)
		label := canvas.NewText(b.Label, fg)
		label.TextSize = small
		value := canvas.NewText(b.Text, fg)
		value.TextSize = small
		r.rects, r.labels, r.values = append(r.rects, rect), append(r.labels, label), append(r.values, value)
		r.objects = append(r.objects, rect, label, value)
	}
}

func (r *barChartRenderer) maxValue() float64 {
	m := 0.0
	for _, b := range r.c.Bars {
		m = max(m, b.Value)
	}
	if m == 0 {
		return 1
	}
	return m
}

func (r *barChartRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	th := r.title.MinSize().Height
	r.title.Move(fyne.NewPos(pad, 0))
	r.title.Resize(fyne.NewSize(size.Width-2*pad, th))
	r.empty.Move(fyne.NewPos(pad, th+pad))
	r.empty.Resize(r.empty.MinSize())
	area := fyne.NewSize(size.Width-2*pad, size.Height-th-2*pad)
	if len(r.c.Bars) == 0 || area.Height <= 0 || area.Width <= 0 {
		return
	}
	if r.c.Vertical {
		r.layoutColumns(fyne.NewPos(pad, th+pad), area)
	} else {
		r.layoutBars(fyne.NewPos(pad, th+pad), area)
	}
}

// layoutColumns: one column per bar, label under it, value above it.
func (r *barChartRenderer) layoutColumns(at fyne.Position, area fyne.Size) {
	n := float32(len(r.c.Bars))
	slot := area.Width / n
	textH := r.labels[0].MinSize().Height
	plotH := area.Height - 2*textH
	m := r.maxValue()
	for i, b := range r.c.Bars {
		x := at.X + float32(i)*slot
		h := plotH * float32(b.Value/m)
		w := slot * 0.6
		r.rects[i].Move(fyne.NewPos(x+(slot-w)/2, at.Y+textH+plotH-h))
		r.rects[i].Resize(fyne.NewSize(w, h))
		center(r.values[i], x, slot, at.Y+textH+plotH-h-textH)
		r.values[i].Hidden = r.values[i].MinSize().Width > slot // values that would overlap are left out
		center(r.labels[i], x, slot, at.Y+textH+plotH)
	}
}

// layoutBars: one row per bar, label on the left, value after the bar.
func (r *barChartRenderer) layoutBars(at fyne.Position, area fyne.Size) {
	n := float32(len(r.c.Bars))
	row := min(area.Height/n, 28)
	labelW := float32(0)
	for _, l := range r.labels {
		labelW = max(labelW, l.MinSize().Width)
	}
	labelW = min(labelW, area.Width*0.4)
	valueW := float32(0)
	for _, v := range r.values {
		valueW = max(valueW, v.MinSize().Width)
	}
	plotW := max(area.Width-labelW-valueW-2*theme.Padding(), 1)
	m := r.maxValue()
	for i, b := range r.c.Bars {
		y := at.Y + float32(i)*row
		textH := r.labels[i].MinSize().Height
		r.labels[i].Move(fyne.NewPos(at.X, y+(row-textH)/2))
		r.labels[i].Resize(fyne.NewSize(labelW, textH))
		w := plotW * float32(b.Value/m)
		x := at.X + labelW + theme.Padding()
		r.rects[i].Move(fyne.NewPos(x, y+row*0.15))
		r.rects[i].Resize(fyne.NewSize(w, row*0.7))
		r.values[i].Move(fyne.NewPos(x+w+theme.Padding(), y+(row-textH)/2))
		r.values[i].Resize(r.values[i].MinSize())
	}
}

func center(t *canvas.Text, x, width, y float32) {
	s := t.MinSize()
	t.Move(fyne.NewPos(x+(width-s.Width)/2, y))
	t.Resize(s)
}

func (r *barChartRenderer) MinSize() fyne.Size {
	return fyne.NewSize(260, 190)
}

func (r *barChartRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *barChartRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *barChartRenderer) Destroy() {}
