package data

import (
	"context"
	"strings"
)

// MDFClaimFilter chooses claims the way DealFilter chooses deals; a zero
// field matches everything.
type MDFClaimFilter struct {
	State     MDFClaimState // only claims in this state
	PartnerID int64         // only claims on this partner's requests
}

func (f MDFClaimFilter) where() (string, []any) {
	var conds []string
	var args []any
	if f.State != "" {
		conds, args = append(conds, `state = ?`), append(args, string(f.State))
	}
	if f.PartnerID != 0 {
		conds, args = append(conds, `request_id IN (SELECT id FROM mdf_requests WHERE partner_id = ?)`), append(args, f.PartnerID)
	}
	return strings.Join(conds, " AND "), args
}

// MDFClaimsBy lists the claims f chooses, newest first.
func (s *Store) MDFClaimsBy(ctx context.Context, f MDFClaimFilter) ([]MDFClaim, error) {
	where, args := f.where()
	return mdfClaims(ctx, s.db, where, args...)
}

// MDFRequestFilter chooses MDF requests; a zero field matches everything.
type MDFRequestFilter struct {
	State     MDFRequestState // only requests in this state
	PartnerID int64           // only this partner's requests
	// Unclaimed keeps only requests without a live claim (one in any
	// state but rejected).
	Unclaimed bool
}

func (f MDFRequestFilter) where() (string, []any) {
	var conds []string
	var args []any
	if f.State != "" {
		conds, args = append(conds, `state = ?`), append(args, string(f.State))
	}
	if f.PartnerID != 0 {
		conds, args = append(conds, `partner_id = ?`), append(args, f.PartnerID)
	}
	if f.Unclaimed {
		conds = append(conds, `NOT EXISTS (SELECT 1 FROM mdf_claims c
		WHERE c.request_id = mdf_requests.id AND c.state IN `+liveMDFClaimStates+`)`)
	}
	return strings.Join(conds, " AND "), args
}

// MDFRequestsByTx is MDFRequestsBy inside a transaction.
func MDFRequestsByTx(ctx context.Context, tx *Tx, f MDFRequestFilter) ([]MDFRequest, error) {
	where, args := f.where()
	return mdfRequests(ctx, tx, where, args...)
}

// MDFRequestsBy lists the requests f chooses, the latest start first.
func (s *Store) MDFRequestsBy(ctx context.Context, f MDFRequestFilter) ([]MDFRequest, error) {
	where, args := f.where()
	return mdfRequests(ctx, s.db, where, args...)
}

// MDFRequest reads one request.
func (s *Store) MDFRequest(ctx context.Context, id int64) (*MDFRequest, error) {
	return MDFRequestTx(ctx, s.db, id)
}
