package data

import (
	"context"
)

// MDFEntryKind says why money moved.
type MDFEntryKind string

// Ledger entry kinds.
const (
	EntryAllocation  MDFEntryKind = "allocation"
	EntryAccrual     MDFEntryKind = "accrual"
	EntryReservation MDFEntryKind = "reservation"
	EntryRelease     MDFEntryKind = "release"
	EntryApproval    MDFEntryKind = "approval"
	EntryPayment     MDFEntryKind = "payment"
	EntryAdjustment  MDFEntryKind = "adjustment"
)

// MDFEntryKinds lists every ledger entry kind.
var MDFEntryKinds = []MDFEntryKind{EntryAllocation, EntryAccrual, EntryReservation, EntryRelease, EntryApproval, EntryPayment, EntryAdjustment}

// Ledger buckets: where an entry's amount lands.
const (
	BucketAllocated = "allocated"
	BucketPending   = "pending"
	BucketApproved  = "approved"
	BucketPaid      = "paid"
)

// MDFEntry is one movement of money in the MDF ledger.
type MDFEntry struct {
	ID        int64
	FundID    int64
	PartnerID int64
	Kind      MDFEntryKind
	Bucket    string
	Amount    int64 // signed
	RequestID int64
	ClaimID   int64
	PaymentID int64
	OnDate    string
	Reason    string
	CreatedAt string
}

// InsertMDFEntryTx appends one movement to the ledger. Entries are never
// changed or deleted; a correction is another entry.
func (s *Store) InsertMDFEntryTx(ctx context.Context, tx *Tx, e *MDFEntry) error {
	e.CreatedAt = s.now()
	res, err := tx.ExecContext(ctx, `INSERT INTO mdf_ledger (id, fund_id, partner_id, kind, bucket, amount, request_id,
		claim_id, payment_id, on_date, reason, created_at) VALUES (`+teamID("mdf_ledger")+`, ?,?,?,?,?,?,?,?,?,?,?)`, e.FundID, e.PartnerID, e.Kind,
		e.Bucket, e.Amount, nullID(e.RequestID), nullID(e.ClaimID), nullID(e.PaymentID), e.OnDate, e.Reason, e.CreatedAt)
	if err != nil {
		return notFoundIfFK(err, "partner")
	}
	e.ID, err = res.LastInsertId()
	return err
}

// MDFEntries lists ledger entries matching where (a SQL condition over
// mdf_ledger, "" for all), oldest first.
func MDFEntries(ctx context.Context, q MDFQuerier, where string, args ...any) ([]MDFEntry, error) {
	query := `SELECT id, fund_id, partner_id, kind, bucket, amount, coalesce(request_id,0), coalesce(claim_id,0),
		coalesce(payment_id,0), on_date, reason, created_at FROM mdf_ledger`
	if where != "" {
		query += ` WHERE ` + where
	}
	rows, err := q.QueryContext(ctx, query+` ORDER BY id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var es []MDFEntry
	for rows.Next() {
		var e MDFEntry
		if err := rows.Scan(&e.ID, &e.FundID, &e.PartnerID, &e.Kind, &e.Bucket, &e.Amount, &e.RequestID, &e.ClaimID,
			&e.PaymentID, &e.OnDate, &e.Reason, &e.CreatedAt); err != nil {
			return nil, err
		}
		es = append(es, e)
	}
	return es, rows.Err()
}
