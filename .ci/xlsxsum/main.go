// Command xlsxsum prints a workbook's sheets, each with its number of rows
// and columns, one line per sheet, so that two workbooks can be compared
// with diff (make test-windows: the Windows build's against Linux's).
package main

import (
	"fmt"
	"os"

	"github.com/xuri/excelize/v2"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: xlsxsum FILE.xlsx")
		os.Exit(2)
	}
	if err := summary(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "xlsxsum:", err)
		os.Exit(1)
	}
}

func summary(path string) error {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return err
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			return fmt.Errorf("%s: %w", sheet, err)
		}
		cells := 0
		for _, r := range rows {
			for _, c := range r {
				if c != "" {
					cells++
				}
			}
		}
		fmt.Printf("%s\trows=%d\tcells=%d\n", sheet, len(rows), cells)
	}
	return nil
}
