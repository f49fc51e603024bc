package report

import (
	"archive/zip"
	"channeldesk/internal/testutil"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"channeldesk/app/demo"
	"channeldesk/app/format"
	"channeldesk/data"
)

var today = time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)

func openStore(tb testing.TB, partners, deals int) *data.Store {
	tb.Helper()
	s := testutil.OpenStore(tb)
	if err := demo.FillVolume(context.Background(), s, demo.Volume{Partners: partners, Deals: deals, Today: today}); err != nil {
		tb.Fatal(err)
	}
	return s
}

func writeReport(t *testing.T, s *data.Store, opt Options) (*excelize.File, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.xlsx")
	opt.Today = today
	if err := Write(context.Background(), s, path, opt); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, path
}

func TestWorkbookSheetsTablesAndHeaders(t *testing.T) {
	s := openStore(t, 40, 300)
	f, _ := writeReport(t, s, Options{Lang: format.EN})
	want := []string{"Summary", "Partners", "Recruitment", "Onboarding", "Deals", "Tier progress", "Plans", "Plan objectives", "MDF", "MDF balances", "MDF funds", "MDF ROI", "Leads", "Leads by event", "Leads by partner"}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	tables := map[string]string{"Partners": "Partners", "Deals": "Deals", "Tier progress": "TierProgress", "Onboarding": "Onboarding",
		"Recruitment": "Recruitment", "Plans": "Plans", "Plan objectives": "PlanObjectives"}
	for sheet, name := range tables {
		ts, err := f.GetTables(sheet)
		if err != nil || len(ts) != 1 || ts[0].Name != name {
			t.Errorf("%s: tables %+v (%v), want one named %s", sheet, ts, err, name)
		}
		panes, _ := f.GetPanes(sheet)
		if !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: header row not frozen: %+v", sheet, panes)
		}
	}
	rows, _ := f.GetRows("Deals")
	header := "ID|Partner|End customer|Product|State|Amount|Registered|Expected close|Protected until|Closed|Fiscal quarter|Reason|Vendor lead"
	if strings.Join(rows[0], "|") != header {
		t.Errorf("Deals header %q", rows[0])
	}
	if len(rows) != 1+300+1 {
		t.Errorf("Deals has %d rows, want header + 300 + total", len(rows))
	}
	ts, _ := f.GetTables("Deals")
	if ts[0].Range != "A1:M301" {
		t.Errorf("Deals table range %s", ts[0].Range)
	}
	summary, _ := f.GetTables("Summary")
	if len(summary) != 3 {
		t.Errorf("Summary has %d tables, want status, quarters, tiers", len(summary))
	}
}

func TestTotalsAreFormulasEqualToTheSum(t *testing.T) {
	s := openStore(t, 30, 250)
	f, _ := writeReport(t, s, Options{Lang: format.EN})
	var want int64
	s.DB().QueryRow(`SELECT sum(amount) FROM deals`).Scan(&want)
	formula, _ := f.GetCellFormula("Deals", "F252")
	if formula != "SUBTOTAL(109,F2:F251)" {
		t.Fatalf("total formula %q", formula)
	}
	got, err := f.CalcCellValue("Deals", "F252", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := strconv.ParseFloat(got, 64)
	if int64(v*100+0.5) != want {
		t.Errorf("total %s, want %d minor units", got, want)
	}
	if label, _ := f.GetCellValue("Deals", "A252"); label != "Total" {
		t.Errorf("total label %q", label)
	}
	// Summary: partners by status sums to all partners.
	n, _ := f.CalcCellValue("Summary", "B23")
	if n != "30" {
		t.Errorf("status total %q, want 30", n)
	}
}

func TestFormulaLikeTextStaysText(t *testing.T) {
	s := openStore(t, 5, 5)
	f, _ := writeReport(t, s, Options{Lang: format.EN})
	cases := []struct{ sheet, col, want string }{
		{"Partners", "B", "=1+2"},
		{"Deals", "C", "+7 (495) 123-45-67"},
	}
	for _, c := range cases {
		rows, _ := f.GetRows(c.sheet)
		found := false
		for i, r := range rows {
			cell := c.col + strconv.Itoa(i+1)
			v, _ := f.GetCellValue(c.sheet, cell)
			if v != c.want {
				continue
			}
			found = true
			if fm, _ := f.GetCellFormula(c.sheet, cell); fm != "" {
				t.Errorf("%s!%s became formula %q", c.sheet, cell, fm)
			}
			if typ, _ := f.GetCellType(c.sheet, cell); typ != excelize.CellTypeInlineString {
				t.Errorf("%s!%s type %v, want text", c.sheet, cell, typ)
			}
			_ = r
		}
		if !found {
			t.Errorf("%s: no cell %q", c.sheet, c.want)
		}
	}
}

func TestDatesAreDates(t *testing.T) {
	s := openStore(t, 5, 20)
	f, _ := writeReport(t, s, Options{Lang: format.RU})
	var reg string
	s.DB().QueryRow(`SELECT registered_on FROM deals ORDER BY registered_on, id LIMIT 1`).Scan(&reg)
	raw, _ := f.GetCellValue("Сделки", "G2", excelize.Options{RawCellValue: true})
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		t.Fatalf("date cell holds %q, not a number", raw)
	}
	got, _ := excelize.ExcelDateToTime(serial, false)
	if got.Format(format.DateLayout) != reg {
		t.Errorf("date %s, want %s", got.Format(format.DateLayout), reg)
	}
	shown, _ := f.GetCellValue("Сделки", "G2")
	if want, _ := time.Parse(format.DateLayout, reg); shown != want.Format("02.01.2006") {
		t.Errorf("date shown as %q", shown)
	}
}

