package mdf

import (
	"context"

	"channeldesk/data"
)

// RequestMDFTx files a partner's request as submitted inside a caller's
// transaction, under the same rules as the MDF screen: the activity must
// be eligible for the fund and the partner must have the requested amount
// available (the ledger check). The partner kit uses it.
func RequestMDFTx(ctx context.Context, tx *data.Tx, s *data.Store, r *data.MDFRequest) error {
	if err := CreateRequestTx(ctx, tx, s, r); err != nil {
		return err
	}
	if err := SubmitRequestTx(ctx, tx, s, r.ID); err != nil {
		return err
	}
	r.State, r.SubmittedOn = data.RequestSubmitted, Today(s)
	return nil
}

// SubmitMDFClaimTx is SubmitClaim inside a caller's transaction: the
// request must be approved, its activity over, its deadline not passed
// and no other live claim filed.
func SubmitMDFClaimTx(ctx context.Context, tx *data.Tx, s *data.Store, c *data.MDFClaim, proofs []ProofFile) error {
	return SubmitClaimTx(ctx, tx, s, c, proofs)
}
