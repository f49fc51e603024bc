package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2/lang"

	"channeldesk/app/importer"
	"channeldesk/data"
)

// runImportLeads is `channeldesk import leads FILE [--event NAME
// --event-date DATE] [--dry-run] [--map SRC=FIELD,...] [--values
// COLUMN:VALUE=SOURCE,...] [--profile NAME] [--db PATH]`: end-customer
// leads (a badge-scanner export) into the pool, all or none; repeats of
// stored leads are left out. A saved import profile for the file's
// headers is used (the partner import's profiles), --map and --values on
// top of it.
func runImportLeads(args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("import leads", stderr)
	dry := fs.Bool("dry-run", false, "print the preview and write nothing")
	event := fs.String("event", "", "the event every lead of the file was met at")
	eventDate := fs.String("event-date", "", "the event's date (YYYY-MM-DD or as the locale writes it)")
	maps := fs.String("map", "", "column mapping overrides: SRC=FIELD,...")
	values := fs.String("values", "", "source values: COLUMN:VALUE=event|website|referral|campaign,...")
	profile := fs.String("profile", "", "use the saved import profile NAME")
	_, tab, err := readOneFile(fs, args, map[string]bool{"db": true, "event": true, "event-date": true, "map": true,
		"values": true, "profile": true}, "leads", stderr)
	if err != nil {
		return err
	}
	opt := importer.LeadOptions{Event: strings.TrimSpace(*event), Values: importer.ValueMap{}}
	if *eventDate != "" {
		iso, ok := importer.CellDate(*eventDate)
		if !ok || opt.Event == "" {
			fmt.Fprintln(stderr, "channeldesk import leads: --event-date wants a date (YYYY-MM-DD) and --event NAME")
			return errUsage
		}
		opt.EventDate = iso
	}
	path, err := existingDB(*db, "leads.err_no_db")
	if err != nil {
		return err
	}
	return withStore(path, func(ctx context.Context, s *data.Store) error {
		m, err := leadMapping(ctx, s, tab, *profile, *maps, *values, &opt, stderr)
		if err != nil {
			return err
		}
		st, err := s.Settings(ctx)
		if err != nil {
			return err
		}
		opt.Currency, opt.Author = st.Currency, st.ManagerName
		p, err := importer.PlanLeads(ctx, s, tab, m, opt)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, lang.L("imports.leads_counts", map[string]any{"Created": p.Created, "Existing": p.Existing,
			"Rejected": p.Rejected}))
		for _, line := range importer.LeadLines(p) {
			fmt.Fprintln(stdout, "  "+line)
		}
		return applyUnlessDry(stdout, *dry, func() error {
			n, err := importer.ApplyLeads(ctx, s, p)
			if err != nil {
				return err
			}
			fmt.Fprintln(stdout, lang.L("imports.leads_done", map[string]any{"Count": n}))
			return nil
		})
	})
}

// leadMapping is the columns of a leads file: detected, then a saved
// profile's (named, or the one for these headers), then --map and --values.
func leadMapping(ctx context.Context, s *data.Store, tab *importer.Table, profile, maps, values string,
	opt *importer.LeadOptions, stderr io.Writer) (importer.Mapping, error) {
	m := importer.DetectLeadMapping(tab.Header)
	var prof *data.ImportProfile
	var err error
	if profile != "" {
		prof, err = s.ImportProfileNamed(ctx, profile)
	} else {
		prof, err = importer.FindProfile(ctx, s, tab.Header)
	}
	if err != nil {
		return nil, err
	}
	if prof != nil {
		pm, popt, err := importer.UseProfile(prof, tab.Header)
		if err != nil {
			return nil, err
		}
		for i, f := range pm {
			if _, ok := importer.ParseLeadField(string(f)); ok && f != importer.Ignore {
				m[i] = f
			}
		}
		opt.Values.Merge(popt.Values)
	}
	for _, pair := range splitNonEmpty(maps) {
		src, field, ok := cutLast(pair, "=")
		f, known := importer.ParseLeadField(field)
		if !ok || !known || !m.Override(tab.Header, src, f) {
			fmt.Fprintf(stderr, "channeldesk import leads: --map %q: give SRC=FIELD with a column of the file and a field of a lead\n", pair)
			return nil, errUsage
		}
	}
	for _, pair := range splitNonEmpty(values) {
		colVal, target, ok1 := cutLast(pair, "=")
		col, val, ok2 := strings.Cut(colVal, ":")
		if !ok1 || !ok2 || !data.LeadSource(strings.TrimSpace(target)).Valid() {
			fmt.Fprintf(stderr, "channeldesk import leads: --values wants COLUMN:VALUE=event|website|referral|campaign, got %q\n", pair)
			return nil, errUsage
		}
		opt.Values.Set(strings.TrimSpace(col), strings.TrimSpace(val), strings.TrimSpace(target))
	}
	return m, nil
}

func splitNonEmpty(spec string) []string {
	var out []string
	for _, p := range strings.Split(spec, ",") {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}
