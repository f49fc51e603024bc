package mdf_test

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"channeldesk/app/format"
	"channeldesk/app/mdf"
	"channeldesk/data"
)

// mdfFuzzer drives random operation sequences against one fund at a time.
type mdfFuzzer struct {
	w        *mdfWorld
	r        *rand.Rand
	requests []int64
	claims   []int64
}

func (z *mdfFuzzer) pickID(ids []int64) int64 {
	if len(ids) == 0 {
		return 0
	}
	return ids[z.r.IntN(len(ids))]
}

func (z *mdfFuzzer) amount() int64 { return int64(1 + z.r.IntN(60_000)) }

// step runs one random operation; refusals are expected, anything that
// is not an application error fails the test.
func (z *mdfFuzzer) step(ctx context.Context) (string, error) {
	w, s, f := z.w, z.w.s, z.w.fund
	p := w.partners[z.r.IntN(len(w.partners))]
	switch op := z.r.IntN(19); op {
	case 0:
		return "allocate", mdf.Allocate(ctx, s, f.ID, p, z.amount(), "")
	case 1:
		return "adjust", mdf.Adjust(ctx, s, f.ID, p, z.amount()-30_000, "fix")
	case 2, 3:
		start := w.today.AddDate(0, 0, z.r.IntN(10)).Format(format.DateLayout)
		r := &data.MDFRequest{FundID: f.ID, PartnerID: p, Activity: data.ActivityEvent, Description: "e", StartsOn: start,
			EndsOn: start, Requested: z.amount() / 3}
		err := mdf.CreateRequest(ctx, s, r)
		if err == nil {
			z.requests = append(z.requests, r.ID)
			err = mdf.SubmitRequest(ctx, s, r.ID)
		}
		return "request", err
	case 4, 5:
		return "approve", mdf.ApproveRequest(ctx, s, z.pickID(z.requests), z.amount()/5)
	case 6:
		if z.r.IntN(2) == 0 {
			return "reject", mdf.RejectRequest(ctx, s, z.pickID(z.requests), "no")
		}
		return "cancel", mdf.CancelRequest(ctx, s, z.pickID(z.requests), "no")
	case 7, 8, 9, 10, 11, 14, 15, 16, 17, 18:
		return z.claimStep(ctx, op)
	case 12:
		_, err := mdf.ExpireRequests(ctx, s)
		return "expire", err
	default:
		w.today = w.today.AddDate(0, 0, z.r.IntN(30))
		return "wait", nil
	}
}

// claimStep runs one random claim operation.
func (z *mdfFuzzer) claimStep(ctx context.Context, op int) (string, error) {
	s := z.w.s
	switch op {
	case 7, 16, 17, 18:
		c := &data.MDFClaim{RequestID: z.pickID(z.requests), ActualCost: z.amount() * 2}
		err := mdf.SubmitClaim(ctx, s, c, nil)
		if err == nil {
			z.claims = append(z.claims, c.ID)
		}
		return "claim", err
	case 8, 9, 14:
		return "approve claim", mdf.ApproveClaim(ctx, s, z.pickID(z.claims))
	case 10:
		switch id := z.pickID(z.claims); z.r.IntN(3) {
		case 0:
			return "info", mdf.RequestClaimInfo(ctx, s, id, "more")
		case 1:
			return "resubmit", mdf.ResubmitClaim(ctx, s, id, z.amount(), 1, "", nil)
		default:
			return "reject claim", mdf.RejectClaim(ctx, s, id, "no")
		}
	}
	_, err := mdf.PayClaims(ctx, s, []int64{z.pickID(z.claims), z.pickID(z.claims)}, "2026-06-01", "PAY")
	return "pay", err
}

