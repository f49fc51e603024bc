package mdf

import (
	"context"

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
	bs, err := Balances(ctx, s)
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
type QueueItem = data.MDFQueueItem

// WorkQueue lists submitted requests and claims, then approved requests
// whose claim deadline falls within the next days days and that have no
// claim yet.
func WorkQueue(ctx context.Context, s *data.Store, days int) ([]QueueItem, error) {
	today := Today(s)
	return s.MDFWorkQueue(ctx, today, fiscal.AddDaysISO(today, days))
}

// LedgerFilter narrows the ledger view; zero values match everything.
type LedgerFilter = data.MDFLedgerFilter

// LedgerRow is a ledger entry with the names it refers to.
type LedgerRow = data.MDFLedgerRow

// Ledger lists ledger entries matching the filter, newest first.
func Ledger(ctx context.Context, s *data.Store, f LedgerFilter) ([]LedgerRow, error) {
	f.OldestFirst = false
	return s.MDFLedgerRows(ctx, f)
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
	err = s.EachMDFActivity(ctx, func(x *data.MDFActivityFigures) error {
		a := ROIRow(*x)
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
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return activities, partners, nil
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
		b, err := LedgerBalance(ctx, s, data.MDFLedgerScope{FundID: f.ID, PartnerID: partnerID})
		if err != nil {
			return nil, err
		}
		b.FundID, b.PartnerID = f.ID, partnerID
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
