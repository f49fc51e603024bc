// Package importer reads partner lists from CSV and XLSX files (CRM
// exports, spreadsheets), maps their columns, previews what an import
// would create, merge or reject, and imports in one transaction.
package importer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"channeldesk/data"
)

// Table is a file's content: the header and the rows below it, each with
// the row number a spreadsheet shows (the header is row 1).
type Table struct {
	Header    []string
	Rows      [][]string
	RowNums   []int
	Encoding  string // "utf-8", "utf-8 bom", "utf-16", "windows-1251", "xlsx"
	Delimiter rune   // CSV only
}

// MaxFileSize is the largest file the importer reads (bytes).
const MaxFileSize = 200 << 20

// ErrEmptyFile is returned for a file with no header row.
var ErrEmptyFile = data.Invalid("file", "err.recruit_empty_file", nil)

// ReadFile reads a CSV, XLSX or HTML-table file (see Read). A file another
// program holds (Excel) or on a drive that went away comes back as a
// *data.FileError.
func ReadFile(path string) (*Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, openFailure(path, err)
	}
	defer f.Close()
	t, err := Read(path, f)
	if _, ok := data.AsError(err); !ok && err != nil {
		return nil, data.FileFailure(path, err)
	}
	return t, err
}

// openFailure explains why path can't be opened for reading: held by
// another program, or its drive gone; otherwise that it can't be opened.
func openFailure(path string, err error) error {
	if fe, ok := data.FileFailure(path, err).(*data.FileError); ok && (fe.Cause == data.CauseInUse || fe.Cause == data.CauseFolderGone) {
		return fe
	}
	return data.Invalid("file", "err.recruit_open_file", map[string]any{"Path": path})
}

// ErrLegacyXLS is returned for a binary Excel 97–2003 workbook, which the
// importer does not read: the user saves it as .xlsx or CSV.
var ErrLegacyXLS = data.Invalid("file", "imports.err_legacy_xls", nil)

// Read reads a file by what it holds, whatever its name says: a workbook
// (zip), an HTML table (the ".xls" of Bitrix24 and many web systems), a
// binary legacy .xls (refused with ErrLegacyXLS), else delimited text.
func Read(name string, r io.Reader) (*Table, error) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(512)
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return ReadXLSX(br)
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, ErrLegacyXLS
	case looksLikeHTML(head):
		return ReadHTML(br)
	}
	ext := strings.ToLower(filepath.Ext(name))
	if (ext == ".xlsx" || ext == ".xlsm") && len(head) == 0 {
		return nil, ErrEmptyFile
	}
	return ReadCSV(br)
}

// ReadCSV reads delimited text. The encoding (UTF-8 with or without BOM,
// UTF-16 with BOM, otherwise Windows-1251) and the delimiter (comma,
// semicolon, tab) are detected; quoted fields may hold delimiters, quotes
// and line breaks. Blank rows are skipped.
func ReadCSV(r io.Reader) (*Table, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > MaxFileSize {
		return nil, data.Invalid("file", "err.recruit_file_too_big", map[string]any{"Max": MaxFileSize >> 20})
	}
	text, enc, err := decode(raw)
	if err != nil {
		return nil, data.Invalid("file", "err.recruit_encoding", nil)
	}
	delim := detectDelimiter(text)
	t := &Table{Encoding: enc, Delimiter: delim}
	if err := t.parseCSV(text, delim); err != nil {
		return nil, err
	}
	return t, nil
}

// decode turns the file's bytes into UTF-8 text and names the encoding.
func decode(raw []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		// a BOM promises UTF-8; stray bytes become U+FFFD, not garbage
		return strings.ToValidUTF8(string(raw[3:]), "\uFFFD"), "utf-8 bom", nil
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(raw)
		return string(out), "utf-16", err
	case utf8.Valid(raw):
		return string(raw), "utf-8", nil
	}
	out, err := charmap.Windows1251.NewDecoder().Bytes(raw)
	return string(out), "windows-1251", err
}

// detectDelimiter picks the delimiter that splits the first lines into
// the most fields, the same number on each line.
func detectDelimiter(text string) rune {
	sample := text
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
	}
	best, bestScore := ',', 0
	for _, d := range []rune{',', ';', '\t'} {
		if score := delimiterScore(sample, d); score > bestScore {
			best, bestScore = d, score
		}
	}
	return best
}

func delimiterScore(sample string, d rune) int {
	cr := csv.NewReader(strings.NewReader(sample))
	cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes = d, -1, true
	head, err := cr.Read()
	if err != nil || len(head) < 2 {
		return 0
	}
	score := len(head) * 4
	for range 20 {
		rec, err := cr.Read()
		if err != nil {
			break
		}
		if len(rec) == len(head) {
			score++
		}
	}
	return score
}

func (t *Table) parseCSV(text string, delim rune) error {
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes, cr.ReuseRecord = delim, -1, true, false
	// Rows are numbered as a spreadsheet shows the file: blank lines count
	// (csv skips them), a record with line breaks in quotes is one row.
	row, endLine := 0, 0
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return data.Invalid("file", "err.recruit_csv", map[string]any{"Row": row + 1})
		}
		start, _ := cr.FieldPos(0)
		row += 1 + max(0, start-endLine-1)
		endLine = start + strings.Count(strings.Join(rec, ""), "\n")
		t.add(rec, row)
	}
	if t.Header == nil {
		return ErrEmptyFile
	}
	return nil
}

// add appends a record: the first non-blank one is the header.
func (t *Table) add(rec []string, row int) {
	if blank(rec) {
		return
	}
	if t.Header == nil {
		t.Header = make([]string, len(rec))
		for i, h := range rec {
			t.Header[i] = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		}
		return
	}
	t.Rows = append(t.Rows, rec)
	t.RowNums = append(t.RowNums, row)
}

func blank(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// ReadXLSX reads the first sheet of a workbook. Cells are read as the
// text they show; a formula is never evaluated into a value we store.
func ReadXLSX(r io.Reader) (*Table, error) {
	f, err := excelize.OpenReader(io.LimitReader(r, MaxFileSize))
	if err != nil {
		return nil, data.Invalid("file", "err.recruit_xlsx", nil)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, ErrEmptyFile
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return nil, data.Invalid("file", "err.recruit_xlsx", nil)
	}
	defer rows.Close()
	t := &Table{Encoding: "xlsx"}
	for row := 1; rows.Next(); row++ {
		rec, err := rows.Columns()
		if err != nil {
			return nil, data.Invalid("file", "err.recruit_xlsx", nil)
		}
		t.add(rec, row)
	}
	if t.Header == nil {
		return nil, ErrEmptyFile
	}
	return t, nil
}
