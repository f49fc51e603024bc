package check

import (
	"context"
	"fmt"

	"channeldesk/data"
)

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

// CheckMDF verifies the MDF ledger invariants on a database: no negative
// balance, allocations within budget, every request's and claim's money in
// the bucket its state says, payments adding up and proof files intact.
// An empty result means all is well.
func CheckMDF(ctx context.Context, s *data.Store) ([]Finding, error) {
	var out []Finding
	for _, q := range mdfChecks {
		rows, err := s.DB().QueryContext(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("mdf check: %w", err)
		}
		for rows.Next() {
			var msg string
			if err := rows.Scan(&msg); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, Finding{Check: "mdf", Message: msg})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	proofs, err := checkProofs(ctx, s)
	return append(out, proofs...), err
}

func checkProofs(ctx context.Context, s *data.Store) ([]Finding, error) {
	rows, err := s.DB().QueryContext(ctx, `SELECT id FROM mdf_proofs ORDER BY id`)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	var out []Finding
	for _, id := range ids {
		p, _, err := s.MDFProofContent(ctx, id)
		if data.ErrorCode(err) == data.ECONFLICT {
			out = append(out, Finding{Check: "mdf", Message: fmt.Sprintf("proof %d (%s) of claim %d: content does not match its SHA-256", id, p.Name, p.ClaimID)})
		} else if err != nil {
			return nil, err
		}
	}
	return out, nil
}
