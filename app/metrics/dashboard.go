package metrics

import (
	"context"
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
	if err == nil {
		k.PlanThisQuarter, k.HasPlan, err = QuarterTarget(ctx, s, today)
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
		f    data.TodayFilter
	}{
		{TodayEscalation, data.TodayFilter{Kind: data.TodayOpenEscalations}},
		{TodayTaskDue, data.TodayFilter{Kind: data.TodayOverdueTasks, From: t0}},
		{TodayDealExpiry, data.TodayFilter{Kind: data.TodayDealProtection, From: t0, To: dealEnd}},
		{TodayCertExpiry, data.TodayFilter{Kind: data.TodayCertExpiries, From: t0, To: certEnd}},
	}
	var out []TodayItem
	for _, q := range queries {
		items, err := todayItems(ctx, s, q.kind, q.f)
		if err != nil {
			return nil, err
		}
		out = append(out, items...)
	}
	due, err := CheckInsDue(ctx, s, today)
	if err != nil {
		return nil, err
	}
	out = append(out, due...)
	return appendMDFToday(ctx, s, today, out)
}

// todayItems are the Today rows f chooses, as items of kind.
func todayItems(ctx context.Context, s *data.Store, kind TodayKind, f data.TodayFilter) ([]TodayItem, error) {
	rows, err := s.TodayRows(ctx, f)
	if err != nil {
		return nil, err
	}
	var out []TodayItem
	for _, r := range rows {
		out = append(out, TodayItem{Kind: kind, PartnerID: r.PartnerID, PartnerName: r.PartnerName, Date: r.Date,
			Text: r.Text, TextRU: r.TextRU})
	}
	return out, nil
}
