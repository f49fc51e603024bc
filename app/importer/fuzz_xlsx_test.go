package importer_test

import (
	"bytes"
	"os"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"channeldesk/app/importer"
)

// xlsxSeed builds a small workbook with the given rows on its first sheet.
func xlsxSeed(f *testing.F, rows [][]any) []byte {
	f.Helper()
	x := excelize.NewFile()
	defer x.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow("Sheet1", cell, &r); err != nil {
			f.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		f.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzReadXLSX feeds the partner import's workbook reader arbitrary bytes
// (seeded with real workbooks): it must return a table or an error, never
// panic or hang, and a table's rows and row numbers must agree.
func FuzzReadXLSX(f *testing.F) {
	if b, err := os.ReadFile("testdata/partners.xlsx"); err == nil {
		f.Add(b)
	}
	f.Add(xlsxSeed(f, [][]any{{"Company", "Type", "Email"}, {"Орбита", "reseller", "a@b.ru"}, {}, {"=1+1", 42, 3.5}}))
	f.Add(xlsxSeed(f, [][]any{{"Название"}}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		var tab *importer.Table
		var err error
		done := make(chan struct{})
		go func() {
			defer close(done)
			tab, err = importer.ReadXLSX(bytes.NewReader(raw))
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("ReadXLSX still busy after 10 s on a %d-byte file", len(raw))
		}
		if err != nil {
			return
		}
		if tab.Header == nil || len(tab.Rows) != len(tab.RowNums) {
			t.Fatalf("header %v, %d rows, %d numbers", tab.Header, len(tab.Rows), len(tab.RowNums))
		}
		last := 0
		for _, n := range tab.RowNums {
			if n <= last {
				t.Fatalf("row numbers not increasing: %v", tab.RowNums)
			}
			last = n
		}
	})
}
