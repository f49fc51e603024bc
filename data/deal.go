package data

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// DealState is where a registered deal stands.
type DealState string

// Deal states: submitted → approved (protected) → won / lost / expired;
// submitted → rejected.
const (
	DealSubmitted DealState = "submitted"
	DealApproved  DealState = "approved"
	DealWon       DealState = "won"
	DealLost      DealState = "lost"
	DealExpired   DealState = "expired"
	DealRejected  DealState = "rejected"
)

// DealStates lists every deal state in workflow order.
var DealStates = []DealState{DealSubmitted, DealApproved, DealWon, DealLost, DealExpired, DealRejected}

// dealMoves says which states a deal may move to from each state.
var dealMoves = map[DealState][]DealState{
	DealSubmitted: {DealApproved, DealRejected},
	DealApproved:  {DealWon, DealLost, DealExpired},
}

// Valid reports whether st is a known deal state.
func (st DealState) Valid() bool {
	for _, k := range DealStates {
		if k == st {
			return true
		}
	}
	return false
}

// CanMoveTo reports whether the deal workflow allows st → to.
func (st DealState) CanMoveTo(to DealState) bool {
	for _, t := range dealMoves[st] {
		if t == to {
			return true
		}
	}
	return false
}

// DefaultProtectionDays is how long an approved deal is protected unless
// the manager sets another number.
const DefaultProtectionDays = 90

// SettingProtectionDays is the settings key of the protection period.
const SettingProtectionDays = "deals.protection_days"

// Deal is an opportunity a partner registered with the vendor.
type Deal struct {
	ID              int64
	PartnerID       int64
	Customer        string
	CustomerKey     string // normalised customer name, for matching
	CustomerTaxID   string
	CustomerDomain  string
	Product         string
	Amount          int64 // minor units of the program currency
	State           DealState
	RegisteredOn    string
	ExpectedCloseOn string
	ApprovedOn      string
	ProtectedUntil  string
	ClosedOn        string
	Reason          string
	CreatedAt       string
	UpdatedAt       string

	// Read-only, filled by Deals: the partner's name and an open conflict.
	PartnerName  string
	Conflict     *DealConflictRef
	MDFRequestID int64
	VendorLead   bool // filled by Deals: a vendor-sourced lead became this deal
}

// DealConflictRef names the other deal of an open conflict.
type DealConflictRef struct {
	ID            int64 // the conflict
	OtherDealID   int64
	OtherPartner  string
	OtherRegister string // the other deal's registration date
	Earlier       bool   // the other deal is the earlier registration
}

// IsDate reports whether s is an ISO calendar date.
func IsDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// AddDays returns the ISO date n days after the ISO date d.
func AddDays(d string, n int) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return d
	}
	return t.AddDate(0, 0, n).Format("2006-01-02")
}

// Validate checks a deal before it is stored: the fields every state needs
// and the dates its state implies.
func (d *Deal) Validate() error {
	d.Customer = strings.TrimSpace(d.Customer)
	d.Product = strings.TrimSpace(d.Product)
	d.CustomerTaxID = strings.TrimSpace(d.CustomerTaxID)
	d.CustomerDomain = strings.ToLower(strings.TrimSpace(d.CustomerDomain))
	d.Reason = strings.TrimSpace(d.Reason)
	if d.CustomerKey == "" {
		d.CustomerKey = strings.ToLower(strings.Join(strings.Fields(d.Customer), " "))
	}
	if err := d.validateFields(); err != nil {
		return err
	}
	return d.validateState()
}

