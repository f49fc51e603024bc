package data

import (
	"context"
	"database/sql"
	"strings"
)

// The sums the MDF rules are made of: ledger buckets, accruals earned,
// live claims. The rules themselves (what is available, what a guard
// refuses) live in app/mdf.

// liveMDFClaimStates are the claim states that still count against a
// request: anything but rejected.
const liveMDFClaimStates = `('submitted','info','approved','paid')`

// MDFLedgerScope chooses the ledger entries to sum; a zero field matches
// everything.
type MDFLedgerScope struct {
	FundID    int64
	PartnerID int64
	RequestID int64
	Bucket    string
}

func (sc MDFLedgerScope) where() (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, v any) { conds, args = append(conds, cond), append(args, v) }
	if sc.FundID != 0 {
		add(`fund_id = ?`, sc.FundID)
	}
	if sc.PartnerID != 0 {
		add(`partner_id = ?`, sc.PartnerID)
	}
	if sc.RequestID != 0 {
		add(`request_id = ?`, sc.RequestID)
	}
	if sc.Bucket != "" {
		add(`bucket = ?`, sc.Bucket)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return ` WHERE ` + strings.Join(conds, " AND "), args
}

// SumMDFLedgerTx sums the ledger entries of sc by bucket over q (the
// store's database or a transaction) and hands each bucket's total to add.
func SumMDFLedgerTx(ctx context.Context, q Querier, sc MDFLedgerScope, add func(bucket string, amount int64)) error {
	where, args := sc.where()
	rows, err := q.QueryContext(ctx, `SELECT bucket, sum(amount) FROM mdf_ledger`+where+` GROUP BY bucket`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var bucket string
		var amount int64
		if err := rows.Scan(&bucket, &amount); err != nil {
			return err
		}
		add(bucket, amount)
	}
	return rows.Err()
}

// SumMDFLedger is SumMDFLedgerTx outside a transaction.
func (s *Store) SumMDFLedger(ctx context.Context, sc MDFLedgerScope, add func(bucket string, amount int64)) error {
	return SumMDFLedgerTx(ctx, s.db, sc, add)
}

// MDFBucketSum is one bucket's total for one fund and partner.
type MDFBucketSum struct {
	FundID, PartnerID int64
	Bucket            string
	Amount            int64
}

// EachMDFBucketSum streams the whole ledger summed per fund, partner and
// bucket, ordered by fund and partner, in one grouped query.
func (s *Store) EachMDFBucketSum(ctx context.Context, fn func(MDFBucketSum) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT fund_id, partner_id, bucket, sum(amount) FROM mdf_ledger
		GROUP BY fund_id, partner_id, bucket ORDER BY fund_id, partner_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var b MDFBucketSum
		if err := rows.Scan(&b.FundID, &b.PartnerID, &b.Bucket, &b.Amount); err != nil {
			return err
		}
		if err := fn(b); err != nil {
			return err
		}
	}
	return rows.Err()
}

// MDFAccrualBase is what a partner's accrual in a fund is computed from.
type MDFAccrualBase struct {
	PartnerID int64
	RateBP    int   // the assigned tier's MDF accrual rate
	Revenue   int64 // won revenue closed inside the fund's period
	Posted    int64 // accrual entries already in the fund's ledger
}

// MDFAccrualBasesTx streams, for every partner by id, the base of its
// accrual in fund f: won deals closed in the fund's period, its tier's
// rate and what was posted already.
func MDFAccrualBasesTx(ctx context.Context, q Querier, f *MDFFund, fn func(MDFAccrualBase) error) error {
	rows, err := q.QueryContext(ctx, `SELECT p.id, coalesce(t.mdf_accrual_bp, 0),
		coalesce((SELECT sum(d.amount) FROM deals d WHERE d.partner_id = p.id AND d.state = 'won'
			AND d.closed_on BETWEEN ? AND ?), 0),
		coalesce((SELECT sum(l.amount) FROM mdf_ledger l WHERE l.partner_id = p.id AND l.fund_id = ? AND l.kind = 'accrual'), 0)
		FROM partners p LEFT JOIN tiers t ON t.id = p.tier_id ORDER BY p.id`, f.StartsOn, f.EndsOn, f.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var a MDFAccrualBase
		if err := rows.Scan(&a.PartnerID, &a.RateBP, &a.Revenue, &a.Posted); err != nil {
			return err
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return rows.Err()
}

// LiveMDFClaimsTx counts a request's claims that still count against it
// (every state but rejected).
func LiveMDFClaimsTx(ctx context.Context, tx *Tx, requestID int64) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM mdf_claims WHERE request_id = ? AND state IN `+liveMDFClaimStates,
		requestID).Scan(&n)
	return n, err
}

// SetMDFPaymentTotalTx writes a payment's total once its claims are paid.
func SetMDFPaymentTotalTx(ctx context.Context, tx *Tx, paymentID, total int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE mdf_payments SET total = ? WHERE id = ?`, total, paymentID)
	return err
}

// SettingTx reads one key of the settings table inside a transaction (or
// over q); ok is false when the key is unset.
func SettingTx(ctx context.Context, q Querier, key string) (value string, ok bool, err error) {
	err = q.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&value)
	if err == sql.ErrNoRows {
		return "", false, nil
	}
	return value, err == nil, err
}
