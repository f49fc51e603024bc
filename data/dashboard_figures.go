package data

import "context"

// DashboardCounts are the dashboard's headline counts and won sums.
type DashboardCounts struct {
	ActivePartners        int
	WonThisQuarter        int64 // minor units, deals won in [ThisFrom, ThisTo]
	WonLastQuarter        int64 // in [LastFrom, LastTo]
	OnboardingInProgress  int   // checklists not complete of partners not gone
	DealsAwaitingApproval int
	DealsExpiringSoon     int // approved deals whose protection ends in [Today, ExpiryTo]
}

// DashboardPeriods are the ISO days the headline counts look at.
type DashboardPeriods struct {
	ThisFrom, ThisTo string // this fiscal quarter
	LastFrom, LastTo string // the one before
	Today, ExpiryTo  string // "expiring soon"
}

// DashboardCounts computes the headline counts in one query.
func (s *Store) DashboardCounts(ctx context.Context, p DashboardPeriods) (DashboardCounts, error) {
	var k DashboardCounts
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM partners WHERE status = 'active'),
		(SELECT coalesce(sum(amount), 0) FROM deals WHERE state = 'won' AND closed_on BETWEEN ? AND ?),
		(SELECT coalesce(sum(amount), 0) FROM deals WHERE state = 'won' AND closed_on BETWEEN ? AND ?),
		(SELECT count(*) FROM onboarding_checklists c JOIN partners p ON p.id = c.partner_id
			WHERE c.completed_on = '' AND p.status NOT IN ('offboarded', 'declined')),
		(SELECT count(*) FROM deals WHERE state = 'submitted'),
		(SELECT count(*) FROM deals WHERE state = 'approved' AND protected_until BETWEEN ? AND ?)`,
		p.ThisFrom, p.ThisTo, p.LastFrom, p.LastTo, p.Today, p.ExpiryTo).
		Scan(&k.ActivePartners, &k.WonThisQuarter, &k.WonLastQuarter, &k.OnboardingInProgress,
			&k.DealsAwaitingApproval, &k.DealsExpiringSoon)
	return k, err
}

// PartnersPerStatus counts partners by status (statuses with none left out).
func (s *Store) PartnersPerStatus(ctx context.Context) (map[string]int, error) {
	n := map[string]int{}
	rows, err := s.db.QueryContext(ctx, `SELECT status, count(*) FROM partners GROUP BY status`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var st string
		var c int
		if err := rows.Scan(&st, &c); err != nil {
			return nil, err
		}
		n[st] = c
	}
	return n, rows.Err()
}

// TierCount is how many partners not gone (offboarded or declined) hold a tier.
type TierCount struct {
	TierID         int64
	NameEN, NameRU string
	N              int
}

// PartnersPerTier counts the partners not gone by assigned tier, best
// tier first; none is how many have no tier.
func (s *Store) PartnersPerTier(ctx context.Context) (tiers []TierCount, none int, err error) {
	rows, err := s.db.QueryContext(ctx, `SELECT t.id, t.name_en, t.name_ru,
		(SELECT count(*) FROM partners p WHERE p.tier_id = t.id AND p.status NOT IN ('offboarded','declined'))
		FROM tiers t ORDER BY t.rank DESC`)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var c TierCount
		if err := rows.Scan(&c.TierID, &c.NameEN, &c.NameRU, &c.N); err != nil {
			return nil, 0, err
		}
		tiers = append(tiers, c)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM partners
		WHERE tier_id IS NULL AND status NOT IN ('offboarded','declined')`).Scan(&none)
	return tiers, none, err
}

// MonthAmount is the won revenue of one calendar month ("YYYY-MM").
type MonthAmount struct {
	Month  string
	Amount int64 // minor units
}

// WonPerMonth sums the deals won between the ISO days from and to, by
// calendar month (months with none left out).
func (s *Store) WonPerMonth(ctx context.Context, from, to string) ([]MonthAmount, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT substr(closed_on, 1, 7), sum(amount) FROM deals
		WHERE state = 'won' AND closed_on BETWEEN ? AND ? GROUP BY 1`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []MonthAmount
	for rows.Next() {
		var m MonthAmount
		if err := rows.Scan(&m.Month, &m.Amount); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
