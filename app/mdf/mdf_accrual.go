package mdf

import (
	"context"

	"channeldesk/data"
)

// Accrual is what a partner earned in a fund's period from won deals.
type Accrual struct {
	PartnerID int64
	Revenue   int64 // won revenue closed in the period
	RateBP    int   // the assigned tier's MDF accrual rate
	Earned    int64 // revenue × rate, capped per partner
	Posted    int64 // accrual already in the ledger before this run
}

// Accruals computes each partner's accrual for a fund: won deals closed
// inside the fund's period times the assigned tier's mdf_accrual_bp,
// capped by the fund's per-partner cap.
func Accruals(ctx context.Context, q data.MDFQuerier, f *data.MDFFund) ([]Accrual, error) {
	rows, err := q.QueryContext(ctx, `SELECT p.id, coalesce(t.mdf_accrual_bp, 0),
		coalesce((SELECT sum(d.amount) FROM deals d WHERE d.partner_id = p.id AND d.state = 'won'
			AND d.closed_on BETWEEN ? AND ?), 0),
		coalesce((SELECT sum(l.amount) FROM mdf_ledger l WHERE l.partner_id = p.id AND l.fund_id = ? AND l.kind = 'accrual'), 0)
		FROM partners p LEFT JOIN tiers t ON t.id = p.tier_id ORDER BY p.id`, f.StartsOn, f.EndsOn, f.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Accrual
	for rows.Next() {
		var a Accrual
		if err := rows.Scan(&a.PartnerID, &a.RateBP, &a.Revenue, &a.Posted); err != nil {
			return nil, err
		}
		a.Earned = a.Revenue * int64(a.RateBP) / 10000
		if f.AccrualCap > 0 {
			a.Earned = min(a.Earned, f.AccrualCap)
		}
		if a.Earned != 0 || a.Posted != 0 {
			out = append(out, a)
		}
	}
	return out, rows.Err()
}

// PostAccrual brings every partner's accrual in the ledger up to what
// it earned in the fund's period, posting only the difference, so running
// it again (after more deals were won) never counts a deal twice. An
// accrual that went down (a deal reopened) is not taken back; the manager
// adjusts with a reason. Refused as a whole when the budget is short. It
// returns the partners credited and the total posted.
func PostAccrual(ctx context.Context, s *data.Store, fundID int64) (partners int, total int64, err error) {
	err = inTx(ctx, s, func(tx *data.Tx) (err error) {
		partners, total, err = PostAccrualTx(ctx, tx, s, fundID)
		return err
	})
	if err != nil {
		return 0, 0, err
	}
	return partners, total, nil
}

func PostAccrualTx(ctx context.Context, tx *data.Tx, s *data.Store, fundID int64) (partners int, total int64, err error) {
	f, err := data.MDFFundTx(ctx, tx, fundID)
	if err != nil {
		return 0, 0, err
	}
	if !f.Accrues() {
		return 0, 0, data.Conflict("err.mdf_not_accrual", map[string]any{"Fund": f.Name})
	}
	as, err := Accruals(ctx, tx, f)
	if err != nil {
		return 0, 0, err
	}
	on := min(Today(s), f.EndsOn)
	for _, a := range as {
		if delta := a.Earned - a.Posted; delta > 0 {
			if err := post(ctx, tx, s, f, a.PartnerID, data.MDFEntry{Kind: data.EntryAccrual,
				Bucket: data.BucketAllocated, Amount: delta, OnDate: on}); err != nil {
				return 0, 0, err
			}
			partners++
			total += delta
		}
	}
	return partners, total, nil
}
