package kit

import (
	"fmt"
	"io"
	"math"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"channeldesk/app/format"
	"channeldesk/assets"
)

// book is a kit being written.
type book struct {
	f      *excelize.File
	lang   format.Lang
	t      map[string]string
	st     styles
	cur    string
	digits int
	lists  map[string]string // list name → absolute range on the marker sheet
	refs   []string
	row    int // the next row of the sheet being written
	sheet  string
	wide   int         // how many columns a hint spans on this sheet
	chars  int         // about how many characters fit on one line of a hint
	lines  map[int]int // rows of the sheet that need more than one line
}

// texts caches each language's translation table: reading it parses every
// translation file, which would cost more than a kit itself.
var texts sync.Map // format.Lang → map[string]string

func translations(l format.Lang) (map[string]string, error) {
	if t, ok := texts.Load(l); ok {
		return t.(map[string]string), nil
	}
	t, err := assets.Translations(string(l))
	if err != nil {
		return nil, err
	}
	texts.Store(l, t)
	return t, nil
}

func newBook(l format.Lang, currency string) (*book, error) {
	t, err := translations(l)
	if err != nil {
		return nil, err
	}
	b := &book{f: excelize.NewFile(), lang: l, t: t, cur: currency, digits: format.MinorDigits(currency), lists: map[string]string{}}
	if b.st, err = newStyles(b.f, b.digits); err != nil {
		return nil, err
	}
	return b, nil
}

// L is a document text in the kit's language, filled with args.
func (b *book) L(key string, args ...any) string {
	s, ok := b.t["kit.doc."+key]
	if !ok {
		s = key
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

func cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

func colName(col int) string {
	c, _ := excelize.ColumnNumberToName(col)
	return c
}

// makeSheets creates the visible sheets in order, then the marker sheet
// last (the first one renames the default sheet).
func (b *book) makeSheets(keys ...string) error {
	for i, k := range keys {
		name := b.L("sheet." + k)
		if i == 0 {
			if err := b.f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := b.f.NewSheet(name); err != nil {
			return err
		}
	}
	_, err := b.f.NewSheet(markerSheet)
	return err
}

// newSheet starts writing one of the sheets makeSheets made.
func (b *book) newSheet(key string) error {
	b.fitRows()
	name := b.L("sheet." + key)
	b.sheet, b.row, b.wide, b.chars, b.lines = name, 1, 9, 150, map[int]int{}
	if err := b.f.SetColVisible(name, "A:B", false); err != nil {
		return err
	}
	if err := b.printFit(name); err != nil {
		return err
	}
	return b.f.SetColWidth(name, colName(firstCol), colName(firstCol+11), 18)
}

// printFit prints a sheet landscape, as wide as one page.
func (b *book) printFit(name string) error {
	land, one, any := "landscape", 1, 0
	fit := true
	if err := b.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return b.f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &land, FitToWidth: &one, FitToHeight: &any})
}

// wrapChars is about how many characters fit on a line of a table column.
const wrapChars = 20

// fitRows makes the rows of the finished sheet tall enough for their
// wrapped text (spreadsheets do not always grow them on opening).
func (b *book) fitRows() {
	for r, n := range b.lines {
		_ = b.f.SetRowHeight(b.sheet, r, float64(15*min(n, 8)))
	}
}

// str writes user or program text as a string cell: never a formula.
func (b *book) str(col, row int, s string, style int) {
	if style == b.st.text || style == b.st.header {
		if n := (utf8.RuneCountInString(s) + wrapChars - 1) / wrapChars; n > b.lines[row] && n > 1 {
			b.lines[row] = n
		}
	}
	ref := cell(col, row)
	_ = b.f.SetCellStr(b.sheet, ref, s)
	if style != 0 {
		_ = b.f.SetCellStyle(b.sheet, ref, ref, style)
	}
}

// money writes minor units as a number in the currency's major units.
func (b *book) money(col, row int, minor int64) {
	ref := cell(col, row)
	_ = b.f.SetCellFloat(b.sheet, ref, float64(minor)/math.Pow10(b.digits), b.digits, 64)
	_ = b.f.SetCellStyle(b.sheet, ref, ref, b.st.money)
}

func (b *book) count(col, row int, n int64, style int) {
	ref := cell(col, row)
	_ = b.f.SetCellInt(b.sheet, ref, n)
	_ = b.f.SetCellStyle(b.sheet, ref, ref, style)
}

// title writes a heading line and moves on.
func (b *book) title(text string, style int) {
	b.str(firstCol, b.row, text, style)
	b.row++
}

// hint writes an explanation over the width of a table.
func (b *book) hint(text string) {
	b.str(firstCol, b.row, text, b.st.hint)
	_ = b.f.MergeCell(b.sheet, cell(firstCol, b.row), cell(firstCol+b.wide-1, b.row))
	lines := 1 + len([]rune(text))/b.chars + strings.Count(text, "\n")
	_ = b.f.SetRowHeight(b.sheet, b.row, float64(15*lines))
	b.row++
}

// header writes a table header from column keys.
func (b *book) header(keys ...string) {
	for i, k := range keys {
		b.str(firstCol+i, b.row, b.L("col."+k), b.st.header)
	}
	b.row++
}

func colKeys(cols []column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.key
	}
	return out
}

