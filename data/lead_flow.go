package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
)

// LeadStepKind is what happened to a lead.
type LeadStepKind string

// Lead step kinds: one per workflow step, each also an event in the
// timeline of the partner concerned.
const (
	StepCaptured     LeadStepKind = "captured"
	StepOffered      LeadStepKind = "offered"
	StepAccepted     LeadStepKind = "accepted"
	StepDeclined     LeadStepKind = "declined"
	StepExpired      LeadStepKind = "expired"
	StepWithdrawn    LeadStepKind = "withdrawn"
	StepReturned     LeadStepKind = "returned" // its partner was offboarded
	StepConverted    LeadStepKind = "converted"
	StepLost         LeadStepKind = "lost"
	StepReopened     LeadStepKind = "reopened"
	StepDealRejected LeadStepKind = "deal_rejected"
)

// LeadStep is one entry of a lead's own timeline.
type LeadStep struct {
	ID          int64
	LeadID      int64
	At          string // RFC 3339, UTC
	Kind        LeadStepKind
	From, To    LeadState
	PartnerID   int64
	PartnerName string // read only
	Author      string
	Body        string
}

func insertLeadStep(ctx context.Context, tx *Tx, st *LeadStep) error {
	var partner any
	if st.PartnerID > 0 {
		partner = st.PartnerID
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO lead_steps (id, lead_id, at, kind, from_state, to_state, partner_id, author, body)
		VALUES (`+teamID("lead_steps")+`, ?,?,?,?,?,?,?,?)`, st.LeadID, st.At, st.Kind, st.From, st.To, partner, st.Author, st.Body)
	if err != nil {
		return err
	}
	st.ID, err = res.LastInsertId()
	return err
}

// LeadSteps returns a lead's timeline in the order the steps were taken.
func (s *Store) LeadSteps(ctx context.Context, leadID int64) ([]LeadStep, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT st.id, st.lead_id, st.at, st.kind, st.from_state, st.to_state,
		coalesce(st.partner_id, 0), coalesce(p.name, ''), st.author, st.body
		FROM lead_steps st LEFT JOIN partners p ON p.id = st.partner_id WHERE st.lead_id = ? ORDER BY st.id`, leadID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []LeadStep
	for rows.Next() {
		var st LeadStep
		if err := rows.Scan(&st.ID, &st.LeadID, &st.At, &st.Kind, &st.From, &st.To, &st.PartnerID, &st.PartnerName,
			&st.Author, &st.Body); err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// LeadOffer is one offer of a lead to a partner and how it ended.
type LeadOffer struct {
	ID          int64
	LeadID      int64
	PartnerID   int64
	PartnerName string // read only
	OfferedOn   string
	ExpiresOn   string // the last day the partner can accept
	Outcome     string // open, accepted, declined, expired, returned, withdrawn
	DecidedOn   string
	Reason      string
}

// LeadOffers returns a lead's offers, oldest first.
func (s *Store) LeadOffers(ctx context.Context, leadID int64) ([]LeadOffer, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT o.id, o.lead_id, o.partner_id, p.name, o.offered_on, o.expires_on, o.outcome,
		o.decided_on, o.reason FROM lead_offers o JOIN partners p ON p.id = o.partner_id WHERE o.lead_id = ? ORDER BY o.id`, leadID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []LeadOffer
	for rows.Next() {
		var o LeadOffer
		if err := rows.Scan(&o.ID, &o.LeadID, &o.PartnerID, &o.PartnerName, &o.OfferedOn, &o.ExpiresOn, &o.Outcome,
			&o.DecidedOn, &o.Reason); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// LeadMove is one step of the lead workflow as the manager (or a
// returned partner kit) records it.
type LeadMove struct {
	On     string // the day it happened, YYYY-MM-DD
	Reason string // required to decline or lose
	Author string
	Note   string // what the offer's partner is told (the step body)
}

// OfferLead offers a lead in the pool (new or declined; an offered one is
// withdrawn first) to a partner for days days. A partner that declined
// this lead before, or one that is not active, is refused.
func (s *Store) OfferLead(ctx context.Context, leadID, partnerID int64, days int, m LeadMove) error {
	return s.withTx(ctx, func(tx *Tx) error { return s.OfferLeadTx(ctx, tx, leadID, partnerID, days, m) })
}

// OfferLeadTx is OfferLead inside a caller's transaction (batch routing).
func (s *Store) OfferLeadTx(ctx context.Context, tx *Tx, leadID, partnerID int64, days int, m LeadMove) error {
	if !IsDate(m.On) {
		return Invalid("date", "err.deals_date", map[string]any{"Value": m.On})
	}
	if days < 1 {
		days = DefaultLeadOfferDays
	}
	l, err := leadTx(ctx, tx, leadID)
	if err != nil {
		return err
	}
	if err := checkOfferee(ctx, tx, leadID, partnerID); err != nil {
		return err
	}
	if l.State == LeadOffered {
		if l.PartnerID == partnerID {
			return Conflict("err.leads_already_offered", nil)
		}
		if err := s.leaveOffer(ctx, tx, l, LeadNew, StepWithdrawn, "withdrawn", LeadMove{On: m.On, Author: m.Author}); err != nil {
			return err
		}
	}
	expires := AddDays(m.On, days)
	if _, err := tx.ExecContext(ctx, `INSERT INTO lead_offers (id, lead_id, partner_id, offered_on, expires_on) VALUES (`+teamID("lead_offers")+`, ?,?,?,?)`,
		leadID, partnerID, m.On, expires); err != nil {
		return err
	}
	l.PartnerID, l.OfferedOn, l.ExpiresOn, l.Reason = partnerID, m.On, expires, ""
	return s.moveLead(ctx, tx, l, LeadOffered, StepOffered, m)
}

// checkOfferee refuses a partner that cannot take the lead.
func checkOfferee(ctx context.Context, tx *Tx, leadID, partnerID int64) error {
	var status Status
	var declined int
	err := tx.QueryRowContext(ctx, `SELECT status, (SELECT count(*) FROM lead_offers WHERE lead_id = ? AND partner_id = p.id
		AND outcome = 'declined') FROM partners p WHERE id = ?`, leadID, partnerID).Scan(&status, &declined)
	switch {
	case err != nil:
		return notFoundIf(err, "partner")
	case status != StatusActive && status != StatusAtRisk:
		return Conflict("err.leads_partner_inactive", map[string]any{"Status": string(status)})
	case declined > 0:
		return Conflict("err.leads_declined_before", nil)
	}
	return nil
}

// AcceptLead records that the partner accepted the offered lead.
func (s *Store) AcceptLead(ctx context.Context, leadID int64, m LeadMove) error {
	return s.withTx(ctx, func(tx *Tx) error { return s.respondTx(ctx, tx, leadID, true, m) })
}

// DeclineLead records that the partner declined the offered lead (a
// reason is required); the lead waits for another partner.
func (s *Store) DeclineLead(ctx context.Context, leadID int64, m LeadMove) error {
	return s.withTx(ctx, func(tx *Tx) error { return s.respondTx(ctx, tx, leadID, false, m) })
}

// RespondLeadTx is AcceptLead or DeclineLead inside a caller's
// transaction (a returned partner kit); partnerID must hold the offer.
func (s *Store) RespondLeadTx(ctx context.Context, tx *Tx, leadID, partnerID int64, accept bool, m LeadMove) error {
	l, err := leadTx(ctx, tx, leadID)
	if err != nil {
		return err
	}
	if l.State != LeadOffered || l.PartnerID != partnerID {
		return Conflict("err.leads_not_offered_to", nil)
	}
	return s.respondTx(ctx, tx, leadID, accept, m)
}

func (s *Store) respondTx(ctx context.Context, tx *Tx, leadID int64, accept bool, m LeadMove) error {
	if !IsDate(m.On) {
		return Invalid("date", "err.deals_date", map[string]any{"Value": m.On})
	}
	l, err := leadTx(ctx, tx, leadID)
	if err != nil {
		return err
	}
	if l.State != LeadOffered {
		return Conflict("err.leads_transition", map[string]any{"From": string(l.State)})
	}
	if accept {
		if err := closeOffer(ctx, tx, l.ID, "accepted", m); err != nil {
			return err
		}
		l.Reason = ""
		return s.moveLead(ctx, tx, l, LeadAccepted, StepAccepted, m)
	}
	if strings.TrimSpace(m.Reason) == "" {
		return Invalid("reason", "err.reason_required", nil)
	}
	return s.leaveOffer(ctx, tx, l, LeadDeclined, StepDeclined, "declined", m)
}

// leaveOffer ends the open offer with outcome and moves the lead, which
// no longer has a partner, to to.
func (s *Store) leaveOffer(ctx context.Context, tx *Tx, l *Lead, to LeadState, kind LeadStepKind, outcome string, m LeadMove) error {
	if err := closeOffer(ctx, tx, l.ID, outcome, m); err != nil {
		return err
	}
	partner := l.PartnerID
	l.OfferedOn, l.ExpiresOn, l.Reason = "", "", strings.TrimSpace(m.Reason)
	return s.moveLeadFrom(ctx, tx, l, partner, 0, to, kind, m)
}

func closeOffer(ctx context.Context, tx *Tx, leadID int64, outcome string, m LeadMove) error {
	_, err := tx.ExecContext(ctx, `UPDATE lead_offers SET outcome = ?, decided_on = ?, reason = ? WHERE lead_id = ? AND outcome = 'open'`,
		outcome, m.On, strings.TrimSpace(m.Reason), leadID)
	return err
}

// ConvertLead links an accepted lead to the deal its partner registered;
// the deal is then a vendor-sourced lead's deal.
func (s *Store) ConvertLead(ctx context.Context, leadID, dealID int64, m LeadMove) error {
	return s.withTx(ctx, func(tx *Tx) error { return s.ConvertLeadTx(ctx, tx, leadID, dealID, m) })
}

// ConvertLeadTx is ConvertLead inside a caller's transaction.
func (s *Store) ConvertLeadTx(ctx context.Context, tx *Tx, leadID, dealID int64, m LeadMove) error {
	l, err := leadTx(ctx, tx, leadID)
	if err != nil {
		return err
	}
	var owner int64
	var state DealState
	if err := tx.QueryRowContext(ctx, `SELECT partner_id, state FROM deals WHERE id = ?`, dealID).Scan(&owner, &state); err != nil {
		return notFoundIf(err, "deal")
	}
	switch {
	case owner != l.PartnerID:
		return Conflict("err.leads_deal_other_partner", nil)
	case state == DealRejected:
		return Conflict("err.leads_deal_rejected", nil)
	}
	l.DealID = dealID
	return s.moveLead(ctx, tx, l, LeadConverted, StepConverted, m)
}

// LoseLead closes a lead as lost (a reason is required); an open offer
// is withdrawn.
func (s *Store) LoseLead(ctx context.Context, leadID int64, m LeadMove) error {
	if strings.TrimSpace(m.Reason) == "" {
		return Invalid("reason", "err.reason_required", nil)
	}
	return s.withTx(ctx, func(tx *Tx) error { return s.LoseLeadTx(ctx, tx, leadID, m) })
}

// LoseLeadTx is LoseLead inside a caller's transaction.
func (s *Store) LoseLeadTx(ctx context.Context, tx *Tx, leadID int64, m LeadMove) error {
	if strings.TrimSpace(m.Reason) == "" {
		return Invalid("reason", "err.reason_required", nil)
	}
	l, err := leadTx(ctx, tx, leadID)
	if err != nil {
		return err
	}
	if l.State == LeadOffered {
		if err := closeOffer(ctx, tx, l.ID, "withdrawn", LeadMove{On: m.On}); err != nil {
			return err
		}
	}
	l.Reason, l.OfferedOn, l.ExpiresOn = strings.TrimSpace(m.Reason), "", ""
	return s.moveLead(ctx, tx, l, LeadLost, StepLost, m)
}

// ReturnLead takes a lead back into the pool: an offer withdrawn, an
// accepted lead the partner did not work, a declined or lost one reopened.
func (s *Store) ReturnLead(ctx context.Context, leadID int64, m LeadMove) error {
	return s.withTx(ctx, func(tx *Tx) error {
		l, err := leadTx(ctx, tx, leadID)
		if err != nil {
			return err
		}
		switch l.State {
		case LeadOffered:
			return s.leaveOffer(ctx, tx, l, LeadNew, StepWithdrawn, "withdrawn", m)
		case LeadAccepted:
			partner := l.PartnerID
			l.OfferedOn, l.ExpiresOn = "", ""
			return s.moveLeadFrom(ctx, tx, l, partner, 0, LeadNew, StepWithdrawn, m)
		}
		l.Reason = ""
		return s.moveLead(ctx, tx, l, LeadNew, StepReopened, m)
	})
}

// ExpireLeadOffers returns to the pool every offered lead whose offer
// ended before asOf (the offer's last day still counts) and says how many
// there were. The step is dated the day after the last day.
func (s *Store) ExpireLeadOffers(ctx context.Context, asOf string) (int, error) {
	n := 0
	err := s.withTx(ctx, func(tx *Tx) error {
		var err error
		n, err = s.ExpireLeadOffersTx(ctx, tx, asOf)
		return err
	})
	return n, err
}

// ExpireLeadOffersTx is ExpireLeadOffers inside a caller's transaction.
func (s *Store) ExpireLeadOffersTx(ctx context.Context, tx *Tx, asOf string) (int, error) {
	ids, err := idsQ(ctx, tx, `SELECT id FROM leads WHERE state = 'offered' AND expires_on < ?`, asOf)
	if err != nil {
		return 0, err
	}
	for _, id := range ids {
		l, err := leadTx(ctx, tx, id)
		if err != nil {
			return 0, err
		}
		// the offer's outcome is dated the day after its last day
		m := LeadMove{On: AddDays(l.ExpiresOn, 1)}
		if err := s.leaveOffer(ctx, tx, l, LeadNew, StepExpired, "expired", m); err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}

// returnPartnerLeadsTx sends every lead offered to or accepted by an
// offboarded partner back to the pool, each with a step and a timeline
// entry saying why.
func (s *Store) returnPartnerLeadsTx(ctx context.Context, tx *Tx, partnerID int64, author string) error {
	ids, err := idsQ(ctx, tx, `SELECT id FROM leads WHERE partner_id = ? AND state IN ('offered','accepted')`, partnerID)
	if err != nil {
		return err
	}
	m := LeadMove{On: s.Today(), Author: author}
	for _, id := range ids {
		l, err := leadTx(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := closeOffer(ctx, tx, l.ID, "returned", m); err != nil {
			return err
		}
		l.OfferedOn, l.ExpiresOn = "", ""
		if err := s.moveLeadFrom(ctx, tx, l, partnerID, 0, LeadNew, StepReturned, m); err != nil {
			return err
		}
	}
	return nil
}

// leadDealRejectedTx puts a converted lead whose deal was rejected back
// to accepted, so its partner can register it again.
func (s *Store) leadDealRejectedTx(ctx context.Context, tx *Tx, dealID int64, on, reason string) error {
	ids, err := idsQ(ctx, tx, `SELECT id FROM leads WHERE deal_id = ? AND state = 'converted'`, dealID)
	if err != nil {
		return err
	}
	for _, id := range ids {
		l, err := leadTx(ctx, tx, id)
		if err != nil {
			return err
		}
		l.DealID = 0
		if err := s.moveLead(ctx, tx, l, LeadAccepted, StepDealRejected, LeadMove{On: on, Note: reason}); err != nil {
			return err
		}
	}
	return nil
}

// moveLead moves a lead that keeps its partner.
func (s *Store) moveLead(ctx context.Context, tx *Tx, l *Lead, to LeadState, kind LeadStepKind, m LeadMove) error {
	return s.moveLeadFrom(ctx, tx, l, l.PartnerID, l.PartnerID, to, kind, m)
}

// moveLeadFrom checks and stores a workflow step: the lead's new state
// and partner (newPartner, 0 for none), a step in the lead's timeline and
// an event in the timeline of the partner concerned (stepPartner).
func (s *Store) moveLeadFrom(ctx context.Context, tx *Tx, l *Lead, stepPartner, newPartner int64, to LeadState,
	kind LeadStepKind, m LeadMove) error {
	if !l.State.CanMoveTo(to) {
		return Conflict("err.leads_transition", map[string]any{"From": string(l.State)})
	}
	if !IsDate(m.On) {
		return Invalid("date", "err.deals_date", map[string]any{"Value": m.On})
	}
	from := l.State
	l.State, l.PartnerID, l.UpdatedAt = to, newPartner, s.now()
	var partner, deal any
	if newPartner > 0 {
		partner = newPartner
	}
	if l.DealID > 0 {
		deal = l.DealID
	}
	if _, err := tx.ExecContext(ctx, `UPDATE leads SET state=?, partner_id=?, offered_on=?, expires_on=?, reason=?, deal_id=?,
		updated_at=? WHERE id=?`, l.State, partner, l.OfferedOn, l.ExpiresOn, l.Reason, deal, l.UpdatedAt, l.ID); err != nil {
		return err
	}
	body := strings.TrimSpace(m.Reason)
	if body == "" {
		body = strings.TrimSpace(m.Note)
	}
	at := s.stampOn(m.On)
	if err := insertLeadStep(ctx, tx, &LeadStep{LeadID: l.ID, At: at, Kind: kind, From: from, To: to,
		PartnerID: stepPartner, Author: m.Author, Body: body}); err != nil {
		return err
	}
	if stepPartner == 0 {
		return nil
	}
	text := l.Company
	if body != "" {
		text += ": " + body
	}
	return InsertEventTx(ctx, tx, &Event{PartnerID: stepPartner, Kind: EventLead, At: at, Author: m.Author, Body: text,
		FromStatus: Status(from), ToStatus: Status(to)})
}

// ExpiresOn is the last day an offer made on offeredOn for days days can
// be accepted.
func ExpiresOn(offeredOn string, days int) string { return AddDays(offeredOn, days) }

// ConvertLeadToNewDeal registers a deal for the partner holding an
// accepted lead, from the lead's company, product and size, and links
// the two, in one transaction. A deal's amount is in the program
// currency and the app keeps no exchange rates, so a lead sized in
// another currency gives a deal without an amount (LeadSizeForeign says
// so beforehand) rather than a number in the wrong currency.
func (s *Store) ConvertLeadToNewDeal(ctx context.Context, leadID int64, m LeadMove) (*Deal, error) {
	var d *Deal
	err := s.withTx(ctx, func(tx *Tx) error {
		l, err := leadTx(ctx, tx, leadID)
		if err != nil {
			return err
		}
		if l.State != LeadAccepted {
			return Conflict("err.leads_transition", map[string]any{"From": string(l.State)})
		}
		amount, err := leadAmountInProgramCurrency(ctx, tx, l)
		if err != nil {
			return err
		}
		d = &Deal{PartnerID: l.PartnerID, Customer: l.Company, CustomerKey: l.CompanyKey, CustomerTaxID: l.TaxID,
			CustomerDomain: LeadDomain(l.Website), Product: l.Product, Amount: amount, RegisteredOn: m.On}
		if err := s.CreateDealTx(ctx, tx, d); err != nil {
			return err
		}
		if err := InsertEventTx(ctx, tx, &Event{PartnerID: d.PartnerID, Kind: EventDeal, At: s.stampOn(m.On), Author: m.Author,
			Body: d.Customer, ToStatus: Status(d.State)}); err != nil {
			return err
		}
		return s.ConvertLeadTx(ctx, tx, leadID, d.ID, m)
	})
	return d, err
}

// LeadSizeForeign reports whether a lead's estimated size is in a
// currency other than the program's (currency): it is then shown in its
// own currency and never added to program-currency figures.
func LeadSizeForeign(l *Lead, currency string) bool {
	return l.EstAmount != 0 && l.Currency != "" && !strings.EqualFold(l.Currency, currency)
}

// leadAmountInProgramCurrency is the lead's size as a deal amount: as is
// in the program currency, 0 in another one.
func leadAmountInProgramCurrency(ctx context.Context, tx *Tx, l *Lead) (int64, error) {
	currency := DefaultSettings().Currency
	err := tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'currency'`).Scan(&currency)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	if LeadSizeForeign(l, currency) {
		return 0, nil
	}
	return l.EstAmount, nil
}

// LeadTx reads one lead inside a caller's transaction.
func LeadTx(ctx context.Context, tx *Tx, id int64) (*Lead, error) { return leadTx(ctx, tx, id) }

// LatestLeadOfferTx is the latest offer of a lead to one partner, or nil
// when the lead was never offered to it: what became of an offer a
// partner answers late (expired, withdrawn, already answered).
func LatestLeadOfferTx(ctx context.Context, tx *Tx, leadID, partnerID int64) (*LeadOffer, error) {
	var o LeadOffer
	err := tx.QueryRowContext(ctx, `SELECT id, lead_id, partner_id, offered_on, expires_on, outcome, decided_on
		FROM lead_offers WHERE lead_id = ? AND partner_id = ? ORDER BY id DESC LIMIT 1`, leadID, partnerID).
		Scan(&o.ID, &o.LeadID, &o.PartnerID, &o.OfferedOn, &o.ExpiresOn, &o.Outcome, &o.DecidedOn)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return &o, err
}
