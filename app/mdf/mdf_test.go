package mdf_test

import (
	"bytes"
	"channeldesk/internal/testutil"
	"context"
	"strings"
	"testing"
	"time"

	"channeldesk/app/check"
	"channeldesk/app/fiscal"
	"channeldesk/app/mdf"
	"channeldesk/data"
)

// mdfWorld is a database with partners and one fund, whose clock the test
// moves.
type mdfWorld struct {
	t        testing.TB
	s        *data.Store
	ctx      context.Context
	today    time.Time
	partners []int64
	fund     *data.MDFFund
}

func newMDFWorld(tb testing.TB, partners int, budget int64) *mdfWorld {
	tb.Helper()
	w := &mdfWorld{t: tb, s: testutil.OpenStore(tb), ctx: context.Background(), today: time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC)}
	w.s.Now = func() time.Time { return w.today }
	for i := range partners {
		p := &data.Partner{Name: "Partner " + string(rune('A'+i%26)) + strings.Repeat("x", i/26), Type: data.TypeReseller,
			Status: data.StatusActive, DocLang: "en"}
		if err := w.s.CreatePartner(w.ctx, p); err != nil {
			tb.Fatal(err)
		}
		w.partners = append(w.partners, p.ID)
	}
	w.fund = w.newFund(data.ModelBoth, budget, 0)
	return w
}

func (w *mdfWorld) newFund(model data.MDFModel, budget, cap int64) *data.MDFFund {
	f := &data.MDFFund{Name: "Q1 fund", PeriodKind: "quarter", FiscalYear: 2026, Quarter: 1, Budget: budget, Model: model,
		Activities: data.MDFActivities, ShareBP: 5000, ClaimDays: 30, AccrualCap: cap}
	if err := mdf.CreateFund(w.ctx, w.s, f); err != nil {
		w.t.Fatal(err)
	}
	return f
}

func (w *mdfWorld) must(err error) {
	w.t.Helper()
	if err != nil {
		w.t.Fatal(err)
	}
}

func (w *mdfWorld) day(iso string) {
	d, err := time.Parse("2006-01-02", iso)
	w.must(err)
	w.today = d.Add(9 * time.Hour)
}

func (w *mdfWorld) request(partner, amount int64) *data.MDFRequest {
	r := &data.MDFRequest{FundID: w.fund.ID, PartnerID: partner, Activity: data.ActivityWebinar, Description: "Webinar",
		StartsOn: "2026-02-01", EndsOn: "2026-02-02", Requested: amount, ExpectedLeads: 20, ExpectedPipeline: 100000}
	w.must(mdf.CreateRequest(w.ctx, w.s, r))
	return r
}

func (w *mdfWorld) balance(partner int64) mdf.Balance {
	b, err := mdf.PartnerBalance(w.ctx, w.s.DB(), w.fund.ID, partner)
	w.must(err)
	return b
}

func (w *mdfWorld) req(id int64) *data.MDFRequest {
	r, err := data.MDFRequestTx(w.ctx, w.s.DB(), id)
	w.must(err)
	return r
}

func (w *mdfWorld) claim(id int64) *data.MDFClaim {
	c, err := data.MDFClaimTx(w.ctx, w.s.DB(), id)
	w.must(err)
	return c
}

func (w *mdfWorld) noFindings() {
	w.t.Helper()
	fs, err := check.CheckMDF(w.ctx, w.s)
	w.must(err)
	if len(fs) > 0 {
		w.t.Fatalf("check findings: %v", fs)
	}
}

func wantBalance(t *testing.T, got mdf.Balance, alloc, pending, approved, paid int64) {
	t.Helper()
	if got.Allocated != alloc || got.Pending != pending || got.ApprovedUnpaid != approved || got.Paid != paid {
		t.Fatalf("balance %+v, want allocated %d pending %d approved %d paid %d", got, alloc, pending, approved, paid)
	}
}

func wantCode(t *testing.T, err error, code, key string) {
	t.Helper()
	e, ok := data.AsError(err)
	if !ok || e.Code != code || (key != "" && e.Key != key) {
		t.Fatalf("err = %v, want %s %s", err, code, key)
	}
}

func TestFiscalPeriodFollowsFiscalYearStart(t *testing.T) {
	cases := map[string]struct {
		from, year, q int
		start, end    string
	}{
		"calendar Q1":      {1, 2026, 1, "2026-01-01", "2026-03-31"},
		"calendar year":    {1, 2026, 0, "2026-01-01", "2026-12-31"},
		"April FY Q4":      {4, 2026, 4, "2027-01-01", "2027-03-31"},
		"October FY Q2":    {10, 2025, 2, "2026-01-01", "2026-03-31"},
		"July FY year":     {7, 2026, 0, "2026-07-01", "2027-06-30"},
		"leap February Q1": {12, 2027, 1, "2027-12-01", "2028-02-29"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			s, e, err := fiscal.FiscalPeriod(c.from, c.year, c.q)
			if err != nil || s != c.start || e != c.end {
				t.Errorf("got %s..%s %v, want %s..%s", s, e, err, c.start, c.end)
			}
		})
	}
	if y, q := fiscal.FiscalQuarterOf(4, time.Date(2027, 2, 10, 0, 0, 0, 0, time.UTC)); y != 2026 || q != 4 {
		t.Errorf("Feb 2027 with April FY = %d Q%d, want 2026 Q4", y, q)
	}
}

