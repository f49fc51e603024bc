package mdf

import (
	"context"
	"strings"

	"channeldesk/data"
)

// ProofFile is a proof-of-performance file to attach to a claim.
type ProofFile struct {
	Name    string
	Content []byte
}

// liveClaim is a claim that still counts against its request: anything
// but rejected.
const liveClaimStates = `state IN ('submitted','info','approved','paid')`

// withClaim runs fn on a claim, its request and fund in one transaction,
// then writes the claim back.
func withClaim(ctx context.Context, s *data.Store, id int64, fn func(tx *data.Tx, c *data.MDFClaim, r *data.MDFRequest, f *data.MDFFund) error) error {
	return inTx(ctx, s, func(tx *data.Tx) error { return withClaimTx(ctx, tx, s, id, fn) })
}

func withClaimTx(ctx context.Context, tx *data.Tx, s *data.Store, id int64, fn func(tx *data.Tx, c *data.MDFClaim, r *data.MDFRequest, f *data.MDFFund) error) error {
	c, err := data.MDFClaimTx(ctx, tx, id)
	if err != nil {
		return err
	}
	r, err := data.MDFRequestTx(ctx, tx, c.RequestID)
	if err != nil {
		return err
	}
	f, err := data.MDFFundTx(ctx, tx, r.FundID)
	if err != nil {
		return err
	}
	if err := fn(tx, c, r, f); err != nil {
		return err
	}
	return s.UpdateMDFClaimTx(ctx, tx, c)
}

func attachProofs(ctx context.Context, tx *data.Tx, s *data.Store, claimID int64, proofs []ProofFile) error {
	for _, p := range proofs {
		if _, err := s.InsertMDFProofTx(ctx, tx, claimID, p.Name, p.Content); err != nil {
			return err
		}
	}
	return nil
}

// SubmitClaim claims reimbursement for an approved request, after the
// activity ended and no later than its claim deadline; a request has at
// most one claim that is not rejected.
func SubmitClaim(ctx context.Context, s *data.Store, c *data.MDFClaim, proofs []ProofFile) error {
	return inTx(ctx, s, func(tx *data.Tx) error { return SubmitClaimTx(ctx, tx, s, c, proofs) })
}

func SubmitClaimTx(ctx context.Context, tx *data.Tx, s *data.Store, c *data.MDFClaim, proofs []ProofFile) error {
	if err := c.Validate(); err != nil {
		return err
	}
	r, err := data.MDFRequestTx(ctx, tx, c.RequestID)
	if err != nil {
		return err
	}
	f, err := data.MDFFundTx(ctx, tx, r.FundID)
	if err != nil {
		return err
	}
	if err := claimable(ctx, tx, s, r, f); err != nil {
		return err
	}
	c.State, c.SubmittedOn, c.Reimbursable, c.PaymentID = data.ClaimSubmitted, Today(s), 0, 0
	if err := s.InsertMDFClaimTx(ctx, tx, c); err != nil {
		return err
	}
	return attachProofs(ctx, tx, s, c.ID, proofs)
}

