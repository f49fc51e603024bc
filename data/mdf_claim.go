package data

import (
	"context"
	"strings"
	"unicode/utf8"
)

// MDFClaimState is where a reimbursement claim stands.
type MDFClaimState string

// Claim states: submitted → approved / more info needed / rejected;
// approved → paid; more info needed → submitted again.
const (
	ClaimSubmitted MDFClaimState = "submitted"
	ClaimInfo      MDFClaimState = "info"
	ClaimApproved  MDFClaimState = "approved"
	ClaimRejected  MDFClaimState = "rejected"
	ClaimPaid      MDFClaimState = "paid"
)

// MDFClaimStates lists every claim state in display order.
var MDFClaimStates = []MDFClaimState{ClaimSubmitted, ClaimInfo, ClaimApproved, ClaimRejected, ClaimPaid}

// MDFClaim asks for reimbursement of an approved request's actual cost.
type MDFClaim struct {
	ID           int64
	RequestID    int64
	ActualCost   int64
	Leads        int64
	Note         string
	State        MDFClaimState
	Reimbursable int64 // set on approval: min(approved, actual × share)
	Reason       string
	SubmittedOn  string
	DecidedOn    string
	PaymentID    int64 // 0 until paid
	CreatedAt    string
	UpdatedAt    string
}

// Validate checks what a person types into a claim.
func (c *MDFClaim) Validate() error {
	c.Note = strings.TrimSpace(c.Note)
	switch {
	case c.ActualCost <= 0:
		return Invalid("mdf_actual_cost", "err.mdf_positive", nil)
	case c.Leads < 0:
		return Invalid("mdf_leads", "err.mdf_negative", nil)
	case utf8.RuneCountInString(c.Note) > MaxMDFText:
		return Invalid("mdf_note", "err.too_long", map[string]any{"Max": MaxMDFText})
	}
	return nil
}

const mdfClaimCols = `id, request_id, actual_cost, leads, note, state, reimbursable, reason, submitted_on, decided_on,
	coalesce(payment_id, 0), created_at, updated_at`

func scanMDFClaim(r scanner) (*MDFClaim, error) {
	var c MDFClaim
	err := r.Scan(&c.ID, &c.RequestID, &c.ActualCost, &c.Leads, &c.Note, &c.State, &c.Reimbursable, &c.Reason,
		&c.SubmittedOn, &c.DecidedOn, &c.PaymentID, &c.CreatedAt, &c.UpdatedAt)
	return &c, err
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// InsertMDFClaimTx stores a new claim.
func (s *Store) InsertMDFClaimTx(ctx context.Context, tx *Tx, c *MDFClaim) error {
	if err := c.Validate(); err != nil {
		return err
	}
	c.CreatedAt, c.UpdatedAt = s.now(), s.now()
	res, err := tx.ExecContext(ctx, `INSERT INTO mdf_claims (id, request_id, actual_cost, leads, note, state, reimbursable,
		reason, submitted_on, created_at, updated_at) VALUES (`+teamID("mdf_claims")+`, ?,?,?,?,?,?,?,?,?,?)`, c.RequestID, c.ActualCost, c.Leads,
		c.Note, c.State, c.Reimbursable, c.Reason, c.SubmittedOn, c.CreatedAt, c.UpdatedAt)
	if err != nil {
		return notFoundIfFK(err, "mdf_request")
	}
	c.ID, err = res.LastInsertId()
	return err
}

// UpdateMDFClaimTx writes every field of a claim back.
func (s *Store) UpdateMDFClaimTx(ctx context.Context, tx *Tx, c *MDFClaim) error {
	if err := c.Validate(); err != nil {
		return err
	}
	c.UpdatedAt = s.now()
	_, err := tx.ExecContext(ctx, `UPDATE mdf_claims SET actual_cost=?, leads=?, note=?, state=?, reimbursable=?, reason=?,
		submitted_on=?, decided_on=?, payment_id=?, updated_at=? WHERE id=?`, c.ActualCost, c.Leads, c.Note, c.State,
		c.Reimbursable, c.Reason, c.SubmittedOn, c.DecidedOn, nullID(c.PaymentID), c.UpdatedAt, c.ID)
	return err
}

// MDFClaimTx reads one claim.
func MDFClaimTx(ctx context.Context, q MDFQuerier, id int64) (*MDFClaim, error) {
	c, err := scanMDFClaim(q.QueryRowContext(ctx, `SELECT `+mdfClaimCols+` FROM mdf_claims WHERE id = ?`, id))
	return c, notFoundIf(err, "mdf_claim")
}

// MDFClaims lists claims matching where (a SQL condition over mdf_claims,
// "" for all), newest first.
func MDFClaims(ctx context.Context, q MDFQuerier, where string, args ...any) ([]MDFClaim, error) {
	query := `SELECT ` + mdfClaimCols + ` FROM mdf_claims`
	if where != "" {
		query += ` WHERE ` + where
	}
	rows, err := q.QueryContext(ctx, query+` ORDER BY id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cs []MDFClaim
	for rows.Next() {
		c, err := scanMDFClaim(rows)
		if err != nil {
			return nil, err
		}
		cs = append(cs, *c)
	}
	return cs, rows.Err()
}

// InsertMDFPaymentTx records one payment and returns its id.
func (s *Store) InsertMDFPaymentTx(ctx context.Context, tx *Tx, paidOn, reference string, total int64) (int64, error) {
	reference = strings.TrimSpace(reference)
	switch {
	case !isoDay(paidOn):
		return 0, Invalid("mdf_paid_on", "err.mdf_date", nil)
	case reference == "":
		return 0, Invalid("mdf_reference", "err.required", nil)
	case utf8.RuneCountInString(reference) > MaxNameLen:
		return 0, Invalid("mdf_reference", "err.too_long", map[string]any{"Max": MaxNameLen})
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO mdf_payments (id, paid_on, reference, total, created_at) VALUES (`+teamID("mdf_payments")+`, ?,?,?,?)`,
		paidOn, reference, total, s.now())
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}