func TestMDFRequestLifecycle(t *testing.T) {
	w := newMDFWorld(t, 2, 1_000_000)
	p := w.partners[0]
	w.must(mdf.Allocate(w.ctx, w.s, w.fund.ID, p, 500_000, ""))
	wantBalance(t, w.balance(p), 500_000, 0, 0, 0)

	r := w.request(p, 200_000)
	wantBalance(t, w.balance(p), 500_000, 0, 0, 0) // a draft holds no money
	w.must(mdf.SubmitRequest(w.ctx, w.s, r.ID))
	wantBalance(t, w.balance(p), 500_000, 200_000, 0, 0)
	w.must(mdf.ApproveRequest(w.ctx, w.s, r.ID, 150_000))
	wantBalance(t, w.balance(p), 500_000, 0, 150_000, 0)
	if got := w.req(r.ID); got.State != data.RequestApproved || got.ApprovedOn != "2026-01-10" || got.Approved != 150_000 {
		t.Fatalf("request after approval: %+v", got)
	}

	w.day("2026-02-05")
	c := &data.MDFClaim{RequestID: r.ID, ActualCost: 400_000, Leads: 31}
	w.must(mdf.SubmitClaim(w.ctx, w.s, c, []mdf.ProofFile{{Name: "invoice.pdf", Content: []byte("%PDF-1.4 invoice")}}))
	w.must(mdf.RequestClaimInfo(w.ctx, w.s, c.ID, "Attach the attendee list"))
	w.must(mdf.ResubmitClaim(w.ctx, w.s, c.ID, 250_000, 31, "", []mdf.ProofFile{{Name: "leads.csv", Content: []byte("a,b\n")}}))
	w.must(mdf.ApproveClaim(w.ctx, w.s, c.ID))
	// reimbursable = min(150 000, 250 000 × 50%) = 125 000; 25 000 released
	if got := w.claim(c.ID); got.Reimbursable != 125_000 || got.State != data.ClaimApproved {
		t.Fatalf("claim after approval: %+v", got)
	}
	wantBalance(t, w.balance(p), 500_000, 0, 125_000, 0)

	pay, err := mdf.PayClaims(w.ctx, w.s, []int64{c.ID}, "2026-02-20", "PO-77")
	w.must(err)
	wantBalance(t, w.balance(p), 500_000, 0, 0, 125_000)
	if got := w.claim(c.ID); got.State != data.ClaimPaid || got.PaymentID != pay {
		t.Fatalf("claim after payment: %+v", got)
	}
	if b := w.balance(p); b.Available() != 375_000 {
		t.Errorf("available %d, want 375000", b.Available())
	}
	w.noFindings()
}

func TestMDFRefusals(t *testing.T) {
	w := newMDFWorld(t, 2, 300_000)
	p, q := w.partners[0], w.partners[1]
	w.must(mdf.Allocate(w.ctx, w.s, w.fund.ID, p, 200_000, ""))

	err := mdf.Allocate(w.ctx, w.s, w.fund.ID, q, 150_000, "")
	wantCode(t, err, data.ECONFLICT, "err.mdf_over_budget")
	if e, _ := data.AsError(err); e.Args["Minor"] != int64(50_000) {
		t.Errorf("shortfall %v, want 50000", e.Args["Minor"])
	}
	wantBalance(t, w.balance(q), 0, 0, 0, 0)

	big := w.request(p, 250_000)
	err = mdf.SubmitRequest(w.ctx, w.s, big.ID)
	wantCode(t, err, data.ECONFLICT, "err.mdf_shortfall_partner")
	if e, _ := data.AsError(err); e.Args["Minor"] != int64(50_000) || !strings.Contains(e.Args["Shortfall"].(string), "500") {
		t.Errorf("shortfall args %v, want 50000 / €500", e.Args)
	}
	if got := w.req(big.ID); got.State != data.RequestDraft {
		t.Errorf("refused submit left state %s", got.State)
	}

	r := w.request(p, 100_000)
	w.must(mdf.SubmitRequest(w.ctx, w.s, r.ID))
	wantCode(t, mdf.ApproveRequest(w.ctx, w.s, r.ID, 100_001), data.EINVALID, "err.mdf_over_requested")
	wantCode(t, mdf.ApproveRequest(w.ctx, w.s, r.ID, 0), data.EINVALID, "")
	wantCode(t, mdf.RejectRequest(w.ctx, w.s, r.ID, "  "), data.EINVALID, "err.required")
	wantCode(t, mdf.SubmitRequest(w.ctx, w.s, r.ID), data.ECONFLICT, "err.mdf_state")
	// taking back the allocation below what is reserved is refused
	wantCode(t, mdf.Adjust(w.ctx, w.s, w.fund.ID, p, -150_000, "Budget cut"), data.ECONFLICT, "err.mdf_shortfall_partner")
	wantCode(t, mdf.Adjust(w.ctx, w.s, w.fund.ID, p, -50_000, ""), data.EINVALID, "err.required")
	w.must(mdf.Adjust(w.ctx, w.s, w.fund.ID, p, -100_000, "Budget cut"))
	wantBalance(t, w.balance(p), 100_000, 100_000, 0, 0)
	wantCode(t, mdf.SetFundBudget(w.ctx, w.s, w.fund.ID, 50_000), data.ECONFLICT, "err.mdf_over_budget")

	wantCode(t, mdf.Allocate(w.ctx, w.s, w.fund.ID, p, -5, ""), data.EINVALID, "err.mdf_positive")
	acc := w.newFund(data.ModelAccrual, 100, 0)
	wantCode(t, mdf.Allocate(w.ctx, w.s, acc.ID, p, 5, ""), data.ECONFLICT, "err.mdf_not_discretionary")
	narrow := &data.MDFFund{Name: "Events only", PeriodKind: "year", FiscalYear: 2026, Budget: 10, Model: data.ModelDiscretionary,
		Activities: []data.MDFActivity{data.ActivityEvent}, ShareBP: 10000, ClaimDays: 10}
	w.must(mdf.CreateFund(w.ctx, w.s, narrow))
	err = mdf.CreateRequest(w.ctx, w.s, &data.MDFRequest{FundID: narrow.ID, PartnerID: p, Activity: data.ActivityContent,
		Description: "Brochure", StartsOn: "2026-03-01", EndsOn: "2026-03-01", Requested: 5})
	wantCode(t, err, data.EINVALID, "err.mdf_not_eligible")
	w.noFindings()
}

