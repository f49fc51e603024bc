package lead

import (
	"context"
	"sort"

	"channeldesk/data"
)

// Load builds a router from the store: the partners that can take leads,
// the weights in Settings, the protection windows active today and the
// declines of the given leads (all leads when ids is empty).
func Load(ctx context.Context, s *data.Store, ids []int64) (*Router, error) {
	today := s.Today()
	facts, err := s.LeadRoutingFacts(ctx, today)
	if err != nil {
		return nil, err
	}
	w, err := s.LeadWeights(ctx)
	if err != nil {
		return nil, err
	}
	prot, err := s.ActiveProtections(ctx, today)
	if err != nil {
		return nil, err
	}
	declines, err := s.LeadDeclines(ctx, ids)
	if err != nil {
		return nil, err
	}
	return NewRouter(facts, w, prot, declines), nil
}

// Routed is what batch routing did (or would do) with one lead.
type Routed struct {
	Lead       data.Lead
	Suggestion *Suggestion // nil: no partner can take it
	NoLocation bool
}

// BatchOptions say which leads a batch routes and whether it writes.
type BatchOptions struct {
	Event  string // only the leads of this event; "" all
	DryRun bool   // only say what would happen
	Author string
}

// RouteBatch offers every lead waiting for a partner (new or declined,
// of one event if asked) to its top suggestion, in one transaction, and
// returns per lead the partner and the reasons. Each offer counts in the
// partner's load for the leads after it, so a batch spreads over partners
// that score alike. Expired offers are returned to the pool first.
func RouteBatch(ctx context.Context, s *data.Store, opt BatchOptions) ([]Routed, error) {
	today := s.Today()
	if !opt.DryRun {
		if _, err := s.ExpireLeadOffers(ctx, today); err != nil {
			return nil, err
		}
	}
	leads, err := s.Leads(ctx, data.LeadFilter{Unrouted: true, Event: opt.Event})
	if err != nil {
		return nil, err
	}
	// oldest first: the lead that has waited longest is offered first
	sort.SliceStable(leads, func(i, j int) bool { return leads[i].ID < leads[j].ID })
	r, err := Load(ctx, s, nil)
	if err != nil {
		return nil, err
	}
	days, err := s.LeadOfferDays(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Routed, 0, len(leads))
	for i := range leads {
		res := r.Suggest(&leads[i], 1)
		rt := Routed{Lead: leads[i], NoLocation: res.NoLocation}
		if len(res.Suggestions) > 0 {
			rt.Suggestion = &res.Suggestions[0]
			r.Assign(rt.Suggestion.PartnerID)
		}
		out = append(out, rt)
	}
	if opt.DryRun {
		return out, nil
	}
	err = s.WithTx(ctx, func(tx *data.Tx) error {
		for i, rt := range out {
			if i%200 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			if rt.Suggestion == nil {
				continue
			}
			if err := s.OfferLeadTx(ctx, tx, rt.Lead.ID, rt.Suggestion.PartnerID, days,
				data.LeadMove{On: today, Author: opt.Author}); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// SuggestFor ranks the partners for one stored lead, reading the store
// (for a screen that shows one lead at a time).
func SuggestFor(ctx context.Context, s *data.Store, l *data.Lead, n int) (Result, error) {
	r, err := Load(ctx, s, []int64{l.ID})
	if err != nil {
		return Result{}, err
	}
	return r.Suggest(l, n), nil
}

// Offer offers a lead to a partner for the offer period in Settings.
func Offer(ctx context.Context, s *data.Store, leadID, partnerID int64, author string) error {
	days, err := s.LeadOfferDays(ctx)
	if err != nil {
		return err
	}
	return s.OfferLead(ctx, leadID, partnerID, days, data.LeadMove{On: s.Today(), Author: author})
}

// Expired reports whether an offer whose last day is expiresOn has
// expired on today: the last day itself still counts.
func Expired(expiresOn, today string) bool { return expiresOn != "" && expiresOn < today }

// ExpiresSoon reports whether an open offer ends within days days of
// today (today included) without having expired.
func ExpiresSoon(expiresOn, today string, days int) bool {
	return expiresOn != "" && !Expired(expiresOn, today) && expiresOn <= data.AddDays(today, days)
}
