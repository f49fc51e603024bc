package kit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"channeldesk/app/format"
	"channeldesk/data"
)

// Returned is a kit read back: its verified marker and its tagged rows.
type Returned struct {
	Marker *Marker
	Lang   format.Lang
	Rows   []Row
}

// Row is one tagged row of a returned kit.
type Row struct {
	Sheet string // the sheet's role: deals, mdf, plan, people, apply
	Line  int    // the row number the partner sees
	Tag   string
	Orig  string   // what the kit showed, for rows the partner may change
	Cells []string // the visible cells from column C, as typed (never evaluated)
	Hash  string
}

// maxInputCols is how many visible columns a tagged row may use.
const maxInputCols = 12

// readSheets are the sheets whose tagged rows the import reads.
var readSheets = []string{sheetDeals, sheetMDF, sheetPlan, sheetPeople, sheetApply, sheetLeads}

// Read opens a returned workbook, checks its marker against the
// database's secret and collects its tagged rows. A file that is not a
// ChannelDesk kit, or one whose marker or listed records were changed, is
// refused with a typed error.
func Read(r io.Reader, secret []byte) (*Returned, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, data.Invalid("file", "err.kit_not_workbook", nil)
	}
	defer f.Close()
	mrows, err := f.GetRows(markerSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, data.Conflict("err.kit_foreign", nil)
	}
	m, ok := parseMarker(mrows)
	if !ok {
		return nil, data.Conflict("err.kit_foreign", nil)
	}
	if !m.Verify(secret) {
		return nil, data.Conflict("err.kit_tampered", nil)
	}
	ret := &Returned{Marker: m, Lang: format.Lang(m.Lang)}
	t, err := translations(format.Lang(m.Lang))
	if err != nil {
		return nil, err
	}
	for _, key := range readSheets {
		name := t["kit.doc.sheet."+key]
		if idx, _ := f.GetSheetIndex(name); idx < 0 {
			continue // an application has no deal sheet, a kit no application sheet
		}
		rows, err := readRows(f, name, key)
		if err != nil {
			return nil, err
		}
		ret.Rows = append(ret.Rows, rows...)
	}
	if err := checkRefs(m, ret.Rows); err != nil {
		return nil, err
	}
	return ret, nil
}

// readRows reads the tagged rows of one sheet. A cell holding a formula
// is read as the formula's text, never its result.
func readRows(f *excelize.File, name, key string) ([]Row, error) {
	rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	var out []Row
	for i, r := range rows {
		if len(r) == 0 || r[0] == "" {
			continue
		}
		row := Row{Sheet: key, Line: i + 1, Tag: r[0]}
		if len(r) > 1 {
			row.Orig = r[1]
		}
		for j := firstCol - 1; j < firstCol-1+maxInputCols; j++ {
			v := ""
			if j < len(r) {
				v = r[j]
			}
			// A formula cell may carry no cached value at all.
			if fm, _ := f.GetCellFormula(name, cell(j+1, i+1)); fm != "" {
				v = "=" + strings.TrimPrefix(fm, "=")
			}
			row.Cells = append(row.Cells, v)
		}
		row.Hash = rowHash(row)
		out = append(out, row)
	}
	return out, nil
}

func rowHash(r Row) string {
	h := sha256.New()
	h.Write([]byte(r.Sheet + "\x1f" + strconv.Itoa(r.Line) + "\x1f" + r.Tag + "\x1f" + r.Orig))
	for _, c := range r.Cells {
		h.Write([]byte("\x1f" + strings.TrimSpace(c)))
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// checkRefs refuses a kit whose rows name a record the signed marker does
// not list (a row copied from another partner's kit, or an edited ID).
func checkRefs(m *Marker, rows []Row) error {
	signed := map[string]bool{}
	for _, r := range m.Refs {
		signed[r] = true
	}
	for _, r := range rows {
		if needsRef(r.Tag) && !signed[r.Tag] {
			return data.Conflict("err.kit_tampered", nil)
		}
	}
	return nil
}

// needsRef says whether a tag names an existing record.
func needsRef(tag string) bool {
	for _, p := range []string{tagClaim, tagActual, tagContact, tagLead} {
		if strings.HasPrefix(tag, p) && len(tag) > len(p) {
			return true
		}
	}
	return false
}

// tagID is the record ID a tag names.
func tagID(tag, prefix string) int64 {
	id, _ := strconv.ParseInt(strings.TrimPrefix(tag, prefix), 10, 64)
	return id
}

// cellAt is the i-th visible cell of a row, trimmed.
func (r Row) cellAt(i int) string {
	if i < 0 || i >= len(r.Cells) {
		return ""
	}
	return strings.TrimSpace(r.Cells[i])
}

// blank says whether the partner left every cell from..from+n empty.
func (r Row) blank(from, n int) bool {
	for i := from; i < from+n; i++ {
		if r.cellAt(i) != "" {
			return false
		}
	}
	return true
}

// plainNumber reads a cell Excel stored as a number (or text that is a
// plain decimal number with a dot and nothing else).
func plainNumber(s string) (float64, bool) {
	if s == "" || strings.ContainsAny(s, " ,\u00a0'$€₽") {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil && !math.IsInf(v, 0) && !math.IsNaN(v)
}

// money reads an amount into minor units: a number cell, or text written
// the way the kit's language writes amounts ("1 200,50", "$1,200.50").
func money(s, field, currency string, l format.Lang) (int64, error) {
	if v, ok := plainNumber(s); ok {
		if v < 0 || v > 1e13 {
			return 0, data.Invalid(field, "err.kit_money", map[string]any{"Value": s})
		}
		return int64(math.Round(v * math.Pow10(format.MinorDigits(currency)))), nil
	}
	v, err := format.ParseMoney(s, currency, l)
	if err != nil || v < 0 {
		return 0, data.Invalid(field, "err.kit_money", map[string]any{"Value": s})
	}
	return v, nil
}

// count reads a whole number ≥ 0.
func count(s, field string, l format.Lang) (int64, error) {
	if v, ok := plainNumber(s); ok && v == math.Trunc(v) && v >= 0 && v < 1e15 {
		return int64(v), nil
	}
	v, err := format.ParseCount(s, l)
	if err != nil || v < 0 {
		return 0, data.Invalid(field, "err.kit_count", map[string]any{"Value": s})
	}
	return v, nil
}

// day reads a date: an Excel date number or a typed date.
func day(s, field string) (string, error) {
	if v, ok := plainNumber(s); ok && v > 1 && v < 2958465 {
		t, err := excelize.ExcelDateToTime(v, false)
		if err == nil {
			return t.Format(format.DateLayout), nil
		}
	}
	t, err := format.ParseDate(s)
	if err != nil {
		return "", data.Invalid(field, "err.kit_date", map[string]any{"Value": s})
	}
	return t.Format(format.DateLayout), nil
}

// IsKit says whether a workbook is a ChannelDesk kit or application
// form (it carries the marker sheet), signed by this program or not; a
// file dropped onto the window goes to the kit import when it is.
func IsKit(b []byte) bool {
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		return false
	}
	defer f.Close()
	rows, err := f.GetRows(markerSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return false
	}
	_, ok := parseMarker(rows)
	return ok
}
