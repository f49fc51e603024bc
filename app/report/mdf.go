package report

import (
	"channeldesk/app/mdf"
	"channeldesk/data"
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The MDF sheets: the ledger (every movement of money), the balances per
// partner and fund computed from it, the funds with a chart of budget
// against what is used, and the return on every approved activity.

var mdfLedgerCols = []column{
	{"report.col.date", colDate, false},
	{"report.col.fund", colText, false},
	{"report.col.partner", colText, false},
	{"report.col.kind", colText, false},
	{"report.col.bucket", colText, false},
	{"report.col.amount", colMoney, true},
	{"report.col.reason", colText, false},
}

// writeMDFLedger is every ledger entry in the period, oldest first.
func writeMDFLedger(ctx context.Context, b *Book, sheet string) error {
	from, to := b.Opt.Period.bounds()
	var rows [][]any
	f := data.MDFLedgerFilter{From: from, To: to, OldestFirst: true}
	err := b.Store.EachMDFLedgerRow(ctx, f, func(l *data.MDFLedgerRow) error {
		rows = append(rows, []any{l.OnDate, l.FundName, l.PartnerName, b.L("mdf.entry." + string(l.Kind)),
			b.L("mdf.bucket." + l.Bucket), l.Amount, l.Reason})
		return nil
	})
	if err != nil {
		return err
	}
	return b.writeTable(ctx, sheet, table{Name: "MDFLedger", Cols: mdfLedgerCols, Rows: rows})
}

var mdfBalanceCols = []column{
	{"report.col.partner", colText, false},
	{"report.col.fund", colText, false},
	{"report.col.allocated", colMoney, true},
	{"report.col.pending", colMoney, true},
	{"report.col.approved_unpaid", colMoney, true},
	{"report.col.paid", colMoney, true},
	{"report.col.available", colMoney, true},
}

// mdfLowShare is the share of its allocation under which a partner's
// available amount is highlighted as running low.
const mdfLowShare = 0.1

// writeMDFBalances is one row per partner and fund, computed from the
// ledger by mdf.Balances; a row whose available amount is under a
// tenth of its allocation is highlighted.
func writeMDFBalances(ctx context.Context, b *Book, sheet string) error {
	bs, err := mdf.Balances(ctx, b.Store)
	if err != nil {
		return err
	}
	partners, funds, err := b.mdfNames(ctx)
	if err != nil {
		return err
	}
	// By fund, then partner name.
	sort.SliceStable(bs, func(i, j int) bool {
		if bs[i].FundID != bs[j].FundID {
			return bs[i].FundID < bs[j].FundID
		}
		return strings.ToLower(partners[bs[i].PartnerID]) < strings.ToLower(partners[bs[j].PartnerID])
	})
	rows := make([][]any, 0, len(bs))
	for _, x := range bs {
		rows = append(rows, []any{partners[x.PartnerID], funds[x.FundID], x.Allocated, x.Pending, x.ApprovedUnpaid, x.Paid, x.Available()})
	}
	expr := fmt.Sprintf(`AND($C2>0,$G2<$C2*%g)`, mdfLowShare)
	return b.writeTable(ctx, sheet, table{Name: "MDFBalances", Cols: mdfBalanceCols, Rows: rows,
		Conds: []condFormat{{expr, b.styles.atRisk}}})
}

// mdfNames are the names of partners with ledger entries and of funds.
func (b *Book) mdfNames(ctx context.Context) (partners, funds map[int64]string, err error) {
	if partners, err = b.Store.MDFLedgerPartnerNames(ctx); err != nil {
		return nil, nil, err
	}
	fs, err := b.Store.MDFFunds(ctx)
	if err != nil {
		return nil, nil, err
	}
	funds = make(map[int64]string, len(fs))
	for _, f := range fs {
		funds[f.ID] = f.Name
	}
	return partners, funds, nil
}

var mdfFundCols = []column{
	{"report.col.fund", colText, false},
	{"report.col.period_start", colDate, false},
	{"report.col.period_end", colDate, false},
	{"report.col.budget", colMoney, true},
	{"report.col.allocated", colMoney, true},
	{"report.col.used", colMoney, true},
	{"report.col.paid", colMoney, true},
	{"report.col.available", colMoney, true},
	{"report.col.utilisation", colPct, false},
}

// writeMDFFunds is one row per fund with its ledger figures, and a chart
// of each fund's budget against what is used (pending, approved, paid).
func writeMDFFunds(ctx context.Context, b *Book, sheet string) error {
	fs, err := mdf.FundSummaries(ctx, b.Store)
	if err != nil {
		return err
	}
	rows := make([][]any, 0, len(fs))
	for _, f := range fs {
		rows = append(rows, []any{f.Fund.Name, f.Fund.StartsOn, f.Fund.EndsOn, f.Fund.Budget, f.Balance.Allocated,
			f.Balance.Used(), f.Balance.Paid, f.Balance.Available(), f.Utilisation()})
	}
	// The chart goes in first: the stream writer writes the sheet's
	// drawing when it flushes; a chart added afterwards would be lost.
	if len(fs) > 0 {
		if err := b.mdfChart(sheet, len(fs)); err != nil {
			return err
		}
	}
	// Printed, the table and its chart are one landscape page wide.
	one, landscape, fit := 1, "landscape", true
	if err := b.F.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := b.F.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one}); err != nil {
		return err
	}
	return b.writeTable(ctx, sheet, table{Name: "MDFFunds", Cols: mdfFundCols, Rows: rows})
}

