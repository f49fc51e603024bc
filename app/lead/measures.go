package lead

import (
	"context"
	"sort"

	"channeldesk/data"
)

// PartnerMeasures is how a partner handled the leads offered to it.
type PartnerMeasures struct {
	PartnerID      int64
	Name           string
	Offered        int
	Accepted       int
	Declined       int
	Expired        int
	Open           int
	AcceptanceRate int  // percent of decided offers
	RateKnown      bool // at least 3 decided offers
	MedianDays     int  // median days from offer to acceptance; -1 when none accepted
	Converted      int
	ConversionRate int   // percent of accepted leads converted; 0 when none accepted
	Revenue        int64 // won revenue of the vendor-sourced deals, minor units
	LastExpired    string
}

// Measures turns a partner's raw lead record into its measures.
func Measures(c data.LeadPartnerCounts) PartnerMeasures {
	m := PartnerMeasures{PartnerID: c.PartnerID, Name: c.PartnerName, Offered: c.Offered, Accepted: c.Accepted,
		Declined: c.Declined, Expired: c.Expired, Open: c.Open, Converted: c.Converted, Revenue: c.Revenue, LastExpired: c.LastExpired,
		MedianDays: Median(c.DaysToAccept)}
	if decided := c.Accepted + c.Declined + c.Expired; decided > 0 {
		m.AcceptanceRate = c.Accepted * 100 / decided
	}
	_, m.RateKnown = AcceptanceRate(c.Accepted, c.Declined, c.Expired)
	if c.Accepted > 0 {
		m.ConversionRate = min(100, c.Converted*100/c.Accepted)
	}
	return m
}

// Median is the middle value (the lower of the two middle ones for an
// even count) of days; -1 for none.
func Median(days []int) int {
	if len(days) == 0 {
		return -1
	}
	d := append([]int(nil), days...)
	sort.Ints(d)
	return d[(len(d)-1)/2]
}

// PartnerTable returns the lead measures of every partner that was
// offered a lead (one partner when partnerID > 0).
func PartnerTable(ctx context.Context, s *data.Store, partnerID int64) ([]PartnerMeasures, error) {
	counts, err := s.LeadPartnerCounts(ctx, partnerID)
	if err != nil {
		return nil, err
	}
	out := make([]PartnerMeasures, len(counts))
	for i, c := range counts {
		out[i] = Measures(c)
	}
	return out, nil
}

// LetsOffersExpire reports whether a partner's lead record is an at-risk
// sign: at least 2 offers expired and they are at least half its decided
// offers.
func LetsOffersExpire(m PartnerMeasures) bool {
	decided := m.Accepted + m.Declined + m.Expired
	return m.Expired >= 2 && m.Expired*2 >= decided
}
