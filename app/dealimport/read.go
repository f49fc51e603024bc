// Package dealimport reads deals from a CRM export (CSV or XLSX), checks
// every row against the partners in the database and stores them all or
// none. It is self-contained so it can later share code with the partner
// importer.
package dealimport

import (
	"bytes"
	"encoding/csv"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"channeldesk/data"
)

// Table is a file's cells, the header first, with how the file was read.
type Table struct {
	Rows      [][]string
	Format    string // "csv" or "xlsx"
	Delimiter rune   // CSV only
	Encoding  string // CSV only: "utf-8" or "windows-1251"
}

// ReadTable reads a CSV or XLSX file's cells; the name's extension says which.
func ReadTable(name string, content []byte) (*Table, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xlsm":
		return readXLSX(content)
	case ".csv", ".txt", "":
		return readCSV(content)
	}
	return nil, data.Invalid("file", "err.deals_import_format", map[string]any{"Value": filepath.Ext(name)})
}

// readCSV detects the encoding (UTF-8 with or without BOM, else
// Windows-1251 as Russian Excel writes it) and the delimiter.
func readCSV(content []byte) (*Table, error) {
	t := &Table{Format: "csv", Encoding: "utf-8"}
	content = bytes.TrimPrefix(content, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(content) {
		dec, err := charmap.Windows1251.NewDecoder().Bytes(content)
		if err != nil {
			return nil, data.Invalid("file", "err.deals_import_encoding", nil)
		}
		content, t.Encoding = dec, "windows-1251"
	}
	t.Delimiter = detectDelimiter(content)
	r := csv.NewReader(bytes.NewReader(content))
	r.Comma, r.FieldsPerRecord, r.LazyQuotes = t.Delimiter, -1, true
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, data.Invalid("file", "err.deals_import_csv", map[string]any{"Value": err.Error()})
		}
		t.Rows = append(t.Rows, rec)
	}
	return t, nil
}

// detectDelimiter picks the separator that splits the header line most
// often, outside quotes.
func detectDelimiter(content []byte) rune {
	line := content
	if i := bytes.IndexByte(content, '\n'); i >= 0 {
		line = content[:i]
	}
	counts := map[rune]int{}
	quoted := false
	for _, c := range string(line) {
		switch {
		case c == '"':
			quoted = !quoted
		case !quoted && (c == ';' || c == ',' || c == '\t' || c == '|'):
			counts[c]++
		}
	}
	best := ','
	for _, c := range []rune{';', '\t', '|'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

// readXLSX reads the first sheet with raw cell values, so dates come as
// Excel serial numbers and amounts without formatting.
func readXLSX(content []byte) (*Table, error) {
	f, err := excelize.OpenReader(bytes.NewReader(content))
	if err != nil {
		return nil, data.Invalid("file", "err.deals_import_xlsx", nil)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return &Table{Format: "xlsx"}, nil
	}
	rows, err := f.GetRows(sheets[0], excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, data.Invalid("file", "err.deals_import_xlsx", nil)
	}
	return &Table{Rows: rows, Format: "xlsx"}, nil
}