func claimable(ctx context.Context, tx *data.Tx, s *data.Store, r *data.MDFRequest, f *data.MDFFund) error {
	today := Today(s)
	switch {
	case r.State != data.RequestApproved:
		return badState("mdf_request", string(r.State))
	case today < r.EndsOn:
		return data.Conflict("err.mdf_claim_early", map[string]any{"Date": r.EndsOn})
	case today > ClaimDeadline(r, f):
		return data.Conflict("err.mdf_claim_late", map[string]any{"Date": ClaimDeadline(r, f)})
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM mdf_claims WHERE request_id = ? AND `+liveClaimStates, r.ID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return data.Conflict("err.mdf_claim_exists", nil)
	}
	return nil
}

// ResubmitClaim answers a "more info needed" claim with corrected
// figures and more files.
func ResubmitClaim(ctx context.Context, s *data.Store, id, actualCost, leads int64, note string, proofs []ProofFile) error {
	return withClaim(ctx, s, id, func(tx *data.Tx, c *data.MDFClaim, r *data.MDFRequest, f *data.MDFFund) error {
		if c.State != data.ClaimInfo {
			return badState("mdf_claim", string(c.State))
		}
		c.ActualCost, c.Leads, c.Note, c.State = actualCost, leads, note, data.ClaimSubmitted
		if err := c.Validate(); err != nil {
			return err
		}
		return attachProofs(ctx, tx, s, c.ID, proofs)
	})
}

// AddProof attaches one more file to a claim that is not yet decided.
func AddProof(ctx context.Context, s *data.Store, claimID int64, p ProofFile) error {
	return withClaim(ctx, s, claimID, func(tx *data.Tx, c *data.MDFClaim, r *data.MDFRequest, f *data.MDFFund) error {
		if c.State != data.ClaimSubmitted && c.State != data.ClaimInfo {
			return badState("mdf_claim", string(c.State))
		}
		return attachProofs(ctx, tx, s, c.ID, []ProofFile{p})
	})
}

// Reimbursable is what a claim pays: the actual cost times the fund's
// share, never more than the approved amount.
func Reimbursable(approved, actualCost int64, shareBP int) int64 {
	return min(approved, actualCost*int64(shareBP)/10000)
}

// ApproveClaim approves a submitted claim for min(approved, actual ×
// share) and releases the rest of the request's approved money.
func ApproveClaim(ctx context.Context, s *data.Store, id int64) error {
	return inTx(ctx, s, func(tx *data.Tx) error { return ApproveClaimTx(ctx, tx, s, id) })
}

func ApproveClaimTx(ctx context.Context, tx *data.Tx, s *data.Store, id int64) error {
	return withClaimTx(ctx, tx, s, id, func(tx *data.Tx, c *data.MDFClaim, r *data.MDFRequest, f *data.MDFFund) error {
		if c.State != data.ClaimSubmitted {
			return badState("mdf_claim", string(c.State))
		}
		c.Reimbursable = Reimbursable(r.Approved, c.ActualCost, f.ShareBP)
		c.State, c.DecidedOn, c.Reason = data.ClaimApproved, Today(s), ""
		return post(ctx, tx, s, f, r.PartnerID, data.MDFEntry{Kind: data.EntryRelease, Bucket: data.BucketApproved,
			Amount: -(r.Approved - c.Reimbursable), RequestID: r.ID, ClaimID: c.ID})
	})
}

// RequestClaimInfo sends a submitted claim back for more information.
func RequestClaimInfo(ctx context.Context, s *data.Store, id int64, reason string) error {
	return inTx(ctx, s, func(tx *data.Tx) error {
		return DecideClaimTx(ctx, tx, s, id, reason, data.ClaimInfo, data.ClaimSubmitted)
	})
}

// RejectClaim turns a claim down with a reason. The request's money
// stays approved: another claim may follow until the deadline, after
// which the request expires and releases it.
func RejectClaim(ctx context.Context, s *data.Store, id int64, reason string) error {
	return inTx(ctx, s, func(tx *data.Tx) error {
		return DecideClaimTx(ctx, tx, s, id, reason, data.ClaimRejected, data.ClaimSubmitted, data.ClaimInfo)
	})
}

func DecideClaimTx(ctx context.Context, tx *data.Tx, s *data.Store, id int64, reason string, to data.MDFClaimState, from ...data.MDFClaimState) error {
	reason, err := requireReason(reason)
	if err != nil {
		return err
	}
	return withClaimTx(ctx, tx, s, id, func(tx *data.Tx, c *data.MDFClaim, r *data.MDFRequest, f *data.MDFFund) error {
		ok := false
		for _, st := range from {
			ok = ok || c.State == st
		}
		if !ok {
			return badState("mdf_claim", string(c.State))
		}
		c.State, c.Reason, c.DecidedOn = to, reason, Today(s)
		return nil
	})
}

// PayClaims pays approved claims with one payment (date, reference)
// and returns the payment's id.
func PayClaims(ctx context.Context, s *data.Store, claimIDs []int64, paidOn, reference string) (int64, error) {
	if len(claimIDs) == 0 {
		return 0, data.Invalid("mdf_claims", "err.required", nil)
	}
	var payID int64
	err := inTx(ctx, s, func(tx *data.Tx) (err error) {
		payID, err = PayClaimsTx(ctx, tx, s, claimIDs, paidOn, reference)
		return err
	})
	return payID, err
}

func PayClaimsTx(ctx context.Context, tx *data.Tx, s *data.Store, claimIDs []int64, paidOn, reference string) (int64, error) {
	payID, err := s.InsertMDFPaymentTx(ctx, tx, paidOn, reference, 0)
	if err != nil {
		return 0, err
	}
	var total int64
	seen := map[int64]bool{}
	for _, id := range claimIDs {
		if seen[id] {
			continue
		}
		seen[id] = true
		amount, err := payClaim(ctx, tx, s, id, payID, paidOn, reference)
		if err != nil {
			return 0, err
		}
		total += amount
	}
	_, err = tx.ExecContext(ctx, `UPDATE mdf_payments SET total = ? WHERE id = ?`, total, payID)
	return payID, err
}

func payClaim(ctx context.Context, tx *data.Tx, s *data.Store, id, payID int64, paidOn, reference string) (int64, error) {
	c, err := data.MDFClaimTx(ctx, tx, id)
	if err != nil {
		return 0, err
	}
	if c.State != data.ClaimApproved {
		return 0, badState("mdf_claim", string(c.State))
	}
	r, err := data.MDFRequestTx(ctx, tx, c.RequestID)
	if err != nil {
		return 0, err
	}
	f, err := data.MDFFundTx(ctx, tx, r.FundID)
	if err != nil {
		return 0, err
	}
	c.State, c.PaymentID = data.ClaimPaid, payID
	if err := s.UpdateMDFClaimTx(ctx, tx, c); err != nil {
		return 0, err
	}
	ref := strings.TrimSpace(reference)
	return c.Reimbursable, post(ctx, tx, s, f, r.PartnerID,
		data.MDFEntry{Kind: data.EntryPayment, Bucket: data.BucketApproved, Amount: -c.Reimbursable, RequestID: r.ID,
			ClaimID: c.ID, PaymentID: payID, OnDate: paidOn, Reason: ref},
		data.MDFEntry{Kind: data.EntryPayment, Bucket: data.BucketPaid, Amount: c.Reimbursable, RequestID: r.ID,
			ClaimID: c.ID, PaymentID: payID, OnDate: paidOn, Reason: ref})
}

// ExpireRequests expires approved requests whose claim deadline passed
// before today without a live claim, releasing their approved money. It
// returns how many expired.
func ExpireRequests(ctx context.Context, s *data.Store) (int, error) {
	n := 0
	err := inTx(ctx, s, func(tx *data.Tx) (err error) {
		n, err = ExpireTx(ctx, tx, s)
		return err
	})
	return n, err
}

func ExpireTx(ctx context.Context, tx *data.Tx, s *data.Store) (int, error) {
	today := Today(s)
	rs, err := data.MDFRequests(ctx, tx, `state = 'approved' AND NOT EXISTS (SELECT 1 FROM mdf_claims c
		WHERE c.request_id = mdf_requests.id AND c.`+liveClaimStates+`)`)
	if err != nil {
		return 0, err
	}
	n := 0
	for i := range rs {
		expired, err := expireRequest(ctx, tx, s, &rs[i], today)
		if err != nil {
			return 0, err
		}
		if expired {
			n++
		}
	}
	return n, nil
}

func expireRequest(ctx context.Context, tx *data.Tx, s *data.Store, r *data.MDFRequest, today string) (bool, error) {
	f, err := data.MDFFundTx(ctx, tx, r.FundID)
	if err != nil || today <= ClaimDeadline(r, f) {
		return false, err
	}
	held, err := BalanceOf(ctx, tx, `request_id = ? AND bucket = 'approved'`, r.ID)
	if err != nil {
		return false, err
	}
	r.State, r.ClosedOn = data.RequestExpired, today
	if err := s.UpdateMDFRequestTx(ctx, tx, r); err != nil {
		return false, err
	}
	return true, post(ctx, tx, s, f, r.PartnerID, data.MDFEntry{Kind: data.EntryRelease, Bucket: data.BucketApproved,
		Amount: -held.ApprovedUnpaid, RequestID: r.ID})
}