func TestMDFRejectAndCancelReleaseReservation(t *testing.T) {
	w := newMDFWorld(t, 1, 100_000)
	p := w.partners[0]
	w.must(mdf.Allocate(w.ctx, w.s, w.fund.ID, p, 100_000, ""))
	a, b, c := w.request(p, 60_000), w.request(p, 40_000), w.request(p, 10_000)
	w.must(mdf.SubmitRequest(w.ctx, w.s, a.ID))
	w.must(mdf.SubmitRequest(w.ctx, w.s, b.ID))
	wantCode(t, mdf.SubmitRequest(w.ctx, w.s, c.ID), data.ECONFLICT, "err.mdf_shortfall_partner")
	w.must(mdf.RejectRequest(w.ctx, w.s, a.ID, "Not our audience"))
	w.must(mdf.CancelRequest(w.ctx, w.s, b.ID, "Event called off"))
	w.must(mdf.CancelRequest(w.ctx, w.s, c.ID, "Duplicate"))
	wantBalance(t, w.balance(p), 100_000, 0, 0, 0)
	if got := w.req(a.ID); got.State != data.RequestRejected || got.Reason != "Not our audience" || got.ApprovedOn != "" {
		t.Errorf("rejected request: %+v", got)
	}
	wantCode(t, mdf.CancelRequest(w.ctx, w.s, a.ID, "x"), data.ECONFLICT, "err.mdf_state")
	wantCode(t, mdf.ApproveRequest(w.ctx, w.s, b.ID, 1), data.ECONFLICT, "err.mdf_state")
	w.noFindings()
}

