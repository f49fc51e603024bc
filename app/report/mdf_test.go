package report

import (
	"archive/zip"
	"context"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"channeldesk/app/demo"
	"channeldesk/app/format"
	"channeldesk/app/mdf"
	"channeldesk/data"
)

// openMDFStore is a volume store with MDF funds, requests and ledger.
func openMDFStore(tb testing.TB, partners, deals, requests int) *data.Store {
	tb.Helper()
	s := openStore(tb, partners, deals)
	if err := demo.FillMDFVolume(context.Background(), s, demo.Volume{Partners: partners, Deals: deals, Today: today}, requests); err != nil {
		tb.Fatal(err)
	}
	return s
}

// calcMinor is a formula cell's value in minor units.
func calcMinor(t *testing.T, f *excelize.File, sheet, cell string) int64 {
	t.Helper()
	got, err := f.CalcCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := strconv.ParseFloat(got, 64)
	if v < 0 {
		return int64(v*100 - 0.5)
	}
	return int64(v*100 + 0.5)
}

func TestMDFLedgerSheetHasEveryEntry(t *testing.T) {
	s := openMDFStore(t, 20, 100, 200)
	var n int
	var sum int64
	s.DB().QueryRow(`SELECT count(*), sum(amount) FROM mdf_ledger`).Scan(&n, &sum)
	f, _ := writeReport(t, s, Options{Lang: format.EN})
	ts, err := f.GetTables("MDF")
	if err != nil || len(ts) != 1 || ts[0].Name != "MDFLedger" {
		t.Fatalf("MDF tables %+v (%v)", ts, err)
	}
	rows, _ := f.GetRows("MDF")
	if len(rows) != 1+n+1 {
		t.Errorf("MDF sheet has %d rows, want header + %d entries + total", len(rows), n)
	}
	checkLedgerLayout(t, f, rows[0])
	if formula, _ := f.GetCellFormula("MDF", "F"+strconv.Itoa(n+2)); formula != "SUBTOTAL(109,F2:F"+strconv.Itoa(n+1)+")" {
		t.Errorf("total formula %q", formula)
	}
	if got := calcMinor(t, f, "MDF", "F"+strconv.Itoa(n+2)); got != sum {
		t.Errorf("ledger total %d, want %d", got, sum)
	}
}

// checkLedgerLayout checks the MDF sheet's header, frozen pane and dates.
func checkLedgerLayout(t *testing.T, f *excelize.File, header []string) {
	t.Helper()
	if len(header) != 7 || header[0] != "Date" || header[1] != "Fund" || header[5] != "Amount" || header[6] != "Reason" {
		t.Errorf("header %q", header)
	}
	if typ, _ := f.GetCellType("MDF", "A2"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("date cell is text (%v)", typ)
	}
	if panes, _ := f.GetPanes("MDF"); !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v", panes)
	}
}

func TestMDFBalancesTotalsEqualTheLedgerBalances(t *testing.T) {
	s := openMDFStore(t, 25, 100, 300)
	bs, err := mdf.Balances(context.Background(), s.DB())
	if err != nil {
		t.Fatal(err)
	}
	var want mdf.Balance
	for _, b := range bs {
		want = want.Plus(b)
	}
	f, _ := writeReport(t, s, Options{Lang: format.EN})
	rows, _ := f.GetRows("MDF balances")
	if len(rows) != 1+len(bs)+1 {
		t.Fatalf("%d rows, want header + %d balances + total", len(rows), len(bs))
	}
	total := strconv.Itoa(len(bs) + 2)
	cols := map[string]int64{"C": want.Allocated, "D": want.Pending, "E": want.ApprovedUnpaid, "F": want.Paid, "G": want.Available()}
	for col, w := range cols {
		if got := calcMinor(t, f, "MDF balances", col+total); got != w {
			t.Errorf("column %s total %d, want %d", col, got, w)
		}
	}
	cf, _ := f.GetConditionalFormats("MDF balances")
	rule := cf["A2:G"+strconv.Itoa(len(bs)+1)]
	if len(cf) != 1 || len(rule) != 1 || rule[0].Criteria != "AND($C2>0,$G2<$C2*0.1)" {
		t.Errorf("conditional formats %+v, want the low-available rule over the table body", cf)
	}
}

