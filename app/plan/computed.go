package plan

import (
	"context"
	"database/sql"
	"time"
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
func ComputeActuals(ctx context.Context, db *sql.DB, year, startMonth int, today time.Time) (map[int64]*Computed, error) {
	out := map[int64]*Computed{}
	get := func(id int64) *Computed {
		if out[id] == nil {
			out[id] = &Computed{}
		}
		return out[id]
	}
	for q := 1; q <= 4; q++ {
		p := Quarter(year, startMonth, q)
		if p.From > iso(today) {
			break
		}
		rows, err := db.QueryContext(ctx, `SELECT partner_id, coalesce(sum(amount), 0), count(*) FROM deals
			WHERE state = 'won' AND closed_on BETWEEN ? AND ? GROUP BY partner_id`, p.From, p.To)
		if err != nil {
			return nil, err
		}
		if err := scanGrouped(rows, func(id, a, b int64) { get(id).Revenue[q-1], get(id).WonDeals[q-1] = a, b }); err != nil {
			return nil, err
		}
		on := min(p.To, iso(today))
		rows, err = db.QueryContext(ctx, `SELECT c.partner_id, count(DISTINCT c.id), 0 FROM certifications ce
			JOIN contacts c ON c.id = ce.contact_id
			WHERE ce.earned_on <= ? AND (ce.expires_on = '' OR ce.expires_on >= ?) GROUP BY c.partner_id`, on, on)
		if err != nil {
			return nil, err
		}
		if err := scanGrouped(rows, func(id, a, _ int64) { get(id).Certified[q-1] = a }); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func scanGrouped(rows *sql.Rows, set func(id, a, b int64)) error {
	defer rows.Close()
	for rows.Next() {
		var id, a, b int64
		if err := rows.Scan(&id, &a, &b); err != nil {
			return err
		}
		set(id, a, b)
	}
	return rows.Err()
}

// ComputeActualsFor is ComputeActuals for one partner.
func ComputeActualsFor(ctx context.Context, db *sql.DB, partnerID int64, year, startMonth int, today time.Time) (Computed, error) {
	var c Computed
	for q := 1; q <= 4; q++ {
		p := Quarter(year, startMonth, q)
		if p.From > iso(today) {
			break
		}
		err := db.QueryRowContext(ctx, `SELECT coalesce(sum(amount), 0), count(*) FROM deals
			WHERE partner_id = ? AND state = 'won' AND closed_on BETWEEN ? AND ?`, partnerID, p.From, p.To).
			Scan(&c.Revenue[q-1], &c.WonDeals[q-1])
		if err != nil {
			return c, err
		}
		if c.Certified[q-1], err = certifiedOn(ctx, db, partnerID, min(p.To, iso(today))); err != nil {
			return c, err
		}
	}
	return c, nil
}

// certifiedOn counts a partner's people holding a valid certification on a day.
func certifiedOn(ctx context.Context, db *sql.DB, partnerID int64, on string) (int64, error) {
	var n int64
	err := db.QueryRowContext(ctx, `SELECT count(DISTINCT c.id) FROM certifications ce JOIN contacts c ON c.id = ce.contact_id
		WHERE c.partner_id = ? AND ce.earned_on <= ? AND (ce.expires_on = '' OR ce.expires_on >= ?)`, partnerID, on, on).Scan(&n)
	return n, err
}
