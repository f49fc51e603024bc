package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"channeldesk/app/format"
	"channeldesk/app/metrics"
	"channeldesk/app/report"
	"channeldesk/assets"
	"channeldesk/data"
)

// runExport dispatches "export WHAT": the report here; other documents
// (the partner plan) add their case.
func runExport(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return errUsage
	}
	switch args[0] {
	case "report":
		return runExportReport(args[1:], stdout, stderr)
	case "plan":
		return runExportPlan(args, stdout, stderr)
	case "kit":
		return runExportKit(args[1:], stdout, stderr)
	case "application":
		return runExportApplication(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "channeldesk export: unknown document %q\n", args[0])
	return errUsage
}

// runExportReport writes the Excel workbook: export report --out FILE.xlsx
// [--period P] [--lang en|ru] [--db PATH].
func runExportReport(args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("export report", stderr)
	out := fs.String("out", "", "the workbook to write (.xlsx)")
	period := fs.String("period", "", "2026, 2026-Q3 or 2026-01-01..2026-06-30 (fiscal years follow the settings)")
	lng := fs.String("lang", "", "header language: en or ru (default: the settings' interface language)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" || !strings.EqualFold(filepath.Ext(*out), ".xlsx") || (*lng != "" && *lng != "en" && *lng != "ru") {
		fmt.Fprintln(stderr, "channeldesk export report: --out FILE.xlsx is required; --lang is en or ru")
		return errUsage
	}
	path, err := dbPath(*db)
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); err != nil {
		return &data.Error{Code: data.ENOTFOUND, Key: "err.report_no_db", Args: map[string]any{"Path": path}}
	}
	s, err := data.Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	st, err := s.Settings(ctx)
	if err != nil {
		return err
	}
	p, err := report.ParsePeriod(*period, metrics.FiscalFromSetting(st))
	if err != nil {
		return err
	}
	language := *lng
	if language == "" {
		language = assets.Language(st.UILang)
	}
	start := time.Now()
	if err := report.Write(ctx, s, *out, report.Options{Lang: format.Lang(language), Period: p}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "report: %s (%.1fs)\n", *out, time.Since(start).Seconds())
	return nil
}
