package lead

import (
	"context"

	"channeldesk/data"
)

// Accept records that the partner holding an offered lead accepted it,
// as the manager enters it (the Leads tab). An offer past its last day
// cannot be accepted any more: it is said to have expired.
func Accept(ctx context.Context, s *data.Store, leadID int64, m data.LeadMove) error {
	return s.WithTx(ctx, func(tx *data.Tx) error { return answer(ctx, s, tx, leadID, 0, true, m) })
}

// Decline records that the partner holding an offered lead declined it;
// m.Reason is required.
func Decline(ctx context.Context, s *data.Store, leadID int64, m data.LeadMove) error {
	return s.WithTx(ctx, func(tx *data.Tx) error { return answer(ctx, s, tx, leadID, 0, false, m) })
}

// RespondTx is a partner's own answer to an offer, inside a caller's
// transaction (a returned partner kit), under the rules of Accept and
// Decline. It reports whether it changed anything: the same answer given
// again (the lead already accepted, or declined, by this partner) is no
// change. An offer that expired, was withdrawn or went to another partner
// is refused saying which.
func RespondTx(ctx context.Context, s *data.Store, tx *data.Tx, leadID, partnerID int64, accept bool, m data.LeadMove) (bool, error) {
	l, err := data.LeadTx(ctx, tx, leadID)
	if err != nil {
		return false, err
	}
	if l.State == data.LeadOffered && l.PartnerID == partnerID {
		return true, answer(ctx, s, tx, leadID, partnerID, accept, m)
	}
	o, err := data.LatestLeadOfferTx(ctx, tx, leadID, partnerID)
	switch {
	case err != nil:
		return false, err
	case o == nil:
		return false, data.Conflict("err.leads_not_offered_to", nil)
	case o.Outcome == "expired":
		return false, data.Conflict("err.leads_offer_expired", map[string]any{"Date": o.ExpiresOn})
	case o.Outcome == "accepted" && accept, o.Outcome == "declined" && !accept:
		return false, nil // answered so already
	case o.Outcome == "withdrawn" || o.Outcome == "returned":
		return false, data.Conflict("err.leads_offer_withdrawn", map[string]any{"Date": o.DecidedOn})
	}
	return false, data.Conflict("err.leads_offer_answered", map[string]any{"Date": o.DecidedOn})
}

// answer applies an accept or decline to a lead offered to partnerID (0:
// whoever holds it), refusing an offer past its last day.
func answer(ctx context.Context, s *data.Store, tx *data.Tx, leadID, partnerID int64, accept bool, m data.LeadMove) error {
	l, err := data.LeadTx(ctx, tx, leadID)
	if err != nil {
		return err
	}
	if l.State != data.LeadOffered {
		return data.Conflict("err.leads_transition", map[string]any{"From": string(l.State)})
	}
	if Expired(l.ExpiresOn, m.On) {
		return data.Conflict("err.leads_offer_expired", map[string]any{"Date": l.ExpiresOn})
	}
	if partnerID == 0 {
		partnerID = l.PartnerID
	}
	return s.RespondLeadTx(ctx, tx, leadID, partnerID, accept, m)
}
