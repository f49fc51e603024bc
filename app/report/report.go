// Package report writes the program workbook: a summary with charts and
// one Excel table per area, for a finance colleague to filter, sum and chart.
package report

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"channeldesk/app/files"
	"channeldesk/app/format"
	"channeldesk/app/plan"
	"channeldesk/assets"
	"channeldesk/data"
)

// Options say what to write and how.
type Options struct {
	Lang   format.Lang // header labels and formats; "" = English
	Today  time.Time   // the report date; zero = now
	Period Period      // limits the Deals sheet and the period figures; zero = everything
	// Progress, when set, is told the fraction done (0–1) as sheets and
	// rows are written; it is called from the writing goroutine.
	Progress func(done float64)
	// Sheets to write, in order; nil = Sheets.
	Sheets []Sheet
}

// Sheet is one worksheet of the workbook. An area that joins later (the
// MDF ledger and balances) adds its own to Sheets: a function in this
// package that loads its rows through the area's app functions and calls
// b.writeTable with a table (named, typed columns; Total: true for a
// SUBTOTAL; Conds for highlighting), as writePlans does.
type Sheet struct {
	Name  string // translation key of the tab name
	Write func(ctx context.Context, b *Book, name string) error
}

// Sheets are the worksheets of the full report, in order.
var Sheets = []Sheet{
	{"report.sheet.summary", writeSummary},
	{"report.sheet.partners", writePartners},
	{"report.sheet.recruitment", writeRecruitment},
	{"report.sheet.onboarding", writeOnboarding},
	{"report.sheet.deals", writeDeals},
	{"report.sheet.tiers", writeTiers},
	{"report.sheet.plans", writePlans},
	{"report.sheet.plan_objectives", writePlanObjectives},
	{"report.sheet.mdf", writeMDFLedger},
	{"report.sheet.mdf_balances", writeMDFBalances},
	{"report.sheet.mdf_funds", writeMDFFunds},
	{"report.sheet.mdf_roi", writeMDFROI},
}

// Book is the workbook being written, with what every sheet writer shares.
type Book struct {
	F        *excelize.File
	Store    *data.Store
	Settings data.Settings
	Opt      Options
	Today    time.Time
	labels   map[string]string
	styles   styles
	sheet    int // index of the sheet being written, for progress
	nSheets  int
	plans    []plan.OverviewRow // the year's plans, read once for both plan sheets
	plansOK  bool
}

// L is a label in the report's language; unknown keys come back as is.
func (b *Book) L(key string) string {
	if v, ok := b.labels[key]; ok {
		return v
	}
	return key
}

// Write builds the report from the store and saves it at path: first in a
// temporary file beside it, renamed into place only when complete, with
// ordinary permissions (0644). A cancelled ctx leaves no file behind.
func Write(ctx context.Context, s *data.Store, path string, opt Options) error {
	b, err := newBook(ctx, s, opt)
	if err != nil {
		return err
	}
	defer b.F.Close()
	if err := b.writeSheets(ctx); err != nil {
		if ctx.Err() != nil {
			// A query cut short by the cancellation fails with
			// the SQL driver's "rows are closed"; the cause is the cancel.
			return ctx.Err()
		}
		return err
	}
	return files.WriteFileAtomic(path, files.ExportMode, func(w io.Writer) error { return b.F.Write(w) })
}

func newBook(ctx context.Context, s *data.Store, opt Options) (*Book, error) {
	if opt.Lang == "" {
		opt.Lang = format.EN
	}
	if opt.Today.IsZero() {
		opt.Today = s.Now()
	}
	if opt.Sheets == nil {
		opt.Sheets = Sheets
	}
	st, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	labels, err := assets.Translations(string(opt.Lang))
	if err != nil {
		return nil, err
	}
	today := time.Date(opt.Today.Year(), opt.Today.Month(), opt.Today.Day(), 0, 0, 0, 0, time.UTC)
	b := &Book{F: excelize.NewFile(), Store: s, Settings: st, Opt: opt, Today: today, labels: labels, nSheets: len(opt.Sheets)}
	b.F.SetAppProps(&excelize.AppProperties{Application: "ChannelDesk"})
	if err := b.makeStyles(); err != nil {
		b.F.Close()
		return nil, err
	}
	return b, nil
}

func (b *Book) writeSheets(ctx context.Context) error {
	used := map[string]bool{}
	for i, sh := range b.Opt.Sheets {
		if err := ctx.Err(); err != nil {
			return err
		}
		b.sheet = i
		name := sheetName(b.L(sh.Name), used)
		var err error
		if i == 0 {
			err = b.F.SetSheetName("Sheet1", name)
		} else {
			_, err = b.F.NewSheet(name)
		}
		if err != nil {
			return err
		}
		if err := sh.Write(ctx, b, name); err != nil {
			return fmt.Errorf("sheet %s: %w", name, err)
		}
		b.progress(1)
	}
	// The summary, the first sheet, is active already; SetActiveSheet would
	// parse every streamed sheet back into memory.
	return nil
}

// progress reports the fraction done of the current sheet.
func (b *Book) progress(ofSheet float64) {
	if b.Opt.Progress != nil {
		b.Opt.Progress((float64(b.sheet) + min(ofSheet, 1)) / float64(b.nSheets))
	}
}

// sheetName makes a valid, unique worksheet name: at most 31 characters,
// none of : \ / ? * [ ].
func sheetName(s string, used map[string]bool) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '_'
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	base := s
	for i := 2; used[strings.ToLower(s)]; i++ {
		s = fmt.Sprintf("%s %d", string([]rune(base)[:min(len([]rune(base)), 28)]), i)
	}
	used[strings.ToLower(s)] = true
	return s
}
