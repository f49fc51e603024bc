package plan

import (
	"channeldesk/app/format"
	"channeldesk/data"
	"context"
	"strings"
	"time"
)

// loadTier reads the partner's assigned tier and its progress on every
// requirement of the next tier up, from the shared tables. The deals &
// tiers area owns the full evaluation; this reads the same contracts
// (won deals, valid certifications, the onboarding checklist).
func loadTier(ctx context.Context, s *data.Store, partnerID int64, l format.Lang, today time.Time) (TierSection, error) {
	var sec TierSection
	tiers, err := s.Tiers(ctx)
	if err != nil || len(tiers) == 0 {
		return sec, err
	}
	sec.HasProgram = true
	tierID, err := s.PartnerTierID(ctx, partnerID)
	if err != nil {
		return sec, err
	}
	rank := -1 << 31
	if tierID != 0 {
		cur := findTier(tiers, tierID)
		if cur == nil {
			return sec, data.NotFound("tier")
		}
		sec.Current, rank = tierInfo(cur, l), cur.Rank
	}
	// Tiers come lowest rank first: the next one up is the first above.
	var next *data.Tier
	for i := range tiers {
		if tiers[i].Rank > rank {
			next = &tiers[i]
			break
		}
	}
	if next == nil {
		return sec, nil
	}
	sec.Next = tierInfo(next, l)
	sec.Progress, err = tierProgress(ctx, s, partnerID, next, l, today)
	return sec, err
}

func findTier(tiers []data.Tier, id int64) *data.Tier {
	for i := range tiers {
		if tiers[i].ID == id {
			return &tiers[i]
		}
	}
	return nil
}

func tierInfo(d *data.Tier, l format.Lang) *TierInfo {
	t := TierInfo{Name: d.NameEN, Color: d.Color, DiscountBP: d.DiscountBP, MDFBP: d.MDFAccrualBP}
	benefits := d.BenefitsEN
	if l == format.RU {
		t.Name, benefits = d.NameRU, d.BenefitsRU
	}
	for _, line := range strings.Split(benefits, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			t.Benefits = append(t.Benefits, line)
		}
	}
	return &t
}

func tierProgress(ctx context.Context, s *data.Store, partnerID int64, t *data.Tier, l format.Lang, today time.Time) ([]ProgressRow, error) {
	out := make([]ProgressRow, 0, len(t.Requirements))
	for _, r := range t.Requirements {
		kind := string(r.Kind)
		row := ProgressRow{Label: text(l, "req."+kind), Target: r.Threshold, Known: true, Money: r.Kind == data.ReqRevenue12m}
		if r.Kind == data.ReqOnboarded {
			row.YesNo, row.Target = true, 1
		}
		if r.Kind == data.ReqCustomValue {
			row.Label, row.Known = r.LabelEN, false
			if l == format.RU && r.LabelRU != "" {
				row.Label = r.LabelRU
			}
		} else if r.Kind == data.ReqLeadAcceptance {
			row = leadAcceptanceRow(ctx, s, partnerID, row, today)
		} else {
			var err error
			if row.Actual, err = requirementActual(ctx, s, partnerID, r.Kind, today); err != nil {
				return nil, err
			}
		}
		out = append(out, finishRow(row))
	}
	return out, nil
}

// leadAcceptanceRow is the partner's own lead acceptance rate over the
// trailing 12 months (accepted ÷ decided offers, whole percent rounded
// down, as the tier engine counts it); with no decided offer it is met and
// says so. A failed read leaves the figure "not set".
func leadAcceptanceRow(ctx context.Context, s *data.Store, partnerID int64, row ProgressRow, today time.Time) ProgressRow {
	row.Percent = true
	ds, err := s.LeadDecisions(ctx, partnerID, iso(today.AddDate(-1, 0, 1)), iso(today))
	if err != nil {
		row.Known = false
		return row
	}
	var accepted int64
	for _, d := range ds {
		if d.Accepted {
			accepted++
		}
	}
	switch {
	case len(ds) == 0:
		row.NoData, row.Actual = true, row.Target
	default:
		row.Actual = accepted * 100 / int64(len(ds))
	}
	return row
}

// finishRow computes the exact gap and the bar's fraction.
func finishRow(r ProgressRow) ProgressRow {
	r.Gap = max(r.Target-r.Actual, 0)
	switch {
	case r.Target <= 0:
		r.Fraction = 1
	default:
		r.Fraction = min(float64(r.Actual)/float64(r.Target), 1)
	}
	if !r.Known {
		r.Fraction, r.Gap = 0, 0
	}
	return r
}

// requirementActual measures one requirement kind for a partner today.
func requirementActual(ctx context.Context, s *data.Store, partnerID int64, kind data.RequirementKind, today time.Time) (int64, error) {
	from, to := iso(today.AddDate(-1, 0, 0)), iso(today)
	switch kind {
	case data.ReqRevenue12m:
		revenue, _, err := s.PartnerWonAfter(ctx, partnerID, from, to)
		return revenue, err
	case data.ReqDeals12m:
		_, deals, err := s.PartnerWonAfter(ctx, partnerID, from, to)
		return deals, err
	case data.ReqCertified:
		f, err := s.CertifiedOn(ctx, partnerID, to)
		if err != nil || len(f) == 0 {
			return 0, err
		}
		return f[0].Count, nil
	case data.ReqOnboarded:
		n, err := s.CompletedOnboardings(ctx, partnerID)
		return int64(n), err
	}
	return 0, nil
}