func TestMDFClaimRules(t *testing.T) {
	w := newMDFWorld(t, 1, 100_000)
	p := w.partners[0]
	w.must(mdf.Allocate(w.ctx, w.s, w.fund.ID, p, 100_000, ""))
	r := w.request(p, 50_000)
	wantCode(t, mdf.SubmitClaim(w.ctx, w.s, &data.MDFClaim{RequestID: r.ID, ActualCost: 10}, nil), data.ECONFLICT, "err.mdf_state")
	w.must(mdf.SubmitRequest(w.ctx, w.s, r.ID))
	w.must(mdf.ApproveRequest(w.ctx, w.s, r.ID, 50_000))
	w.day("2026-02-01") // activity not over yet
	wantCode(t, mdf.SubmitClaim(w.ctx, w.s, &data.MDFClaim{RequestID: r.ID, ActualCost: 10}, nil), data.ECONFLICT, "err.mdf_claim_early")
	w.day("2026-03-05") // deadline 2026-03-04 passed
	wantCode(t, mdf.SubmitClaim(w.ctx, w.s, &data.MDFClaim{RequestID: r.ID, ActualCost: 10}, nil), data.ECONFLICT, "err.mdf_claim_late")
	w.day("2026-03-04") // last day is allowed
	wantCode(t, mdf.SubmitClaim(w.ctx, w.s, &data.MDFClaim{RequestID: r.ID, ActualCost: 0}, nil), data.EINVALID, "err.mdf_positive")
	first := &data.MDFClaim{RequestID: r.ID, ActualCost: 60_000}
	w.must(mdf.SubmitClaim(w.ctx, w.s, first, nil))
	wantCode(t, mdf.SubmitClaim(w.ctx, w.s, &data.MDFClaim{RequestID: r.ID, ActualCost: 5}, nil), data.ECONFLICT, "err.mdf_claim_exists")
	wantCode(t, mdf.ResubmitClaim(w.ctx, w.s, first.ID, 1, 0, "", nil), data.ECONFLICT, "err.mdf_state")
	w.must(mdf.RejectClaim(w.ctx, w.s, first.ID, "Invoice unreadable"))
	wantBalance(t, w.balance(p), 100_000, 0, 50_000, 0) // money stays approved for a new claim
	wantCode(t, mdf.ApproveClaim(w.ctx, w.s, first.ID), data.ECONFLICT, "err.mdf_state")
	wantCode(t, mdf.AddProof(w.ctx, w.s, first.ID, mdf.ProofFile{Name: "x", Content: []byte("x")}), data.ECONFLICT, "err.mdf_state")
	second := &data.MDFClaim{RequestID: r.ID, ActualCost: 200_000}
	w.must(mdf.SubmitClaim(w.ctx, w.s, second, nil))
	_, err := mdf.PayClaims(w.ctx, w.s, []int64{second.ID}, "2026-03-10", "PO-1")
	wantCode(t, err, data.ECONFLICT, "err.mdf_state")
	w.must(mdf.ApproveClaim(w.ctx, w.s, second.ID))
	if got := w.claim(second.ID).Reimbursable; got != 50_000 { // capped at the approved amount
		t.Errorf("reimbursable %d, want 50000", got)
	}
	_, err = mdf.PayClaims(w.ctx, w.s, []int64{second.ID}, "2026-03-10", " ")
	wantCode(t, err, data.EINVALID, "err.required")
	_, err = mdf.PayClaims(w.ctx, w.s, []int64{second.ID}, "10.03.2026", "PO-1")
	wantCode(t, err, data.EINVALID, "err.mdf_date")
	wantBalance(t, w.balance(p), 100_000, 0, 50_000, 0)
	w.noFindings()
}

func TestSeveralClaimsPaidByOnePayment(t *testing.T) {
	w := newMDFWorld(t, 2, 1_000_000)
	var claims []int64
	for _, p := range w.partners {
		w.must(mdf.Allocate(w.ctx, w.s, w.fund.ID, p, 100_000, ""))
		for range 2 {
			r := w.request(p, 30_000)
			w.must(mdf.SubmitRequest(w.ctx, w.s, r.ID))
			w.must(mdf.ApproveRequest(w.ctx, w.s, r.ID, 30_000))
			w.today = time.Date(2026, 2, 3, 0, 0, 0, 0, time.UTC)
			c := &data.MDFClaim{RequestID: r.ID, ActualCost: 40_000}
			w.must(mdf.SubmitClaim(w.ctx, w.s, c, nil))
			w.must(mdf.ApproveClaim(w.ctx, w.s, c.ID))
			claims = append(claims, c.ID)
		}
	}
	pay, err := mdf.PayClaims(w.ctx, w.s, claims, "2026-02-28", "BATCH-2")
	w.must(err)
	var total int64
	w.s.DB().QueryRow(`SELECT total FROM mdf_payments WHERE id = ?`, pay).Scan(&total)
	if total != 80_000 {
		t.Errorf("payment total %d, want 4 × 20000", total)
	}
	for _, p := range w.partners {
		wantBalance(t, w.balance(p), 100_000, 0, 0, 40_000)
	}
	// paying again is refused and changes nothing
	_, err = mdf.PayClaims(w.ctx, w.s, claims[:1], "2026-02-28", "BATCH-3")
	wantCode(t, err, data.ECONFLICT, "err.mdf_state")
	var payments int
	w.s.DB().QueryRow(`SELECT count(*) FROM mdf_payments`).Scan(&payments)
	if payments != 1 {
		t.Errorf("%d payments after a refused one, want 1", payments)
	}
	w.noFindings()
}

