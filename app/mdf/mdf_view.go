package mdf

import (
	"context"
	"strings"

	"channeldesk/app/fiscal"
	"channeldesk/data"
)

// FundSummary is a fund with its ledger figures, for the funds list.
type FundSummary struct {
	Fund    data.MDFFund
	Balance Balance
}

// Unallocated is the budget not yet given to any partner.
func (f FundSummary) Unallocated() int64 { return f.Fund.Budget - f.Balance.Allocated }

// Utilisation is the share of the budget committed (pending, approved or
// paid), 0–1.
func (f FundSummary) Utilisation() float64 {
	if f.Fund.Budget <= 0 {
		return 0
	}
	return float64(f.Balance.Used()) / float64(f.Fund.Budget)
}

// FundSummaries lists every fund with its balance.
func FundSummaries(ctx context.Context, s *data.Store) ([]FundSummary, error) {
	fs, err := s.MDFFunds(ctx)
	if err != nil {
		return nil, err
	}
	bs, err := Balances(ctx, s.DB())
	if err != nil {
		return nil, err
	}
	byFund := map[int64]Balance{}
	for _, b := range bs {
		byFund[b.FundID] = byFund[b.FundID].Plus(b)
	}
	out := make([]FundSummary, len(fs))
	for i, f := range fs {
		b := byFund[f.ID]
		b.FundID = f.ID
		out[i] = FundSummary{Fund: f, Balance: b}
	}
	return out, nil
}

// QueueItem is one thing waiting for the manager.
type QueueItem struct {
	Kind        string // "request" (submitted), "claim" (submitted) or "deadline" (claim due soon)
	RequestID   int64
	ClaimID     int64
	PartnerID   int64
	PartnerName string
	FundName    string
	Activity    data.MDFActivity
	Description string
	Amount      int64  // requested, claimed cost, or approved amount
	Date        string // submitted on, or the claim deadline
}