// inputRows writes n tagged input rows of cols starting at column from,
// with orig (the hidden column B) and prefilled values, and validates
// each column over the rows.
func (b *book) inputRows(tag func(i int) string, n, from int, cols []column, fill func(i int) []any, orig func(i int) string) error {
	first := b.row
	for i := 0; i < n; i++ {
		b.str(1, b.row, tag(i), 0)
		if orig != nil {
			b.str(2, b.row, orig(i), 0)
		}
		var vals []any
		if fill != nil {
			vals = fill(i)
		}
		for j, c := range cols {
			b.inputCell(from+j, b.row, c, valueAt(vals, j))
		}
		b.row++
	}
	if n == 0 {
		return nil
	}
	for j, c := range cols {
		if err := b.validate(from+j, first, b.row-1, c); err != nil {
			return err
		}
	}
	return nil
}

func valueAt(vals []any, j int) any {
	if j < len(vals) {
		return vals[j]
	}
	return nil
}

func (b *book) inputCell(col, row int, c column, v any) {
	style := map[colKind]int{cText: b.st.inText, cMoney: b.st.inMoney, cCount: b.st.inCount, cDate: b.st.inDate, cChoice: b.st.inChoice}[c.kind]
	ref := cell(col, row)
	switch x := v.(type) {
	case string:
		_ = b.f.SetCellStr(b.sheet, ref, x)
	case int64:
		if c.kind == cMoney {
			_ = b.f.SetCellFloat(b.sheet, ref, float64(x)/math.Pow10(b.digits), b.digits, 64)
		} else {
			_ = b.f.SetCellInt(b.sheet, ref, x)
		}
	}
	_ = b.f.SetCellStyle(b.sheet, ref, ref, style)
}

// validate adds Excel's own check of one input column.
func (b *book) validate(col, from, to int, c column) error {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(cell(col, from) + ":" + cell(col, to))
	var err error
	msg := ""
	switch c.kind {
	case cText:
		err = dv.SetRange(0, max(c.max, 1), excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorBetween)
		msg = b.L("valid.text", max(c.max, 1))
	case cMoney:
		err = dv.SetRange(0, 1e12, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
		msg = b.L("valid.money")
	case cCount:
		err = dv.SetRange(0, 1000000000, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween)
		msg = b.L("valid.count")
	case cDate:
		// 36526 is 2000-01-01 and 73051 is 2100-01-01 as Excel day numbers.
		err = dv.SetRange(36526, 73051, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween)
		msg = b.L("valid.date")
	case cChoice:
		ref, ok := b.lists[c.list]
		if !ok {
			return nil // an empty list: free text, checked on import
		}
		dv.SetSqrefDropList(ref)
		msg = b.L("valid.choice")
	}
	if err != nil {
		return err
	}
	style := excelize.DataValidationErrorStyleStop
	if c.list == listPeople || c.list == listProducts {
		style = excelize.DataValidationErrorStyleWarning // a new person or product may be typed
	}
	dv.SetError(style, b.L("valid.title"), msg)
	return b.f.AddDataValidation(b.sheet, dv)
}

// addList puts a named list of choices on the marker sheet for drop-downs.
func (b *book) addList(name string, col int, items []string) {
	if len(items) == 0 {
		return
	}
	for i, it := range items {
		_ = b.f.SetCellStr(markerSheet, cell(col, i+1), it)
	}
	b.lists[name] = fmt.Sprintf("'%s'!$%s$1:$%s$%d", markerSheet, colName(col), colName(col), len(items))
}

// protect locks every sheet but its input cells, hides the marker sheet
// and locks the workbook's structure (no sheets renamed, moved or added).
func (b *book) protect(sheets []string) error {
	b.fitRows()
	for _, sh := range sheets {
		if err := b.f.ProtectSheet(sh, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true,
			FormatColumns: true, FormatRows: true}); err != nil {
			return err
		}
	}
	if err := b.f.SetSheetVisible(markerSheet, false, true); err != nil {
		return err
	}
	return b.f.ProtectWorkbook(&excelize.WorkbookProtectionOptions{LockStructure: true})
}

// writeMarker writes the signed marker on the hidden sheet.
func (b *book) writeMarker(m *Marker) {
	for i, kv := range m.markerRows() {
		_ = b.f.SetCellStr(markerSheet, cell(1, i+1), kv[0])
		_ = b.f.SetCellStr(markerSheet, cell(2, i+1), kv[1])
	}
}

// save writes the workbook and closes it.
func (b *book) save(w io.Writer) error {
	defer b.f.Close()
	_, err := b.f.WriteTo(w)
	return err
}
