package mdf

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"channeldesk/app/fiscal"
	"channeldesk/app/format"
	"channeldesk/data"
)

// mdfToday is the store's current calendar day.
func Today(s *data.Store) string { return s.Now().Format(format.DateLayout) }

// ClaimDeadline is the last day a request's activity can be claimed.
func ClaimDeadline(r *data.MDFRequest, f *data.MDFFund) string {
	return fiscal.AddDaysISO(r.EndsOn, f.ClaimDays)
}

func requireReason(reason string) (string, error) {
	reason = strings.TrimSpace(reason)
	switch {
	case reason == "":
		return "", data.Invalid("reason", "err.required", nil)
	case utf8.RuneCountInString(reason) > data.MaxMDFText:
		return "", data.Invalid("reason", "err.too_long", map[string]any{"Max": data.MaxMDFText})
	}
	return reason, nil
}

func badState(what, state string) error {
	return data.Conflict("err.mdf_state", map[string]any{"What": what, "State": state})
}

// post appends ledger entries for one partner of a fund and then checks
// that no balance went negative.
func post(ctx context.Context, tx *data.Tx, s *data.Store, fund *data.MDFFund, partnerID int64, es ...data.MDFEntry) error {
	raises := false
	for i := range es {
		e := &es[i]
		if e.Amount == 0 {
			continue
		}
		raises = raises || e.Bucket == data.BucketAllocated && e.Amount > 0
		e.FundID, e.PartnerID = fund.ID, partnerID
		if e.OnDate == "" {
			e.OnDate = Today(s)
		}
		if err := s.InsertMDFEntryTx(ctx, tx, e); err != nil {
			return err
		}
	}
	if !raises {
		// Every ledger row has a partner, so the fund's available amount is
		// the sum of its partners': with this partner's checked, only a
		// raise of the allocated bucket can break the fund's budget. This
		// keeps a post O(partner's rows) instead of O(fund's rows).
		return guardPartnerMDF(ctx, tx, fund, partnerID)
	}
	return guardMDF(ctx, tx, s, fund, partnerID)
}

// CreateFund stores a new fund for a fiscal quarter or year; its dates
// and currency come from the settings (fiscal-year start, program currency).
func CreateFund(ctx context.Context, s *data.Store, f *data.MDFFund) error {
	return inTx(ctx, s, func(tx *data.Tx) error { return CreateFundTx(ctx, tx, s, f) })
}

func CreateFundTx(ctx context.Context, tx *data.Tx, s *data.Store, f *data.MDFFund) error {
	fyFrom, currency := 1, "EUR"
	var v string
	if tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'fiscal_year_from'`).Scan(&v) == nil {
		fmt.Sscan(v, &fyFrom)
	}
	if tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'currency'`).Scan(&v) == nil && v != "" {
		currency = v
	}
	q := f.Quarter
	if f.PeriodKind == "year" {
		q = 0
	}
	start, end, err := fiscal.FiscalPeriod(fyFrom, f.FiscalYear, q)
	if err != nil {
		return data.Invalid("mdf_period", "err.mdf_period", nil)
	}
	f.StartsOn, f.EndsOn, f.Currency, f.Quarter = start, end, currency, q
	return s.InsertMDFFundTx(ctx, tx, f)
}

// SetFundBudget changes a fund's budget; it cannot go below what has
// already been allocated.
func SetFundBudget(ctx context.Context, s *data.Store, fundID, budget int64) error {
	return inTx(ctx, s, func(tx *data.Tx) error {
		f, err := data.MDFFundTx(ctx, tx, fundID)
		if err != nil {
			return err
		}
		if err := data.UpdateMDFFundBudgetTx(ctx, tx, fundID, budget); err != nil {
			return err
		}
		f.Budget = budget
		fb, err := FundBalance(ctx, tx, fundID)
		if err != nil {
			return err
		}
		if fb.Allocated > budget {
			return shortfall(ctx, tx, "err.mdf_over_budget", fb.Allocated-budget, f)
		}
		return nil
	})
}

