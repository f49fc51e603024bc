package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
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
// valid on the ISO day on (in Count); partnerID > 0 keeps one partner. It
// is CertifiedOnDays for one day.
func (s *Store) CertifiedOn(ctx context.Context, partnerID int64, on string) ([]PartnerFigure, error) {
	days, err := s.CertifiedOnDays(ctx, partnerID, []string{on})
	if err != nil {
		return nil, err
	}
	out := make([]PartnerFigure, len(days))
	for i, f := range days {
		out[i] = PartnerFigure{PartnerID: f.PartnerID, Count: f.Count}
	}
	return out, nil
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

// PeriodFigure is a figure of one partner on one of several days or
// periods (its index in the list asked for).
type PeriodFigure struct {
	PartnerID  int64
	Period     int
	Sum, Count int64
}

// CertifiedOnDays is CertifiedOn for several ISO days at once, in one pass
// over the certifications: per partner and day (its index in days), how
// many of its people hold a certification valid that day.
func (s *Store) CertifiedOnDays(ctx context.Context, partnerID int64, days []string) ([]PeriodFigure, error) {
	if len(days) == 0 {
		return nil, nil
	}
	first, last := days[0], days[0]
	cols := make([]string, len(days))
	args := []any{first, last, partnerID}
	for i, d := range days {
		first, last = min(first, d), max(last, d)
		cols[i] = fmt.Sprintf(`count(DISTINCT CASE WHEN ce.earned_on <= ?%[1]d AND (ce.expires_on = '' OR ce.expires_on >= ?%[1]d) THEN c.id END)`, i+4)
		args = append(args, d)
	}
	args[0], args[1] = first, last
	// CROSS JOIN: the certifications, fewer than the contacts, lead; and
	// "+" keeps the OR on expires_on from a slower two-index plan.
	rows, err := s.db.QueryContext(ctx, `SELECT c.partner_id, `+strings.Join(cols, ", ")+` FROM certifications ce
		CROSS JOIN contacts c ON c.id = ce.contact_id
		WHERE ce.earned_on <= ?2 AND (+ce.expires_on = '' OR +ce.expires_on >= ?1) AND (?3 = 0 OR c.partner_id = ?3)
		GROUP BY c.partner_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PeriodFigure
	counts := make([]int64, len(days))
	dest := make([]any, len(days)+1)
	var partner int64
	dest[0] = &partner
	for i := range counts {
		dest[i+1] = &counts[i]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		for i, n := range counts {
			if n > 0 {
				out = append(out, PeriodFigure{PartnerID: partner, Period: i, Count: n})
			}
		}
	}
	return out, rows.Err()
}
