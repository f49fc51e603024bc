package team_test

import (
	"context"
	"testing"
	"time"

	"channeldesk/app/mdf"
	"channeldesk/data"
)

func fixedClock(ss ...*data.Store) {
	for _, s := range ss {
		s.Now = func() time.Time { return time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC) }
	}
}

// Two people spending the same MDF allocation offline: after both sync,
// nobody is below zero; the second request is undone and listed with the reason.
func TestMDFCannotGoBelowZeroAcrossLaptops(t *testing.T) {
	ctx := context.Background()
	var fund, pid int64
	anna, join := newTeam(t, func(s *data.Store) {
		fixedClock(s)
		pid = partner(t, s, "Spender").ID
		f := &data.MDFFund{Name: "Q1 fund", PeriodKind: "quarter", FiscalYear: 2026, Quarter: 1, Budget: 100000, Model: data.ModelDiscretionary,
			Activities: data.MDFActivities, ShareBP: 5000, ClaimDays: 30}
		if err := mdf.CreateFund(ctx, s, f); err != nil {
			t.Fatal(err)
		}
		fund = f.ID
		if err := mdf.Allocate(ctx, s, fund, pid, 1000_00, "Q1"); err != nil {
			t.Fatal(err)
		}
	})
	boris := join("Boris")
	fixedClock(boris.s)
	spend := func(l *laptop, amount int64) {
		r := &data.MDFRequest{FundID: fund, PartnerID: pid, Activity: data.ActivityWebinar, Description: "Webinar by " + l.name,
			StartsOn: "2026-02-01", EndsOn: "2026-02-02", Requested: amount, ExpectedLeads: 10, ExpectedPipeline: 1000}
		if err := mdf.CreateRequest(ctx, l.s, r); err != nil {
			t.Fatal(err)
		}
		if err := mdf.SubmitRequest(ctx, l.s, r.ID); err != nil {
			t.Fatal(err)
		}
	}
	spend(anna, 600_00)
	spend(boris, 700_00)
	anna.sync(t)
	r := boris.sync(t)
	rule := 0
	for _, c := range r.Conflicts {
		if c.Reason == "rule" {
			rule++
			if c.Detail == "" || c.OtherBy != "Boris" {
				t.Fatalf("rule conflict without reason or author: %+v", c)
			}
		}
	}
	if rule == 0 {
		t.Fatalf("no conflict for the request that overspent: %+v", r.Conflicts)
	}
	anna.sync(t)
	sameData(t, anna, boris)
	checkClean(t, anna, boris)
	b, err := mdf.PartnerBalance(ctx, anna.s.DB(), fund, pid)
	if err != nil {
		t.Fatal(err)
	}
	if b.Available() != 400_00 {
		t.Fatalf("available %d, want 400_00 (Anna's request stands)", b.Available())
	}
}

// Two partners registering the same customer on two laptops is the deal
// conflict ChannelDesk knows, listed once on every laptop.
func TestSameCustomerOnTwoLaptopsIsADealConflict(t *testing.T) {
	ctx := context.Background()
	var p1, p2 int64
	anna, join := newTeam(t, func(s *data.Store) {
		fixedClock(s)
		p1 = partner(t, s, "First reseller").ID
		p2 = partner(t, s, "Second reseller").ID
	})
	boris := join("Boris")
	fixedClock(boris.s)
	reg := func(l *laptop, p int64, approve bool) {
		d := &data.Deal{PartnerID: p, Customer: "Globex Corp", Amount: 5000_00, RegisteredOn: "2026-01-09", State: data.DealSubmitted}
		if err := l.s.SaveDeal(ctx, d); err != nil {
			t.Fatal(err)
		}
		if approve {
			if err := l.s.MoveDeal(ctx, d.ID, data.DealMove{To: data.DealApproved, On: "2026-01-09"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	reg(anna, p1, true)
	reg(boris, p2, false)
	anna.sync(t)
	boris.sync(t)
	anna.sync(t)
	sameData(t, anna, boris)
	checkClean(t, anna, boris)
	for _, l := range []*laptop{anna, boris} {
		cs, err := l.s.DealConflicts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) != 1 {
			t.Fatalf("%s lists %d deal conflicts, want 1", l.name, len(cs))
		}
	}
}
