package mdf

import (
	"context"

	"channeldesk/app/format"
	"channeldesk/data"
)

// Balance is what the ledger says about a partner's money in a fund (or
// a total over several): every figure is a sum of ledger entries.
type Balance struct {
	FundID         int64
	PartnerID      int64
	Allocated      int64 // allocations, accruals and adjustments
	Pending        int64 // reserved by submitted requests
	ApprovedUnpaid int64 // approved requests and claims not yet paid
	Paid           int64
}

// Available is what may still be requested: allocated − (pending + approved-unpaid + paid).
func (b Balance) Available() int64 { return b.Allocated - b.Pending - b.ApprovedUnpaid - b.Paid }

// Used is everything committed: pending, approved-unpaid and paid.
func (b Balance) Used() int64 { return b.Pending + b.ApprovedUnpaid + b.Paid }

func (b *Balance) add(bucket string, amount int64) {
	switch bucket {
	case data.BucketAllocated:
		b.Allocated += amount
	case data.BucketPending:
		b.Pending += amount
	case data.BucketApproved:
		b.ApprovedUnpaid += amount
	case data.BucketPaid:
		b.Paid += amount
	}
}

// Plus adds two balances, for totals.
func (b Balance) Plus(o Balance) Balance {
	b.Allocated += o.Allocated
	b.Pending += o.Pending
	b.ApprovedUnpaid += o.ApprovedUnpaid
	b.Paid += o.Paid
	return b
}

// Balances sums the whole ledger into one balance per fund and partner,
// in one grouped query.
func Balances(ctx context.Context, q data.MDFQuerier) ([]Balance, error) {
	rows, err := q.QueryContext(ctx, `SELECT fund_id, partner_id, bucket, sum(amount) FROM mdf_ledger
		GROUP BY fund_id, partner_id, bucket ORDER BY fund_id, partner_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Balance
	for rows.Next() {
		var f, p, amount int64
		var bucket string
		if err := rows.Scan(&f, &p, &bucket, &amount); err != nil {
			return nil, err
		}
		if n := len(out); n == 0 || out[n-1].FundID != f || out[n-1].PartnerID != p {
			out = append(out, Balance{FundID: f, PartnerID: p})
		}
		out[len(out)-1].add(bucket, amount)
	}
	return out, rows.Err()
}

// BalanceOf sums the ledger entries matching where (over mdf_ledger).
func BalanceOf(ctx context.Context, q data.MDFQuerier, where string, args ...any) (Balance, error) {
	var b Balance
	rows, err := q.QueryContext(ctx, `SELECT bucket, sum(amount) FROM mdf_ledger WHERE `+where+` GROUP BY bucket`, args...)
	if err != nil {
		return b, err
	}
	defer rows.Close()
	for rows.Next() {
		var bucket string
		var amount int64
		if err := rows.Scan(&bucket, &amount); err != nil {
			return b, err
		}
		b.add(bucket, amount)
	}
	return b, rows.Err()
}

// PartnerBalance is a partner's balance in one fund.
func PartnerBalance(ctx context.Context, q data.MDFQuerier, fundID, partnerID int64) (Balance, error) {
	b, err := BalanceOf(ctx, q, `fund_id = ? AND partner_id = ?`, fundID, partnerID)
	b.FundID, b.PartnerID = fundID, partnerID
	return b, err
}

// FundBalance is a fund's balance over all its partners.
func FundBalance(ctx context.Context, q data.MDFQuerier, fundID int64) (Balance, error) {
	b, err := BalanceOf(ctx, q, `fund_id = ?`, fundID)
	b.FundID = fundID
	return b, err
}

// guardMDF refuses a change that leaves the partner's or the fund's
// available amount negative, or allocates beyond the fund's budget. It
// runs after the change, inside its transaction, so a refusal rolls it back.
func guardMDF(ctx context.Context, tx *data.Tx, s *data.Store, fund *data.MDFFund, partnerID int64) error {
	if err := guardPartnerMDF(ctx, tx, fund, partnerID); err != nil {
		return err
	}
	fb, err := FundBalance(ctx, tx, fund.ID)
	if err != nil {
		return err
	}
	if fb.Available() < 0 {
		return shortfall(ctx, tx, "err.mdf_shortfall_fund", -fb.Available(), fund)
	}
	if fb.Allocated > fund.Budget {
		return shortfall(ctx, tx, "err.mdf_over_budget", fb.Allocated-fund.Budget, fund)
	}
	return nil
}

// guardPartnerMDF refuses a change that leaves the partner's available
// amount in the fund negative.
func guardPartnerMDF(ctx context.Context, tx *data.Tx, fund *data.MDFFund, partnerID int64) error {
	pb, err := PartnerBalance(ctx, tx, fund.ID, partnerID)
	if err != nil {
		return err
	}
	if pb.Available() < 0 {
		return shortfall(ctx, tx, "err.mdf_shortfall_partner", -pb.Available(), fund)
	}
	return nil
}

// shortfall is a refusal naming the missing amount, formatted in the
// interface language of the settings.
func shortfall(ctx context.Context, q data.MDFQuerier, key string, missing int64, fund *data.MDFFund) error {
	l := format.EN
	var v string
	if q.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'ui_lang'`).Scan(&v); v == "ru" {
		l = format.RU
	}
	return data.Conflict(key, map[string]any{"Shortfall": format.FormatMoney(missing, fund.Currency, l), "Fund": fund.Name,
		"Minor": missing})
}
