package data

import (
	"context"
	"database/sql"
)

// PartnerFigure is a figure per partner: a sum and a count.
type PartnerFigure struct {
	PartnerID  int64
	Sum, Count int64
}

// WonBetween is won revenue and won deals per partner, by closing date in
// [from, to] (ISO days); partnerID > 0 keeps one partner.
func (s *Store) WonBetween(ctx context.Context, partnerID int64, from, to string) ([]PartnerFigure, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT partner_id, coalesce(sum(amount), 0), count(*) FROM deals
		WHERE state = 'won' AND closed_on BETWEEN ? AND ? AND (?3 = 0 OR partner_id = ?3) GROUP BY partner_id`, from, to, partnerID)
	return scanPartnerFigures(rows, err)
}

// CertifiedOn is, per partner, how many of its people hold a certification
// valid on the ISO day on (in Count); partnerID > 0 keeps one partner.
func (s *Store) CertifiedOn(ctx context.Context, partnerID int64, on string) ([]PartnerFigure, error) {
	return CertifiedOnQ(ctx, s.db, partnerID, on)
}

// CertifiedOnQ is CertifiedOn over q (the database or a transaction).
func CertifiedOnQ(ctx context.Context, q Querier, partnerID int64, on string) ([]PartnerFigure, error) {
	rows, err := q.QueryContext(ctx, `SELECT c.partner_id, 0, count(DISTINCT c.id) FROM certifications ce
		JOIN contacts c ON c.id = ce.contact_id
		WHERE ce.earned_on <= ?1 AND (ce.expires_on = '' OR ce.expires_on >= ?1) AND (?2 = 0 OR c.partner_id = ?2)
		GROUP BY c.partner_id`, on, partnerID)
	return scanPartnerFigures(rows, err)
}

func scanPartnerFigures(rows *sql.Rows, err error) ([]PartnerFigure, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PartnerFigure
	for rows.Next() {
		var f PartnerFigure
		if err := rows.Scan(&f.PartnerID, &f.Sum, &f.Count); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}
