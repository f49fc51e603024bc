package data_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"channeldesk/data"
)

func mustDeal(t *testing.T, s *data.Store, partnerID int64, customer, registered string) *data.Deal {
	t.Helper()
	d := &data.Deal{PartnerID: partnerID, Customer: customer, Amount: 100_00, RegisteredOn: registered}
	if err := s.SaveDeal(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

func dealState(t *testing.T, s *data.Store, id int64) data.Deal {
	t.Helper()
	ds, err := s.Deals(context.Background(), data.DealFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if d.ID == id {
			return d
		}
	}
	t.Fatalf("deal %d not listed", id)
	return data.Deal{}
}

func TestDealValidate(t *testing.T) {
	tests := map[string]struct {
		deal  data.Deal
		field string
	}{
		"customer required":         {data.Deal{PartnerID: 1, Customer: "  ", RegisteredOn: "2026-01-01"}, "customer"},
		"negative amount":           {data.Deal{PartnerID: 1, Customer: "A", Amount: -1, RegisteredOn: "2026-01-01"}, "amount"},
		"registration date":         {data.Deal{PartnerID: 1, Customer: "A", RegisteredOn: "01.01.2026"}, "registered_on"},
		"close before registration": {data.Deal{PartnerID: 1, Customer: "A", RegisteredOn: "2026-02-01", ExpectedCloseOn: "2026-01-31"}, "expected_close_on"},
		"rejected without reason":   {data.Deal{PartnerID: 1, Customer: "A", RegisteredOn: "2026-01-01", State: data.DealRejected}, "reason"},
		"won without close date":    {data.Deal{PartnerID: 1, Customer: "A", RegisteredOn: "2026-01-01", State: data.DealWon}, "closed_on"},
		"partner required":          {data.Deal{Customer: "A", RegisteredOn: "2026-01-01"}, "partner"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			d := tc.deal
			if d.State == "" {
				d.State = data.DealSubmitted
			}
			e, ok := data.AsError(d.Validate())
			if !ok || e.Field != tc.field {
				t.Errorf("got %v, want an error about %s", e, tc.field)
			}
		})
	}
}

func TestDealWorkflow(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	p := mustPartner(t, s, "Orbit", data.StatusActive)
	if err := s.SetProtectionDays(ctx, 30); err != nil {
		t.Fatal(err)
	}
	d := mustDeal(t, s, p.ID, "Acme", "2026-03-01")
	if err := s.MoveDeal(ctx, d.ID, data.DealMove{To: data.DealWon, On: "2026-03-05"}); data.ErrorCode(err) != data.ECONFLICT {
		t.Errorf("submitted → won: %v, want a conflict", err)
	}
	if err := s.MoveDeal(ctx, d.ID, data.DealMove{To: data.DealApproved, On: "2026-03-02"}); err != nil {
		t.Fatal(err)
	}
	got := dealState(t, s, d.ID)
	if got.State != data.DealApproved || got.ProtectedUntil != "2026-04-01" {
		t.Errorf("approved: state %s protected until %s, want 30 days from approval", got.State, got.ProtectedUntil)
	}
	if err := s.MoveDeal(ctx, d.ID, data.DealMove{To: data.DealWon, On: "2026-03-20"}); err != nil {
		t.Fatal(err)
	}
	if got := dealState(t, s, d.ID); got.State != data.DealWon || got.ClosedOn != "2026-03-20" {
		t.Errorf("won: %+v", got)
	}
	r := mustDeal(t, s, p.ID, "Beta", "2026-03-01")
	if err := s.MoveDeal(ctx, r.ID, data.DealMove{To: data.DealRejected, On: "2026-03-02"}); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("reject without a reason: %v", err)
	}
	if err := s.MoveDeal(ctx, r.ID, data.DealMove{To: data.DealRejected, On: "2026-03-02", Reason: "duplicate"}); err != nil {
		t.Fatal(err)
	}
}

func TestExpireDealsPastProtection(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	p := mustPartner(t, s, "Orbit", data.StatusActive)
	s.SetProtectionDays(ctx, 10)
	d := mustDeal(t, s, p.ID, "Acme", "2026-03-01")
	s.MoveDeal(ctx, d.ID, data.DealMove{To: data.DealApproved, On: "2026-03-01"}) // protected through 2026-03-11
	if n, _ := s.ExpireDeals(ctx, "2026-03-11"); n != 0 {
		t.Errorf("expired on the last protected day: %d", n)
	}
	if n, _ := s.ExpireDeals(ctx, "2026-03-12"); n != 1 || dealState(t, s, d.ID).State != data.DealExpired {
		t.Errorf("the day after protection: %d expired", n)
	}
}