// mdfChart draws budget and used side by side for each fund, under the
// funds table.
func (b *Book) mdfChart(sheet string, n int) error {
	ref := "'" + strings.ReplaceAll(sheet, "'", "''") + "'!"
	col := func(c string) string { return fmt.Sprintf("%s$%s$2:$%s$%d", ref, c, c, n+1) }
	head := func(c string) string { return fmt.Sprintf("%s$%s$1", ref, c) }
	zero := 0.0
	axisFont := excelize.Font{Color: "404040", Size: 9}
	title := b.L("report.chart.mdf_budget_used")
	series := []excelize.ChartSeries{
		{Name: head("D"), Categories: col("A"), Values: col("D"), Fill: excelize.Fill{Type: "pattern", Color: []string{"A5A5A5"}, Pattern: 1}},
		{Name: head("F"), Categories: col("A"), Values: col("F"), Fill: excelize.Fill{Type: "pattern", Color: []string{"4472C4"}, Pattern: 1}},
	}
	cell, _ := excelize.CoordinatesToCellName(1, n+4)
	return b.F.AddChart(sheet, cell, &excelize.Chart{
		Type:      excelize.Col,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Bold: true, Size: 12}}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		XAxis:     excelize.ChartAxis{Font: axisFont},
		YAxis:     excelize.ChartAxis{Minimum: &zero, MajorGridLines: true, Font: axisFont, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
		Format:    excelize.GraphicOptions{ScaleX: 1, ScaleY: 1},
		Dimension: excelize.ChartDimension{Width: 720, Height: 320},
	})
}

var mdfROICols = []column{
	{"report.col.partner", colText, false},
	{"report.col.activity", colText, false},
	{"report.col.description", colText, false},
	{"report.col.paid", colMoney, true},
	{"report.col.won", colMoney, true},
	{"report.col.pipeline", colMoney, true},
	{"report.col.leads", colInt, true},
	{"report.col.expected_leads", colInt, true},
	{"report.col.roi", colNum, false},
}

// writeMDFROI is the return on every approved activity: won revenue of
// the deals attributed to it per unit paid (empty while nothing is paid).
// Its figures are mdf.ROI's, from the same data.EachMDFActivity.
func writeMDFROI(ctx context.Context, b *Book, sheet string) error {
	var rows [][]any
	err := b.Store.EachMDFActivity(ctx, func(a *data.MDFActivityFigures) error {
		var roi any
		if a.Paid > 0 {
			roi = float64(a.Revenue) / float64(a.Paid)
		}
		rows = append(rows, []any{a.PartnerName, b.L("mdf.activity." + string(a.Activity)), a.Description, a.Paid, a.Revenue,
			a.Pipeline, a.Leads, a.ExpectedLeads, roi})
		return nil
	})
	if err != nil {
		return err
	}
	return b.writeTable(ctx, sheet, table{Name: "MDFROI", Cols: mdfROICols, Rows: rows})
}
