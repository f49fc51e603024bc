package data

import (
	"context"
	"database/sql"
	"errors"
)

// VolumeWriter writes the synthetic volume data of benchmarks and tests
// (app/demo's FillVolume) straight into a new database, with prepared
// statements and the IDs the caller gives, fast enough for 100,000 deals.
// It skips validation and team IDs on purpose, so it refuses a database
// that belongs to a team; everything else goes through the ordinary store
// methods.
type VolumeWriter struct {
	partner, contact, cert, checklist *sql.Stmt
	escalation, deal, request, entry  *sql.Stmt
	fund, allocation, payment, claim  *sql.Stmt
	credit, tier, requirement         *sql.Stmt
}

// NewVolumeWriter prepares the statements in tx; Close releases them.
func (s *Store) NewVolumeWriter(ctx context.Context, tx *Tx) (*VolumeWriter, error) {
	if s.InTeam() {
		return nil, errors.New("volume data is only for a new database outside a team")
	}
	w := &VolumeWriter{}
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = tx.q.PrepareContext(ctx, q)
		return st
	}
	w.tier = prep(`INSERT INTO tiers (id, rank, name_en, name_ru, discount_bp, mdf_accrual_bp) VALUES (?, ?, ?, ?, ?, ?)`)
	w.requirement = prep(`INSERT INTO tier_requirements (tier_id, kind, threshold) VALUES (?, ?, ?)`)
	w.partner = prep(`INSERT INTO partners (id, name, type, status, country, region, city, tier_id, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	w.contact = prep(`INSERT INTO contacts (id, partner_id, name) VALUES (?, ?, ?)`)
	w.cert = prep(`INSERT INTO certifications (contact_id, name, earned_on, expires_on) VALUES (?, ?, ?, ?)`)
	w.checklist = prep(`INSERT INTO onboarding_checklists (partner_id, template_name, started_on, completed_on)
		VALUES (?, ?, ?, ?)`)
	w.escalation = prep(`INSERT INTO events (partner_id, kind, at, body, open) VALUES (?, ?, ?, ?, ?)`)
	w.deal = prep(`INSERT INTO deals (partner_id, customer, customer_key, product, amount, state,
		registered_on, expected_close_on, approved_on, protected_until, closed_on, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	w.volumeMDF(prep)
	if err != nil {
		w.Close()
		return nil, err
	}
	return w, nil
}

func (w *VolumeWriter) volumeMDF(prep func(string) *sql.Stmt) {
	w.fund = prep(`INSERT INTO mdf_funds (id, name, period_kind, fiscal_year, quarter, starts_on, ends_on,
		currency, budget, model, activity_types, share_bp, claim_days, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	w.allocation = prep(`INSERT INTO mdf_ledger (fund_id, partner_id, kind, bucket, amount, on_date, reason, created_at)
		SELECT ?, id, ?, ?, ?, ?, ?, ? FROM partners`)
	w.request = prep(`INSERT INTO mdf_requests (fund_id, partner_id, activity, description, starts_on, ends_on,
		requested, approved_amount, expected_leads, state, submitted_on, approved_on, closed_on, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	w.entry = prep(`INSERT INTO mdf_ledger (fund_id, partner_id, kind, bucket, amount, request_id, on_date, reason, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	w.payment = prep(`INSERT INTO mdf_payments (paid_on, reference, total, created_at) VALUES (?, ?, ?, ?)`)
	w.claim = prep(`INSERT INTO mdf_claims (request_id, actual_cost, leads, state, reimbursable, submitted_on,
		decided_on, payment_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	w.credit = prep(`UPDATE deals SET mdf_request_id = ? WHERE id = (SELECT id FROM deals
		WHERE partner_id = ? AND state = 'won' AND mdf_request_id IS NULL LIMIT 1)`)
}

// Close releases the prepared statements.
func (w *VolumeWriter) Close() {
	for _, st := range []*sql.Stmt{w.partner, w.contact, w.cert, w.checklist, w.escalation, w.deal, w.request, w.entry,
		w.fund, w.allocation, w.payment, w.claim, w.credit, w.tier, w.requirement} {
		if st != nil {
			st.Close()
		}
	}
}

// Tier writes a tier with its ID, ranks, names, discount and accrual, and
// its requirements (kind and threshold).
func (w *VolumeWriter) Tier(ctx context.Context, t *Tier) error {
	if _, err := w.tier.ExecContext(ctx, t.ID, t.Rank, t.NameEN, t.NameRU, t.DiscountBP, t.MDFAccrualBP); err != nil {
		return err
	}
	for _, r := range t.Requirements {
		if _, err := w.requirement.ExecContext(ctx, t.ID, r.Kind, r.Threshold); err != nil {
			return err
		}
	}
	return nil
}

// Partner writes a partner with its ID, name, type, status, place and
// dates, assigned to tierID (0: none).
func (w *VolumeWriter) Partner(ctx context.Context, p *Partner, tierID int64) error {
	var tier any
	if tierID != 0 {
		tier = tierID
	}
	_, err := w.partner.ExecContext(ctx, p.ID, p.Name, p.Type, p.Status, p.Country, p.Region, p.City, tier, p.CreatedAt, p.UpdatedAt)
	return err
}

// Contact writes a contact with its ID, partner and name.
func (w *VolumeWriter) Contact(ctx context.Context, c *Contact) error {
	_, err := w.contact.ExecContext(ctx, c.ID, c.PartnerID, c.Name)
	return err
}

// Certification writes a contact's certification (name and dates).
func (w *VolumeWriter) Certification(ctx context.Context, c *Certification) error {
	_, err := w.cert.ExecContext(ctx, c.ContactID, c.Name, c.EarnedOn, c.ExpiresOn)
	return err
}

// Checklist writes a checklist without tasks.
func (w *VolumeWriter) Checklist(ctx context.Context, c *OnboardingChecklist) error {
	_, err := w.checklist.ExecContext(ctx, c.PartnerID, c.TemplateName, c.StartedOn, c.CompletedOn)
	return err
}

// Event writes a timeline event: partner, kind, time, text, open.
func (w *VolumeWriter) Event(ctx context.Context, e *Event) error {
	_, err := w.escalation.ExecContext(ctx, e.PartnerID, e.Kind, e.At, e.Body, e.Open)
	return err
}

// Deal writes a deal as given.
func (w *VolumeWriter) Deal(ctx context.Context, d *Deal) error {
	_, err := w.deal.ExecContext(ctx, d.PartnerID, d.Customer, d.CustomerKey, d.Product, d.Amount, d.State, d.RegisteredOn,
		d.ExpectedCloseOn, d.ApprovedOn, d.ProtectedUntil, d.ClosedOn, d.CreatedAt, d.UpdatedAt)
	return err
}

// MDFFund writes a fund with its ID (activity types and accrual cap left
// empty).
func (w *VolumeWriter) MDFFund(ctx context.Context, f *MDFFund) error {
	_, err := w.fund.ExecContext(ctx, f.ID, f.Name, f.PeriodKind, f.FiscalYear, f.Quarter, f.StartsOn, f.EndsOn,
		f.Currency, f.Budget, f.Model, joinActivities(f.Activities), f.ShareBP, f.ClaimDays, f.CreatedAt)
	return err
}

// AllocateToAll writes e (its partner ignored) once for every partner.
func (w *VolumeWriter) AllocateToAll(ctx context.Context, e *MDFEntry) error {
	_, err := w.allocation.ExecContext(ctx, e.FundID, e.Kind, e.Bucket, e.Amount, e.OnDate, e.Reason, e.CreatedAt)
	return err
}

// MDFRequest writes a request and sets its ID.
func (w *VolumeWriter) MDFRequest(ctx context.Context, r *MDFRequest) error {
	res, err := w.request.ExecContext(ctx, r.FundID, r.PartnerID, r.Activity, r.Description, r.StartsOn, r.EndsOn,
		r.Requested, r.Approved, r.ExpectedLeads, r.State, r.SubmittedOn, r.ApprovedOn, r.ClosedOn, r.CreatedAt, r.UpdatedAt)
	if err != nil {
		return err
	}
	r.ID, _ = res.LastInsertId()
	return nil
}

// MDFEntry writes a ledger entry of a request.
func (w *VolumeWriter) MDFEntry(ctx context.Context, e *MDFEntry) error {
	_, err := w.entry.ExecContext(ctx, e.FundID, e.PartnerID, e.Kind, e.Bucket, e.Amount, e.RequestID, e.OnDate, e.Reason, e.CreatedAt)
	return err
}

// MDFPayment writes a payment and returns its ID.
func (w *VolumeWriter) MDFPayment(ctx context.Context, paidOn, reference string, total int64, createdAt string) (int64, error) {
	res, err := w.payment.ExecContext(ctx, paidOn, reference, total, createdAt)
	if err != nil {
		return 0, err
	}
	id, _ := res.LastInsertId()
	return id, nil
}

// MDFClaim writes a claim as given.
func (w *VolumeWriter) MDFClaim(ctx context.Context, c *MDFClaim) error {
	_, err := w.claim.ExecContext(ctx, c.RequestID, c.ActualCost, c.Leads, c.State, c.Reimbursable, c.SubmittedOn,
		c.DecidedOn, c.PaymentID, c.CreatedAt, c.UpdatedAt)
	return err
}

// CreditWonDeal attributes one won deal of the partner that has no MDF
// activity yet to the request.
func (w *VolumeWriter) CreditWonDeal(ctx context.Context, requestID, partnerID int64) error {
	_, err := w.credit.ExecContext(ctx, requestID, partnerID)
	return err
}
