package data_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"channeldesk/data"
)

func mustLead(t *testing.T, s *data.Store, company string) *data.Lead {
	t.Helper()
	l := &data.Lead{Company: company, Country: "Russia", Region: "Tatarstan", Product: "Cloud", EstAmount: 500_000_00,
		Currency: "RUB", Source: data.LeadFromEvent, EventName: "CNews Forum", EventDate: "2026-11-20", CreatedBy: "anna"}
	if err := s.CreateLead(context.Background(), l); err != nil {
		t.Fatal(err)
	}
	return l
}

func leadNow(t *testing.T, s *data.Store, id int64) *data.Lead {
	t.Helper()
	l, err := s.Lead(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func partnerEvents(t *testing.T, s *data.Store, partnerID int64) []data.Event {
	t.Helper()
	evs, err := s.Events(context.Background(), partnerID)
	if err != nil {
		t.Fatal(err)
	}
	var out []data.Event
	for _, e := range evs {
		if e.Kind == data.EventLead {
			out = append(out, e)
		}
	}
	return out
}

func TestLeadValidate(t *testing.T) {
	tests := map[string]struct {
		lead  data.Lead
		field string
	}{
		"company required":     {data.Lead{Company: " ", EventName: "X"}, "company"},
		"negative size":        {data.Lead{Company: "A", EstAmount: -1}, "est_amount"},
		"event needs its name": {data.Lead{Company: "A", Source: data.LeadFromEvent}, "event_name"},
		"unknown source":       {data.Lead{Company: "A", Source: "fax"}, "source"},
		"bad e-mail":           {data.Lead{Company: "A", ContactEmail: "ivan@"}, "contact_email"},
		"bad event date":       {data.Lead{Company: "A", EventName: "X", EventDate: "20.11.2026"}, "event_date"},
		"bad currency":         {data.Lead{Company: "A", Currency: "rubles"}, "currency"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			l := tc.lead
			e, ok := data.AsError(l.Validate())
			if !ok || e.Field != tc.field {
				t.Errorf("got %v, want an error about %s", e, tc.field)
			}
		})
	}
}

func TestLeadWorkflow(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	a := mustPartner(t, s, "Alfa", data.StatusActive)
	b := mustPartner(t, s, "Beta", data.StatusActive)

	t.Run("OfferAcceptConvertAndDealRejectedBackToAccepted", func(t *testing.T) {
		l := mustLead(t, s, "Kazan Steel")
		if err := s.OfferLead(ctx, l.ID, a.ID, 7, data.LeadMove{On: "2026-11-23", Author: "anna"}); err != nil {
			t.Fatal(err)
		}
		got := leadNow(t, s, l.ID)
		if got.State != data.LeadOffered || got.PartnerID != a.ID || got.ExpiresOn != "2026-11-30" || got.PartnerName != "Alfa" {
			t.Fatalf("after offer: %+v", got)
		}
		if err := s.AcceptLead(ctx, l.ID, data.LeadMove{On: "2026-11-25"}); err != nil {
			t.Fatal(err)
		}
		d := mustDeal(t, s, a.ID, "Kazan Steel", "2026-11-26")
		if err := s.ConvertLead(ctx, l.ID, d.ID, data.LeadMove{On: "2026-11-26"}); err != nil {
			t.Fatal(err)
		}
		if got := leadNow(t, s, l.ID); got.State != data.LeadConverted || got.DealID != d.ID {
			t.Fatalf("after convert: %+v", got)
		}
		if src, err := s.DealLead(ctx, d.ID); err != nil || src == nil || src.ID != l.ID {
			t.Fatalf("the deal does not carry its vendor-sourced lead: %v %v", src, err)
		}
		if err := s.MoveDeal(ctx, d.ID, data.DealMove{To: data.DealRejected, On: "2026-11-27", Reason: "duplicate"}); err != nil {
			t.Fatal(err)
		}
		if got := leadNow(t, s, l.ID); got.State != data.LeadAccepted || got.DealID != 0 || got.PartnerID != a.ID {
			t.Fatalf("a rejected deal must put its lead back to accepted: %+v", got)
		}
		steps, _ := s.LeadSteps(ctx, l.ID)
		var kinds []string
		for _, st := range steps {
			kinds = append(kinds, string(st.Kind))
		}
		if strings.Join(kinds, ",") != "captured,offered,accepted,converted,deal_rejected" {
			t.Errorf("lead timeline: %v", kinds)
		}
		if evs := partnerEvents(t, s, a.ID); len(evs) != 4 {
			t.Errorf("partner timeline has %d lead events, want 4 (offered, accepted, converted, deal rejected)", len(evs))
		}
	})

	t.Run("DeclineNeedsReasonAndBlocksReofferToSamePartner", func(t *testing.T) {
		l := mustLead(t, s, "Volga Foods")
		if err := s.OfferLead(ctx, l.ID, a.ID, 7, data.LeadMove{On: "2026-11-23"}); err != nil {
			t.Fatal(err)
		}
		if err := s.DeclineLead(ctx, l.ID, data.LeadMove{On: "2026-11-24"}); data.ErrorCode(err) != data.EINVALID {
			t.Fatalf("decline without reason: %v", err)
		}
		if err := s.DeclineLead(ctx, l.ID, data.LeadMove{On: "2026-11-24", Reason: "outside our region"}); err != nil {
			t.Fatal(err)
		}
		if got := leadNow(t, s, l.ID); got.State != data.LeadDeclined || got.PartnerID != 0 || got.Reason != "outside our region" {
			t.Fatalf("after decline: %+v", got)
		}
		if err := s.OfferLead(ctx, l.ID, a.ID, 7, data.LeadMove{On: "2026-11-25"}); data.ErrorCode(err) != data.ECONFLICT {
			t.Fatalf("re-offer to the partner that declined: %v", err)
		}
		if err := s.OfferLead(ctx, l.ID, b.ID, 7, data.LeadMove{On: "2026-11-25"}); err != nil {
			t.Fatalf("re-offer to another partner: %v", err)
		}
		offers, _ := s.LeadOffers(ctx, l.ID)
		if len(offers) != 2 || offers[0].Outcome != "declined" || offers[1].Outcome != "open" {
			t.Errorf("offers: %+v", offers)
		}
	})

	t.Run("LostNeedsReason", func(t *testing.T) {
		l := mustLead(t, s, "Ural Mining")
		if err := s.LoseLead(ctx, l.ID, data.LeadMove{On: "2026-11-24"}); data.ErrorCode(err) != data.EINVALID {
			t.Fatalf("lost without reason: %v", err)
		}
		if err := s.LoseLead(ctx, l.ID, data.LeadMove{On: "2026-11-24", Reason: "bought elsewhere"}); err != nil {
			t.Fatal(err)
		}
		if err := s.AcceptLead(ctx, l.ID, data.LeadMove{On: "2026-11-25"}); data.ErrorCode(err) != data.ECONFLICT {
			t.Fatalf("accepting a lost lead: %v", err)
		}
	})

	t.Run("InactivePartnerRefused", func(t *testing.T) {
		p := mustPartner(t, s, "Prospect Co", data.StatusProspect)
		l := mustLead(t, s, "Omsk Energo")
		if err := s.OfferLead(ctx, l.ID, p.ID, 7, data.LeadMove{On: "2026-11-24"}); data.ErrorCode(err) != data.ECONFLICT {
			t.Fatalf("offer to a prospect: %v", err)
		}
	})
}

// TestLeadOfferExpiresAfterItsLastDay: an offer made on the 23rd for 7
// days can still be accepted on the 30th and returns to the pool on the 1st.
func TestLeadOfferExpiresAfterItsLastDay(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	a := mustPartner(t, s, "Alfa", data.StatusActive)
	l := mustLead(t, s, "Kazan Steel")
	days, err := s.LeadOfferDays(ctx)
	if err != nil || days != 7 {
		t.Fatalf("default offer days %d, %v; want 7", days, err)
	}
	if err := s.OfferLead(ctx, l.ID, a.ID, days, data.LeadMove{On: "2026-11-23"}); err != nil {
		t.Fatal(err)
	}
	if n, err := s.ExpireLeadOffers(ctx, "2026-11-30"); err != nil || n != 0 {
		t.Fatalf("on the last day %d expired (%v); want 0", n, err)
	}
	if got := leadNow(t, s, l.ID); got.State != data.LeadOffered {
		t.Fatalf("on the last day the lead is %s", got.State)
	}
	if n, err := s.ExpireLeadOffers(ctx, "2026-12-01"); err != nil || n != 1 {
		t.Fatalf("the day after %d expired (%v); want 1", n, err)
	}
	got := leadNow(t, s, l.ID)
	if got.State != data.LeadNew || got.PartnerID != 0 || got.ExpiresOn != "" {
		t.Fatalf("an expired offer must return the lead to the pool: %+v", got)
	}
	offers, _ := s.LeadOffers(ctx, l.ID)
	if offers[0].Outcome != "expired" || offers[0].DecidedOn != "2026-12-01" {
		t.Errorf("offer after expiry: %+v", offers[0])
	}
	evs := partnerEvents(t, s, a.ID)
	if len(evs) != 2 || evs[0].ToStatus != data.Status(data.LeadNew) {
		t.Errorf("the partner's timeline must show the expiry: %+v", evs)
	}
	if err := s.SetLeadOfferDays(ctx, 0); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("0 offer days accepted: %v", err)
	}
}

