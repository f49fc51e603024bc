package report

import (
	"channeldesk/app/fiscal"
	"channeldesk/app/format"
	"channeldesk/app/metrics"
	"context"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// summaryTableRow is the first row of the small tables under the KPIs.
const summaryTableRow = 14

// writeSummary is the first sheet: the program's KPIs, small tables of
// partners by status and tier and won revenue by fiscal quarter, with a
// chart of each.
func writeSummary(ctx context.Context, b *Book, sheet string) error {
	steps := []func(context.Context, *Book, string) error{summaryHeader, summaryKPIs, summaryStatus, summaryQuarters, summaryTiers}
	for _, step := range steps {
		if err := step(ctx, b, sheet); err != nil {
			return err
		}
	}
	for col, w := range map[string]float64{"A": 36, "B": 18, "C": 3, "D": 16, "E": 20, "F": 3, "G": 22, "H": 14} {
		if err := b.F.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	// Printed, the summary is one landscape page.
	one, landscape, fit := 1, "landscape", true
	if err := b.F.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return b.F.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &one})
}

func summaryHeader(ctx context.Context, b *Book, sheet string) error {
	title := b.L("report.title")
	if p := strings.TrimSpace(b.Settings.ProgramName); p != "" {
		title += " — " + p
	}
	f := b.F
	if err := f.SetCellStr(sheet, "A1", title); err != nil {
		return err
	}
	f.SetCellStyle(sheet, "A1", "A1", b.styles.title)
	f.SetCellStr(sheet, "A2", b.L("report.date"))
	f.SetCellValue(sheet, "B2", b.Today)
	f.SetCellStyle(sheet, "B2", "B2", b.styles.date)
	f.SetCellStr(sheet, "A3", b.L("report.currency"))
	f.SetCellStr(sheet, "B3", b.Settings.Currency)
	if b.Opt.Period != (Period{}) {
		f.SetCellStr(sheet, "A4", b.L("report.period"))
		from, to := b.Opt.Period.bounds()
		f.SetCellStr(sheet, "B4", format.FormatDate(from, b.Opt.Lang)+" – "+format.FormatDate(to, b.Opt.Lang))
	}
	return nil
}

// summaryKPIs writes label/value pairs from row 6.
func summaryKPIs(ctx context.Context, b *Book, sheet string) error {
	fy := metrics.FiscalFromSetting(b.Settings)
	k, err := metrics.LoadKPIs(ctx, b.Store, b.Today, fy)
	if err != nil {
		return err
	}
	q := fiscal.QuarterOf(b.Today, fy)
	completed, err := b.Store.CompletedOnboardings(ctx, 0)
	if err != nil {
		return err
	}
	stalled, err := b.stalledOnboardings(ctx)
	if err != nil {
		return err
	}
	kpis := []struct {
		label string
		value any
		style int
	}{
		{b.L("report.kpi.active"), k.ActivePartners, b.styles.integer},
		{b.L("report.kpi.won_quarter") + " (" + q.Label() + ")", b.major(k.WonThisQuarter), b.styles.money},
		{b.L("report.kpi.won_last_quarter") + " (" + q.Prev().Label() + ")", b.major(k.WonLastQuarter), b.styles.money},
		{b.L("report.kpi.onboarding"), k.OnboardingInProgress, b.styles.integer},
		{b.L("report.kpi.onboarding_stalled"), stalled, b.styles.integer},
		{b.L("report.kpi.onboarding_done"), completed, b.styles.integer},
		{b.L("report.kpi.awaiting"), k.DealsAwaitingApproval, b.styles.integer},
		{b.L("report.kpi.expiring"), k.DealsExpiringSoon, b.styles.integer},
	}
	if b.Opt.Period != (Period{}) {
		from, to := b.Opt.Period.bounds()
		won, err := b.Store.WonTotal(ctx, from, to)
		if err != nil {
			return err
		}
		kpis = append(kpis, struct {
			label string
			value any
			style int
		}{b.L("report.kpi.won_period"), b.major(won), b.styles.money})
	}
	untyped, err := b.Store.PartnersWithoutType(ctx)
	if err != nil {
		return err
	}
	if untyped > 0 { // an import left them so; the manager should see how many
		kpis = append(kpis, struct {
			label string
			value any
			style int
		}{b.L("report.kpi.no_type"), untyped, b.styles.integer})
	}
	for i, kpi := range kpis {
		row := 5 + i
		b.F.SetCellStr(sheet, fmt.Sprintf("A%d", row), kpi.label)
		b.F.SetCellStyle(sheet, fmt.Sprintf("A%d", row), fmt.Sprintf("A%d", row), b.styles.kpiLabel)
		b.F.SetCellValue(sheet, fmt.Sprintf("B%d", row), kpi.value)
		if err := b.F.SetCellStyle(sheet, fmt.Sprintf("B%d", row), fmt.Sprintf("B%d", row), kpi.style); err != nil {
			return err
		}
	}
	return nil
}

// stalledOnboardings counts the dashboard's stalled onboardings: no task
// done for the stalled limit (metrics.FindAtRisk).
func (b *Book) stalledOnboardings(ctx context.Context) (int, error) {
	risks, err := metrics.FindAtRisk(ctx, b.Store, b.Today, metrics.DefaultRiskRules)
	n := 0
	for _, r := range risks {
		if r.Kind == metrics.RiskStalledOnboarding {
			n++
		}
	}
	return n, err
}

