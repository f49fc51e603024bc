package data

import (
	"context"
	"database/sql"
)

// TierFactsReader receives, row by row, what tier evaluation reads about
// partners; ReadTierFacts calls each function for every row of its kind.
type TierFactsReader struct {
	// Partner: every partner in ID order, with its assigned tier (0: none).
	Partner func(id, tierID int64, status Status)
	// WonDeal: every won deal closed in the window.
	WonDeal func(partnerID int64, closedOn string, amount int64)
	// Cert: every certification valid on the evaluation date.
	Cert func(partnerID, contactID int64, earnedOn, expiresOn string)
	// Onboarded: every completed onboarding checklist.
	Onboarded func(partnerID int64, completedOn string)
	// Custom: every value of a custom metric.
	Custom func(partnerID int64, metric string, value int64)
}

// ReadTierFacts streams the facts of every partner (or of one, when
// partnerID > 0) into r, in five queries whatever the number of partners:
// won deals closed from wonFrom to asOf, certifications still valid on
// asOf, completed onboarding, custom metric values.
func (s *Store) ReadTierFacts(ctx context.Context, asOf, wonFrom string, partnerID int64, r TierFactsReader) error {
	one := func(col, where string) (string, []any) {
		if partnerID > 0 {
			return " " + where + " " + col + " = ?", []any{partnerID}
		}
		return "", nil
	}
	filter, args := one("id", "WHERE")
	err := s.eachRow(ctx, `SELECT id, coalesce(tier_id, 0), status FROM partners`+filter+` ORDER BY id`, args,
		func(rs *sql.Rows) error {
			var id, tier int64
			var st Status
			if err := rs.Scan(&id, &tier, &st); err != nil {
				return err
			}
			r.Partner(id, tier, st)
			return nil
		})
	if err != nil {
		return err
	}
	filter, args = one("partner_id", "AND")
	err = s.eachRow(ctx, `SELECT partner_id, closed_on, amount FROM deals
		WHERE state = 'won' AND closed_on >= ? AND closed_on <= ?`+filter, append([]any{wonFrom, asOf}, args...),
		func(rs *sql.Rows) error {
			var id, amount int64
			var on string
			if err := rs.Scan(&id, &on, &amount); err != nil {
				return err
			}
			r.WonDeal(id, on, amount)
			return nil
		})
	if err != nil {
		return err
	}
	if err := s.readTierCerts(ctx, asOf, partnerID, r); err != nil {
		return err
	}
	filter, args = one("partner_id", "AND")
	err = s.eachRow(ctx, `SELECT partner_id, completed_on FROM onboarding_checklists WHERE completed_on != ''`+filter, args,
		func(rs *sql.Rows) error {
			var id int64
			var on string
			if err := rs.Scan(&id, &on); err != nil {
				return err
			}
			r.Onboarded(id, on)
			return nil
		})
	if err != nil {
		return err
	}
	filter, args = one("partner_id", "WHERE")
	return s.eachRow(ctx, `SELECT partner_id, metric, value FROM partner_metric_values`+filter, args,
		func(rs *sql.Rows) error {
			var id, v int64
			var metric string
			if err := rs.Scan(&id, &metric, &v); err != nil {
				return err
			}
			r.Custom(id, metric, v)
			return nil
		})
}

func (s *Store) readTierCerts(ctx context.Context, asOf string, partnerID int64, r TierFactsReader) error {
	filter, args := "", []any{asOf, asOf}
	if partnerID > 0 {
		filter, args = " AND c.partner_id = ?", append(args, partnerID)
	}
	return s.eachRow(ctx, `SELECT c.partner_id, ce.contact_id, ce.earned_on, ce.expires_on
		FROM certifications ce JOIN contacts c ON c.id = ce.contact_id
		WHERE ce.earned_on <= ? AND (ce.expires_on = '' OR ce.expires_on >= ?)`+filter, args,
		func(rs *sql.Rows) error {
			var id, contact int64
			var earned, expires string
			if err := rs.Scan(&id, &contact, &earned, &expires); err != nil {
				return err
			}
			r.Cert(id, contact, earned, expires)
			return nil
		})
}

// eachRow runs q and calls fn for every row.
func (s *Store) eachRow(ctx context.Context, q string, args []any, fn func(*sql.Rows) error) error {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
