package data

import (
	"context"
	"database/sql"
)

// FirstDealOn is the day a partner registered its first deal (any state)
// on or before today, or "".
func FirstDealOn(ctx context.Context, q Querier, partnerID int64, today string) (string, error) {
	var on sql.NullString
	err := q.QueryRowContext(ctx, `SELECT min(registered_on) FROM deals WHERE partner_id = ? AND registered_on <= ?`,
		partnerID, today).Scan(&on)
	return on.String, err
}

// tableExists reports whether a table is in the schema; rules that read
// another area's table stay quiet until that area's migration exists.
func tableExists(ctx context.Context, q Querier, name string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, name).Scan(&n)
	return n > 0, err
}

// FirstMDFApprovedOn is the day a partner's first MDF activity was
// approved, on or before today, or "" (also when there is no MDF table).
func FirstMDFApprovedOn(ctx context.Context, q Querier, partnerID int64, today string) (string, error) {
	ok, err := tableExists(ctx, q, "mdf_requests")
	if err != nil || !ok {
		return "", err
	}
	var on sql.NullString
	err = q.QueryRowContext(ctx, `SELECT min(approved_on) FROM mdf_requests WHERE partner_id = ? AND approved_on != ''
		AND approved_on <= ?`, partnerID, today).Scan(&on)
	return on.String, err
}

// FirstDealOn is the day a partner registered its first deal on or before
// today, or "" (see the function FirstDealOn).
func (s *Store) FirstDealOn(ctx context.Context, partnerID int64, today string) (string, error) {
	return FirstDealOn(ctx, s.db, partnerID, today)
}