func TestRussianLabels(t *testing.T) {
	s := openStore(t, 10, 10)
	f, _ := writeReport(t, s, Options{Lang: format.RU})
	if f.GetSheetList()[0] != "Сводка" {
		t.Errorf("sheets %q", f.GetSheetList())
	}
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for _, r := range rows[:min(len(rows), 25)] {
			for _, v := range r {
				if strings.HasPrefix(v, "report.") || strings.HasPrefix(v, "status.") || strings.HasPrefix(v, "type.") {
					t.Errorf("%s: untranslated %q", sheet, v)
				}
			}
		}
	}
	if v, _ := f.GetCellValue("Партнёры", "B1"); v != "Партнёр" {
		t.Errorf("Partners header B1 %q", v)
	}
}

func TestFileModeChartsAndConditionalFormats(t *testing.T) {
	s := openStore(t, 20, 100)
	f, path := writeReport(t, s, Options{})
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v (%v), want 0644", st.Mode().Perm(), err)
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*tmp"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	charts := 0
	for _, zf := range z.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			charts++
		}
	}
	if charts != 3 {
		t.Errorf("%d charts, want 3", charts)
	}
	for _, sheet := range []string{"Partners", "Deals", "Onboarding", "Tier progress"} {
		if cf, _ := f.GetConditionalFormats(sheet); len(cf) == 0 {
			t.Errorf("%s: no conditional format", sheet)
		}
	}
}

func TestCancelLeavesNoFile(t *testing.T) {
	s := openStore(t, 5, 5)
	path := filepath.Join(t.TempDir(), "r.xlsx")
	ctx, cancel := context.WithCancel(context.Background())
	var seen []float64
	err := Write(ctx, s, path, Options{Today: today, Progress: func(p float64) {
		seen = append(seen, p)
		cancel()
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want cancelled", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 0 {
		t.Errorf("files left after cancel: %v", entries)
	}
	if len(seen) == 0 {
		t.Error("no progress reported")
	}
}

func TestProgressReachesOne(t *testing.T) {
	s := openStore(t, 5, 5)
	var last float64
	prev := -1.0
	err := Write(context.Background(), s, filepath.Join(t.TempDir(), "r.xlsx"), Options{Today: today, Progress: func(p float64) {
		if p < prev {
			t.Errorf("progress went back from %v to %v", prev, p)
		}
		prev, last = p, p
	}})
	if err != nil || last != 1 {
		t.Errorf("err %v, last progress %v", err, last)
	}
}

func TestPeriodLimitsDeals(t *testing.T) {
	s := openStore(t, 5, 200)
	p, err := ParsePeriod("2026-Q3", 1)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := writeReport(t, s, Options{Period: p})
	var want int
	s.DB().QueryRow(`SELECT count(*) FROM deals WHERE registered_on BETWEEN '2026-07-01' AND '2026-09-30'
		OR closed_on BETWEEN '2026-07-01' AND '2026-09-30'`).Scan(&want)
	rows, _ := f.GetRows("Deals")
	if want == 0 || len(rows) != want+2 {
		t.Errorf("%d rows, want %d deals + header + total", len(rows), want)
	}
	var won int64
	s.DB().QueryRow(`SELECT sum(amount) FROM deals WHERE state = 'won' AND closed_on BETWEEN '2026-07-01' AND '2026-09-30'`).Scan(&won)
	label, _ := f.GetCellValue("Summary", "A13")
	raw, _ := f.GetCellValue("Summary", "B13", excelize.Options{RawCellValue: true})
	if v, _ := strconv.ParseFloat(raw, 64); label != "Won revenue in the period" || int64(v*100+0.5) != won {
		t.Errorf("Summary A13/B13 = %q %q, want the period's won revenue %d", label, raw, won)
	}
}

// Each sheet is written by its own function: a workbook of one sheet
// works, so areas can add theirs (MDF ledger, plans) to Sheets.
func TestSheetsAreIndependent(t *testing.T) {
	s := openStore(t, 10, 30)
	for _, sh := range Sheets {
		t.Run(sh.Name, func(t *testing.T) {
			f, _ := writeReport(t, s, Options{Sheets: []Sheet{sh}})
			if len(f.GetSheetList()) != 1 {
				t.Errorf("sheets %q", f.GetSheetList())
			}
		})
	}
}

func TestParsePeriod(t *testing.T) {
	tests := map[string]struct {
		in       string
		from     int
		want     Period
		wantFail bool
	}{
		"all":               {"", 1, Period{}, false},
		"calendar year":     {"2026", 1, Period{"2026-01-01", "2026-12-31"}, false},
		"fiscal year april": {"2026", 4, Period{"2026-04-01", "2027-03-31"}, false},
		"fiscal quarter":    {"2026-Q4", 4, Period{"2027-01-01", "2027-03-31"}, false},
		"range":             {"2026-01-01..2026-06-30", 1, Period{"2026-01-01", "2026-06-30"}, false},
		"reversed range":    {"2026-06-30..2026-01-01", 1, Period{}, true},
		"quarter five":      {"2026-Q5", 1, Period{}, true},
		"words":             {"last year", 1, Period{}, true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := ParsePeriod(tc.in, tc.from)
			if (err != nil) != tc.wantFail || got != tc.want {
				t.Errorf("ParsePeriod(%q) = %+v, %v", tc.in, got, err)
			}
		})
	}
}

func TestEmptyDatabaseStillMakesValidTables(t *testing.T) {
	s := openStore(t, 0, 0)
	f, _ := writeReport(t, s, Options{})
	for _, sheet := range []string{"Partners", "Deals", "Onboarding"} {
		if ts, _ := f.GetTables(sheet); len(ts) != 1 {
			t.Errorf("%s: %d tables", sheet, len(ts))
		}
	}
}