func TestMDFFundsSheetHasAChartAndROIRows(t *testing.T) {
	s := openMDFStore(t, 20, 200, 160)
	f, path := writeReport(t, s, Options{Lang: format.EN})
	if !hasChart(t, path, "MDF budget vs used") {
		t.Error("no chart \"MDF budget vs used\" in the workbook")
	}
	rows, _ := f.GetRows("MDF funds")
	if len(rows) < 1+4+1 || rows[1][0] == "" {
		t.Errorf("funds rows %q", rows)
	}
	var approved int
	s.DB().QueryRow(`SELECT count(*) FROM mdf_requests WHERE approved_on != ''`).Scan(&approved)
	acts, _, err := mdf.ROI(context.Background(), s)
	if err != nil || len(acts) != approved {
		t.Fatalf("MDFROI %d rows (%v), want %d", len(acts), err, approved)
	}
	roi, _ := f.GetRows("MDF ROI")
	if len(roi) != 1+approved+1 {
		t.Errorf("ROI rows %d, want header + %d + total", len(roi), approved)
	}
	var paid, revenue int64
	for _, a := range acts {
		paid += a.Paid
		revenue += a.Revenue
	}
	total := strconv.Itoa(approved + 2)
	if got := calcMinor(t, f, "MDF ROI", "D"+total); got != paid || paid == 0 {
		t.Errorf("paid total %d, want %d (> 0)", got, paid)
	}
	if got := calcMinor(t, f, "MDF ROI", "E"+total); got != revenue || revenue == 0 {
		t.Errorf("revenue total %d, want %d (> 0)", got, revenue)
	}
}

func TestMDFReasonLikeAFormulaStaysText(t *testing.T) {
	s := openMDFStore(t, 5, 5, 8)
	if _, err := s.DB().Exec(`INSERT INTO mdf_ledger (fund_id, partner_id, kind, bucket, amount, on_date, reason, created_at)
		VALUES (1, 1, 'adjustment', 'allocated', 100, '2026-11-01', '=HYPERLINK("x")', '2026-11-01T00:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	f, _ := writeReport(t, s, Options{Lang: format.RU})
	rows, _ := f.GetRows("MDF")
	found := false
	for i, r := range rows {
		if len(r) > 6 && r[6] == `=HYPERLINK("x")` {
			found = true
			if formula, _ := f.GetCellFormula("MDF", "G"+strconv.Itoa(i+1)); formula != "" {
				t.Errorf("reason became a formula %q", formula)
			}
		}
	}
	if !found {
		t.Error("formula-like reason not found as text")
	}
	if rows[0][0] != "Дата" {
		t.Errorf("Russian header %q", rows[0][0])
	}
	if _, err := f.GetRows("Остатки MDF"); err != nil {
		t.Errorf("Russian balances sheet: %v", err)
	}
}

// hasChart says whether a chart of the workbook at path has the title,
// and every drawing is referenced from a worksheet (a chart added to a
// streamed sheet after it is flushed would have its drawing but no
// reference, and not show).
func hasChart(t *testing.T, path, title string) bool {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	found, drawings, used := false, 0, 0
	for _, zf := range z.File {
		r, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		r.Close()
		switch {
		case strings.HasPrefix(zf.Name, "xl/charts/chart"):
			found = found || strings.Contains(string(b), title)
		case strings.HasPrefix(zf.Name, "xl/drawings/drawing") && strings.HasSuffix(zf.Name, ".xml"):
			drawings++
		case strings.HasPrefix(zf.Name, "xl/worksheets/sheet") && strings.Contains(string(b), "<drawing"):
			used++
		}
	}
	if drawings != used {
		t.Errorf("%d drawings, %d referenced from worksheets", drawings, used)
	}
	return found
}