func (d *Deal) validateFields() error {
	switch {
	case d.PartnerID <= 0:
		return Invalid("partner", "err.required", nil)
	case d.Customer == "":
		return Invalid("customer", "err.required", nil)
	case utf8.RuneCountInString(d.Customer) > MaxNameLen || utf8.RuneCountInString(d.Product) > MaxNameLen:
		return Invalid("customer", "err.too_long", map[string]any{"Max": MaxNameLen})
	case d.Amount < 0:
		return Invalid("amount", "err.deals_amount_negative", nil)
	case !d.State.Valid():
		return Invalid("state", "err.unknown_status", map[string]any{"Value": string(d.State)})
	case !IsDate(d.RegisteredOn):
		return Invalid("registered_on", "err.deals_date", map[string]any{"Value": d.RegisteredOn})
	case d.ExpectedCloseOn != "" && !IsDate(d.ExpectedCloseOn):
		return Invalid("expected_close_on", "err.deals_date", map[string]any{"Value": d.ExpectedCloseOn})
	case d.ExpectedCloseOn != "" && d.ExpectedCloseOn < d.RegisteredOn:
		return Invalid("expected_close_on", "err.deals_before_registration", nil)
	}
	return nil
}

func (d *Deal) validateState() error {
	switch d.State {
	case DealApproved, DealWon, DealLost, DealExpired:
		if d.ApprovedOn == "" && d.State != DealApproved {
			break // imported history may lack the approval date
		}
		if !IsDate(d.ApprovedOn) || d.ApprovedOn < d.RegisteredOn {
			return Invalid("approved_on", "err.deals_date", map[string]any{"Value": d.ApprovedOn})
		}
		if !IsDate(d.ProtectedUntil) || d.ProtectedUntil < d.ApprovedOn {
			return Invalid("protected_until", "err.deals_date", map[string]any{"Value": d.ProtectedUntil})
		}
	case DealRejected:
		if d.Reason == "" {
			return Invalid("reason", "err.reason_required", nil)
		}
	}
	if d.State == DealWon || d.State == DealLost {
		if !IsDate(d.ClosedOn) || d.ClosedOn < d.RegisteredOn {
			return Invalid("closed_on", "err.deals_date", map[string]any{"Value": d.ClosedOn})
		}
	}
	return nil
}

// ProtectionDays is the number of days an approval protects a deal.
func (s *Store) ProtectionDays(ctx context.Context) (int, error) {
	v, err := s.Setting(ctx, SettingProtectionDays)
	if err != nil || v == "" {
		return DefaultProtectionDays, err
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		return DefaultProtectionDays, nil
	}
	return n, nil
}

// SetProtectionDays stores the protection period (1–730 days).
func (s *Store) SetProtectionDays(ctx context.Context, days int) error {
	if days < 1 || days > 730 {
		return Invalid("protection_days", "err.deals_protection_days", map[string]any{"Max": 730})
	}
	return s.SetSetting(ctx, SettingProtectionDays, strconv.Itoa(days))
}

// SaveDeal creates a deal (ID 0) or updates the registration details of
// one; the state moves only through MoveDeal. A new registration of a
// customer that another partner holds protected is flagged as a conflict.
func (s *Store) SaveDeal(ctx context.Context, d *Deal) error {
	return s.withTx(ctx, func(tx *Tx) error {
		if d.ID != 0 {
			return s.updateDeal(ctx, tx, d)
		}
		if err := s.CreateDealTx(ctx, tx, d); err != nil {
			return err
		}
		// A registration entered by hand is a step in the partner's
		// timeline; imports and demo data add deals in bulk without one.
		return InsertEventTx(ctx, tx, &Event{PartnerID: d.PartnerID, Kind: EventDeal, At: s.stampOn(d.RegisteredOn),
			Body: d.Customer, ToStatus: Status(d.State)})
	})
}