func TestMDFDeadlineExpiryReleasesMoney(t *testing.T) {
	w := newMDFWorld(t, 1, 100_000)
	p := w.partners[0]
	w.must(mdf.Allocate(w.ctx, w.s, w.fund.ID, p, 100_000, ""))
	unclaimed, claimed, rejected := w.request(p, 20_000), w.request(p, 20_000), w.request(p, 20_000)
	for _, r := range []*data.MDFRequest{unclaimed, claimed, rejected} {
		w.must(mdf.SubmitRequest(w.ctx, w.s, r.ID))
		w.must(mdf.ApproveRequest(w.ctx, w.s, r.ID, 20_000))
	}
	w.day("2026-02-10")
	w.must(mdf.SubmitClaim(w.ctx, w.s, &data.MDFClaim{RequestID: claimed.ID, ActualCost: 100}, nil))
	c := &data.MDFClaim{RequestID: rejected.ID, ActualCost: 100}
	w.must(mdf.SubmitClaim(w.ctx, w.s, c, nil))
	w.must(mdf.RejectClaim(w.ctx, w.s, c.ID, "No proof"))

	w.day("2026-03-04") // deadline day: nothing expires yet
	n, err := mdf.ExpireRequests(w.ctx, w.s)
	if w.must(err); n != 0 {
		t.Fatalf("%d expired on the deadline day", n)
	}
	w.day("2026-03-05")
	n, err = mdf.ExpireRequests(w.ctx, w.s)
	if w.must(err); n != 2 {
		t.Fatalf("%d expired, want the unclaimed and the rejected-claim request", n)
	}
	if w.req(unclaimed.ID).State != data.RequestExpired || w.req(rejected.ID).State != data.RequestExpired ||
		w.req(claimed.ID).State != data.RequestApproved {
		t.Error("wrong requests expired")
	}
	if w.req(unclaimed.ID).ApprovedOn == "" {
		t.Error("an expired request lost its approval date")
	}
	wantBalance(t, w.balance(p), 100_000, 0, 20_000, 0)
	if n, _ = mdf.ExpireRequests(w.ctx, w.s); n != 0 {
		t.Errorf("second run expired %d", n)
	}
	w.noFindings()
}

func TestMDFAccrualAcrossPeriodBoundaries(t *testing.T) {
	w := newMDFWorld(t, 3, 1_000_000)
	db := w.s.DB()
	_, err := db.Exec(`INSERT INTO tiers (id, rank, name_en, name_ru, mdf_accrual_bp) VALUES (1, 1, 'Gold', 'Золото', 200), (2, 2, 'Plat', 'Платина', 0)`)
	w.must(err)
	db.Exec(`UPDATE partners SET tier_id = 1 WHERE id IN (?, ?)`, w.partners[0], w.partners[1])
	db.Exec(`UPDATE partners SET tier_id = 2 WHERE id = ?`, w.partners[2])
	deal := func(p int64, amount int64, state, closed string) {
		_, err := db.Exec(`INSERT INTO deals (partner_id, customer, customer_key, amount, state, registered_on, closed_on, created_at, updated_at)
			VALUES (?, 'C', 'c', ?, ?, '2025-12-01', ?, '', '')`, p, amount, state, closed)
		w.must(err)
	}
	deal(w.partners[0], 1_000_000, "won", "2025-12-31") // day before Q1: not counted
	deal(w.partners[0], 2_000_000, "won", "2026-01-01") // first day: counted
	deal(w.partners[0], 3_000_000, "won", "2026-03-31") // last day: counted
	deal(w.partners[0], 4_000_000, "won", "2026-04-01") // next quarter
	deal(w.partners[0], 9_000_000, "lost", "2026-02-01")
	deal(w.partners[1], 50_000_000, "won", "2026-02-15") // capped
	deal(w.partners[2], 5_000_000, "won", "2026-02-15")  // tier with 0%
	capped := w.newFund(data.ModelAccrual, 1_000_000, 300_000)

	n, total, err := mdf.PostAccrual(w.ctx, w.s, capped.ID)
	w.must(err)
	if n != 2 || total != 100_000+300_000 {
		t.Fatalf("posted %d partners %d total, want 2 and 400000", n, total)
	}
	bal := func(p int64) int64 { b, _ := mdf.PartnerBalance(w.ctx, db, capped.ID, p); return b.Allocated }
	if bal(w.partners[0]) != 100_000 || bal(w.partners[1]) != 300_000 || bal(w.partners[2]) != 0 {
		t.Errorf("accrued %d %d %d", bal(w.partners[0]), bal(w.partners[1]), bal(w.partners[2]))
	}
	// posting again adds only what was won since
	n, _, _ = mdf.PostAccrual(w.ctx, w.s, capped.ID)
	deal(w.partners[0], 500_000, "won", "2026-03-15")
	n2, total, _ := mdf.PostAccrual(w.ctx, w.s, capped.ID)
	if n != 0 || n2 != 1 || total != 10_000 || bal(w.partners[0]) != 110_000 {
		t.Errorf("repost: %d, then %d partners %d total, balance %d", n, n2, total, bal(w.partners[0]))
	}
	// next quarter's fund sees only the April deal
	q2 := &data.MDFFund{Name: "Q2", PeriodKind: "quarter", FiscalYear: 2026, Quarter: 2, Budget: 1_000_000,
		Model: data.ModelAccrual, Activities: data.MDFActivities, ShareBP: 5000, ClaimDays: 30}
	w.must(mdf.CreateFund(w.ctx, w.s, q2))
	_, total, _ = mdf.PostAccrual(w.ctx, w.s, q2.ID)
	if total != 80_000 {
		t.Errorf("Q2 accrual %d, want 2%% of 4000000", total)
	}
	// a budget too small refuses the whole posting
	small := &data.MDFFund{Name: "Small", PeriodKind: "year", FiscalYear: 2026, Budget: 1000,
		Model: data.ModelAccrual, Activities: data.MDFActivities, ShareBP: 5000, ClaimDays: 30}
	w.must(mdf.CreateFund(w.ctx, w.s, small))
	_, _, err = mdf.PostAccrual(w.ctx, w.s, small.ID)
	wantCode(t, err, data.ECONFLICT, "err.mdf_over_budget")
	if fb, _ := mdf.FundBalance(w.ctx, db, small.ID); fb.Allocated != 0 {
		t.Errorf("refused accrual left %d allocated", fb.Allocated)
	}
	_, _, err = mdf.PostAccrual(w.ctx, w.s, w.newFund(data.ModelDiscretionary, 10, 0).ID)
	wantCode(t, err, data.ECONFLICT, "err.mdf_not_accrual")
	w.noFindings()
}

