package demo

import (
	"context"
	"fmt"
	"time"

	"channeldesk/app/fiscal"
	"channeldesk/data"
)

// volumeMDFFunds is how many quarterly funds FillMDFVolume writes: the
// quarter of v.Today and the ones before it.
const VolumeMDFFunds = 4

// volumeMDFStates is the cycle of request outcomes FillMDFVolume writes.
var volumeMDFStates = []string{"submitted", "approved", "paid", "rejected", "approved", "cancelled", "paid", "expired"}

// FillMDFVolume adds MDF data to a store filled by FillVolume: four
// quarterly funds, an allocation for each partner in each fund, and
// requests spread over the partners and funds in every outcome (submitted,
// approved and unclaimed, paid after a claim, rejected, cancelled,
// expired), with their ledger entries, so that no balance is negative.
// Every paid activity has one won deal attributed to it. It is for
// benchmarks and tests; the demo data is made by Demo.
func FillMDFVolume(ctx context.Context, s *data.Store, v Volume, requests int) error {
	if v.Partners == 0 {
		return nil
	}
	return s.WithTx(ctx, func(tx *data.Tx) error {
		if err := volumeMDFFundsAndAllocations(ctx, tx, v); err != nil {
			return err
		}
		return volumeMDFRequests(ctx, tx, v, requests)
	})
}

func volumeMDFFundsAndAllocations(ctx context.Context, tx *data.Tx, v Volume) error {
	now := v.Today.UTC().Format(time.RFC3339)
	q := fiscal.QuarterOf(v.Today, 1)
	for k := VolumeMDFFunds; k >= 1; k-- {
		_, err := tx.ExecContext(ctx, `INSERT INTO mdf_funds (id, name, period_kind, fiscal_year, quarter, starts_on, ends_on,
			currency, budget, model, activity_types, share_bp, claim_days, created_at)
			VALUES (?, ?, 'quarter', ?, ?, ?, ?, 'EUR', ?, 'discretionary', '', 10000, 30, ?)`,
			k, "MDF "+q.Label(), q.Year, q.Q, fiscal.ISODate(q.Start()), fiscal.ISODate(q.End()), int64(v.Partners)*12_000_000, now)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO mdf_ledger (fund_id, partner_id, kind, bucket, amount, on_date, reason, created_at)
			SELECT ?, id, 'allocation', 'allocated', 10000000, ?, 'Quarterly allocation', ? FROM partners`, k, fiscal.ISODate(q.Start()), now)
		if err != nil {
			return err
		}
		q = q.Prev()
	}
	return nil
}

// volumeMDFRequests writes request i for partner 1+i%Partners in fund
// 1+i%4; fund 4 is the current quarter, where approved requests have
// claim deadlines around today.
func volumeMDFRequests(ctx context.Context, tx *data.Tx, v Volume, n int) error {
	now := v.Today.UTC().Format(time.RFC3339)
	ins, err := tx.PrepareContext(ctx, `INSERT INTO mdf_requests (fund_id, partner_id, activity, description, starts_on, ends_on,
		requested, approved_amount, expected_leads, state, submitted_on, approved_on, closed_on, created_at, updated_at)
		VALUES (?, ?, 'event', ?, ?, ?, ?, ?, 20, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	led, err := tx.PrepareContext(ctx, `INSERT INTO mdf_ledger (fund_id, partner_id, kind, bucket, amount, request_id, on_date, reason, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, '', ?)`)
	if err != nil {
		return err
	}
	defer led.Close()
	for i := range n {
		r := volumeMDFRequest(v, i)
		res, err := ins.ExecContext(ctx, r.fund, r.partner, fmt.Sprintf("Event %d", i), r.starts, r.ends, r.amount, r.approved,
			r.dbState, r.starts, r.approvedOn, r.closedOn, now, now)
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		for _, e := range r.entries() {
			if _, err := led.ExecContext(ctx, r.fund, r.partner, e.kind, e.bucket, e.amount, id, r.ends, now); err != nil {
				return err
			}
		}
		if err := volumeMDFClaim(ctx, tx, v, r, id, i); err != nil {
			return err
		}
	}
	return nil
}

type volumeReq struct {
	fund, partner                int
	state, dbState, starts, ends string
	approvedOn, closedOn         string
	amount, approved             int64
}

type volumeEntry struct {
	kind, bucket string
	amount       int64
}

func volumeMDFRequest(v Volume, i int) volumeReq {
	r := volumeReq{fund: 1 + i%VolumeMDFFunds, partner: 1 + i%v.Partners, state: volumeMDFStates[(i/VolumeMDFFunds)%len(volumeMDFStates)],
		amount: int64(10+i%90) * 100_00}
	end := v.Today.AddDate(0, 0, -(i % 30))
	if r.fund != VolumeMDFFunds {
		end = v.Today.AddDate(0, -3*(VolumeMDFFunds-r.fund), -(i % 30))
	}
	r.ends, r.starts = fiscal.ISODate(end), fiscal.ISODate(end.AddDate(0, 0, -2))
	r.dbState = r.state
	switch r.state {
	case "approved", "paid":
		r.dbState, r.approved, r.approvedOn = "approved", r.amount, r.starts
	case "expired":
		r.approved, r.approvedOn, r.closedOn = r.amount, r.starts, r.ends
	case "rejected", "cancelled":
		r.closedOn = r.ends
	}
	return r
}

// entries are the ledger movements of the request's outcome.
func (r volumeReq) entries() []volumeEntry {
	reserve := volumeEntry{"reservation", "pending", r.amount}
	switch r.state {
	case "submitted":
		return []volumeEntry{reserve}
	case "approved":
		return []volumeEntry{reserve, {"approval", "pending", -r.amount}, {"approval", "approved", r.amount}}
	case "paid":
		return []volumeEntry{reserve, {"approval", "pending", -r.amount}, {"approval", "approved", r.amount},
			{"payment", "approved", -r.amount}, {"payment", "paid", r.amount}}
	case "expired":
		return []volumeEntry{reserve, {"approval", "pending", -r.amount}, {"approval", "approved", r.amount},
			{"release", "approved", -r.amount}}
	}
	return []volumeEntry{reserve, {"release", "pending", -r.amount}}
}

// volumeMDFClaim writes the paid claim of a paid request and attributes
// one won deal to the activity.
func volumeMDFClaim(ctx context.Context, tx *data.Tx, v Volume, r volumeReq, id int64, i int) error {
	if r.state != "paid" {
		return nil
	}
	now := v.Today.UTC().Format(time.RFC3339)
	res, err := tx.ExecContext(ctx, `INSERT INTO mdf_payments (paid_on, reference, total, created_at) VALUES (?, ?, ?, ?)`,
		r.ends, fmt.Sprintf("PAY-%d", id), r.amount, now)
	if err != nil {
		return err
	}
	pay, _ := res.LastInsertId()
	if _, err := tx.ExecContext(ctx, `INSERT INTO mdf_claims (request_id, actual_cost, leads, state, reimbursable, submitted_on,
		decided_on, payment_id, created_at, updated_at) VALUES (?, ?, ?, 'paid', ?, ?, ?, ?, ?, ?)`,
		id, r.amount, 5+i%40, r.amount, r.ends, r.ends, pay, now, now); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE deals SET mdf_request_id = ? WHERE id = (SELECT id FROM deals
		WHERE partner_id = ? AND state = 'won' AND mdf_request_id IS NULL LIMIT 1)`, id, r.partner)
	return err
}