func TestOffboardedPartnerReturnsItsLeads(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	s.Now = func() time.Time { return time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC) }
	a := mustPartner(t, s, "Alfa", data.StatusActive)
	offered, accepted := mustLead(t, s, "One"), mustLead(t, s, "Two")
	for _, l := range []*data.Lead{offered, accepted} {
		if err := s.OfferLead(ctx, l.ID, a.ID, 7, data.LeadMove{On: "2026-11-23"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.AcceptLead(ctx, accepted.ID, data.LeadMove{On: "2026-11-24"}); err != nil {
		t.Fatal(err)
	}
	if err := s.ChangeStatus(ctx, a.ID, data.StatusOffboarded, "contract ended", "anna"); err != nil {
		t.Fatal(err)
	}
	for _, l := range []*data.Lead{offered, accepted} {
		got := leadNow(t, s, l.ID)
		if got.State != data.LeadNew || got.PartnerID != 0 {
			t.Errorf("%s after offboarding: %s, partner %d", l.Company, got.State, got.PartnerID)
		}
		steps, _ := s.LeadSteps(ctx, l.ID)
		if last := steps[len(steps)-1]; last.Kind != data.StepReturned || last.PartnerID != a.ID {
			t.Errorf("%s: last step %+v, want returned", l.Company, last)
		}
	}
	returned := 0
	for _, e := range partnerEvents(t, s, a.ID) {
		if e.ToStatus == data.Status(data.LeadNew) {
			returned++
		}
	}
	if returned != 2 {
		t.Errorf("%d return entries in the partner's timeline, want 2", returned)
	}
}

func TestLeadDuplicatesAndProtection(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	s.Now = func() time.Time { return time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC) }
	a := mustPartner(t, s, "Alfa", data.StatusActive)
	mustLead(t, s, "Kazan  Steel")
	d := &data.Deal{PartnerID: a.ID, Customer: "Volga Foods", CustomerTaxID: "1655000000", Amount: 1, RegisteredOn: "2026-11-01"}
	if err := s.SaveDeal(ctx, d); err != nil {
		t.Fatal(err)
	}
	if err := s.MoveDeal(ctx, d.ID, data.DealMove{To: data.DealApproved, On: "2026-11-02"}); err != nil {
		t.Fatal(err)
	}
	dups, err := s.LeadDuplicates(ctx, &data.Lead{Company: "kazan steel"})
	if err != nil || len(dups) != 1 || dups[0].LeadID == 0 {
		t.Fatalf("same company, other spacing and case: %+v %v", dups, err)
	}
	dups, _ = s.LeadDuplicates(ctx, &data.Lead{Company: "VF LLC", TaxID: "1655000000"})
	if len(dups) != 1 || dups[0].DealID != d.ID || dups[0].PartnerName != "Alfa" {
		t.Fatalf("registered customer by ИНН: %+v", dups)
	}
	if dups, _ = s.LeadDuplicates(ctx, &data.Lead{Company: "Nobody", ContactEmail: "x@gmail.com"}); len(dups) != 0 {
		t.Errorf("a public mail domain matched: %+v", dups)
	}
	prot, err := s.LeadProtections(ctx, &data.Lead{Company: "Volga Foods"}, "2026-11-25")
	if err != nil || len(prot) != 1 || prot[0].PartnerID != a.ID {
		t.Fatalf("protection window: %+v %v", prot, err)
	}
	if prot, _ = s.LeadProtections(ctx, &data.Lead{Company: "Volga Foods"}, "2027-03-01"); len(prot) != 0 {
		t.Errorf("protection after its end: %+v", prot)
	}
}
