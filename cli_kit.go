package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"channeldesk/app/errtext"
	"channeldesk/app/format"
	"channeldesk/app/kit"
	"channeldesk/data"
)

// openForKit opens the database at --db (or the default one) to write;
// it refuses to create a new empty one.
func openForKit(db string) (*data.Store, error) {
	path, err := dbPath(db)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return data.Open(path)
}

// runExportKit is `channeldesk export kit`: one partner's kit into a
// file, or one kit per partner of a selection into a folder.
func runExportKit(args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("export kit", stderr)
	partner := fs.String("partner", "", "partner ID or exact name")
	all := fs.Bool("all", false, "every active partner")
	tier := fs.String("tier", "", "the active partners of an assigned tier (its name)")
	ptype := fs.String("type", "", "the active partners of a type: "+partnerTypeList())
	due := fs.Bool("due", false, "the active partners whose figures for the last closed quarter are due")
	out := fs.String("out", "", "FILE.xlsx for one partner, or a folder")
	docLang := fs.String("lang", "", "document language ru|en (default: each partner's own)")
	mail := fs.Bool("mail", false, "also write an e-mail draft (.eml) per partner with its kit attached")
	withPlan := fs.Bool("with-plan", false, "with --mail: attach the partner's plan PDF too")
	if err := parse(fs, args); err != nil {
		return err
	}
	chosen := 0
	for _, set := range []bool{*partner != "", *all, *tier != "", *ptype != "", *due} {
		if set {
			chosen++
		}
	}
	if *out == "" || chosen != 1 || (*docLang != "" && *docLang != "ru" && *docLang != "en") ||
		(*ptype != "" && !data.PartnerType(*ptype).Valid()) {
		fmt.Fprintln(stderr, "channeldesk export kit: give --out and exactly one of --partner, --all, --tier, --type or --due; --lang is ru or en")
		return errUsage
	}
	s, err := openForKit(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	sel := kit.Selection{All: *all, Tier: *tier, Type: data.PartnerType(*ptype), Due: *due}
	if *partner != "" {
		id, err := findPartner(ctx, s, *partner)
		if err != nil {
			return err
		}
		sel.PartnerIDs = []int64{id}
	}
	opt := kit.Options{Lang: format.Lang(*docLang), Mail: *mail, PlanPDF: *withPlan}
	if *partner != "" && strings.EqualFold(filepath.Ext(*out), ".xlsx") && !*mail {
		if _, err := kit.ExportFile(ctx, s, sel.PartnerIDs[0], *out, opt); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "kit: %s\n", *out)
		return nil
	}
	partners, err := kit.Partners(ctx, s, sel)
	if err != nil {
		return err
	}
	if *due && len(partners) == 0 {
		q, err := kit.DueQuarter(ctx, s)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "kits: no partner's figures for %s are due (deadline %s); nothing written\n", q.Label(), kit.DueBy(q))
		return nil
	}
	start := time.Now()
	paths, err := kit.ExportAll(ctx, s, partners, *out, opt, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "kits: %d files in %s (%.1fs)\n", len(paths), *out, time.Since(start).Seconds())
	return nil
}

func partnerTypeList() string {
	var ts []string
	for _, t := range data.PartnerTypes {
		ts = append(ts, string(t))
	}
	return strings.Join(ts, ", ")
}

// runImportKit is `channeldesk import kit FILE [--dry-run]`: the preview
// of a returned kit, row by row; without --dry-run every valid row is
// stored in one transaction and the refused ones are kept with their
// reason for the partner's next kit.
func runImportKit(args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("import kit", stderr)
	dry := fs.Bool("dry-run", false, "print the preview and store nothing")
	flags, files := splitArgs(args, map[string]bool{"db": true})
	if err := parse(fs, flags); err != nil {
		return err
	}
	if len(files) != 1 {
		fmt.Fprintln(stderr, "channeldesk import kit: give exactly one FILE")
		return errUsage
	}
	in, err := os.Open(files[0])
	if err != nil {
		return err
	}
	defer in.Close()
	s, err := openForKit(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	st, err := s.Settings(context.Background())
	if err != nil {
		return err
	}
	pv, err := kit.Import(context.Background(), s, in, kit.ImportOptions{Commit: !*dry, Author: st.ManagerName,
		Say: errtext.Text, EventText: kitEventText})
	if err != nil {
		return fmt.Errorf("%s: %w", files[0], err)
	}
	printKitPreview(stdout, pv, *dry)
	return nil
}

// kitEventText is the timeline line of an accepted kit row.
func kitEventText(kitDate, summary string) string {
	return lang.L("kit.event", map[string]any{"Date": kitDate, "Summary": summary})
}

// printKitPreview prints one line per row: where, what, what happened.
func printKitPreview(w io.Writer, pv *kit.Preview, dry bool) {
	fmt.Fprintf(w, "kit of %s, %s (%s)\n", pv.PartnerName, pv.Marker.KitDate, pv.Marker.KitID)
	accepted, refused := 0, 0
	for _, it := range pv.Items {
		what := "accepted"
		switch {
		case it.Done:
			what = "already imported"
		case it.Err != nil:
			what, refused = "refused: "+errtext.Text(it.Err), refused+1
		case dry:
			what, accepted = "would be accepted", accepted+1
		default:
			accepted++
		}
		if it.Warning != nil && it.Err == nil && !it.Done {
			what += " (" + errtext.Text(it.Warning) + ")"
		}
		fmt.Fprintf(w, "  %s row %d, %s: %s — %s\n", it.Sheet, it.Line, it.Kind, it.Summary, what)
	}
	verb := "stored"
	if dry {
		verb = "nothing stored (dry run)"
	}
	fmt.Fprintf(w, "%d accepted, %d refused; %s\n", accepted, refused, verb)
}

// runExportApplication is `channeldesk export application --out FILE.xlsx`:
// a blank partner application; a returned one imports with `import kit`.
func runExportApplication(args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("export application", stderr)
	out := fs.String("out", "", "the workbook to write (.xlsx)")
	docLang := fs.String("lang", "en", "language of the form: en or ru")
	if err := parse(fs, args); err != nil {
		return err
	}
	if !strings.EqualFold(filepath.Ext(*out), ".xlsx") || (*docLang != "ru" && *docLang != "en") {
		fmt.Fprintln(stderr, "channeldesk export application: --out FILE.xlsx is required; --lang is en or ru")
		return errUsage
	}
	s, err := openForKit(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := kit.ExportApplication(context.Background(), s, *out, format.Lang(*docLang)); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "application form: %s\n", *out)
	return nil
}
