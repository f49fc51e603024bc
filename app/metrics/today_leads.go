package metrics

import (
	"context"
	"time"

	"channeldesk/app/fiscal"
	"channeldesk/data"
)

// Today kinds of leads.
const (
	TodayLeadOffer    TodayKind = "lead_offer"    // a lead offered to the partner is about to return to the pool
	TodayLeadUnrouted TodayKind = "lead_unrouted" // leads of an event wait for a partner
)

// TodayLeadDays is how many days before its last day an open offer shows
// in Today.
const TodayLeadDays = 2

func init() {
	TodayOrder = append(TodayOrder, TodayLeadOffer, TodayLeadUnrouted)
	TodayExtras = append(TodayExtras, leadToday)
}

// leadToday lists the offers whose last day is within TodayLeadDays (by
// partner) and every lead waiting for a partner (PartnerID 0, its
// company as the title, its event as the text, dated by its capture);
// Today groups those by event, the oldest lead first.
func leadToday(ctx context.Context, s *data.Store, today time.Time) ([]TodayItem, error) {
	t0 := fiscal.ISODate(today)
	offers, err := s.Leads(ctx, data.LeadFilter{ExpiringBy: data.AddDays(t0, TodayLeadDays)})
	if err != nil {
		return nil, err
	}
	var out []TodayItem
	for _, l := range offers {
		if l.ExpiresOn >= t0 {
			out = append(out, TodayItem{Kind: TodayLeadOffer, PartnerID: l.PartnerID, PartnerName: l.PartnerName,
				Date: l.ExpiresOn, Text: l.Company})
		}
	}
	waiting, err := s.Leads(ctx, data.LeadFilter{Unrouted: true})
	if err != nil {
		return nil, err
	}
	for _, l := range waiting {
		out = append(out, TodayItem{Kind: TodayLeadUnrouted, Title: l.Company, Text: l.EventName,
			Date: l.CreatedAt[:min(10, len(l.CreatedAt))]})
	}
	return out, nil
}
