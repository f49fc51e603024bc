package metrics

import (
	"context"
	"time"

	"channeldesk/app/fiscal"
	mdfx "channeldesk/app/mdf"
	"channeldesk/data"
)

// MDFClaimDays is how far ahead the Today list looks for MDF claim deadlines.
const MDFClaimDays = 14

// TodayMDFDeadline is an approved MDF activity whose claim deadline is near
// and that has no claim yet.
const TodayMDFDeadline TodayKind = "mdf_deadline"

// MDFKPI is the dashboard's MDF tile: the funds whose period includes
// today, with their budget and what the ledger says about them.
type MDFKPI struct {
	Funds     int   // current funds
	Budget    int64 // their budgets together
	Used      int64 // pending + approved-unpaid + paid
	Available int64 // allocated − used
}

// LoadMDFKPI sums FundBalance over the funds whose period includes today.
func LoadMDFKPI(ctx context.Context, s *data.Store, today time.Time) (MDFKPI, error) {
	var k MDFKPI
	funds, err := s.MDFFunds(ctx)
	if err != nil {
		return k, err
	}
	day := fiscal.ISODate(today)
	for _, f := range funds {
		if f.StartsOn > day || f.EndsOn < day {
			continue
		}
		b, err := mdfx.FundBalance(ctx, s.DB(), f.ID)
		if err != nil {
			return k, err
		}
		k.Funds++
		k.Budget += f.Budget
		k.Used += b.Used()
		k.Available += b.Available()
	}
	return k, nil
}

// MDFTodayItems are the approved MDF activities whose claim deadline falls
// within MDFClaimDays of today and that have no claim yet (an open or
// approved one), soonest first. Text is the activity's description, or
// its fund's name when it has none.
func MDFTodayItems(ctx context.Context, s *data.Store, today time.Time) ([]TodayItem, error) {
	return todayItems(ctx, s.DB(), TodayMDFDeadline, `SELECT p.id, p.name, x.deadline, x.text, '' FROM (
			SELECT r.partner_id, date(r.ends_on, '+' || f.claim_days || ' days') deadline,
				coalesce(nullif(trim(r.description), ''), f.name) text, r.id
			FROM mdf_requests r JOIN mdf_funds f ON f.id = r.fund_id
			WHERE r.state = 'approved' AND NOT EXISTS (SELECT 1 FROM mdf_claims c WHERE c.request_id = r.id
				AND c.state IN ('submitted','info','approved','paid'))) x
		JOIN partners p ON p.id = x.partner_id
		WHERE x.deadline BETWEEN ? AND ? ORDER BY x.deadline, x.id LIMIT 200`,
		[]any{fiscal.ISODate(today), fiscal.ISODate(today.AddDate(0, 0, MDFClaimDays))})
}

// appendMDFToday adds the MDF claim deadlines within TodayDealDays to the Today list.
func appendMDFToday(ctx context.Context, s *data.Store, today time.Time, items []TodayItem) ([]TodayItem, error) {
	mdf, err := MDFTodayItems(ctx, s, today)
	if err != nil {
		return nil, err
	}
	end := fiscal.ISODate(today.AddDate(0, 0, TodayDealDays))
	for _, it := range mdf {
		if it.Date <= end {
			items = append(items, it)
		}
	}
	return items, nil
}
