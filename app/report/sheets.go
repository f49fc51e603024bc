package report

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/xuri/excelize/v2"

	"channeldesk/app"
)

// queryRows runs a query and hands every row's scanned values to add.
func queryRows(ctx context.Context, db *sql.DB, query string, args []any, dest []any, add func() error) error {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		if err := add(); err != nil {
			return err
		}
	}
	return rows.Err()
}

// colLetter is the column letter of the i-th (0-based) column.
func colLetter(i int) string {
	s, _ := excelize.ColumnNumberToName(i + 1)
	return s
}

func (b *Book) tierName(en, ru string) string {
	if b.Opt.Lang == app.RU && ru != "" {
		return ru
	}
	return en
}

func (b *Book) iso(days int) string { return b.Today.AddDate(0, 0, days).Format(app.DateLayout) }

// riskReasons are the dashboard's at-risk warnings by partner, in words.
func (b *Book) riskReasons(ctx context.Context) (map[int64]string, error) {
	risks, err := app.FindAtRisk(ctx, b.Store, b.Today, app.DefaultRiskRules)
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
}

// writePartners is one row per partner with its tier, won revenue and
// deals over the last 12 months, and the dashboard's risk warnings.
func writePartners(ctx context.Context, b *Book, sheet string) error {
	risk, err := b.riskReasons(ctx)
	if err != nil {
		return err
	}
	var (
		id, won, wonN, open                                  int64
		name, legal, typ, status, country, region, city, mgr string
		tierEN, tierRU, added, lastWon                       string
	)
	since := b.iso(-365)
	var rows [][]any
	err = queryRows(ctx, b.Store.DB(), `SELECT p.id, p.name, p.legal_name, p.type, p.status, p.country, p.region,
		p.city, p.account_manager, coalesce(t.name_en, ''), coalesce(t.name_ru, ''), substr(p.created_at, 1, 10),
		coalesce(w.won, 0), coalesce(w.n, 0), coalesce(w.last, ''), coalesce(o.n, 0)
		FROM partners p LEFT JOIN tiers t ON t.id = p.tier_id
		LEFT JOIN (SELECT partner_id, sum(CASE WHEN closed_on >= ? THEN amount ELSE 0 END) won,
			sum(closed_on >= ?) n, max(closed_on) last FROM deals WHERE state = 'won' GROUP BY partner_id) w ON w.partner_id = p.id
		LEFT JOIN (SELECT partner_id, count(*) n FROM deals WHERE state IN ('submitted', 'approved') GROUP BY partner_id) o ON o.partner_id = p.id
		ORDER BY p.name COLLATE NOCASE, p.id`, []any{since, since},
		[]any{&id, &name, &legal, &typ, &status, &country, &region, &city, &mgr, &tierEN, &tierRU, &added, &won, &wonN, &lastWon, &open},
		func() error {
			rows = append(rows, []any{id, name, legal, b.L("type." + typ), b.L("status." + status), country, region, city, mgr,
				b.tierName(tierEN, tierRU), added, won, wonN, lastWon, open, risk[id]})
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
}

// writeDeals is every deal registration in the period; an approved deal
// whose protection has ended is highlighted as overdue.
func writeDeals(ctx context.Context, b *Book, sheet string) error {
	var (
		id, amount                                                     int64
		partner, customer, product, state, reg, exp, prot, closed, why string
	)
	from, to := b.Opt.Period.bounds()
	fy := app.FiscalFromSetting(b.Settings)
	var rows [][]any
	err := queryRows(ctx, b.Store.DB(), `SELECT d.id, p.name, d.customer, d.product, d.state, d.amount, d.registered_on,
		d.expected_close_on, d.protected_until, d.closed_on, d.reason
		FROM deals d JOIN partners p ON p.id = d.partner_id
		WHERE (d.registered_on BETWEEN ?1 AND ?2) OR (d.closed_on BETWEEN ?1 AND ?2)
		ORDER BY d.registered_on, d.id`, []any{from, to},
		[]any{&id, &partner, &customer, &product, &state, &amount, &reg, &exp, &prot, &closed, &why},
		func() error {
			quarter := ""
			if state == "won" {
				quarter = quarterLabel(closed, fy)
			}
			rows = append(rows, []any{id, partner, customer, product, b.L("report.state." + state), amount, reg, exp, prot, closed, quarter, why})
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
	{"report.col.status", colText, false},
	{"report.col.template", colText, false},
	{"report.col.started", colDate, false},
	{"report.col.completed", colDate, false},
	{"report.col.days", colInt, false},
	{"report.col.progress", colText, false},
}

// writeOnboarding is one row per onboarding checklist; one open for longer
// than the stalled limit is highlighted.
func writeOnboarding(ctx context.Context, b *Book, sheet string) error {
	var name, status, tmpl, started, completed string
	var days int64
	var rows [][]any
	err := queryRows(ctx, b.Store.DB(), `SELECT p.name, p.status, c.template_name, c.started_on, c.completed_on,
		CAST(julianday(CASE WHEN c.completed_on = '' THEN ? ELSE c.completed_on END) - julianday(c.started_on) AS INTEGER)
		FROM onboarding_checklists c JOIN partners p ON p.id = c.partner_id ORDER BY c.started_on, p.name`,
		[]any{b.iso(0)}, []any{&name, &status, &tmpl, &started, &completed, &days},
		func() error {
			state := b.L("report.onboarding.in_progress")
			if completed != "" {
				state = b.L("report.onboarding.completed")
			}
			rows = append(rows, []any{name, b.L("status." + status), tmpl, started, completed, days, state})
			return nil
		})
	if err != nil {
		return err
	}
	expr := fmt.Sprintf(`AND($E2="",$F2>%d)`, app.DefaultRiskRules.StalledDays)
	return b.writeTable(ctx, sheet, table{Name: "Onboarding", Cols: onboardingCols, Rows: rows, Conds: []condFormat{{expr, b.styles.overdue}}})
}

// quarterLabel is the fiscal quarter of an ISO date, or "".
func quarterLabel(isoDate string, fromMonth int) string {
	t, err := parseISO(isoDate)
	if err != nil {
		return ""
	}
	return app.QuarterOf(t, fromMonth).Label()
}

func yesNo(b *Book, v bool) string {
	if v {
		return b.L("report.yes")
	}
	return b.L("report.no")
}
