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
		w, err := s.NewVolumeWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.Close()
		if err := volumeMDFFundsAndAllocations(ctx, w, v); err != nil {
			return err
		}
		return volumeMDFRequests(ctx, w, v, requests)
	})
}

func volumeMDFFundsAndAllocations(ctx context.Context, w *data.VolumeWriter, v Volume) error {
	now := v.Today.UTC().Format(time.RFC3339)
	q := fiscal.QuarterOf(v.Today, 1)
	for k := VolumeMDFFunds; k >= 1; k-- {
		f := &data.MDFFund{ID: int64(k), Name: "MDF " + q.Label(), PeriodKind: "quarter", FiscalYear: q.Year, Quarter: q.Q,
			StartsOn: fiscal.ISODate(q.Start()), EndsOn: fiscal.ISODate(q.End()), Currency: "EUR",
			Budget: int64(v.Partners) * 12_000_000, Model: "discretionary", ShareBP: 10000, ClaimDays: 30, CreatedAt: now}
		if err := w.MDFFund(ctx, f); err != nil {
			return err
		}
		e := &data.MDFEntry{FundID: int64(k), Kind: "allocation", Bucket: "allocated", Amount: 10000000,
			OnDate: fiscal.ISODate(q.Start()), Reason: "Quarterly allocation", CreatedAt: now}
		if err := w.AllocateToAll(ctx, e); err != nil {
			return err
		}
		q = q.Prev()
	}
	return nil
}

// volumeMDFRequests writes request i for partner 1+i%Partners in fund
// 1+i%4; fund 4 is the current quarter, where approved requests have
// claim deadlines around today.
func volumeMDFRequests(ctx context.Context, w *data.VolumeWriter, v Volume, n int) error {
	now := v.Today.UTC().Format(time.RFC3339)
	for i := range n {
		r := volumeMDFRequest(v, i)
		req := &data.MDFRequest{FundID: int64(r.fund), PartnerID: int64(r.partner), Activity: "event",
			Description: fmt.Sprintf("Event %d", i), StartsOn: r.starts, EndsOn: r.ends, Requested: r.amount, Approved: r.approved,
			ExpectedLeads: 20, State: data.MDFRequestState(r.dbState), SubmittedOn: r.starts, ApprovedOn: r.approvedOn,
			ClosedOn: r.closedOn, CreatedAt: now, UpdatedAt: now}
		if err := w.MDFRequest(ctx, req); err != nil {
			return err
		}
		id := req.ID
		for _, e := range r.entries() {
			le := &data.MDFEntry{FundID: int64(r.fund), PartnerID: int64(r.partner), Kind: data.MDFEntryKind(e.kind),
				Bucket: e.bucket, Amount: e.amount, RequestID: id, OnDate: r.ends, CreatedAt: now}
			if err := w.MDFEntry(ctx, le); err != nil {
				return err
			}
		}
		if err := volumeMDFClaim(ctx, w, v, r, id, i); err != nil {
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
func volumeMDFClaim(ctx context.Context, w *data.VolumeWriter, v Volume, r volumeReq, id int64, i int) error {
	if r.state != "paid" {
		return nil
	}
	now := v.Today.UTC().Format(time.RFC3339)
	pay, err := w.MDFPayment(ctx, r.ends, fmt.Sprintf("PAY-%d", id), r.amount, now)
	if err != nil {
		return err
	}
	c := &data.MDFClaim{RequestID: id, ActualCost: r.amount, Leads: int64(5 + i%40), State: "paid", Reimbursable: r.amount,
		SubmittedOn: r.ends, DecidedOn: r.ends, PaymentID: pay, CreatedAt: now, UpdatedAt: now}
	if err := w.MDFClaim(ctx, c); err != nil {
		return err
	}
	return w.CreditWonDeal(ctx, id, int64(r.partner))
}
