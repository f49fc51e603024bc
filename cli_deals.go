package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

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
	stageFlag := fs.String("stages", "", "what CRM stages become: STAGE=STATE,... (submitted, approved, won, lost, expired, rejected)")
	saveAs := fs.String("save-profile", "", "keep the stage mapping as import profile NAME")
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
	stages, err := parseStagesFlag(*stageFlag, stderr)
	if err != nil {
		return err
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
	pv, err := dealimport.CheckWith(ctx, s, file, content, dealimport.Options{Stages: stages})
	if err != nil {
		return err
	}
	printDealPreview(stdout, pv)
	if *saveAs != "" {
		if err := dealimport.SaveProfile(ctx, s, *saveAs, pv.Table.Header, pv.Options); err != nil {
			return err
		}
		fmt.Fprintln(stdout, lang.L("imports.profile_saved", map[string]any{"Name": *saveAs}))
	}
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
	for _, st := range pv.Stages {
		if !st.Known && !st.Mapped {
			fmt.Fprintln(w, lang.L("imports.deal_stage_unknown", map[string]any{"Stage": st.Value, "Rows": st.Rows}))
		}
	}
	for _, name := range pv.Unknown {
		fmt.Fprintln(w, lang.L("deals.import_unknown", map[string]any{"Partner": name}))
	}
}

// parseStagesFlag reads --stages 'STAGE=STATE,...'; nil (the saved
// profile's mapping) when not given. A profile's choices are replaced,
// not merged, by the flag.
func parseStagesFlag(spec string, stderr io.Writer) (map[string]data.DealState, error) {
	if strings.TrimSpace(spec) == "" {
		return nil, nil
	}
	out := map[string]data.DealState{}
	for _, pair := range strings.Split(spec, ",") {
		stage, state, ok := cutLast(pair, "=")
		st := data.DealState(strings.ToLower(strings.TrimSpace(state)))
		if !ok || strings.TrimSpace(stage) == "" || !st.Valid() {
			fmt.Fprintf(stderr, "channeldesk import deals: --stages wants STAGE=STATE with STATE one of submitted, approved, won, lost, expired, rejected; got %q\n", pair)
			return nil, errUsage
		}
		out[dealimport.StageKey(stage)] = st
	}
	return out, nil
}