func TestMDFProofRoundTrip(t *testing.T) {
	w := newMDFWorld(t, 1, 100_000)
	p := w.partners[0]
	w.must(mdf.Allocate(w.ctx, w.s, w.fund.ID, p, 100_000, ""))
	r := w.request(p, 10_000)
	w.must(mdf.SubmitRequest(w.ctx, w.s, r.ID))
	w.must(mdf.ApproveRequest(w.ctx, w.s, r.ID, 10_000))
	w.day("2026-02-03")
	content := bytes.Repeat([]byte{0, 1, 2, 0xff, 'x'}, 40_000)
	c := &data.MDFClaim{RequestID: r.ID, ActualCost: 10_000}
	w.must(mdf.SubmitClaim(w.ctx, w.s, c, []mdf.ProofFile{{Name: "/home/me/Фото стенда.jpg", Content: content}}))

	ps, err := w.s.MDFProofs(w.ctx, c.ID)
	w.must(err)
	if len(ps) != 1 || ps[0].Name != "Фото стенда.jpg" || ps[0].Size != int64(len(content)) || ps[0].SHA256 != data.ProofHash(content) {
		t.Fatalf("stored proof: %+v", ps)
	}
	_, back, err := w.s.MDFProofContent(w.ctx, ps[0].ID)
	if w.must(err); !bytes.Equal(back, content) {
		t.Fatal("content changed in the round trip")
	}

	tooBig := make([]byte, data.MaxProofSize+1)
	err = mdf.AddProof(w.ctx, w.s, c.ID, mdf.ProofFile{Name: "video.mp4", Content: tooBig})
	wantCode(t, err, data.EINVALID, "err.mdf_proof_too_big")
	if e, _ := data.AsError(err); e.Args["Name"] != "video.mp4" || e.Args["MaxMB"] != 10 {
		t.Errorf("size message args %v", e.Args)
	}

	w.s.DB().Exec(`UPDATE mdf_proofs SET content = ? WHERE id = ?`, append([]byte{9}, content[1:]...), ps[0].ID)
	_, _, err = w.s.MDFProofContent(w.ctx, ps[0].ID)
	wantCode(t, err, data.ECONFLICT, "err.mdf_proof_damaged")
	fs, _ := check.CheckMDF(w.ctx, w.s)
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "SHA-256") {
		t.Errorf("check findings %v, want the damaged proof", fs)
	}
}

func TestCheckMDFFindsPlantedFaults(t *testing.T) {
	cases := map[string]struct {
		sql  string
		want string
	}{
		"negative available": {`INSERT INTO mdf_ledger (fund_id, partner_id, kind, bucket, amount, on_date, created_at)
			VALUES (1, 1, 'reservation', 'pending', 999999, '2026-01-10', '')`, "available"},
		"over budget": {`UPDATE mdf_funds SET budget = 10`, "beyond budget"},
		"request not reserved": {`UPDATE mdf_requests SET state = 'submitted' WHERE id = (SELECT max(id) FROM mdf_requests)`,
			"pending 0"},
		"payment total":         {`UPDATE mdf_payments SET total = total + 1`, "payment"},
		"approved without date": {`UPDATE mdf_requests SET approved_on = ''`, "approved_on"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			w := newMDFWorld(t, 1, 100_000)
			p := w.partners[0]
			w.must(mdf.Allocate(w.ctx, w.s, w.fund.ID, p, 100_000, ""))
			r := w.request(p, 10_000)
			w.must(mdf.SubmitRequest(w.ctx, w.s, r.ID))
			w.must(mdf.ApproveRequest(w.ctx, w.s, r.ID, 10_000))
			w.day("2026-02-03")
			cl := &data.MDFClaim{RequestID: r.ID, ActualCost: 10_000}
			w.must(mdf.SubmitClaim(w.ctx, w.s, cl, nil))
			w.must(mdf.ApproveClaim(w.ctx, w.s, cl.ID))
			_, err := mdf.PayClaims(w.ctx, w.s, []int64{cl.ID}, "2026-02-04", "P")
			w.must(err)
			w.noFindings()
			_, err = w.s.DB().Exec(c.sql)
			w.must(err)
			fs, err := check.CheckMDF(w.ctx, w.s)
			w.must(err)
			found := false
			for _, f := range fs {
				found = found || strings.Contains(f.Message, c.want)
			}
			if !found {
				t.Errorf("findings %v, want one about %q", fs, c.want)
			}
		})
	}
}

