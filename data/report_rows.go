package data

import "context"

// The rows of the Excel report's large sheets, streamed one at a time so
// the report never holds the scanned rows and its own copy together.

// PartnerReportRow is one partner with its tier and deal figures.
type PartnerReportRow struct {
	ID                             int64
	Name, LegalName                string
	Type                           string
	Status                         string
	Country, Region, City, Manager string
	TierEN, TierRU                 string // "" without a tier
	Added                          string // ISO day the partner was added
	Won, WonDeals                  int64  // won revenue and deals closed since the day given
	LastWon                        string // the last won deal's closing day, "" for none
	OpenDeals                      int64  // submitted or approved
	INN, KPP                       string
}

// EachPartnerReportRow streams every partner by name (case-insensitive),
// then id, with won revenue and deals closed on or after since.
func (s *Store) EachPartnerReportRow(ctx context.Context, since string, fn func(*PartnerReportRow) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.name, p.legal_name, p.type, p.status, p.country, p.region,
		p.city, p.account_manager, coalesce(t.name_en, ''), coalesce(t.name_ru, ''), substr(p.created_at, 1, 10),
		coalesce(w.won, 0), coalesce(w.n, 0), coalesce(w.last, ''), coalesce(o.n, 0), p.inn, p.kpp
		FROM partners p LEFT JOIN tiers t ON t.id = p.tier_id
		LEFT JOIN (SELECT partner_id, sum(CASE WHEN closed_on >= ? THEN amount ELSE 0 END) won,
			sum(closed_on >= ?) n, max(closed_on) last FROM deals WHERE state = 'won' GROUP BY partner_id) w ON w.partner_id = p.id
		LEFT JOIN (SELECT partner_id, count(*) n FROM deals WHERE state IN ('submitted', 'approved') GROUP BY partner_id) o ON o.partner_id = p.id
		ORDER BY p.name COLLATE NOCASE, p.id`, since, since)
	if err != nil {
		return err
	}
	defer rows.Close()
	var r PartnerReportRow
	for rows.Next() {
		if err := rows.Scan(&r.ID, &r.Name, &r.LegalName, &r.Type, &r.Status, &r.Country, &r.Region, &r.City, &r.Manager,
			&r.TierEN, &r.TierRU, &r.Added, &r.Won, &r.WonDeals, &r.LastWon, &r.OpenDeals, &r.INN, &r.KPP); err != nil {
			return err
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// DealReportRow is one deal registration with its partner's name.
type DealReportRow struct {
	ID                       int64
	Partner                  string
	Customer, Product, State string
	Amount                   int64
	RegisteredOn             string
	ExpectedCloseOn          string
	ProtectedUntil           string
	ClosedOn                 string
	Reason                   string
}

// EachDealReportRow streams the deals registered or closed in [from, to]
// (ISO days), by registration day, then id.
func (s *Store) EachDealReportRow(ctx context.Context, from, to string, fn func(*DealReportRow) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT d.id, p.name, d.customer, d.product, d.state, d.amount, d.registered_on,
		d.expected_close_on, d.protected_until, d.closed_on, d.reason
		FROM deals d JOIN partners p ON p.id = d.partner_id
		WHERE (d.registered_on BETWEEN ?1 AND ?2) OR (d.closed_on BETWEEN ?1 AND ?2)
		ORDER BY d.registered_on, d.id`, from, to)
	if err != nil {
		return err
	}
	defer rows.Close()
	var d DealReportRow
	for rows.Next() {
		if err := rows.Scan(&d.ID, &d.Partner, &d.Customer, &d.Product, &d.State, &d.Amount, &d.RegisteredOn,
			&d.ExpectedCloseOn, &d.ProtectedUntil, &d.ClosedOn, &d.Reason); err != nil {
			return err
		}
		if err := fn(&d); err != nil {
			return err
		}
	}
	return rows.Err()
}

// WonTotal is the revenue of the deals won (closed) in [from, to] (ISO days).
func (s *Store) WonTotal(ctx context.Context, from, to string) (int64, error) {
	var won int64
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(sum(amount), 0) FROM deals
		WHERE state = 'won' AND closed_on BETWEEN ? AND ?`, from, to).Scan(&won)
	return won, err
}
