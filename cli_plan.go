package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"channeldesk/app/format"
	"channeldesk/app/plan"
	"channeldesk/data"
)

// runExportPlan is `channeldesk export plan`: one partner's plan PDF into
// a file, or with --all one PDF per active partner into a folder.
func runExportPlan(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "plan" {
		return errUsage
	}
	fs, db := newFlags("export plan", stderr)
	partner := fs.String("partner", "", "partner ID or exact name")
	all := fs.Bool("all", false, "every active partner, one file each into --out DIR")
	out := fs.String("out", "", "FILE.pdf, or a folder with --all")
	docLang := fs.String("lang", "", "document language ru|en (default: each partner's own)")
	year := fs.Int("year", 0, "fiscal year (default: the current one)")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if *out == "" || (*partner == "") == !*all || (*docLang != "" && *docLang != "ru" && *docLang != "en") {
		fmt.Fprintln(stderr, "channeldesk export plan: give --out and exactly one of --partner or --all; --lang is ru or en")
		return errUsage
	}
	path, err := dbPath(*db)
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	s, err := data.Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	opt := plan.Options{Lang: format.Lang(*docLang), Year: *year, Today: s.Now()}
	start := time.Now()
	if *all {
		paths, err := plan.ExportAll(ctx, s, *out, opt, nil)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "plans: %d files in %s (%.1fs)\n", len(paths), *out, time.Since(start).Seconds())
		return nil
	}
	id, err := findPartner(ctx, s, *partner)
	if err != nil {
		return err
	}
	if !strings.EqualFold(filepath.Ext(*out), ".pdf") {
		*out += ".pdf"
	}
	if err := plan.ExportFile(ctx, s, id, *out, opt); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "plan: %s\n", *out)
	return nil
}

// findPartner resolves --partner: an ID, or a name matched exactly
// (ignoring case); an ambiguous name is refused.
func findPartner(ctx context.Context, s *data.Store, ref string) (int64, error) {
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		if _, err := s.Partner(ctx, id); err == nil {
			return id, nil
		}
	}
	rows, err := s.PartnerRows(ctx)
	if err != nil {
		return 0, err
	}
	var found []int64
	for _, r := range rows {
		if strings.EqualFold(strings.TrimSpace(r.Name), strings.TrimSpace(ref)) {
			found = append(found, r.ID)
		}
	}
	switch len(found) {
	case 0:
		return 0, data.NotFound("partner")
	case 1:
		return found[0], nil
	}
	return 0, data.Conflict("err.plans_ambiguous_partner", map[string]any{"Name": ref, "Count": len(found)})
}
