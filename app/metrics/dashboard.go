package metrics

import (
	"context"
	"database/sql"
	"time"

	"channeldesk/app/fiscal"
	"channeldesk/app/format"
	"channeldesk/data"
)

// KPIs are the program's headline figures on a day.
type KPIs struct {
	ActivePartners        int
	WonThisQuarter        int64 // minor units
	WonLastQuarter        int64
	OnboardingInProgress  int
	DealsAwaitingApproval int
	DealsExpiringSoon     int // approved deals whose protection ends within ExpiryDays
	// PlanThisQuarter is the sum of the agreed plans' revenue targets for
	// this quarter; HasPlan is false when there is none to compare with.
	PlanThisQuarter int64
	HasPlan         bool
}

// ExpiryDays is how far ahead "expiring soon" looks for deal protection.
const ExpiryDays = 14

// TodayDealDays is how far ahead the Today list looks for deal protection
// and MDF claim deadlines ending: a week is what a manager acts on now
// (the KPI looks ExpiryDays ahead).
const TodayDealDays = 7

// TodayCertDays is how far ahead the Today list looks for certifications.
const TodayCertDays = 14

// Count is one bar of a chart: a label and how many.
type Count struct {
	Key   string // status, tier id ("" for no tier)
	Label string
	N     int
}

// QuarterAmount is the won revenue of one fiscal quarter.
type QuarterAmount struct {
	Quarter fiscal.FiscalQuarter
	Amount  int64
}

// LoadKPIs computes the headline figures for today; quarters follow the
// fiscal year that starts in month fromMonth.
func LoadKPIs(ctx context.Context, s *data.Store, today time.Time, fromMonth int) (KPIs, error) {
	q := fiscal.QuarterOf(today, fromMonth)
	p := q.Prev()
	c, err := s.DashboardCounts(ctx, data.DashboardPeriods{
		ThisFrom: fiscal.ISODate(q.Start()), ThisTo: fiscal.ISODate(q.End()),
		LastFrom: fiscal.ISODate(p.Start()), LastTo: fiscal.ISODate(p.End()),
		Today: fiscal.ISODate(today), ExpiryTo: fiscal.ISODate(today.AddDate(0, 0, ExpiryDays))})
	k := KPIs{ActivePartners: c.ActivePartners, WonThisQuarter: c.WonThisQuarter, WonLastQuarter: c.WonLastQuarter,
		OnboardingInProgress: c.OnboardingInProgress, DealsAwaitingApproval: c.DealsAwaitingApproval,
		DealsExpiringSoon: c.DealsExpiringSoon}
	if err == nil && PlanFigures.QuarterTarget != nil {
		k.PlanThisQuarter, k.HasPlan, err = PlanFigures.QuarterTarget(ctx, s, today)
	}
	return k, err
}

// PartnersByStatus counts partners in every lifecycle status, in
// lifecycle order (statuses with none included, so charts stay stable).
func PartnersByStatus(ctx context.Context, s *data.Store) ([]Count, error) {
	n, err := s.PartnersPerStatus(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Count, 0, len(data.Statuses))
	for _, st := range data.Statuses {
		out = append(out, Count{Key: string(st), N: n[string(st)]})
	}
	return out, nil
}

// PartnersByTier counts the partners that are not gone (offboarded or
// declined) by assigned tier, best tier first, "no tier" last with Key "".
func PartnersByTier(ctx context.Context, s *data.Store, lang format.Lang) ([]Count, error) {
	tiers, none, err := s.PartnersPerTier(ctx)
	if err != nil && tiers == nil {
		return nil, err
	}
	var out []Count
	for _, t := range tiers {
		out = append(out, Count{Key: itoa(t.TierID), Label: format.PickLang(lang, t.NameEN, t.NameRU), N: t.N})
	}
	return append(out, Count{Key: "", N: none}), err
}

// WonByQuarter is the won revenue of the last n fiscal quarters up to
// today's, oldest first.
func WonByQuarter(ctx context.Context, s *data.Store, today time.Time, fromMonth, n int) ([]QuarterAmount, error) {
	qs := fiscal.LastQuarters(today, fromMonth, n)
	out := make([]QuarterAmount, n)
	for i, q := range qs {
		out[i].Quarter = q
	}
	months, err := s.WonPerMonth(ctx, fiscal.ISODate(qs[0].Start()), fiscal.ISODate(qs[n-1].End()))
	if err != nil {
		return nil, err
	}
	for _, m := range months {
		t, err := time.Parse("2006-01", m.Month)
		if err != nil {
			continue
		}
		q := fiscal.QuarterOf(t, fromMonth)
		for i := range out {
			if out[i].Quarter == q {
				out[i].Amount += m.Amount
			}
		}
	}
	return out, nil
}

