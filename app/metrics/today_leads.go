package metrics

import (
	"context"
	"strconv"
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
// partner) and, per event, the leads waiting for a partner (PartnerID 0,
// the event as the name, the count as the text, dated by the oldest).
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
	count, since := map[string]int{}, map[string]string{}
	var events []string
	for _, l := range waiting {
		if count[l.EventName] == 0 {
			events = append(events, l.EventName)
		}
		count[l.EventName]++
		if d := l.CreatedAt[:min(10, len(l.CreatedAt))]; since[l.EventName] == "" || d < since[l.EventName] {
			since[l.EventName] = d
		}
	}
	for _, ev := range events {
		out = append(out, TodayItem{Kind: TodayLeadUnrouted, PartnerName: ev, Date: since[ev], Text: strconv.Itoa(count[ev])})
	}
	return out, nil
}
