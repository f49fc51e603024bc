package metrics

import (
	"context"
	"time"

	"channeldesk/app/lead"
	"channeldesk/data"
)

// RiskLetsLeadsExpire is a partner that lets the leads offered to it
// expire (lead.LetsOffersExpire: at least 2, and at least half of the
// offers it had to answer).
const RiskLetsLeadsExpire RiskKind = "lets_leads_expire"

func init() { RiskExtras = append(RiskExtras, leadRisks) }

// leadRisks flags the active partners that let offered leads expire,
// since the latest expiry.
func leadRisks(ctx context.Context, s *data.Store, _ time.Time) ([]AtRisk, error) {
	ms, err := lead.PartnerTable(ctx, s, 0)
	if err != nil {
		return nil, err
	}
	var out []AtRisk
	for _, m := range ms {
		if !lead.LetsOffersExpire(m) {
			continue
		}
		p, err := s.Partner(ctx, m.PartnerID)
		if err != nil {
			return nil, err
		}
		if p.Status == data.StatusActive || p.Status == data.StatusAtRisk {
			out = append(out, AtRisk{PartnerID: p.ID, Name: p.Name, Status: p.Status, Kind: RiskLetsLeadsExpire, Since: m.LastExpired})
		}
	}
	return out, nil
}
