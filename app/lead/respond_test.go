package lead_test

import (
	"context"
	"path/filepath"
	"testing"

	"channeldesk/app/lead"
	"channeldesk/data"
)

func errKey(err error) string {
	if e, ok := data.AsError(err); ok {
		return e.Key
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

// Accepting an offer on its last day works, the day after it is refused
// as expired (the Leads tab and a returned kit alike); a partner's answer
// to an offer the vendor took back says so, and the same answer given
// twice changes nothing.
func TestAnswersToOffers(t *testing.T) {
	ctx := context.Background()
	s, err := data.Open(filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p := &data.Partner{Name: "Kazan IT", Type: data.TypeReseller, Status: data.StatusActive}
	if err := s.CreatePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	offered := func(company string) int64 {
		l := &data.Lead{Company: company, Source: data.LeadFromWebsite}
		if err := s.CreateLead(ctx, l); err != nil {
			t.Fatal(err)
		}
		if err := s.OfferLead(ctx, l.ID, p.ID, 7, data.LeadMove{On: "2026-11-20"}); err != nil { // last day 27 Nov
			t.Fatal(err)
		}
		return l.ID
	}
	onTime, late, taken := offered("On Time"), offered("Late"), offered("Taken Back")
	if err := lead.Accept(ctx, s, onTime, data.LeadMove{On: "2026-11-27"}); err != nil {
		t.Errorf("accept on the last day: %v", err)
	}
	if err := lead.Accept(ctx, s, late, data.LeadMove{On: "2026-11-28"}); errKey(err) != "err.leads_offer_expired" {
		t.Errorf("accept the day after: %v", err)
	}
	if err := s.ReturnLead(ctx, taken, data.LeadMove{On: "2026-11-22"}); err != nil {
		t.Fatal(err)
	}
	respond := func(id int64, accept bool) (bool, error) {
		var changed bool
		err := s.WithTx(ctx, func(tx *data.Tx) error {
			var err error
			changed, err = lead.RespondTx(ctx, s, tx, id, p.ID, accept, data.LeadMove{On: "2026-11-24", Reason: "busy"})
			return err
		})
		return changed, err
	}
	if _, err := respond(taken, true); errKey(err) != "err.leads_offer_withdrawn" {
		t.Errorf("answer to a withdrawn offer: %v", err)
	}
	if changed, err := respond(onTime, true); err != nil || changed {
		t.Errorf("accepting again: changed %v, %v", changed, err)
	}
	if _, err := respond(onTime, false); errKey(err) != "err.leads_offer_answered" {
		t.Errorf("declining an accepted offer: %v", err)
	}
}
