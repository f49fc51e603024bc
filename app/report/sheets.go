package report

import (
	"context"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"channeldesk/app/fiscal"
	"channeldesk/app/format"
	"channeldesk/app/metrics"
	"channeldesk/app/onboarding"
	"channeldesk/data"
)

// colLetter is the column letter of the i-th (0-based) column.
func colLetter(i int) string {
	s, _ := excelize.ColumnNumberToName(i + 1)
	return s
}

func (b *Book) tierName(en, ru string) string {
	if b.Opt.Lang == format.RU && ru != "" {
		return ru
	}
	return en
}

func (b *Book) iso(days int) string { return b.Today.AddDate(0, 0, days).Format(format.DateLayout) }

// riskReasons are the dashboard's at-risk warnings by partner, in words.
func (b *Book) riskReasons(ctx context.Context) (map[int64]string, error) {
	risks, err := metrics.FindAtRisk(ctx, b.Store, b.Today, metrics.DefaultRiskRules)
	if err != nil {
		return nil, err
	}
	out := map[int64]string{}
	for _, r := range risks {
		label := b.L("dash.risk." + string(r.Kind))
		if out[r.PartnerID] != "" {
			label = out[r.PartnerID] + "; " + label
		}
		out[r.PartnerID] = label
	}
	return out, nil
}

var partnerCols = []column{
	{"report.col.id", colID, false},
	{"report.col.partner", colText, false},
	{"report.col.legal_name", colText, false},
	{"report.col.type", colText, false},
	{"report.col.status", colText, false},
	{"report.col.country", colText, false},
	{"report.col.region", colText, false},
	{"report.col.city", colText, false},
	{"report.col.manager", colText, false},
	{"report.col.tier", colText, false},
	{"report.col.added", colDate, false},
	{"report.col.won_12m", colMoney, true},
	{"report.col.won_deals_12m", colInt, true},
	{"report.col.last_won", colDate, false},
	{"report.col.open_deals", colInt, true},
	{"report.col.risk", colText, false},
	{"report.col.inn", colText, false},
	{"report.col.kpp", colText, false},
}

// writePartners is one row per partner with its tier, won revenue and
// deals over the last 12 months, and the dashboard's risk warnings.
func writePartners(ctx context.Context, b *Book, sheet string) error {
	risk, err := b.riskReasons(ctx)
	if err != nil {
		return err
	}
	since := b.iso(-365)
	var rows [][]any
	err = b.Store.EachPartnerReportRow(ctx, since, func(p *data.PartnerReportRow) error {
		rows = append(rows, []any{p.ID, p.Name, p.LegalName, b.L("type." + p.Type), b.L("status." + p.Status), p.Country,
			p.Region, p.City, p.Manager, b.tierName(p.TierEN, p.TierRU), p.Added, p.Won, p.WonDeals, p.LastWon, p.OpenDeals,
			risk[p.ID], p.INN, p.KPP})
		return nil
	})
	if err != nil {
		return err
	}
	riskCol, statusCol := colLetter(15), colLetter(4)
	return b.writeTable(ctx, sheet, table{Name: "Partners", Cols: partnerCols, Rows: rows, Conds: []condFormat{
		{fmt.Sprintf(`OR($%s2<>"",$%s2=%s)`, riskCol, statusCol, quote(b.L("status.at_risk"))), b.styles.atRisk}}})
}

var dealCols = []column{
	{"report.col.id", colID, false},
	{"report.col.partner", colText, false},
	{"report.col.customer", colText, false},
	{"report.col.product", colText, false},
	{"report.col.state", colText, false},
	{"report.col.amount", colMoney, true},
	{"report.col.registered", colDate, false},
	{"report.col.expected_close", colDate, false},
	{"report.col.protected_until", colDate, false},
	{"report.col.closed", colDate, false},
	{"report.col.quarter", colText, false},
	{"report.col.reason", colText, false},
	{"leads.col.vendor_lead", colText, false},
}

