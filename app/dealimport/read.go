// Package dealimport reads deals from a CRM export (CSV or XLSX), checks
// every row against the partners in the database and stores them all or
// none. Files are read by the partner importer's reader, so both imports
// detect encodings and delimiters the same way.
package dealimport

import (
	"bytes"
	"path/filepath"
	"strings"

	"channeldesk/app/importer"
	"channeldesk/data"
)

// Table is a file's header and rows, each row with the number a
// spreadsheet shows; see importer.Table.
type Table = importer.Table

// ReadTable reads a CSV, XLSX or HTML-table file's cells (see importer.Read).
func ReadTable(name string, content []byte) (*Table, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xlsm", ".csv", ".txt", ".tsv", "", ".xls", ".htm", ".html":
		return importer.Read(name, bytes.NewReader(content))
	}
	return nil, data.Invalid("file", "err.deals_import_format", map[string]any{"Value": filepath.Ext(name)})
}

// Describe says how a file was read, for the preview: "XLSX" or
// "CSV, windows-1251, «;»".
func Describe(t *Table) string {
	if t.Encoding == "xlsx" {
		return "XLSX"
	}
	return "CSV, " + t.Encoding + ", «" + string(t.Delimiter) + "»"
}
