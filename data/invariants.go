package data

import (
	"context"
	"fmt"
	"strings"
)

// Invariant is one named rule of the database: Query selects one row per
// violation. `channeldesk check` (app/check) runs them.
type Invariant struct {
	Name  string
	Query string
}

// ForeignKeyInvariant is SQLite's foreign key check as an invariant.
var ForeignKeyInvariant = Invariant{Name: "foreign_keys", Query: `SELECT "table", rowid, parent FROM pragma_foreign_key_check`}

// Invariants lists the invariants of the tables, area by area: onboarding,
// plans, deal attribution to MDF, tier changes, then the shared tables. A
// new area adds its list here.
func Invariants() []Invariant {
	var all []Invariant
	all = append(all, onboardingInvariants...)
	all = append(all, planInvariants...)
	all = append(all, attributionInvariants...)
	all = append(all, tierChangeInvariants...)
	return append(all, coreInvariants...)
}

// Violations runs inv's query and describes each row it selects by its
// columns, "name=value name=value".
func (s *Store) Violations(ctx context.Context, inv Invariant) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, inv.Query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		parts := make([]string, len(cols))
		for i, col := range cols {
			v := vals[i]
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			parts[i] = fmt.Sprintf("%s=%v", col, v)
		}
		out = append(out, strings.Join(parts, " "))
	}
	return out, rows.Err()
}

// IntegrityProblems is what SQLite's integrity check finds wrong (its "ok"
// left out). A check that cannot run or read on to the end on a damaged
// file is itself a problem; the error is only for a row it cannot scan.
func (s *Store) IntegrityProblems(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return []string{err.Error()}, nil
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			return nil, err
		}
		if msg != "ok" {
			out = append(out, msg)
		}
	}
	if err := rows.Err(); err != nil {
		out = append(out, err.Error())
	}
	return out, nil
}

// mdfChecks are the ledger invariants, each a query returning one message
// per violation.
var mdfChecks = []string{
	// balances never negative, per partner and fund
	`SELECT printf('fund %d partner %d: available %d, allocated %d, pending %d, approved %d, paid %d',
		fund_id, partner_id, al - pe - ap - pa, al, pe, ap, pa) FROM (SELECT fund_id, partner_id,
		sum(CASE bucket WHEN 'allocated' THEN amount ELSE 0 END) al, sum(CASE bucket WHEN 'pending' THEN amount ELSE 0 END) pe,
		sum(CASE bucket WHEN 'approved' THEN amount ELSE 0 END) ap, sum(CASE bucket WHEN 'paid' THEN amount ELSE 0 END) pa
		FROM mdf_ledger GROUP BY fund_id, partner_id) WHERE al - pe - ap - pa < 0 OR al < 0 OR pe < 0 OR ap < 0 OR pa < 0`,
	// allocation within budget
	`SELECT printf('fund %d: allocated %d beyond budget %d', f.id, s.al, f.budget) FROM mdf_funds f
		JOIN (SELECT fund_id, sum(amount) al FROM mdf_ledger WHERE bucket = 'allocated' GROUP BY fund_id) s ON s.fund_id = f.id
		WHERE s.al > f.budget`,
	// each request's reservation matches its state
	`SELECT printf('request %d (%s): pending %d, expected %d', r.id, r.state, coalesce(l.pe, 0),
		CASE r.state WHEN 'submitted' THEN r.requested ELSE 0 END) FROM mdf_requests r
		LEFT JOIN (SELECT request_id, sum(amount) pe FROM mdf_ledger WHERE bucket = 'pending' GROUP BY request_id) l ON l.request_id = r.id
		WHERE coalesce(l.pe, 0) != CASE r.state WHEN 'submitted' THEN r.requested ELSE 0 END`,
	// each request's approved-unpaid money matches its state and claims
	`SELECT printf('request %d (%s): approved-unpaid %d, expected %d', r.id, r.state, coalesce(l.ap, 0), x.want)
		FROM mdf_requests r JOIN (SELECT r2.id, CASE
			WHEN r2.state != 'approved' THEN 0
			WHEN EXISTS (SELECT 1 FROM mdf_claims c WHERE c.request_id = r2.id AND c.state = 'paid') THEN 0
			WHEN EXISTS (SELECT 1 FROM mdf_claims c WHERE c.request_id = r2.id AND c.state = 'approved')
				THEN (SELECT reimbursable FROM mdf_claims c WHERE c.request_id = r2.id AND c.state = 'approved')
			ELSE r2.approved_amount END want FROM mdf_requests r2) x ON x.id = r.id
		LEFT JOIN (SELECT request_id, sum(amount) ap FROM mdf_ledger WHERE bucket = 'approved' GROUP BY request_id) l ON l.request_id = r.id
		WHERE coalesce(l.ap, 0) != x.want`,
	// paid money per request equals its paid claims
	`SELECT printf('request %d: paid %d in ledger, %d in claims', r.id, coalesce(l.pa, 0), coalesce(c.pa, 0)) FROM mdf_requests r
		LEFT JOIN (SELECT request_id, sum(amount) pa FROM mdf_ledger WHERE bucket = 'paid' GROUP BY request_id) l ON l.request_id = r.id
		LEFT JOIN (SELECT request_id, sum(reimbursable) pa FROM mdf_claims WHERE state = 'paid' GROUP BY request_id) c ON c.request_id = r.id
		WHERE coalesce(l.pa, 0) != coalesce(c.pa, 0)`,
	// every payment's total is the sum of its claims
	`SELECT printf('payment %d (%s): total %d, claims %d', p.id, p.reference, p.total, coalesce(sum(c.reimbursable), 0))
		FROM mdf_payments p LEFT JOIN mdf_claims c ON c.payment_id = p.id GROUP BY p.id HAVING p.total != coalesce(sum(c.reimbursable), 0)`,
	// a paid claim has a payment, others none; reimbursable within the approved amount
	`SELECT printf('claim %d (%s): payment %d, reimbursable %d of approved %d', c.id, c.state, coalesce(c.payment_id, 0),
		c.reimbursable, r.approved_amount) FROM mdf_claims c JOIN mdf_requests r ON r.id = c.request_id
		WHERE (c.state = 'paid') != (c.payment_id IS NOT NULL) OR c.reimbursable > r.approved_amount`,
	// at most one live claim per request
	`SELECT printf('request %d: %d live claims', request_id, count(*)) FROM mdf_claims
		WHERE state IN ('submitted','info','approved','paid') GROUP BY request_id HAVING count(*) > 1`,
	// ledger entries belong to the request's partner and fund
	`SELECT printf('ledger entry %d: partner/fund differ from request %d', l.id, r.id) FROM mdf_ledger l
		JOIN mdf_requests r ON r.id = l.request_id WHERE l.partner_id != r.partner_id OR l.fund_id != r.fund_id`,
	// approved activities carry their approval date
	`SELECT printf('request %d (%s): approved_on %s', id, state, quote(approved_on)) FROM mdf_requests
		WHERE (state = 'approved' OR state = 'expired') AND approved_on = ''`,
}

// MDFLedgerViolations runs the MDF ledger invariants and returns one
// message per violation.
func (s *Store) MDFLedgerViolations(ctx context.Context) ([]string, error) {
	var out []string
	for _, q := range mdfChecks {
		rows, err := s.db.QueryContext(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("mdf check: %w", err)
		}
		for rows.Next() {
			var msg string
			if err := rows.Scan(&msg); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, msg)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// MDFProofIDs lists the ids of every proof file, in order (as far as a
// damaged file lets it read: the check reports what it found).
func (s *Store) MDFProofIDs(ctx context.Context) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM mdf_proofs ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}