// writeDeals is every deal registration in the period; an approved deal
// whose protection has ended is highlighted as overdue.
func writeDeals(ctx context.Context, b *Book, sheet string) error {
	from, to := b.Opt.Period.bounds()
	fy := metrics.FiscalFromSetting(b.Settings)
	vendor, err := b.Store.VendorLeadDeals(ctx)
	if err != nil {
		return err
	}
	var rows [][]any
	err = b.Store.EachDealReportRow(ctx, from, to, func(d *data.DealReportRow) error {
		quarter := ""
		if d.State == "won" {
			quarter = quarterLabel(d.ClosedOn, fy)
		}
		mark := ""
		if vendor[d.ID] {
			mark = b.L("leads.vendor_lead_mark")
		}
		rows = append(rows, []any{d.ID, d.Partner, d.Customer, d.Product, b.L("report.state." + d.State), d.Amount,
			d.RegisteredOn, d.ExpectedCloseOn, d.ProtectedUntil, d.ClosedOn, quarter, d.Reason, mark})
		return nil
	})
	if err != nil {
		return err
	}
	prot, st := colLetter(8), colLetter(4)
	expr := fmt.Sprintf(`AND($%s2=%s,$%s2<>"",$%s2<TODAY())`, st, quote(b.L("report.state.approved")), prot, prot)
	return b.writeTable(ctx, sheet, table{Name: "Deals", Cols: dealCols, Rows: rows, Conds: []condFormat{{expr, b.styles.overdue}}})
}

var onboardingCols = []column{
	{"report.col.partner", colText, false},
	{"report.col.type", colText, false},
	{"report.col.template", colText, false},
	{"report.col.started", colDate, false},
	{"report.col.days", colInt, false},
	{"report.col.required_tasks", colInt, true},
	{"report.col.done_tasks", colInt, true},
	{"report.col.progress", colPct, false},
	{"report.col.overdue_tasks", colInt, true},
	{"report.col.max_late", colInt, false},
	{"report.col.last_done", colDate, false},
	{"report.col.days_idle", colInt, false},
	{"report.col.next_task", colText, false},
	{"report.col.next_due", colDate, false},
	{"report.col.overdue_list", colText, false},
}

// writeOnboarding is one row per partner in onboarding with its progress
// as the onboarding area measures it (onboarding.Progress): required tasks done,
// overdue tasks and how late, the day a task was last done, the next task
// and the overdue tasks by name. A partner with overdue tasks is
// highlighted as overdue; one with no task done for the stalled limit as
// at risk.
func writeOnboarding(ctx context.Context, b *Book, sheet string) error {
	entries, err := b.Store.OnboardingEntries(ctx)
	if err != nil {
		return err
	}
	today := b.iso(0)
	rows := make([][]any, 0, len(entries))
	for _, e := range entries {
		rows = append(rows, b.onboardingRow(e, today))
	}
	stalled := metrics.DefaultRiskRules.StalledDays
	return b.writeTable(ctx, sheet, table{Name: "Onboarding", Cols: onboardingCols, Rows: rows, Conds: []condFormat{
		{"$I2>0", b.styles.overdue},
		{fmt.Sprintf(`AND(ISNUMBER($L2),$L2>%d)`, stalled), b.styles.atRisk}}})
}

func (b *Book) onboardingRow(e data.OnboardingEntry, today string) []any {
	typ := b.L("type." + string(e.Type))
	if e.Checklist == nil {
		return []any{e.Name, typ, "", "", nil, nil, nil, nil, nil, nil, "", nil, b.L("report.onboarding.not_started"), "", ""}
	}
	cl := e.Checklist
	p := onboarding.Progress(cl, today, "")
	last := metrics.LastTaskDone(cl)
	next, nextDue := "", ""
	if p.NextDue != nil {
		next, nextDue = p.NextDue.Title(string(b.Opt.Lang)), p.NextDue.DueOn
	}
	var late []string
	for i := range cl.Tasks {
		if t := &cl.Tasks[i]; t.Overdue(today) {
			late = append(late, t.Title(string(b.Opt.Lang))+" ("+format.FormatDate(t.DueOn, b.Opt.Lang)+")")
		}
	}
	return []any{e.Name, typ, cl.TemplateName, cl.StartedOn, p.DaysIn, p.Required, p.RequiredDone, p.Fraction(),
		p.Overdue, p.MaxLate, last, fiscal.DaysBetween(last, today), next, nextDue, strings.Join(late, "; ")}
}

// quarterLabel is the fiscal quarter of an ISO date, or "".
func quarterLabel(isoDate string, fromMonth int) string {
	t, err := parseISO(isoDate)
	if err != nil {
		return ""
	}
	return fiscal.QuarterOf(t, fromMonth).Label()
}

func yesNo(b *Book, v bool) string {
	if v {
		return b.L("report.yes")
	}
	return b.L("report.no")
}