func TestMDFDraftEditsBudgetChangesAndMoreProof(t *testing.T) {
	w := newMDFWorld(t, 1, 100_000)
	p := w.partners[0]
	w.must(mdf.Allocate(w.ctx, w.s, w.fund.ID, p, 80_000, ""))
	r := w.request(p, 10_000)
	r.Requested, r.Description = 20_000, "Bigger webinar"
	w.must(mdf.UpdateRequest(w.ctx, w.s, r))
	if got := w.req(r.ID); got.Requested != 20_000 || got.Description != "Bigger webinar" {
		t.Fatalf("draft after edit: %+v", got)
	}
	w.must(mdf.SubmitRequest(w.ctx, w.s, r.ID))
	r.Requested = 1
	wantCode(t, mdf.UpdateRequest(w.ctx, w.s, r), data.ECONFLICT, "err.mdf_state")
	if got := w.req(r.ID).Requested; got != 20_000 {
		t.Errorf("a submitted request changed to %d", got)
	}

	w.must(mdf.SetFundBudget(w.ctx, w.s, w.fund.ID, 80_000))
	wantCode(t, mdf.Allocate(w.ctx, w.s, w.fund.ID, p, 1, ""), data.ECONFLICT, "err.mdf_over_budget")
	wantCode(t, mdf.SetFundBudget(w.ctx, w.s, w.fund.ID, -1), data.EINVALID, "err.mdf_negative")

	w.must(mdf.ApproveRequest(w.ctx, w.s, r.ID, 20_000))
	w.day("2026-02-02")
	c := &data.MDFClaim{RequestID: r.ID, ActualCost: 30_000}
	w.must(mdf.SubmitClaim(w.ctx, w.s, c, nil))
	w.must(mdf.AddProof(w.ctx, w.s, c.ID, mdf.ProofFile{Name: "photo.jpg", Content: []byte{0xff, 0xd8, 0xff}}))
	ps, _ := w.s.MDFProofs(w.ctx, c.ID)
	if len(ps) != 1 || ps[0].Size != 3 {
		t.Errorf("proofs after adding one: %+v", ps)
	}
	wantCode(t, mdf.AddProof(w.ctx, w.s, c.ID, mdf.ProofFile{Name: " ", Content: []byte{1}}), data.EINVALID, "err.required")
	w.noFindings()
}

func TestMDFFundValidation(t *testing.T) {
	w := newMDFWorld(t, 1, 100)
	base := func() *data.MDFFund {
		return &data.MDFFund{Name: "F", PeriodKind: "quarter", FiscalYear: 2026, Quarter: 2, Budget: 1, Model: data.ModelBoth,
			Activities: data.MDFActivities, ShareBP: 5000, ClaimDays: 30}
	}
	cases := map[string]struct {
		change func(f *data.MDFFund)
		field  string
	}{
		"NameRequired":    {func(f *data.MDFFund) { f.Name = " " }, "mdf_fund_name"},
		"QuarterRange":    {func(f *data.MDFFund) { f.Quarter = 5 }, "mdf_period"},
		"NegativeBudget":  {func(f *data.MDFFund) { f.Budget = -1 }, "mdf_budget"},
		"UnknownModel":    {func(f *data.MDFFund) { f.Model = "gift" }, "mdf_model"},
		"NoActivities":    {func(f *data.MDFFund) { f.Activities = nil }, "mdf_activities"},
		"UnknownActivity": {func(f *data.MDFFund) { f.Activities = []data.MDFActivity{"yacht"} }, "mdf_activities"},
		"ShareAbove100":   {func(f *data.MDFFund) { f.ShareBP = 10001 }, "mdf_share"},
		"NegativeDays":    {func(f *data.MDFFund) { f.ClaimDays = -1 }, "mdf_claim_days"},
		"NegativeCap":     {func(f *data.MDFFund) { f.AccrualCap = -1 }, "mdf_accrual_cap"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			f := base()
			c.change(f)
			err := mdf.CreateFund(w.ctx, w.s, f)
			if e, ok := data.AsError(err); !ok || e.Field != c.field {
				t.Errorf("err = %v, want invalid %s", err, c.field)
			}
		})
	}
	f := base()
	w.must(mdf.CreateFund(w.ctx, w.s, f))
	if f.StartsOn != "2026-04-01" || f.EndsOn != "2026-06-30" || f.Currency != "EUR" {
		t.Errorf("fund period %s..%s %s", f.StartsOn, f.EndsOn, f.Currency)
	}
}

