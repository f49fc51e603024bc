package report

import (
	"context"
	"fmt"
	"strings"

	"channeldesk/app/metrics"
	"channeldesk/app/plan"
	"channeldesk/data"
)

// missedBP is the weighted attainment below which a plan is highlighted
// as at risk (the dashboard's missed-target rule uses the same figure).
const missedBP = metrics.MissedTargetBP

var planCols = []column{
	{"report.col.partner", colText, false},
	{"report.col.plan_status", colText, false},
	{"report.col.revision", colInt, false},
	{"report.col.agreed", colDate, false},
	{"report.col.objectives", colInt, true},
	{"report.col.revenue_target", colMoney, true},
	{"report.col.revenue_actual", colMoney, true},
	{"report.col.att_q1", colPct, false},
	{"report.col.att_q2", colPct, false},
	{"report.col.att_q3", colPct, false},
	{"report.col.att_q4", colPct, false},
	{"report.col.att_year", colPct, false},
	{"report.col.checkins_due", colText, false},
}

// planYear is the fiscal year the plans sheets show: the report date's.
func (b *Book) planYear() int {
	return plan.FiscalYearOf(b.Today, metrics.FiscalFromSetting(b.Settings))
}

// writePlans is one row per joint business plan of the report's fiscal
// year with the weighted attainment per quarter and for the year, as the
// plans area computes it (plan.Overview). A plan under the missed-target
// line is highlighted as at risk, one with a check-in due as overdue.
func writePlans(ctx context.Context, b *Book, sheet string) error {
	rows, err := b.planRows(ctx)
	if err != nil {
		return err
	}
	out := make([][]any, 0, len(rows))
	agreed, err := b.agreedDates(ctx)
	if err != nil {
		return err
	}
	for _, r := range rows {
		target, actual := revenueFigures(r.Attainment)
		row := []any{r.Partner, b.L("report.plan." + string(r.Status)), r.Revision, agreed[r.PlanID],
			len(r.Attainment.Objectives), target, actual}
		for q := range 4 {
			row = append(row, bpCell(r.Attainment.QuarterBP[q]))
		}
		row = append(row, bpCell(r.Attainment.YearBP), quarterList(r.Due))
		out = append(out, row)
	}
	conds := []condFormat{{fmt.Sprintf(`$%s2<>""`, colLetter(12)), b.styles.overdue}}
	if c, ok := b.missedTargetCond(); ok {
		conds = append(conds, c)
	}
	return b.writeTable(ctx, sheet, table{Name: "Plans", Cols: planCols, Rows: out, Conds: conds})
}

// missedTargetCond highlights the dashboard's missed target: an agreed
// (or completed) plan whose last finished quarter is under the line. The
// year-to-date figure is no guide mid-year: it sets the actuals so far
// against the whole year's targets.
func (b *Book) missedTargetCond() (condFormat, bool) {
	prev := plan.QuartersStarted(b.planYear(), metrics.FiscalFromSetting(b.Settings), b.Today) - 1
	if prev < 1 {
		return condFormat{}, false
	}
	q, st := colLetter(6+prev), colLetter(1)
	expr := fmt.Sprintf(`AND(OR($%s2=%s,$%s2=%s),ISNUMBER($%s2),$%s2<%g)`, st, quote(b.L("report.plan.agreed")),
		st, quote(b.L("report.plan.completed")), q, q, float64(missedBP)/10000)
	return condFormat{expr, b.styles.atRisk}, true
}

// planRows are the plans of the report's fiscal year with their
// attainment (plan.Overview), read once for both plan sheets.
func (b *Book) planRows(ctx context.Context) ([]plan.OverviewRow, error) {
	if !b.plansOK {
		rows, err := plan.Overview(ctx, b.Store, b.planYear(), b.Today)
		if err != nil {
			return nil, err
		}
		b.plans, b.plansOK = rows, true
	}
	return b.plans, nil
}

// agreedDates are the plans' agreement dates by plan ID.
func (b *Book) agreedDates(ctx context.Context) (map[int64]string, error) {
	return b.Store.PlanAgreedDates(ctx, b.planYear())
}

// revenueFigures are a plan's revenue target for the year and the won
// revenue so far, from its revenue objectives.
func revenueFigures(a plan.Attainment) (target, actual int64) {
	seen := false
	for _, o := range a.Objectives {
		if o.Measure != data.MeasureRevenue {
			continue
		}
		target += o.YearTarget
		if !seen {
			actual, seen = o.YearActual, true // every revenue objective counts the same won deals
		}
	}
	return target, actual
}

// bpCell is an attainment as a fraction for a percentage cell; empty when
// there is nothing to measure.
func bpCell(bp int) any {
	if bp == plan.NoTarget {
		return nil
	}
	return float64(bp) / 10000
}

func quarterList(qs []int) string {
	parts := make([]string, len(qs))
	for i, q := range qs {
		parts[i] = fmt.Sprintf("Q%d", q)
	}
	return strings.Join(parts, ", ")
}

var objectiveCols = []column{
	{"report.col.partner", colText, false},
	{"report.col.plan_status", colText, false},
	{"report.col.measure", colText, false},
	{"report.col.objective", colText, false},
	{"report.col.weight", colInt, false},
	{"report.col.target_q1", colNum, false},
	{"report.col.actual_q1", colNum, false},
	{"report.col.target_q2", colNum, false},
	{"report.col.actual_q2", colNum, false},
	{"report.col.target_q3", colNum, false},
	{"report.col.actual_q3", colNum, false},
	{"report.col.target_q4", colNum, false},
	{"report.col.actual_q4", colNum, false},
	{"report.col.target_year", colNum, false},
	{"report.col.actual_year", colNum, false},
	{"report.col.att_year", colPct, false},
}

// writePlanObjectives is one row per objective of the year's plans: the
// target and actual per quarter (money in the currency's major units) and
// the objective's attainment. The units differ by measure, so there is no
// totals row.
func writePlanObjectives(ctx context.Context, b *Book, sheet string) error {
	rows, err := b.planRows(ctx)
	if err != nil {
		return err
	}
	var out [][]any
	for _, r := range rows {
		for _, o := range r.Attainment.Objectives {
			out = append(out, b.objectiveRow(r, o))
		}
	}
	att := colLetter(15)
	return b.writeTable(ctx, sheet, table{Name: "PlanObjectives", Cols: objectiveCols, Rows: out, Conds: []condFormat{
		{fmt.Sprintf(`AND(ISNUMBER($%s2),$%s2<%g)`, att, att, float64(missedBP)/10000), b.styles.atRisk}}})
}

func (b *Book) objectiveRow(r plan.OverviewRow, o plan.ObjectiveResult) []any {
	num := func(v int64) float64 {
		if o.Measure.Money() {
			return b.major(v)
		}
		return float64(v)
	}
	row := []any{r.Partner, b.L("report.plan." + string(r.Status)), b.L("plans.measure." + string(o.Measure)), o.Title, o.Weight}
	for q := range 4 {
		var actual any
		if q < r.Attainment.Started && o.Known[q] {
			actual = num(o.Actual[q]) // empty: not begun, or not reported yet
		}
		row = append(row, num(o.Targets[q]), actual)
	}
	return append(row, num(o.YearTarget), num(o.YearActual), bpCell(o.YearBP))
}
