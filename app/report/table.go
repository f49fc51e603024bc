package report

import (
	"channeldesk/app/format"
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// colKind is how a column's values are written and formatted.
type colKind int

const (
	colText  colKind = iota // user or program text, always a text cell
	colInt                  // a count
	colMoney                // int64 minor units of the program currency
	colDate                 // ISO date text; "" stays empty
	colPct                  // a fraction, 0.25 = 25 %
	colNum                  // a plain number (thresholds of mixed units)
	colID                   // a record number, without thousands separators
)

// column is one column of an Excel table.
type column struct {
	Label string // translation key of the header
	Kind  colKind
	Total bool // a SUBTOTAL formula under the column
}

// condFormat highlights the rows of a table where Expr (written for the
// first data row, row 2) is true.
type condFormat struct {
	Expr  string
	Style *int
}

// table is an Excel table written with the stream writer: header in row 1
// (frozen, with filter buttons), data from row 2, totals below it.
type table struct {
	Name  string // Excel table name: letters, digits, underscores
	Cols  []column
	Rows  [][]any
	Conds []condFormat
}

// writeTable streams t into the (empty) sheet.
func (b *Book) writeTable(ctx context.Context, sheet string, t table) error {
	sw, err := b.F.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	headers := make([]any, len(t.Cols))
	for i, c := range t.Cols {
		headers[i] = b.L(c.Label)
	}
	for i, w := range b.widths(t, headers) {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := sw.SetRow("A1", headers, excelize.RowOpts{StyleID: b.styles.header}); err != nil {
		return err
	}
	n, err := b.streamRows(ctx, sw, t)
	if err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(t.Cols), n+1)
	if err := sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: t.Name, StyleName: "TableStyleMedium2", ShowRowStripes: boolPtr(true)}); err != nil {
		return err
	}
	if err := b.totalsRow(sw, t, n); err != nil {
		return err
	}
	// Conditional formats go into the stream's worksheet before Flush
	// writes it out; afterwards they would be lost.
	if err := b.condFormats(sheet, t, n); err != nil {
		return err
	}
	return sw.Flush()
}

// streamRows writes the data rows and returns how many rows the table
// body has (at least one: an Excel table needs a row under its header).
func (b *Book) streamRows(ctx context.Context, sw *excelize.StreamWriter, t table) (int, error) {
	for r, row := range t.Rows {
		if r%2000 == 0 {
			if err := ctx.Err(); err != nil {
				return 0, err
			}
			b.progress(float64(r) / float64(len(t.Rows)))
		}
		cells := make([]any, len(t.Cols))
		for i, c := range t.Cols {
			cells[i] = b.cell(c.Kind, row[i])
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(cell, cells); err != nil {
			return 0, err
		}
	}
	return max(len(t.Rows), 1), nil
}

// cell turns a value into a typed, formatted stream cell. Strings are
// always text: a string value never becomes a formula in the stream writer.
func (b *Book) cell(kind colKind, v any) excelize.Cell {
	switch kind {
	case colMoney:
		if v == nil { // no amount in the program currency: an empty cell, not 0
			return excelize.Cell{StyleID: b.styles.money}
		}
		return excelize.Cell{StyleID: b.styles.money, Value: b.major(toInt(v))}
	case colDate:
		if t, err := time.Parse(format.DateLayout, fmt.Sprint(v)); err == nil {
			return excelize.Cell{StyleID: b.styles.date, Value: t}
		}
		return excelize.Cell{StyleID: b.styles.text, Value: fmt.Sprint(v)}
	case colPct:
		return excelize.Cell{StyleID: b.styles.pct, Value: v}
	case colInt:
		return excelize.Cell{StyleID: b.styles.integer, Value: v}
	case colNum:
		return excelize.Cell{StyleID: b.styles.number, Value: v}
	case colID:
		return excelize.Cell{StyleID: b.styles.id, Value: v}
	}
	s, _ := v.(string)
	return excelize.Cell{StyleID: b.styles.text, Value: s}
}

// totalsRow writes "Total" and SUBTOTAL(109, …) formulas under the table,
// so the totals follow the user's filters.
func (b *Book) totalsRow(sw *excelize.StreamWriter, t table, n int) error {
	has := false
	row := make([]any, len(t.Cols))
	for i, c := range t.Cols {
		if !c.Total {
			continue
		}
		has = true
		col, _ := excelize.ColumnNumberToName(i + 1)
		style := b.styles.totalInt
		if c.Kind == colMoney {
			style = b.styles.totalMoney
		}
		row[i] = excelize.Cell{StyleID: style, Formula: fmt.Sprintf("SUBTOTAL(109,%s2:%s%d)", col, col, n+1)}
	}
	if !has {
		return nil
	}
	if row[0] == nil {
		row[0] = excelize.Cell{StyleID: b.styles.totalLabel, Value: b.L("report.total")}
	}
	cell, _ := excelize.CoordinatesToCellName(1, n+2)
	return sw.SetRow(cell, row)
}

func (b *Book) condFormats(sheet string, t table, n int) error {
	if len(t.Conds) == 0 || len(t.Rows) == 0 {
		return nil
	}
	last, _ := excelize.CoordinatesToCellName(len(t.Cols), n+1)
	for _, c := range t.Conds {
		err := b.F.SetConditionalFormat(sheet, "A2:"+last, []excelize.ConditionalFormatOptions{
			{Type: "formula", Criteria: c.Expr, Format: c.Style}})
		if err != nil {
			return err
		}
	}
	return nil
}

// widths fit each column to its header and longest value, within limits.
func (b *Book) widths(t table, headers []any) []float64 {
	out := make([]float64, len(t.Cols))
	for i, c := range t.Cols {
		w := utf8.RuneCountInString(headers[i].(string)) + 4 // room for the filter button
		switch c.Kind {
		case colMoney:
			w = max(w, 16)
		case colDate:
			w = max(w, 12)
		case colInt, colPct, colNum, colID:
			w = max(w, 9)
		default:
			for _, row := range t.Rows {
				if s, ok := row[i].(string); ok {
					w = max(w, utf8.RuneCountInString(s)+2)
				}
			}
		}
		out[i] = float64(min(w, 60))
	}
	return out
}

// major converts minor units to a number of the currency's major units.
func (b *Book) major(minor int64) float64 {
	unit := 1.0
	for range format.MinorDigits(b.Settings.Currency) {
		unit *= 10
	}
	return float64(minor) / unit
}

func toInt(v any) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case int:
		return int64(x)
	}
	return 0
}

func boolPtr(v bool) *bool { return &v }

// quote makes a string literal for an Excel formula.
func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