// WorkQueue lists submitted requests and claims, then approved requests
// whose claim deadline falls within the next days days and that have no
// claim yet.
func WorkQueue(ctx context.Context, s *data.Store, days int) ([]QueueItem, error) {
	today := Today(s)
	rows, err := s.DB().QueryContext(ctx, `
		SELECT 'request', r.id, 0, p.id, p.name, f.name, r.activity, r.description, r.requested, r.submitted_on
		FROM mdf_requests r JOIN partners p ON p.id = r.partner_id JOIN mdf_funds f ON f.id = r.fund_id
		WHERE r.state = 'submitted'
		UNION ALL
		SELECT 'claim', r.id, c.id, p.id, p.name, f.name, r.activity, r.description, c.actual_cost, c.submitted_on
		FROM mdf_claims c JOIN mdf_requests r ON r.id = c.request_id JOIN partners p ON p.id = r.partner_id
		JOIN mdf_funds f ON f.id = r.fund_id WHERE c.state = 'submitted'
		UNION ALL
		SELECT 'deadline', r.id, 0, p.id, p.name, f.name, r.activity, r.description, r.approved_amount,
			date(r.ends_on, '+' || f.claim_days || ' days') dl
		FROM mdf_requests r JOIN partners p ON p.id = r.partner_id JOIN mdf_funds f ON f.id = r.fund_id
		WHERE r.state = 'approved' AND NOT EXISTS (SELECT 1 FROM mdf_claims c WHERE c.request_id = r.id
			AND c.state IN ('submitted','info','approved','paid'))
			AND date(r.ends_on, '+' || f.claim_days || ' days') BETWEEN ? AND ?
		ORDER BY 1 DESC, 10, 2`, today, fiscal.AddDaysISO(today, days))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []QueueItem
	for rows.Next() {
		var q QueueItem
		if err := rows.Scan(&q.Kind, &q.RequestID, &q.ClaimID, &q.PartnerID, &q.PartnerName, &q.FundName, &q.Activity,
			&q.Description, &q.Amount, &q.Date); err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, rows.Err()
}

// LedgerFilter narrows the ledger view; zero values match everything.
type LedgerFilter struct {
	FundID    int64
	PartnerID int64
	Kind      data.MDFEntryKind
	From, To  string // on_date range, inclusive
}

// LedgerRow is a ledger entry with the names it refers to.
type LedgerRow struct {
	data.MDFEntry
	PartnerName string
	FundName    string
}

// Ledger lists ledger entries matching the filter, newest first.
func Ledger(ctx context.Context, s *data.Store, f LedgerFilter) ([]LedgerRow, error) {
	var where []string
	var args []any
	add := func(cond string, v any) { where = append(where, cond); args = append(args, v) }
	if f.FundID != 0 {
		add("l.fund_id = ?", f.FundID)
	}
	if f.PartnerID != 0 {
		add("l.partner_id = ?", f.PartnerID)
	}
	if f.Kind != "" {
		add("l.kind = ?", f.Kind)
	}
	if f.From != "" {
		add("l.on_date >= ?", f.From)
	}
	if f.To != "" {
		add("l.on_date <= ?", f.To)
	}
	q := `SELECT l.id, l.fund_id, l.partner_id, l.kind, l.bucket, l.amount, coalesce(l.request_id,0), coalesce(l.claim_id,0),
		coalesce(l.payment_id,0), l.on_date, l.reason, l.created_at, p.name, fu.name
		FROM mdf_ledger l JOIN partners p ON p.id = l.partner_id JOIN mdf_funds fu ON fu.id = l.fund_id`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	rows, err := s.DB().QueryContext(ctx, q+" ORDER BY l.on_date DESC, l.id DESC", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []LedgerRow
	for rows.Next() {
		var r LedgerRow
		e := &r.MDFEntry
		if err := rows.Scan(&e.ID, &e.FundID, &e.PartnerID, &e.Kind, &e.Bucket, &e.Amount, &e.RequestID, &e.ClaimID,
			&e.PaymentID, &e.OnDate, &e.Reason, &e.CreatedAt, &r.PartnerName, &r.FundName); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ROIRow is the return on one activity, or on all of a partner's.
type ROIRow struct {
	RequestID     int64 // 0 for a partner total
	PartnerID     int64
	PartnerName   string
	Activity      data.MDFActivity
	Description   string
	Paid          int64 // reimbursed to the partner
	Revenue       int64 // won deals attributed to the activity
	Pipeline      int64 // open deals (submitted, approved) attributed to it
	Leads         int64 // delivered, from claims
	ExpectedLeads int64
}

// ROI is won revenue per unit paid; 0 while nothing was paid.
func (r ROIRow) ROI() float64 {
	if r.Paid <= 0 {
		return 0
	}
	return float64(r.Revenue) / float64(r.Paid)
}

// ROI returns the return of every approved activity and each partner's
// total, both ordered by partner: revenue of deals with mdf_request_id
// pointing at the activity, divided by what was paid for it.
func ROI(ctx context.Context, s *data.Store) (activities, partners []ROIRow, err error) {
	rows, err := s.DB().QueryContext(ctx, `SELECT r.id, p.id, p.name, r.activity, r.description,
		coalesce((SELECT sum(amount) FROM mdf_ledger l WHERE l.request_id = r.id AND l.bucket = 'paid'), 0),
		coalesce((SELECT sum(amount) FROM deals d WHERE d.mdf_request_id = r.id AND d.state = 'won'), 0),
		coalesce((SELECT sum(amount) FROM deals d WHERE d.mdf_request_id = r.id AND d.state IN ('submitted','approved')), 0),
		coalesce((SELECT sum(leads) FROM mdf_claims c WHERE c.request_id = r.id AND c.state IN ('approved','paid')), 0),
		r.expected_leads
		FROM mdf_requests r JOIN partners p ON p.id = r.partner_id WHERE r.approved_on != ''
		ORDER BY p.name, p.id, r.starts_on DESC, r.id`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var a ROIRow
		if err := rows.Scan(&a.RequestID, &a.PartnerID, &a.PartnerName, &a.Activity, &a.Description, &a.Paid, &a.Revenue,
			&a.Pipeline, &a.Leads, &a.ExpectedLeads); err != nil {
			return nil, nil, err
		}
		activities = append(activities, a)
		if n := len(partners); n == 0 || partners[n-1].PartnerID != a.PartnerID {
			partners = append(partners, ROIRow{PartnerID: a.PartnerID, PartnerName: a.PartnerName})
		}
		t := &partners[len(partners)-1]
		t.Paid += a.Paid
		t.Revenue += a.Revenue
		t.Pipeline += a.Pipeline
		t.Leads += a.Leads
		t.ExpectedLeads += a.ExpectedLeads
	}
	return activities, partners, rows.Err()
}

// PartnerMDF is everything the partner's MDF tab shows.
type PartnerMDF struct {
	Funds    []FundSummary // the partner's balance in each fund it has money or requests in
	Total    Balance
	Requests []data.MDFRequest
	Claims   []data.MDFClaim
	Proofs   map[int64][]data.MDFProof // by claim
}

// LoadPartnerMDF reads a partner's balances, requests, claims and the
// names of their proof files.
func LoadPartnerMDF(ctx context.Context, s *data.Store, partnerID int64) (*PartnerMDF, error) {
	out, err := LoadPartnerMDFWithoutProofs(ctx, s, partnerID)
	if err != nil {
		return nil, err
	}
	for _, c := range out.Claims {
		if out.Proofs[c.ID], err = s.MDFProofs(ctx, c.ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// LoadPartnerMDFWithoutProofs is LoadPartnerMDF without the proof files'
// names (one query less per claim, for batches such as partner kits).
func LoadPartnerMDFWithoutProofs(ctx context.Context, s *data.Store, partnerID int64) (*PartnerMDF, error) {
	out := &PartnerMDF{Proofs: map[int64][]data.MDFProof{}}
	funds, err := s.MDFFunds(ctx)
	if err != nil {
		return nil, err
	}
	for _, f := range funds {
		b, err := PartnerBalance(ctx, s.DB(), f.ID, partnerID)
		if err != nil {
			return nil, err
		}
		if b != (Balance{FundID: f.ID, PartnerID: partnerID}) {
			out.Funds = append(out.Funds, FundSummary{Fund: f, Balance: b})
			out.Total = out.Total.Plus(b)
		}
	}
	if out.Requests, err = s.MDFRequestsBy(ctx, data.MDFRequestFilter{PartnerID: partnerID}); err != nil {
		return nil, err
	}
	out.Claims, err = s.MDFClaimsBy(ctx, data.MDFClaimFilter{PartnerID: partnerID})
	return out, err
}
