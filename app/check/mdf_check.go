package check

import (
	"context"
	"fmt"

	"channeldesk/data"
)

// CheckMDF verifies the MDF ledger invariants on a database: no negative
// balance, allocations within budget, every request's and claim's money in
// the bucket its state says, payments adding up and proof files intact.
// An empty result means all is well.
func CheckMDF(ctx context.Context, s *data.Store) ([]Finding, error) {
	msgs, err := s.MDFLedgerViolations(ctx)
	if err != nil {
		return nil, err
	}
	var out []Finding
	for _, msg := range msgs {
		out = append(out, Finding{Check: "mdf", Message: msg})
	}
	proofs, err := checkProofs(ctx, s)
	return append(out, proofs...), err
}

func checkProofs(ctx context.Context, s *data.Store) ([]Finding, error) {
	ids, err := s.MDFProofIDs(ctx)
	if err != nil {
		return nil, err
	}
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