// Allocate gives a partner an amount of a discretionary fund.
func Allocate(ctx context.Context, s *data.Store, fundID, partnerID, amount int64, note string) error {
	return inTx(ctx, s, func(tx *data.Tx) error { return AllocateTx(ctx, tx, s, fundID, partnerID, amount, note) })
}

func AllocateTx(ctx context.Context, tx *data.Tx, s *data.Store, fundID, partnerID, amount int64, note string) error {
	if amount <= 0 {
		return data.Invalid("mdf_amount", "err.mdf_positive", nil)
	}
	f, err := data.MDFFundTx(ctx, tx, fundID)
	if err != nil {
		return err
	}
	if !f.Discretionary() {
		return data.Conflict("err.mdf_not_discretionary", map[string]any{"Fund": f.Name})
	}
	return post(ctx, tx, s, f, partnerID, data.MDFEntry{Kind: data.EntryAllocation, Bucket: data.BucketAllocated,
		Amount: amount, Reason: strings.TrimSpace(note)})
}

// Adjust corrects a partner's allocation up or down, with a reason.
func Adjust(ctx context.Context, s *data.Store, fundID, partnerID, amount int64, reason string) error {
	reason, err := requireReason(reason)
	if err != nil {
		return err
	}
	if amount == 0 {
		return data.Invalid("mdf_amount", "err.mdf_nonzero", nil)
	}
	return inTx(ctx, s, func(tx *data.Tx) error {
		f, err := data.MDFFundTx(ctx, tx, fundID)
		if err != nil {
			return err
		}
		return post(ctx, tx, s, f, partnerID, data.MDFEntry{Kind: data.EntryAdjustment, Bucket: data.BucketAllocated,
			Amount: amount, Reason: reason})
	})
}

// withRequest runs fn on a request and its fund, then writes the request back.
func withRequest(ctx context.Context, tx *data.Tx, s *data.Store, id int64, fn func(r *data.MDFRequest, f *data.MDFFund) error) error {
	r, err := data.MDFRequestTx(ctx, tx, id)
	if err != nil {
		return err
	}
	f, err := data.MDFFundTx(ctx, tx, r.FundID)
	if err != nil {
		return err
	}
	if err := fn(r, f); err != nil {
		return err
	}
	return s.UpdateMDFRequestTx(ctx, tx, r)
}

// inTx runs fn in one transaction of the store.
func inTx(ctx context.Context, s *data.Store, fn func(tx *data.Tx) error) error {
	return s.WithTx(ctx, fn)
}

// CreateRequest stores a draft request for an activity the fund pays for.
func CreateRequest(ctx context.Context, s *data.Store, r *data.MDFRequest) error {
	return inTx(ctx, s, func(tx *data.Tx) error { return CreateRequestTx(ctx, tx, s, r) })
}

func CreateRequestTx(ctx context.Context, tx *data.Tx, s *data.Store, r *data.MDFRequest) error {
	f, err := data.MDFFundTx(ctx, tx, r.FundID)
	if err != nil {
		return err
	}
	if !f.Eligible(r.Activity) {
		return data.Invalid("mdf_activity", "err.mdf_not_eligible", map[string]any{"Fund": f.Name})
	}
	return s.InsertMDFRequestTx(ctx, tx, r)
}

// UpdateRequest changes a draft request's details.
func UpdateRequest(ctx context.Context, s *data.Store, in *data.MDFRequest) error {
	return inTx(ctx, s, func(tx *data.Tx) error {
		return withRequest(ctx, tx, s, in.ID, func(r *data.MDFRequest, f *data.MDFFund) error {
			if r.State != data.RequestDraft {
				return badState("mdf_request", string(r.State))
			}
			if !f.Eligible(in.Activity) {
				return data.Invalid("mdf_activity", "err.mdf_not_eligible", map[string]any{"Fund": f.Name})
			}
			r.Activity, r.Description, r.StartsOn, r.EndsOn = in.Activity, in.Description, in.StartsOn, in.EndsOn
			r.Requested, r.ExpectedLeads, r.ExpectedPipeline = in.Requested, in.ExpectedLeads, in.ExpectedPipeline
			return nil
		})
	})
}