// CreateDealTx stores a new deal (in any state, for imports and demo data)
// inside a caller's transaction and flags conflicts.
func (s *Store) CreateDealTx(ctx context.Context, tx *Tx, d *Deal) error {
	if d.State == "" {
		d.State = DealSubmitted
	}
	if err := d.Validate(); err != nil {
		return err
	}
	if d.CreatedAt == "" {
		d.CreatedAt = s.now()
	}
	d.UpdatedAt = d.CreatedAt
	var mdf any
	if d.MDFRequestID > 0 {
		mdf = d.MDFRequestID
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO deals (id, partner_id, customer, customer_key, customer_tax_id, customer_domain,
		product, amount, state, registered_on, expected_close_on, approved_on, protected_until, closed_on, reason,
		mdf_request_id, created_at, updated_at) VALUES (`+teamID("deals")+`, ?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		d.PartnerID, d.Customer, d.CustomerKey, d.CustomerTaxID, d.CustomerDomain, d.Product, d.Amount, d.State,
		d.RegisteredOn, d.ExpectedCloseOn, d.ApprovedOn, d.ProtectedUntil, d.ClosedOn, d.Reason, mdf, d.CreatedAt, d.UpdatedAt)
	if err != nil {
		return notFoundIfFK(err, "partner")
	}
	if d.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return s.flagConflicts(ctx, tx, d)
}

func (s *Store) updateDeal(ctx context.Context, tx *Tx, d *Deal) error {
	old, err := dealTx(ctx, tx, d.ID)
	if err != nil {
		return err
	}
	if old.State != DealSubmitted && old.State != DealApproved {
		return Conflict("err.deals_closed", nil)
	}
	d.State, d.ApprovedOn, d.ProtectedUntil, d.ClosedOn = old.State, old.ApprovedOn, old.ProtectedUntil, old.ClosedOn
	if err := d.Validate(); err != nil {
		return err
	}
	d.UpdatedAt = s.now()
	_, err = tx.ExecContext(ctx, `UPDATE deals SET partner_id=?, customer=?, customer_key=?, customer_tax_id=?, customer_domain=?,
		product=?, amount=?, registered_on=?, expected_close_on=?, updated_at=? WHERE id=?`,
		d.PartnerID, d.Customer, d.CustomerKey, d.CustomerTaxID, d.CustomerDomain, d.Product, d.Amount,
		d.RegisteredOn, d.ExpectedCloseOn, d.UpdatedAt, d.ID)
	if err != nil {
		return notFoundIfFK(err, "partner")
	}
	return s.flagConflicts(ctx, tx, d)
}

// DealMove is one step of the deal workflow.
type DealMove struct {
	To     DealState
	On     string // the approval or close date, YYYY-MM-DD
	Reason string // required to reject; kept for a loss
	Author string // who decided, for the partner's timeline
}

// EventDeal is the timeline kind of a step in a deal's workflow: the
// event's FromStatus and ToStatus hold the deal states, its body the
// customer and the reason given.
const EventDeal EventKind = "deal"

// MoveDeal moves a deal along its workflow. Approval protects the deal
// for the protection period from the approval date.
func (s *Store) MoveDeal(ctx context.Context, id int64, m DealMove) error {
	days, err := s.ProtectionDays(ctx)
	if err != nil {
		return err
	}
	return s.withTx(ctx, func(tx *Tx) error {
		d, err := dealTx(ctx, tx, id)
		if err != nil {
			return err
		}
		if !d.State.CanMoveTo(m.To) {
			return Conflict("err.deals_transition", nil)
		}
		from := d.State
		if !IsDate(m.On) {
			return Invalid("date", "err.deals_date", map[string]any{"Value": m.On})
		}
		d.State, d.Reason = m.To, strings.TrimSpace(m.Reason)
		switch m.To {
		case DealApproved:
			d.ApprovedOn, d.ProtectedUntil = m.On, AddDays(m.On, days)
		case DealWon, DealLost:
			d.ClosedOn = m.On
		}
		if err := d.Validate(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE deals SET state=?, approved_on=?, protected_until=?, closed_on=?, reason=?, updated_at=?
			WHERE id=?`, d.State, d.ApprovedOn, d.ProtectedUntil, d.ClosedOn, d.Reason, s.now(), d.ID); err != nil {
			return err
		}
		body := d.Customer
		if d.Reason != "" {
			body += ": " + d.Reason
		}
		// The step sits in the timeline on the day it happened (a close
		// recorded a week late shows that week).
		if err := InsertEventTx(ctx, tx, &Event{PartnerID: d.PartnerID, Kind: EventDeal, At: s.stampOn(m.On), Author: m.Author,
			Body: body, FromStatus: Status(from), ToStatus: Status(m.To)}); err != nil {
			return err
		}
		if m.To == DealApproved {
			return s.flagConflicts(ctx, tx, d)
		}
		if m.To == DealRejected { // a lead converted into it goes back to accepted
			return s.leadDealRejectedTx(ctx, tx, d.ID, m.On, d.Reason)
		}
		return nil
	})
}

// ExpireDeals marks approved deals whose protection ended before asOf
// (without a result) as expired and returns how many there were.
func (s *Store) ExpireDeals(ctx context.Context, asOf string) (int, error) {
	var n int64
	err := s.withTx(ctx, func(tx *Tx) error {
		const due = `state='approved' AND protected_until != '' AND protected_until < ?`
		rows, err := tx.QueryContext(ctx, `SELECT partner_id, customer, protected_until FROM deals WHERE `+due, asOf)
		if err != nil {
			return err
		}
		var evs []Event
		for rows.Next() {
			var e Event
			var until string
			if err := rows.Scan(&e.PartnerID, &e.Body, &until); err != nil {
				rows.Close()
				return err
			}
			// The deal expired the day after its protection ended.
			e.Kind, e.At, e.FromStatus, e.ToStatus = EventDeal, s.stampOn(AddDays(until, 1)), Status(DealApproved), Status(DealExpired)
			evs = append(evs, e)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for i := range evs {
			if err := InsertEventTx(ctx, tx, &evs[i]); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `UPDATE deals SET state='expired', updated_at=? WHERE `+due, s.now(), asOf)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}

// stampOn is the timeline instant of something that happened on day
// (YYYY-MM-DD, a local calendar day): that day at the current local time
// of day, in UTC, so the timeline shows it on that very day in any time
// zone. A day that cannot be read gives the current instant.
func (s *Store) stampOn(day string) string {
	now := s.Now()
	d, err := time.ParseInLocation("2006-01-02", day, now.Location())
	if err != nil {
		return now.UTC().Format(time.RFC3339)
	}
	return time.Date(d.Year(), d.Month(), d.Day(), now.Hour(), now.Minute(), now.Second(), 0, now.Location()).UTC().Format(time.RFC3339)
}

// DeleteDeal removes a deal.
func (s *Store) DeleteDeal(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM deals WHERE id = ?`, id)
	return err
}

const dealColumns = `d.id, d.partner_id, d.customer, d.customer_key, d.customer_tax_id, d.customer_domain, d.product,
	d.amount, d.state, d.registered_on, d.expected_close_on, d.approved_on, d.protected_until, d.closed_on, d.reason,
	coalesce(d.mdf_request_id, 0), d.created_at, d.updated_at`

func scanDeal(r scanner, extra ...any) (*Deal, error) {
	var d Deal
	dest := []any{&d.ID, &d.PartnerID, &d.Customer, &d.CustomerKey, &d.CustomerTaxID, &d.CustomerDomain, &d.Product,
		&d.Amount, &d.State, &d.RegisteredOn, &d.ExpectedCloseOn, &d.ApprovedOn, &d.ProtectedUntil, &d.ClosedOn, &d.Reason,
		&d.MDFRequestID, &d.CreatedAt, &d.UpdatedAt}
	if err := r.Scan(append(dest, extra...)...); err != nil {
		return nil, err
	}
	return &d, nil
}

func dealTx(ctx context.Context, tx *Tx, id int64) (*Deal, error) {
	d, err := scanDeal(tx.QueryRowContext(ctx, `SELECT `+dealColumns+` FROM deals d WHERE d.id = ?`, id))
	return d, notFoundIf(err, "deal")
}