func TestConflictFlaggedOnBothNamingTheEarlier(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	a := mustPartner(t, s, "Orbit", data.StatusActive)
	b := mustPartner(t, s, "Vector", data.StatusActive)
	first := &data.Deal{PartnerID: a.ID, Customer: "ООО Ромашка", CustomerKey: "ромашка", RegisteredOn: "2026-03-01"}
	s.SaveDeal(ctx, first)
	s.MoveDeal(ctx, first.ID, data.DealMove{To: data.DealApproved, On: "2026-03-02"})
	same := &data.Deal{PartnerID: a.ID, Customer: "Ромашка", CustomerKey: "ромашка", RegisteredOn: "2026-03-10"}
	s.SaveDeal(ctx, same)
	second := &data.Deal{PartnerID: b.ID, Customer: "«Ромашка» АО", CustomerKey: "ромашка", RegisteredOn: "2026-03-15"}
	s.SaveDeal(ctx, second)
	later := dealState(t, s, second.ID)
	earlier := dealState(t, s, first.ID)
	if later.Conflict == nil || later.Conflict.OtherDealID != first.ID || !later.Conflict.Earlier || later.Conflict.OtherPartner != "Orbit" {
		t.Errorf("later deal: conflict %+v, want the earlier deal of Orbit named", later.Conflict)
	}
	if earlier.Conflict == nil || earlier.Conflict.OtherDealID != second.ID || earlier.Conflict.Earlier {
		t.Errorf("earlier deal: conflict %+v", earlier.Conflict)
	}
	if c := dealState(t, s, same.ID).Conflict; c != nil {
		t.Errorf("the same partner registering again is no conflict: %+v", c)
	}
	if err := s.ResolveConflict(ctx, later.Conflict.ID, data.KeepEarlier, "Orbit registered first"); err != nil {
		t.Fatal(err)
	}
	if d := dealState(t, s, second.ID); d.State != data.DealRejected || d.Conflict != nil || d.Reason != "Orbit registered first" {
		t.Errorf("after resolving: %+v", d)
	}
}

func TestNoConflictAfterProtectionEnds(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	a := mustPartner(t, s, "Orbit", data.StatusActive)
	b := mustPartner(t, s, "Vector", data.StatusActive)
	s.SetProtectionDays(ctx, 10)
	first := mustDeal(t, s, a.ID, "acme", "2026-03-01")
	s.MoveDeal(ctx, first.ID, data.DealMove{To: data.DealApproved, On: "2026-03-01"})
	onLastDay := mustDeal(t, s, b.ID, "acme", "2026-03-11")
	after := mustDeal(t, s, b.ID, "acme", "2026-03-12")
	if dealState(t, s, onLastDay.ID).Conflict == nil {
		t.Error("registration on the last protected day is not flagged")
	}
	if c := dealState(t, s, after.ID).Conflict; c != nil {
		t.Errorf("registration after protection flagged: %+v", c)
	}
}

func TestTierChangeKeepsHistoryAndTimeline(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	p := mustPartner(t, s, "Orbit", data.StatusActive)
	gold := &data.Tier{Rank: 3, NameEN: "Gold", NameRU: "Золотой", Color: "#D4A62A",
		Requirements: []data.Requirement{{Kind: data.ReqRevenue12m, Threshold: 100}}}
	if err := s.SaveTier(ctx, gold); err != nil {
		t.Fatal(err)
	}
	if err := s.ChangeTier(ctx, &data.TierChange{PartnerID: p.ID, ToTierID: gold.ID}, "x"); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("change without reason: %v", err)
	}
	if err := s.ChangeTier(ctx, &data.TierChange{PartnerID: p.ID, ToTierID: gold.ID, Reason: "met Gold"}, "— → Gold: met Gold"); err != nil {
		t.Fatal(err)
	}
	if id, _ := s.AssignedTier(ctx, p.ID); id != gold.ID {
		t.Errorf("assigned tier %d", id)
	}
	hist, _ := s.TierChanges(ctx, p.ID)
	evs, _ := s.Events(ctx, p.ID)
	if len(hist) != 1 || hist[0].FromTierID != 0 || hist[0].Reason != "met Gold" {
		t.Errorf("history %+v", hist)
	}
	if len(evs) != 1 || evs[0].Kind != data.EventTierChange {
		t.Errorf("timeline %+v", evs)
	}
	if err := s.SaveTier(ctx, &data.Tier{Rank: 3, NameEN: "X", NameRU: "Х", Color: "#000000"}); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("second tier with rank 3: %v", err)
	}
}