// TodayKind says why an item is on the Today list.
type TodayKind string

// Reasons an item is on the Today list.
const (
	TodayEscalation TodayKind = "escalation"   // an open escalation in the timeline
	TodayDealExpiry TodayKind = "deal_expiry"  // deal protection ends soon
	TodayCertExpiry TodayKind = "cert_expiry"  // a certification expires soon
	TodayTaskDue    TodayKind = "task_overdue" // an open onboarding task is past its due date
	TodayCheckIn    TodayKind = "checkin_due"  // a plan's quarterly check-in is due
)

// TodayItem is one thing that needs the manager's attention, about one partner.
type TodayItem struct {
	Kind        TodayKind
	PartnerID   int64
	PartnerName string
	Date        string // ISO date the item is about (escalation day, expiry)
	Text        string // escalation text, customer, certification and person, task title, quarter
	TextRU      string // Text in Russian where the item has both (onboarding task titles)
	Cadence     int    // gone quiet: the partner's contact cadence in days
	// Title is the row's title for an item about no partner (a lead
	// waiting for one: the lead's company); "" for partner items, whose
	// title is the partner's name.
	Title string
}

// TodayList gathers what needs attention: open escalations, overdue
// onboarding tasks, deals whose protection ends within TodayDealDays,
// certifications expiring within TodayCertDays and plan check-ins due,
// soonest first within each kind.
func TodayList(ctx context.Context, s *data.Store, today time.Time) ([]TodayItem, error) {
	t0, dealEnd, certEnd := fiscal.ISODate(today), fiscal.ISODate(today.AddDate(0, 0, TodayDealDays)), fiscal.ISODate(today.AddDate(0, 0, TodayCertDays))
	queries := []struct {
		kind TodayKind
		sql  string
		args []any
	}{
		{TodayEscalation, `SELECT p.id, p.name, substr(e.at, 1, 10), e.body, '' FROM events e JOIN partners p ON p.id = e.partner_id
			WHERE e.kind = 'escalation' AND e.open = 1 ORDER BY e.at LIMIT 200`, nil},
		{TodayTaskDue, `SELECT p.id, p.name, t.due_on, t.title_en, t.title_ru FROM onboarding_tasks t
			JOIN onboarding_checklists c ON c.id = t.checklist_id JOIN partners p ON p.id = c.partner_id
			WHERE t.state IN ('pending', 'waiting', 'blocked') AND t.due_on <> '' AND t.due_on < ? AND c.completed_on = ''
			AND p.status NOT IN ('offboarded', 'declined') ORDER BY t.due_on, p.name LIMIT 200`, []any{t0}},
		{TodayDealExpiry, `SELECT p.id, p.name, d.protected_until, d.customer, '' FROM deals d JOIN partners p ON p.id = d.partner_id
			WHERE d.state = 'approved' AND d.protected_until BETWEEN ? AND ? ORDER BY d.protected_until LIMIT 200`, []any{t0, dealEnd}},
		{TodayCertExpiry, `SELECT p.id, p.name, c.expires_on, c.name || ' — ' || k.name, '' FROM certifications c
			JOIN contacts k ON k.id = c.contact_id JOIN partners p ON p.id = k.partner_id
			WHERE c.expires_on BETWEEN ? AND ? AND k.left_on = '' ORDER BY c.expires_on LIMIT 200`, []any{t0, certEnd}},
	}
	var out []TodayItem
	for _, q := range queries {
		items, err := todayItems(ctx, s.DB(), q.kind, q.sql, q.args)
		if err != nil {
			return nil, err
		}
		out = append(out, items...)
	}
	if PlanFigures.CheckInsDue != nil {
		due, err := PlanFigures.CheckInsDue(ctx, s, today)
		if err != nil {
			return nil, err
		}
		out = append(out, due...)
	}
	return appendMDFToday(ctx, s, today, out)
}

func todayItems(ctx context.Context, db *sql.DB, kind TodayKind, query string, args []any) ([]TodayItem, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []TodayItem
	for rows.Next() {
		it := TodayItem{Kind: kind}
		if err := rows.Scan(&it.PartnerID, &it.PartnerName, &it.Date, &it.Text, &it.TextRU); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}
