package plan

import (
	"context"
	"time"

	"channeldesk/data"
)

// QuartersStarted is how many quarters of a fiscal year have begun by today.
func QuartersStarted(year, startMonth int, today time.Time) int {
	d := iso(today)
	n := 0
	for q := 1; q <= 4; q++ {
		if Quarter(year, startMonth, q).From <= d {
			n = q
		}
	}
	return n
}

// ComputeActuals returns, for every partner with data, the actuals that
// come from data in each quarter of a fiscal year: won revenue and won
// deals by closing date, and certified people valid at the quarter's end
// (or today, for the quarter in progress). A few grouped queries serve any
// number of partners.
func ComputeActuals(ctx context.Context, s *data.Store, year, startMonth int, today time.Time) (map[int64]*Computed, error) {
	return computeActuals(ctx, s, 0, year, startMonth, today, 0)
}

// ComputeActualsFor is ComputeActuals for one partner.
func ComputeActualsFor(ctx context.Context, s *data.Store, partnerID int64, year, startMonth int, today time.Time) (Computed, error) {
	all, err := computeActuals(ctx, s, partnerID, year, startMonth, today, 0)
	if err != nil || all[partnerID] == nil {
		return Computed{}, err
	}
	return *all[partnerID], nil
}

// computeActuals is ComputeActuals for one partner (partnerID > 0) or all,
// and for one quarter (only 1–4) or every quarter begun (only 0).
func computeActuals(ctx context.Context, s *data.Store, partnerID int64, year, startMonth int, today time.Time, only int) (map[int64]*Computed, error) {
	out := map[int64]*Computed{}
	get := func(id int64) *Computed {
		if out[id] == nil {
			out[id] = &Computed{}
		}
		return out[id]
	}
	// the quarters begun by today: won deals quarter by quarter (an index
	// serves each), certified people on each quarter's last day in one pass
	var days []string
	var quarters []int
	for q := 1; q <= 4; q++ {
		p := Quarter(year, startMonth, q)
		if p.From > iso(today) {
			break
		}
		if only != 0 && q != only {
			continue
		}
		quarters = append(quarters, q)
		won, err := s.WonBetween(ctx, partnerID, p.From, p.To)
		if err != nil {
			return nil, err
		}
		for _, f := range won {
			get(f.PartnerID).Revenue[q-1], get(f.PartnerID).WonDeals[q-1] = f.Sum, f.Count
		}
		days = append(days, min(p.To, iso(today)))
	}
	certified, err := s.CertifiedOnDays(ctx, partnerID, days)
	if err != nil {
		return nil, err
	}
	for _, f := range certified {
		get(f.PartnerID).Certified[quarters[f.Period]-1] = f.Count
	}
	return out, nil
}
