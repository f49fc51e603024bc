package report

import (
	"channeldesk/app/mdf"
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
	var (
		amount                                   int64
		onDate, fund, partner, kind, bucket, why string
	)
	from, to := b.Opt.Period.bounds()
	var rows [][]any
	err := queryRows(ctx, b.Store.DB(), `SELECT l.on_date, f.name, p.name, l.kind, l.bucket, l.amount, l.reason
		FROM mdf_ledger l JOIN mdf_funds f ON f.id = l.fund_id JOIN partners p ON p.id = l.partner_id
		WHERE l.on_date BETWEEN ? AND ? ORDER BY l.on_date, l.id`, []any{from, to},
		[]any{&onDate, &fund, &partner, &kind, &bucket, &amount, &why},
		func() error {
			rows = append(rows, []any{onDate, fund, partner, b.L("mdf.entry." + kind), b.L("mdf.bucket." + bucket), amount, why})
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
	bs, err := mdf.Balances(ctx, b.Store.DB())
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
	partners, funds = map[int64]string{}, map[int64]string{}
	var id int64
	var name string
	err = queryRows(ctx, b.Store.DB(), `SELECT id, name FROM partners WHERE id IN (SELECT DISTINCT partner_id FROM mdf_ledger)`,
		nil, []any{&id, &name}, func() error { partners[id] = name; return nil })
	if err != nil {
		return nil, nil, err
	}
	err = queryRows(ctx, b.Store.DB(), `SELECT id, name FROM mdf_funds`, nil, []any{&id, &name},
		func() error { funds[id] = name; return nil })
	return partners, funds, err
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
// It computes what mdf.ROI does with grouped joins instead of one
// subquery per activity, since deals.mdf_request_id has no index.
func writeMDFROI(ctx context.Context, b *Book, sheet string) error {
	var (
		paid, won, pipe, leads, expected int64
		partner, activity, desc          string
	)
	var rows [][]any
	err := queryRows(ctx, b.Store.DB(), `SELECT p.name, r.activity, r.description, coalesce(l.paid, 0), coalesce(d.won, 0),
		coalesce(d.pipe, 0), coalesce(c.leads, 0), r.expected_leads
		FROM mdf_requests r JOIN partners p ON p.id = r.partner_id
		LEFT JOIN (SELECT request_id, sum(amount) paid FROM mdf_ledger WHERE bucket = 'paid' AND request_id IS NOT NULL
			GROUP BY request_id) l ON l.request_id = r.id
		LEFT JOIN (SELECT mdf_request_id, sum(CASE WHEN state = 'won' THEN amount ELSE 0 END) won,
			sum(CASE WHEN state IN ('submitted','approved') THEN amount ELSE 0 END) pipe
			FROM deals WHERE mdf_request_id IS NOT NULL GROUP BY mdf_request_id) d ON d.mdf_request_id = r.id
		LEFT JOIN (SELECT request_id, sum(leads) leads FROM mdf_claims WHERE state IN ('approved','paid')
			GROUP BY request_id) c ON c.request_id = r.id
		WHERE r.approved_on != '' ORDER BY p.name, p.id, r.starts_on DESC, r.id`, nil,
		[]any{&partner, &activity, &desc, &paid, &won, &pipe, &leads, &expected},
		func() error {
			var roi any
			if paid > 0 {
				roi = float64(won) / float64(paid)
			}
			rows = append(rows, []any{partner, b.L("mdf.activity." + activity), desc, paid, won, pipe, leads, expected, roi})
			return nil
		})
	if err != nil {
		return err
	}
	return b.writeTable(ctx, sheet, table{Name: "MDFROI", Cols: mdfROICols, Rows: rows})
}
