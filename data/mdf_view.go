package data

import (
	"context"
	"strings"
)

// The reads behind the MDF screen and the report's MDF sheets: the work
// queue, the ledger with names, the return on every activity.

// MDFQueueItem is one thing waiting for the manager.
type MDFQueueItem struct {
	Kind        string // "request" (submitted), "claim" (submitted) or "deadline" (claim due soon)
	RequestID   int64
	ClaimID     int64
	PartnerID   int64
	PartnerName string
	FundName    string
	Activity    MDFActivity
	Description string
	Amount      int64  // requested, claimed cost, or approved amount
	Date        string // submitted on, or the claim deadline
}

// MDFWorkQueue lists submitted requests and claims, then approved requests
// without a live claim whose claim deadline falls in [from, to] (ISO days).
func (s *Store) MDFWorkQueue(ctx context.Context, from, to string) ([]MDFQueueItem, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT 'request', r.id, 0, p.id, p.name, f.name, r.activity, r.description, r.requested, r.submitted_on
		FROM mdf_requests r JOIN partners p ON p.id = r.partner_id JOIN mdf_funds f ON f.id = r.fund_id
		WHERE r.state = 'submitted'
		UNION ALL
		SELECT 'claim', r.id, c.id, p.id, p.name, f.name, r.activity, r.description, c.actual_cost, c.submitted_on
		FROM mdf_claims c JOIN mdf_requests r ON r.id = c.request_id JOIN partners p ON p.id = r.partner_id
		JOIN mdf_funds f ON f.id = r.fund_id WHERE c.state = 'submitted'
		UNION ALL
		SELECT 'deadline', r.id, 0, p.id, p.name, f.name, r.activity, r.description, r.approved_amount,
			date(r.ends_on, '+' || f.claim_days || ' days') dl
		FROM mdf_requests r JOIN partners p ON p.id = r.partner_id JOIN mdf_funds f ON f.id = r.fund_id
		WHERE r.state = 'approved' AND NOT EXISTS (SELECT 1 FROM mdf_claims c WHERE c.request_id = r.id
			AND c.state IN `+liveMDFClaimStates+`)
			AND date(r.ends_on, '+' || f.claim_days || ' days') BETWEEN ? AND ?
		ORDER BY 1 DESC, 10, 2`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []MDFQueueItem
	for rows.Next() {
		var q MDFQueueItem
		if err := rows.Scan(&q.Kind, &q.RequestID, &q.ClaimID, &q.PartnerID, &q.PartnerName, &q.FundName, &q.Activity,
			&q.Description, &q.Amount, &q.Date); err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, rows.Err()
}

// MDFLedgerFilter narrows the ledger view; zero values match everything.
type MDFLedgerFilter struct {
	FundID    int64
	PartnerID int64
	Kind      MDFEntryKind
	From, To  string // on_date range, inclusive
	// OldestFirst lists by date and entry upwards (the report); the
	// screen lists newest first.
	OldestFirst bool
}

func (f MDFLedgerFilter) where() (string, []any) {
	var where []string
	var args []any
	add := func(cond string, v any) { where = append(where, cond); args = append(args, v) }
	if f.FundID != 0 {
		add("l.fund_id = ?", f.FundID)
	}
	if f.PartnerID != 0 {
		add("l.partner_id = ?", f.PartnerID)
	}
	if f.Kind != "" {
		add("l.kind = ?", f.Kind)
	}
	if f.From != "" {
		add("l.on_date >= ?", f.From)
	}
	if f.To != "" {
		add("l.on_date <= ?", f.To)
	}
	if len(where) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(where, " AND "), args
}

// MDFLedgerRow is a ledger entry with the names it refers to.
type MDFLedgerRow struct {
	MDFEntry
	PartnerName string
	FundName    string
}

// EachMDFLedgerRow streams the ledger entries f chooses, with the names of
// their partner and fund.
func (s *Store) EachMDFLedgerRow(ctx context.Context, f MDFLedgerFilter, fn func(*MDFLedgerRow) error) error {
	where, args := f.where()
	order := " ORDER BY l.on_date DESC, l.id DESC"
	if f.OldestFirst {
		order = " ORDER BY l.on_date, l.id"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT l.id, l.fund_id, l.partner_id, l.kind, l.bucket, l.amount,
		coalesce(l.request_id,0), coalesce(l.claim_id,0), coalesce(l.payment_id,0), l.on_date, l.reason, l.created_at,
		p.name, fu.name
		FROM mdf_ledger l JOIN partners p ON p.id = l.partner_id JOIN mdf_funds fu ON fu.id = l.fund_id`+where+order, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var r MDFLedgerRow
	for rows.Next() {
		e := &r.MDFEntry
		if err := rows.Scan(&e.ID, &e.FundID, &e.PartnerID, &e.Kind, &e.Bucket, &e.Amount, &e.RequestID, &e.ClaimID,
			&e.PaymentID, &e.OnDate, &e.Reason, &e.CreatedAt, &r.PartnerName, &r.FundName); err != nil {
			return err
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// MDFLedgerRows lists the ledger entries f chooses (EachMDFLedgerRow
// into a slice).
func (s *Store) MDFLedgerRows(ctx context.Context, f MDFLedgerFilter) ([]MDFLedgerRow, error) {
	var out []MDFLedgerRow
	err := s.EachMDFLedgerRow(ctx, f, func(r *MDFLedgerRow) error { out = append(out, *r); return nil })
	if err != nil {
		return nil, err
	}
	return out, nil
}

// MDFActivityFigures are what one approved activity brought: paid to the
// partner, deals attributed to it, leads delivered.
type MDFActivityFigures struct {
	RequestID     int64
	PartnerID     int64
	PartnerName   string
	Activity      MDFActivity
	Description   string
	Paid          int64 // reimbursed to the partner
	Revenue       int64 // won deals attributed to the activity
	Pipeline      int64 // open deals (submitted, approved) attributed to it
	Leads         int64 // delivered, from claims
	ExpectedLeads int64
}

// EachMDFActivity streams the figures of every approved activity, by
// partner name, then the latest start first. It sums with grouped joins
// rather than a subquery per activity, since deals.mdf_request_id has no
// index.
func (s *Store) EachMDFActivity(ctx context.Context, fn func(*MDFActivityFigures) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT r.id, p.id, p.name, r.activity, r.description, coalesce(l.paid, 0),
		coalesce(d.won, 0), coalesce(d.pipe, 0), coalesce(c.leads, 0), r.expected_leads
		FROM mdf_requests r JOIN partners p ON p.id = r.partner_id
		LEFT JOIN (SELECT request_id, sum(amount) paid FROM mdf_ledger WHERE bucket = 'paid' AND request_id IS NOT NULL
			GROUP BY request_id) l ON l.request_id = r.id
		LEFT JOIN (SELECT mdf_request_id, sum(CASE WHEN state = 'won' THEN amount ELSE 0 END) won,
			sum(CASE WHEN state IN ('submitted','approved') THEN amount ELSE 0 END) pipe
			FROM deals WHERE mdf_request_id IS NOT NULL GROUP BY mdf_request_id) d ON d.mdf_request_id = r.id
		LEFT JOIN (SELECT request_id, sum(leads) leads FROM mdf_claims WHERE state IN ('approved','paid')
			GROUP BY request_id) c ON c.request_id = r.id
		WHERE r.approved_on != '' ORDER BY p.name, p.id, r.starts_on DESC, r.id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var a MDFActivityFigures
	for rows.Next() {
		if err := rows.Scan(&a.RequestID, &a.PartnerID, &a.PartnerName, &a.Activity, &a.Description, &a.Paid, &a.Revenue,
			&a.Pipeline, &a.Leads, &a.ExpectedLeads); err != nil {
			return err
		}
		if err := fn(&a); err != nil {
			return err
		}
	}
	return rows.Err()
}

// MDFLedgerPartnerNames are the names of the partners with ledger
// entries, by id.
func (s *Store) MDFLedgerPartnerNames(ctx context.Context) (map[int64]string, error) {
	return idMap[string](ctx, s.db, `SELECT id, name FROM partners WHERE id IN (SELECT DISTINCT partner_id FROM mdf_ledger)`)
}