// smallTable writes a two-column table (label, value) at col/row with a
// SUBTOTAL row under it and returns the range of its labels and values
// for a chart.
func (b *Book) smallTable(sheet, name string, col int, headers [2]string, labels []string, values []any, valueStyle, totalStyle int) (string, string, error) {
	f := b.F
	cell := func(c, r int) string { s, _ := excelize.CoordinatesToCellName(c, r); return s }
	r0 := summaryTableRow
	f.SetCellStr(sheet, cell(col, r0), headers[0])
	f.SetCellStr(sheet, cell(col+1, r0), headers[1])
	for i := range labels {
		f.SetCellStr(sheet, cell(col, r0+1+i), labels[i]) // text, never a formula
		f.SetCellValue(sheet, cell(col+1, r0+1+i), values[i])
		f.SetCellStyle(sheet, cell(col+1, r0+1+i), cell(col+1, r0+1+i), valueStyle)
	}
	last := r0 + max(len(labels), 1)
	if err := f.AddTable(sheet, &excelize.Table{Range: cell(col, r0) + ":" + cell(col+1, last), Name: name,
		StyleName: "TableStyleLight9", ShowRowStripes: boolPtr(true)}); err != nil {
		return "", "", err
	}
	f.SetCellStr(sheet, cell(col, last+1), b.L("report.total"))
	f.SetCellStyle(sheet, cell(col, last+1), cell(col, last+1), b.styles.totalLabel)
	v := colLetter(col)
	f.SetCellFormula(sheet, cell(col+1, last+1), fmt.Sprintf("SUBTOTAL(109,%s%d:%s%d)", v, r0+1, v, last))
	f.SetCellStyle(sheet, cell(col+1, last+1), cell(col+1, last+1), totalStyle)
	ref := "'" + strings.ReplaceAll(sheet, "'", "''") + "'!"
	l := colLetter(col - 1)
	return fmt.Sprintf("%s$%s$%d:$%s$%d", ref, l, r0+1, l, last), fmt.Sprintf("%s$%s$%d:$%s$%d", ref, v, r0+1, v, last), nil
}

func summaryStatus(ctx context.Context, b *Book, sheet string) error {
	counts, err := metrics.PartnersByStatus(ctx, b.Store)
	if err != nil {
		return err
	}
	var labels []string
	var values []any
	for _, c := range counts {
		labels = append(labels, b.L("status."+c.Key))
		values = append(values, c.N)
	}
	cats, vals, err := b.smallTable(sheet, "PartnersByStatus", 1, [2]string{b.L("report.col.status"), b.L("report.col.partners")},
		labels, values, b.styles.integer, b.styles.totalInt)
	if err != nil {
		return err
	}
	return b.chart(sheet, "A27", 400, excelize.Bar, b.L("report.chart.by_status"), cats, vals)
}

func summaryQuarters(ctx context.Context, b *Book, sheet string) error {
	won, err := metrics.WonByQuarter(ctx, b.Store, b.Today, metrics.FiscalFromSetting(b.Settings), 8)
	if err != nil {
		return err
	}
	var labels []string
	var values []any
	for _, q := range won {
		labels = append(labels, q.Quarter.Label())
		values = append(values, b.major(q.Amount))
	}
	cats, vals, err := b.smallTable(sheet, "WonByQuarter", 4, [2]string{b.L("report.col.quarter"), b.L("report.col.won")},
		labels, values, b.styles.money, b.styles.totalMoney)
	if err != nil {
		return err
	}
	return b.chart(sheet, "A45", 820, excelize.Col, b.L("report.chart.won_by_quarter"), cats, vals)
}

func summaryTiers(ctx context.Context, b *Book, sheet string) error {
	counts, err := metrics.PartnersByTier(ctx, b.Store, b.Opt.Lang)
	if err != nil {
		return err
	}
	var labels []string
	var values []any
	for _, c := range counts {
		label := c.Label
		if c.Key == "" {
			label = b.L("report.no_tier")
		}
		labels = append(labels, label)
		values = append(values, c.N)
	}
	cats, vals, err := b.smallTable(sheet, "PartnersByTier", 7, [2]string{b.L("report.col.tier"), b.L("report.col.partners")},
		labels, values, b.styles.integer, b.styles.totalInt)
	if err != nil {
		return err
	}
	return b.chart(sheet, "E27", 420, excelize.Bar, b.L("report.chart.by_tier"), cats, vals)
}

func (b *Book) chart(sheet, cell string, width uint, kind excelize.ChartType, title, cats, vals string) error {
	zero := 0.0
	axisFont := excelize.Font{Color: "404040", Size: 9}
	return b.F.AddChart(sheet, cell, &excelize.Chart{
		Type:       kind,
		Series:     []excelize.ChartSeries{{Name: title, Categories: cats, Values: vals, Fill: excelize.Fill{Type: "pattern", Color: []string{"4472C4"}, Pattern: 1}}},
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Bold: true, Size: 12}}}},
		Legend:     excelize.ChartLegend{Position: "none"},
		VaryColors: boolPtr(false),
		XAxis:      excelize.ChartAxis{ReverseOrder: kind == excelize.Bar, Font: axisFont},
		YAxis:      excelize.ChartAxis{Minimum: &zero, MajorGridLines: true, Font: axisFont, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
		Format:     excelize.GraphicOptions{ScaleX: 1, ScaleY: 1},
		Dimension:  excelize.ChartDimension{Width: width, Height: 300},
		PlotArea:   excelize.ChartPlotArea{ShowVal: kind == excelize.Bar},
	})
}
