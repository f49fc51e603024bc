package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"fyne.io/fyne/v2/lang"

	"channeldesk/app/dealimport"
	"channeldesk/app/errtext"
	"channeldesk/data"
)

// runImportDeals is `channeldesk import deals FILE [--dry-run] [--db PATH]`:
// it checks every row, prints the problems, and stores all deals or none.
func runImportDeals(args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("import deals", stderr)
	dryRun := fs.Bool("dry-run", false, "check the file and report, store nothing")
	file, rest := "", args
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		file, rest = args[0], args[1:]
	}
	if err := parse(fs, rest); err != nil {
		return err
	}
	if file == "" {
		fmt.Fprintln(stderr, "channeldesk import deals: FILE is required")
		return errUsage
	}
	content, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	path, err := dbPath(*db)
	if err != nil {
		return err
	}
	s, err := data.Open(path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer s.Close()
	ctx := context.Background()
	pv, err := dealimport.Check(ctx, s, file, content)
	if err != nil {
		return err
	}
	printDealPreview(stdout, pv)
	if pv.Errors > 0 {
		return data.Invalid("file", "err.deals_import_rows", map[string]any{"Count": pv.Errors})
	}
	if *dryRun {
		fmt.Fprintln(stdout, lang.L("deals.import_dry_run", map[string]any{"Count": len(pv.Rows)}))
		return nil
	}
	n, err := dealimport.Import(ctx, s, pv)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, lang.L("deals.import_done", map[string]any{"Count": n}))
	return nil
}

func printDealPreview(w io.Writer, pv *dealimport.Preview) {
	fmt.Fprintln(w, lang.L("deals.import_summary", map[string]any{"Format": dealimport.Describe(pv.Table), "Rows": len(pv.Rows), "Errors": pv.Errors}))
	for _, r := range pv.Rows {
		if r.Err != nil {
			fmt.Fprintln(w, lang.L("deals.import_row_error", map[string]any{"Line": r.Line, "Error": errtext.Text(r.Err)}))
		}
	}
	for _, r := range pv.Rows {
		if r.Currency != "" {
			fmt.Fprintln(w, lang.L("imports.deal_foreign", map[string]any{"Line": r.Line, "Currency": r.Currency}))
		}
	}
	for _, col := range pv.AmbiguousDates {
		fmt.Fprintln(w, lang.L("imports.deal_dates_ambiguous", map[string]any{"Column": col}))
	}
	for _, name := range pv.Unknown {
		fmt.Fprintln(w, lang.L("deals.import_unknown", map[string]any{"Partner": name}))
	}
}