// Every step of a deal's workflow is a timeline event of its partner,
// with the deal states, the customer, the reason and who decided.
func TestDealStepsEnterTheTimeline(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	p := mustPartner(t, s, "Orbit", data.StatusActive)
	d := mustDeal(t, s, p.ID, "ООО Ромашка", "2026-03-01")
	if err := s.MoveDeal(ctx, d.ID, data.DealMove{To: data.DealApproved, On: "2026-03-02", Author: "Ольга"}); err != nil {
		t.Fatal(err)
	}
	if err := s.MoveDeal(ctx, d.ID, data.DealMove{To: data.DealLost, On: "2026-04-02", Reason: "budget cut", Author: "Ольга"}); err != nil {
		t.Fatal(err)
	}
	if err := s.MoveDeal(ctx, d.ID, data.DealMove{To: data.DealWon, On: "2026-04-03"}); err == nil {
		t.Fatal("lost → won allowed")
	}
	evs, err := s.Events(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range evs {
		if e.Kind == data.EventDeal {
			got = append(got, e.At[:10]+" "+string(e.FromStatus)+">"+string(e.ToStatus)+" "+e.Body+" by "+e.Author)
		}
	}
	// Each step sits on the day it happened, whenever it was recorded.
	want := []string{"2026-04-02 approved>lost ООО Ромашка: budget cut by Ольга", "2026-03-02 submitted>approved ООО Ромашка by Ольга",
		"2026-03-01 >submitted ООО Ромашка by "}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("deal events (newest first) %q, want %q", got, want)
	}
	// A deal whose protection runs out expires into the timeline too.
	e := mustDeal(t, s, p.ID, "Acme", "2026-03-01")
	s.MoveDeal(ctx, e.ID, data.DealMove{To: data.DealApproved, On: "2026-03-01"})
	if n, err := s.ExpireDeals(ctx, "2099-01-01"); err != nil || n != 1 {
		t.Fatalf("expired %d, %v", n, err)
	}
	evs, _ = s.Events(ctx, p.ID)
	if e := evs[0]; e.Kind != data.EventDeal || e.FromStatus != "approved" || e.ToStatus != "expired" || e.Body != "Acme" {
		t.Errorf("newest event after expiry %+v", e)
	}
}

// A deal step shows on the day it happened in the manager's own time
// zone, far from UTC too (08:00 in Vladivostok is 22:00 UTC the day
// before).
func TestDealEventsKeepTheirLocalDay(t *testing.T) {
	vlad := time.FixedZone("Vladivostok", 10*3600)
	s := MustOpen(t)
	s.Now = func() time.Time { return time.Date(2026, 3, 2, 8, 0, 0, 0, vlad) }
	ctx := context.Background()
	s.SetProtectionDays(ctx, 10)
	p := mustPartner(t, s, "Orbit", data.StatusActive)
	d := mustDeal(t, s, p.ID, "Acme", "2026-03-01")
	if err := s.MoveDeal(ctx, d.ID, data.DealMove{To: data.DealApproved, On: "2026-03-02"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ExpireDeals(ctx, "2026-03-20"); err != nil { // protected through 2026-03-12
		t.Fatal(err)
	}
	evs, _ := s.Events(ctx, p.ID)
	var days []string
	for _, e := range evs {
		at, err := time.Parse(time.RFC3339, e.At)
		if err != nil {
			t.Fatal(err)
		}
		days = append(days, string(e.ToStatus)+" "+at.In(vlad).Format("2006-01-02"))
	}
	if got, want := strings.Join(days, ", "), "expired 2026-03-13, approved 2026-03-02, submitted 2026-03-01"; got != want {
		t.Errorf("local days %q, want %q", got, want)
	}
}