// SubmitRequest sends a draft for approval and reserves the requested
// amount; refused when the partner has not that much available.
func SubmitRequest(ctx context.Context, s *data.Store, id int64) error {
	return inTx(ctx, s, func(tx *data.Tx) error { return SubmitRequestTx(ctx, tx, s, id) })
}

func SubmitRequestTx(ctx context.Context, tx *data.Tx, s *data.Store, id int64) error {
	return withRequest(ctx, tx, s, id, func(r *data.MDFRequest, f *data.MDFFund) error {
		if r.State != data.RequestDraft {
			return badState("mdf_request", string(r.State))
		}
		r.State, r.SubmittedOn = data.RequestSubmitted, Today(s)
		return post(ctx, tx, s, f, r.PartnerID, data.MDFEntry{Kind: data.EntryReservation, Bucket: data.BucketPending,
			Amount: r.Requested, RequestID: r.ID})
	})
}

// ApproveRequest approves a submitted request for amount (at most what
// was requested); the rest of the reservation is released.
func ApproveRequest(ctx context.Context, s *data.Store, id, amount int64) error {
	return inTx(ctx, s, func(tx *data.Tx) error { return ApproveRequestTx(ctx, tx, s, id, amount) })
}

func ApproveRequestTx(ctx context.Context, tx *data.Tx, s *data.Store, id, amount int64) error {
	return withRequest(ctx, tx, s, id, func(r *data.MDFRequest, f *data.MDFFund) error {
		if r.State != data.RequestSubmitted {
			return badState("mdf_request", string(r.State))
		}
		if amount <= 0 || amount > r.Requested {
			return data.Invalid("mdf_approved", "err.mdf_over_requested", map[string]any{"Minor": r.Requested})
		}
		r.State, r.Approved, r.ApprovedOn = data.RequestApproved, amount, Today(s)
		return post(ctx, tx, s, f, r.PartnerID,
			data.MDFEntry{Kind: data.EntryApproval, Bucket: data.BucketPending, Amount: -amount, RequestID: r.ID},
			data.MDFEntry{Kind: data.EntryApproval, Bucket: data.BucketApproved, Amount: amount, RequestID: r.ID},
			data.MDFEntry{Kind: data.EntryRelease, Bucket: data.BucketPending, Amount: -(r.Requested - amount), RequestID: r.ID})
	})
}

// RejectRequest turns down a submitted request with a reason and
// releases its reservation.
func RejectRequest(ctx context.Context, s *data.Store, id int64, reason string) error {
	return inTx(ctx, s, func(tx *data.Tx) error {
		return CloseRequestTx(ctx, tx, s, id, reason, data.RequestRejected, data.RequestSubmitted)
	})
}

// CancelRequest withdraws a draft or submitted request, releasing any
// reservation.
func CancelRequest(ctx context.Context, s *data.Store, id int64, reason string) error {
	return inTx(ctx, s, func(tx *data.Tx) error {
		return CloseRequestTx(ctx, tx, s, id, reason, data.RequestCancelled, data.RequestDraft, data.RequestSubmitted)
	})
}

func CloseRequestTx(ctx context.Context, tx *data.Tx, s *data.Store, id int64, reason string, to data.MDFRequestState, from ...data.MDFRequestState) error {
	reason, err := requireReason(reason)
	if err != nil {
		return err
	}
	return withRequest(ctx, tx, s, id, func(r *data.MDFRequest, f *data.MDFFund) error {
		ok := false
		for _, st := range from {
			ok = ok || r.State == st
		}
		if !ok {
			return badState("mdf_request", string(r.State))
		}
		was := r.State
		r.State, r.Reason, r.ClosedOn = to, reason, Today(s)
		if was != data.RequestSubmitted {
			return nil
		}
		return post(ctx, tx, s, f, r.PartnerID, data.MDFEntry{Kind: data.EntryRelease, Bucket: data.BucketPending,
			Amount: -r.Requested, RequestID: r.ID, Reason: reason})
	})
}