// checkBalances asserts that no balance of the current fund is negative.
func (z *mdfFuzzer) checkBalances(t *testing.T, ctx context.Context, op string) {
	t.Helper()
	fb, err := mdf.FundBalance(ctx, z.w.s.DB(), z.w.fund.ID)
	z.w.must(err)
	if fb.Available() < 0 || fb.Allocated > z.w.fund.Budget || fb.Pending < 0 || fb.ApprovedUnpaid < 0 || fb.Paid < 0 {
		t.Fatalf("after %s fund balance %+v, budget %d", op, fb, z.w.fund.Budget)
	}
	for _, p := range z.w.partners {
		b, err := mdf.PartnerBalance(ctx, z.w.s.DB(), z.w.fund.ID, p)
		z.w.must(err)
		if b.Available() < 0 || b.Pending < 0 || b.ApprovedUnpaid < 0 || b.Paid < 0 {
			t.Fatalf("after %s partner %d balance %+v", op, p, b)
		}
	}
}

// checkLedgerSums recomputes every balance from the raw ledger rows and
// compares it with what Balances (the screens' figures) says.
func checkLedgerSums(t *testing.T, ctx context.Context, s *data.Store) {
	t.Helper()
	es, err := data.MDFEntries(ctx, s.DB(), "")
	if err != nil {
		t.Fatal(err)
	}
	type key struct{ f, p int64 }
	sums := map[key]*[4]int64{}
	for _, e := range es {
		k := key{e.FundID, e.PartnerID}
		if sums[k] == nil {
			sums[k] = &[4]int64{}
		}
		i := map[string]int{data.BucketAllocated: 0, data.BucketPending: 1, data.BucketApproved: 2, data.BucketPaid: 3}[e.Bucket]
		sums[k][i] += e.Amount
	}
	bs, err := mdf.Balances(ctx, s.DB())
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != len(sums) {
		t.Fatalf("%d balances, %d fund/partner pairs in the ledger", len(bs), len(sums))
	}
	for _, b := range bs {
		got := [4]int64{b.Allocated, b.Pending, b.ApprovedUnpaid, b.Paid}
		if want := sums[key{b.FundID, b.PartnerID}]; want == nil || *want != got {
			t.Fatalf("fund %d partner %d: displayed %v, ledger sums %v", b.FundID, b.PartnerID, got, want)
		}
	}
}

// TestMDFRandomSequencesNeverGoNegative runs thousands of random operation
// sequences, each on a fresh fund, and checks after every operation that
// no balance is negative, and after each sequence that the ledger sums
// equal the displayed balances and the ledger invariants hold.
func TestMDFRandomSequencesNeverGoNegative(t *testing.T) {
	sequences, length := 2000, 15
	if testing.Short() || raceEnabled {
		sequences = 200
	}
	w := newMDFWorld(t, 3, 100_000)
	ctx := w.ctx
	r := rand.New(rand.NewPCG(42, 7))
	refused := 0
	for seq := range sequences {
		w.today = time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC)
		if seq > 0 {
			w.fund = w.newFund(data.ModelBoth, int64(50_000+r.IntN(200_000)), 0)
		}
		z := &mdfFuzzer{w: w, r: r}
		for _, p := range w.partners {
			mdf.Allocate(ctx, w.s, w.fund.ID, p, z.amount(), "")
		}
		for range length {
			op, err := z.step(ctx)
			if err != nil {
				if _, ok := data.AsError(err); !ok {
					t.Fatalf("sequence %d, %s: %v", seq, op, err)
				}
				refused++
			}
			z.checkBalances(t, ctx, op)
		}
		if seq%250 == 0 || seq == sequences-1 {
			checkLedgerSums(t, ctx, w.s)
			w.noFindings()
		}
	}
	if refused == 0 {
		t.Error("no operation was ever refused: the sequences do not probe the limits")
	}
	var paid, expired, rejected int
	w.s.DB().QueryRow(`SELECT count(*) FROM mdf_claims WHERE state = 'paid'`).Scan(&paid)
	w.s.DB().QueryRow(`SELECT count(*) FROM mdf_requests WHERE state = 'expired'`).Scan(&expired)
	w.s.DB().QueryRow(`SELECT count(*) FROM mdf_requests WHERE state = 'rejected'`).Scan(&rejected)
	if paid == 0 || expired == 0 || rejected == 0 {
		t.Errorf("sequences reached paid %d, expired %d, rejected %d: some paths never ran", paid, expired, rejected)
	}
	t.Logf("%d refused operations; %d paid claims, %d expired, %d rejected requests", refused, paid, expired, rejected)
}