// paidRequest takes a request through approval, claim and payment.
func (w *mdfWorld) paidRequest(p, amount, cost int64) *data.MDFRequest {
	w.t.Helper()
	r := w.request(p, amount)
	w.must(mdf.SubmitRequest(w.ctx, w.s, r.ID))
	w.must(mdf.ApproveRequest(w.ctx, w.s, r.ID, amount))
	saved := w.today
	w.day("2026-02-03")
	c := &data.MDFClaim{RequestID: r.ID, ActualCost: cost, Leads: 12}
	w.must(mdf.SubmitClaim(w.ctx, w.s, c, nil))
	w.must(mdf.ApproveClaim(w.ctx, w.s, c.ID))
	_, err := mdf.PayClaims(w.ctx, w.s, []int64{c.ID}, "2026-02-10", "P")
	w.must(err)
	w.today = saved
	return r
}

func TestMDFROIPerActivityAndPartner(t *testing.T) {
	w := newMDFWorld(t, 2, 1_000_000)
	p := w.partners[0]
	w.must(mdf.Allocate(w.ctx, w.s, w.fund.ID, p, 500_000, ""))
	a := w.paidRequest(p, 100_000, 200_000) // pays 100 000
	b := w.paidRequest(p, 50_000, 40_000)   // pays 20 000
	deal := func(req int64, amount int64, state string) {
		_, err := w.s.DB().Exec(`INSERT INTO deals (partner_id, customer, customer_key, amount, state, registered_on, closed_on,
			mdf_request_id, created_at, updated_at) VALUES (?, 'C', 'c', ?, ?, '2026-02-01', '2026-03-01', ?, '', '')`, p, amount, state, req)
		w.must(err)
	}
	deal(a.ID, 600_000, "won")
	deal(a.ID, 400_000, "won")
	deal(a.ID, 900_000, "lost")
	deal(a.ID, 250_000, "approved") // pipeline
	deal(b.ID, 10_000, "won")
	acts, partners, err := mdf.ROI(w.ctx, w.s)
	w.must(err)
	if len(acts) != 2 || len(partners) != 1 {
		t.Fatalf("%d activities, %d partners", len(acts), len(partners))
	}
	byID := map[int64]mdf.ROIRow{acts[0].RequestID: acts[0], acts[1].RequestID: acts[1]}
	ra, rb := byID[a.ID], byID[b.ID]
	if ra.Paid != 100_000 || ra.Revenue != 1_000_000 || ra.Pipeline != 250_000 || ra.ROI() != 10 || ra.Leads != 12 {
		t.Errorf("activity A: %+v ROI %v", ra, ra.ROI())
	}
	if rb.Paid != 20_000 || rb.ROI() != 0.5 {
		t.Errorf("activity B: %+v ROI %v", rb, rb.ROI())
	}
	if tot := partners[0]; tot.Paid != 120_000 || tot.Revenue != 1_010_000 || tot.Leads != 24 {
		t.Errorf("partner total %+v", tot)
	}
	if (mdf.ROIRow{Revenue: 5}).ROI() != 0 {
		t.Error("ROI with nothing paid should be 0, not infinite")
	}
}

func TestMDFWorkQueueAndLedgerFilter(t *testing.T) {
	w := newMDFWorld(t, 1, 1_000_000)
	p := w.partners[0]
	w.must(mdf.Allocate(w.ctx, w.s, w.fund.ID, p, 500_000, "start"))
	submitted := w.request(p, 10_000)
	w.must(mdf.SubmitRequest(w.ctx, w.s, submitted.ID))
	due := w.request(p, 10_000) // ends 2026-02-02, claim deadline 2026-03-04
	w.must(mdf.SubmitRequest(w.ctx, w.s, due.ID))
	w.must(mdf.ApproveRequest(w.ctx, w.s, due.ID, 10_000))
	kinds := func(day string) map[string]int64 {
		w.day(day)
		q, err := mdf.WorkQueue(w.ctx, w.s, 14)
		w.must(err)
		out := map[string]int64{}
		for _, it := range q {
			out[it.Kind] = it.RequestID
		}
		return out
	}
	if k := kinds("2026-02-10"); k["request"] != submitted.ID || k["deadline"] != 0 {
		t.Errorf("22 days before the deadline: %v", k)
	}
	if k := kinds("2026-02-19"); k["deadline"] != due.ID {
		t.Errorf("14 days before the deadline: %v", k)
	}
	c := &data.MDFClaim{RequestID: due.ID, ActualCost: 5}
	w.must(mdf.SubmitClaim(w.ctx, w.s, c, nil))
	if k := kinds("2026-02-20"); k["deadline"] != 0 || k["claim"] != due.ID {
		t.Errorf("after the claim: %v", k)
	}

	all, err := mdf.Ledger(w.ctx, w.s, mdf.LedgerFilter{})
	w.must(err)
	res, _ := mdf.Ledger(w.ctx, w.s, mdf.LedgerFilter{Kind: data.EntryReservation, PartnerID: p, FundID: w.fund.ID})
	none, _ := mdf.Ledger(w.ctx, w.s, mdf.LedgerFilter{From: "2026-02-01"})
	if len(all) != 5 || len(res) != 2 || len(none) != 0 || all[0].PartnerName == "" || all[0].FundName != "Q1 fund" {
		t.Errorf("ledger: all %d, reservations %d, after February %d; %+v", len(all), len(res), len(none), all[0])
	}
}
