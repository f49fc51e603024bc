package metrics

import (
	"context"
	"testing"
	"time"

	"channeldesk/app/check"
	"channeldesk/app/demo"
	"channeldesk/app/fiscal"
	"channeldesk/app/mdf"
	"channeldesk/data"
)

// mdfVolumeStore is a volume store with MDF funds, requests and ledger.
func mdfVolumeStore(tb testing.TB, partners, deals, requests int) *data.Store {
	tb.Helper()
	s := volumeStore(tb, partners, deals)
	if err := demo.FillMDFVolume(context.Background(), s, demo.Volume{Partners: partners, Deals: deals, Today: dashToday}, requests); err != nil {
		tb.Fatal(err)
	}
	return s
}

func TestMDFKPISumsTheCurrentFunds(t *testing.T) {
	ctx := context.Background()
	s := mdfVolumeStore(t, 40, 400, 400)
	if bad, err := check.CheckMDF(ctx, s); err != nil || len(bad) > 0 {
		t.Fatalf("the volume MDF data breaks the ledger invariants: %+v (%v)", bad, err)
	}
	funds, err := s.MDFFunds(ctx)
	if err != nil || len(funds) != demo.VolumeMDFFunds {
		t.Fatalf("funds %d (%v)", len(funds), err)
	}
	var want MDFKPI
	for _, f := range funds {
		if f.StartsOn <= fiscal.ISODate(dashToday) && fiscal.ISODate(dashToday) <= f.EndsOn {
			b, _ := mdf.FundBalance(ctx, s.DB(), f.ID)
			want.Funds++
			want.Budget += f.Budget
			want.Used += b.Used()
			want.Available += b.Available()
		}
	}
	got, err := LoadMDFKPI(ctx, s, dashToday)
	if err != nil {
		t.Fatal(err)
	}
	if got != want || got.Funds != 1 || got.Used == 0 || got.Available <= 0 {
		t.Errorf("KPI %+v, want %+v with one current fund, some used and some available", got, want)
	}
	// A year later no fund covers the day.
	if k, _ := LoadMDFKPI(ctx, s, dashToday.AddDate(1, 0, 0)); k != (MDFKPI{}) {
		t.Errorf("a year later: %+v, want nothing", k)
	}
}

func TestMDFTodayListsUnclaimedDeadlinesWithin14Days(t *testing.T) {
	ctx := context.Background()
	s := mdfVolumeStore(t, 30, 300, 600)
	items, err := MDFTodayItems(ctx, s, dashToday)
	if err != nil {
		t.Fatal(err)
	}
	var want int
	s.DB().QueryRow(`SELECT count(*) FROM mdf_requests r JOIN mdf_funds f ON f.id = r.fund_id WHERE r.state = 'approved'
		AND NOT EXISTS (SELECT 1 FROM mdf_claims c WHERE c.request_id = r.id)
		AND date(r.ends_on, '+' || f.claim_days || ' days') BETWEEN ? AND ?`, fiscal.ISODate(dashToday), fiscal.ISODate(dashToday.AddDate(0, 0, 14))).Scan(&want)
	if len(items) == 0 || len(items) != want {
		t.Fatalf("items %d, want %d (> 0)", len(items), want)
	}
	last := ""
	for _, it := range items {
		if it.Kind != TodayMDFDeadline || it.PartnerID == 0 || it.PartnerName == "" || it.Text == "" {
			t.Errorf("item %+v", it)
		}
		if it.Date < fiscal.ISODate(dashToday) || it.Date > fiscal.ISODate(dashToday.AddDate(0, 0, MDFClaimDays)) || it.Date < last {
			t.Errorf("deadline %s out of range or order (after %s)", it.Date, last)
		}
		last = it.Date
	}
	all, _ := TodayList(ctx, s, dashToday)
	n, week := 0, 0
	for _, it := range all {
		if it.Kind == TodayMDFDeadline {
			n++
		}
	}
	for _, it := range items {
		if it.Date <= fiscal.ISODate(dashToday.AddDate(0, 0, TodayDealDays)) {
			week++
		}
	}
	if n != week || week == 0 {
		t.Errorf("Today list has %d MDF items, want the %d due within a week", n, week)
	}
	claimFirst(t, s, items[0], dashToday, len(items))
}

// claimFirst submits a claim for one listed activity: it leaves the list;
// a rejected claim brings it back.
func claimFirst(t *testing.T, s *data.Store, it TodayItem, today time.Time, before int) {
	t.Helper()
	ctx := context.Background()
	var req int64
	s.DB().QueryRow(`SELECT r.id FROM mdf_requests r JOIN mdf_funds f ON f.id = r.fund_id WHERE r.partner_id = ? AND r.state = 'approved'
		AND NOT EXISTS (SELECT 1 FROM mdf_claims c WHERE c.request_id = r.id)
		AND date(r.ends_on, '+' || f.claim_days || ' days') = ? LIMIT 1`, it.PartnerID, it.Date).Scan(&req)
	now := today.Format(time.RFC3339)
	if _, err := s.DB().Exec(`INSERT INTO mdf_claims (request_id, actual_cost, state, submitted_on, created_at, updated_at)
		VALUES (?, 100, 'submitted', ?, ?, ?)`, req, fiscal.ISODate(today), now, now); err != nil {
		t.Fatal(err)
	}
	if items, _ := MDFTodayItems(ctx, s, today); len(items) != before-1 {
		t.Errorf("after a claim: %d items, want %d", len(items), before-1)
	}
	s.DB().Exec(`UPDATE mdf_claims SET state = 'rejected' WHERE request_id = ?`, req)
	if items, _ := MDFTodayItems(ctx, s, today); len(items) != before {
		t.Errorf("after the claim is rejected: %d items, want %d", len(items), before)
	}
}
