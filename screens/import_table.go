package screens

import (
	"image/color"
	"strings"
	"time"

	"channeldesk/app/format"
	"channeldesk/app/importer"
	"channeldesk/data"
	"channeldesk/screens/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// wideSelect shows sel at least as wide as its longest choice, so a long
// Russian value («Пропустить эти строки») is never cut.
func wideSelect(sel *widget.Select) fyne.CanvasObject {
	w := fyne.MeasureText(sel.PlaceHolder, theme.TextSize(), fyne.TextStyle{}).Width
	for _, o := range sel.Options {
		w = max(w, fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	pad := theme.Padding()*4 + theme.InnerPadding()*2 + theme.IconInlineSize()
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(w+pad, 1))
	return container.NewStack(spacer, sel)
}

// previewTable shows the rows of a preview as they will land: one line
// per row of the file, its mapped columns with category values as ours,
// the cell at fault red, a warned cell orange. Clicking a cell lets the
// user correct it; the preview is then rebuilt with the fix.
type previewTable struct {
	f     *importFlow
	cols  []int // file columns shown, in file order
	table *widget.Table
	// fixEntry is the open fix dialog's entry (tests type into it).
	fixEntry *widgets.TextEntry
	fixSave  func()
}

func newPreviewTable(f *importFlow) *previewTable {
	pt := &previewTable{f: f}
	pt.table = newImportRows(pt.size, pt.update, pt.header, pt.askFix)
	return pt
}

// refresh follows a new preview's mapping.
func (pt *previewTable) refresh() {
	pt.cols = pt.cols[:0]
	for i, fl := range pt.f.mapping {
		if fl != importer.Ignore {
			pt.cols = append(pt.cols, i)
		}
	}
	pt.table.SetColumnWidth(0, 150)
	for c := range pt.cols {
		pt.table.SetColumnWidth(c+1, 160)
	}
	pt.table.Refresh()
}

func (pt *previewTable) size() (int, int) {
	if pt.f.preview == nil {
		return 0, 0
	}
	return len(pt.f.preview.Rows), len(pt.cols) + 1
}

// header names table column col (from 1): the mapped columns of the file.
func (pt *previewTable) header(col int) string {
	if col-1 >= len(pt.cols) {
		return ""
	}
	c := pt.cols[col-1]
	return mappedHeader(pt.f.table.Header[c], pt.f.mapping[c])
}

func (pt *previewTable) update(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	p := pt.f.preview
	if p == nil || id.Row >= len(p.Rows) {
		l.SetText("")
		return
	}
	r := &p.Rows[id.Row]
	if id.Col == 0 {
		l.Importance = rowImportance(r)
		l.SetText(lang.L("imports.table_row_num", map[string]any{"Row": r.Num}) + " · " + actionText(r))
		return
	}
	c := pt.cols[id.Col-1]
	text, imp := pt.cell(id.Row, c)
	l.Importance = imp
	l.SetText(text)
}

// cell is what column c of row i shows, and how it is marked.
func (pt *previewTable) cell(i, c int) (string, widget.Importance) {
	f := pt.f
	r := &f.preview.Rows[i]
	raw := pt.raw(i, c)
	header := f.table.Header[c]
	if r.Action == importer.Reject {
		if r.Column == header {
			return orDash(raw), widget.DangerImportance
		}
		return raw, widget.MediumImportance
	}
	imp := widget.MediumImportance
	for _, w := range r.Warnings {
		if w.Column == header {
			imp = widget.WarningImportance
		}
	}
	if r.Action == importer.Skip {
		return raw, widget.LowImportance
	}
	for _, ch := range r.Changes {
		if ch.Field == f.mapping[c] && ch.Kept { // the user's own value stays
			return ch.Old, widget.WarningImportance
		}
	}
	return landedValue(r, f.mapping[c], raw, f.lang), imp
}

// raw is the file's text of a cell, or the user's fix of it.
func (pt *previewTable) raw(i, c int) string { return cellText(pt.f.table, pt.f.fixes, i, c) }

// landedValue is a category cell as ours (the value map and defaults
// applied); other cells land as written.
func landedValue(r *importer.Row, fl importer.Field, raw string, l format.Lang) string {
	switch fl {
	case importer.FType:
		return typeLabel(r.Partner.Type)
	case importer.FStatus:
		return statusLabel(r.Partner.Status)
	case importer.FDocLang:
		return lang.L("lang." + r.Partner.DocLang)
	case importer.FSource:
		if r.Source != nil && r.SourceGiven {
			return sourceLabel(r.Source.Source)
		}
	case importer.FEventDate:
		if r.Source != nil && r.Source.EventDate != "" {
			return format.FormatDate(r.Source.EventDate, l)
		}
	}
	return raw
}

func rowImportance(r *importer.Row) widget.Importance {
	switch {
	case r.Action == importer.Reject:
		return widget.DangerImportance
	case r.Action == importer.Skip:
		return widget.LowImportance
	case len(r.Warnings) > 0:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// actionText says in a word what happens to a row.
func actionText(r *importer.Row) string {
	return actionWord(r.Action, lang.L("imports.state_merge"), lang.L("imports.state_skip"))
}

// actionWord says in a word what an import does with a row; a merged and
// a skipped row read differently in the partner and the contacts import.
func actionWord(a importer.Action, merged, skipped string) string {
	switch a {
	case importer.Merge:
		return merged
	case importer.Update:
		return lang.L("imports.state_update")
	case importer.Reject:
		return lang.L("imports.state_reject")
	case importer.Skip:
		return skipped
	}
	return lang.L("imports.state_new")
}

// askFix opens the single-cell fix for row i, table column col; the row
// column (0) shows what is wrong with the row instead.
func (pt *previewTable) askFix(i, col int) {
	f := pt.f
	if f.preview == nil || i < 0 || i >= len(f.preview.Rows) || col < 1 || col-1 >= len(pt.cols) {
		return
	}
	c := pt.cols[col-1]
	r := &f.preview.Rows[i]
	entry := widgets.NewText(&widget.Entry{Text: pt.raw(i, c)})
	pt.fixEntry = entry
	why := lang.L("imports.fix_hint")
	if r.Action == importer.Reject && r.Column == f.table.Header[c] {
		why = importer.RowText(*r)
	}
	for _, w := range r.Warnings {
		if w.Column == f.table.Header[c] {
			why = lang.L(w.Key, w.Args)
		}
	}
	pt.fixSave = func() {
		if f.fixes == nil {
			f.fixes = map[importer.Cell]string{}
		}
		f.fixes[importer.Cell{Row: i, Col: c}] = strings.TrimSpace(entry.Text)
		f.replan()
	}
	askCellFix(f.win, r.Num, f.table.Header[c], entry, why, pt.fixSave)
}

// askCellFix is the single-cell fix: the column's text to correct, why
// the cell is marked; Save rebuilds the preview with the fix.
func askCellFix(w fyne.Window, row int, column string, entry *widgets.TextEntry, why string, save func()) {
	hint := &widget.Label{Text: why, Wrapping: fyne.TextWrapWord}
	(&widgets.FormDialog{Title: lang.L("imports.fix_title", map[string]any{"Row": row}),
		Items: []*widget.FormItem{widget.NewFormItem(column, entry), widget.NewFormItem("", hint)},
		Size:  fyne.NewSize(520, 240), OnSave: func() error { save(); return nil }}).Show(w)
}

// askProfileName asks for an import profile's name and saves under it;
// a failed save keeps the dialog open with the reason.
func askProfileName(w fyne.Window, current, placeholder string, save func(name string) error) {
	name := widgets.NewText(&widget.Entry{Text: current, PlaceHolder: placeholder})
	(&widgets.FormDialog{Title: lang.L("imports.profile_save"),
		Items:  []*widget.FormItem{widget.NewFormItem(lang.L("field.name"), name)},
		OnSave: func() error { return save(name.Text) }}).Show(w)
}

// dateQuestion asks, once per file, how dates that read either way are
// meant, with values from the file and what each reading makes of them.
type dateQuestion struct {
	box   *fyne.Container
	label *widget.Label
	radio *widget.RadioGroup
}

func newDateQuestion(onChoose func(importer.DateOrder)) *dateQuestion {
	q := &dateQuestion{label: &widget.Label{Wrapping: fyne.TextWrapWord}}
	q.radio = widget.NewRadioGroup(nil, nil)
	q.radio.Horizontal = true
	q.radio.OnChanged = func(s string) {
		if i := choiceIndex(q.radio.Options, s); i >= 0 {
			onChoose([]importer.DateOrder{importer.OrderDMY, importer.OrderMDY}[i])
		}
	}
	q.box = container.NewVBox(q.label, q.radio)
	q.box.Hide()
	return q
}

func choiceIndex(xs []string, s string) int {
	for i, x := range xs {
		if x == s {
			return i
		}
	}
	return -1
}

// show asks about the first ambiguous date column, if any.
func (q *dateQuestion) show(dates []importer.DateInfo, order importer.DateOrder, l format.Lang) {
	for _, d := range dates {
		if !d.Ambiguous || len(d.Examples) == 0 {
			continue
		}
		q.label.SetText(lang.L("imports.dates_ask", map[string]any{"Column": d.Column,
			"Examples": strings.Join(d.Examples, ", ")}))
		ex := d.Examples[0]
		opts := []string{
			lang.L("imports.dates_dmy", map[string]any{"Example": ex, "Date": readingOf(ex, importer.OrderDMY, l)}),
			lang.L("imports.dates_mdy", map[string]any{"Example": ex, "Date": readingOf(ex, importer.OrderMDY, l)}),
		}
		cb := q.radio.OnChanged
		q.radio.OnChanged = nil
		q.radio.Options = opts
		q.radio.Selected = opts[0]
		if order == importer.OrderMDY {
			q.radio.Selected = opts[1]
		}
		q.radio.Refresh()
		q.radio.OnChanged = cb
		q.box.Show()
		return
	}
	q.box.Hide()
}

// readingOf writes out the date a value is in the given order ("1 Feb 2026").
func readingOf(v string, order importer.DateOrder, l format.Lang) string {
	iso, ok := importer.ReadDate(v, order)
	if !ok {
		return "?"
	}
	t, err := time.Parse(format.DateLayout, iso)
	if err != nil {
		return iso
	}
	return format.FormatDateLong(t, l)
}

// editedList lets the user take the file's value of a field they changed
// in ChannelDesk after the last import; theirs stays by default.
type editedList struct {
	box    *fyne.Container
	checks map[string]*widget.Check // by importer.EditKey, for tests
}

func newEditedList() *editedList {
	return &editedList{box: container.NewVBox(), checks: map[string]*widget.Check{}}
}

// show lists the edited fields of a preview; it reports how many.
func (e *editedList) show(p *importer.Preview, take map[string]bool, onTake func(key string, take bool)) int {
	e.box.RemoveAll()
	e.checks = map[string]*widget.Check{}
	n := 0
	for _, r := range p.Rows {
		for _, c := range r.Changes {
			if !c.Edited {
				continue
			}
			n++
			key := importer.EditKey(r.RecordID, c.Field)
			text := lang.L("imports.edited_line", map[string]any{"Row": r.Num, "Name": r.MergeName,
				"Field": fieldLabel(string(c.Field)), "Ours": orDash(c.Old), "File": c.New})
			chk := widget.NewCheck(lang.L("imports.edited_take"), nil)
			chk.Checked = take[key]
			chk.OnChanged = func(on bool) { onTake(key, on) }
			e.checks[key] = chk
			e.box.Add(container.NewBorder(nil, nil, nil, chk, &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}))
		}
	}
	if n == 0 {
		e.box.Add(widget.NewLabel(lang.L("imports.edited_none")))
	}
	return n
}

// defaultTypeChoice is the type rows get whose type is empty, unknown and
// unmapped: one of ours or none ("—").
func defaultTypeChoice(vm importer.ValueMap, onChange func(code string)) fyne.CanvasObject {
	codes := []string{}
	labels := []string{}
	for _, t := range data.PartnerTypes {
		codes = append(codes, string(t))
		labels = append(labels, typeLabel(t))
	}
	codes = append(codes, importer.ValueNone)
	labels = append(labels, lang.L("imports.value_none_type"))
	sel := widget.NewSelect(labels, nil)
	cur := vm.Default(importer.FType)
	if cur == "" {
		cur = string(data.TypeReseller)
	}
	sel.SetSelectedIndex(choiceIndex(codes, cur))
	sel.OnChanged = func(string) { onChange(codes[sel.SelectedIndex()]) }
	return container.NewBorder(nil, nil, nil, wideSelect(sel), widget.NewLabel(lang.L("imports.default_type")))
}
