package data

import (
	"context"
	"strings"
)

// ConflictResolution is the manager's decision on a deal conflict.
type ConflictResolution string

// Resolutions: keep the earlier registration (the later one is rejected),
// keep the later one (the earlier one is rejected), or keep both.
const (
	KeepEarlier ConflictResolution = "earlier"
	KeepLater   ConflictResolution = "later"
	KeepBoth    ConflictResolution = "both"
)

// DealConflict is two registrations of the same end customer by different
// partners while the earlier one was protected.
type DealConflict struct {
	ID         int64
	Earlier    int64
	Later      int64
	FoundAt    string
	Resolution ConflictResolution
	ResolvedAt string
	Note       string
}

// flagConflicts records a conflict for d against any other partner's deal
// for the same customer that was protected when d was registered (d is
// the later one), and, when d is approved, against other partners'
// pending registrations made during d's protection (d is the earlier one).
func (s *Store) flagConflicts(ctx context.Context, tx *Tx, d *Deal) error {
	if strings.TrimSpace(d.CustomerKey) == "" || d.State == DealRejected {
		return nil
	}
	now := s.now()
	if _, err := tx.ExecContext(ctx, `INSERT INTO deal_conflicts (id, earlier_deal_id, later_deal_id, found_at)
		SELECT `+teamIDs("deal_conflicts")+`, o.id, ?, ? FROM deals o
		WHERE o.customer_key = ? AND o.partner_id != ? AND o.id != ? AND o.approved_on != ''
		  AND o.state IN ('approved','won','lost','expired')
		  AND o.approved_on <= ? AND o.protected_until >= ? AND (o.closed_on = '' OR o.closed_on >= ?)
		ON CONFLICT DO NOTHING`,
		d.ID, now, d.CustomerKey, d.PartnerID, d.ID, d.RegisteredOn, d.RegisteredOn, d.RegisteredOn); err != nil {
		return err
	}
	if d.State != DealApproved {
		return nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO deal_conflicts (id, earlier_deal_id, later_deal_id, found_at)
		SELECT `+teamIDs("deal_conflicts")+`, ?, o.id, ? FROM deals o
		WHERE o.customer_key = ? AND o.partner_id != ? AND o.id != ? AND o.state IN ('submitted','approved')
		  AND o.registered_on >= ? AND o.registered_on <= ?
		ON CONFLICT DO NOTHING`,
		d.ID, now, d.CustomerKey, d.PartnerID, d.ID, d.ApprovedOn, d.ProtectedUntil)
	return err
}

// DealConflicts returns the open conflicts, oldest first.
func (s *Store) DealConflicts(ctx context.Context) ([]DealConflict, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, earlier_deal_id, later_deal_id, found_at, resolution, resolved_at, note
		FROM deal_conflicts WHERE resolution = '' ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DealConflict
	for rows.Next() {
		var c DealConflict
		if err := rows.Scan(&c.ID, &c.Earlier, &c.Later, &c.FoundAt, &c.Resolution, &c.ResolvedAt, &c.Note); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// ResolveConflict records the manager's decision. The registration that
// loses is rejected (if it is still open) with the note as its reason.
func (s *Store) ResolveConflict(ctx context.Context, id int64, res ConflictResolution, note string) error {
	note = strings.TrimSpace(note)
	if res != KeepEarlier && res != KeepLater && res != KeepBoth {
		return Invalid("resolution", "err.required", nil)
	}
	if note == "" && res != KeepBoth {
		return Invalid("reason", "err.reason_required", nil)
	}
	return s.withTx(ctx, func(tx *Tx) error {
		var c DealConflict
		err := tx.QueryRowContext(ctx, `SELECT earlier_deal_id, later_deal_id FROM deal_conflicts WHERE id = ? AND resolution = ''`, id).
			Scan(&c.Earlier, &c.Later)
		if err != nil {
			return notFoundIf(err, "conflict")
		}
		loser := int64(0)
		switch res {
		case KeepEarlier:
			loser = c.Later
		case KeepLater:
			loser = c.Earlier
		}
		if loser != 0 {
			if _, err := tx.ExecContext(ctx, `UPDATE deals SET state='rejected', reason=?, updated_at=?
				WHERE id=? AND state IN ('submitted','approved')`, note, s.now(), loser); err != nil {
				return err
			}
			if err := s.leadDealRejectedTx(ctx, tx, loser, s.Today(), note); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE deal_conflicts SET resolution=?, resolved_at=?, note=? WHERE id=?`, res, s.now(), note, id)
		return err
	})
}

// DealFilter narrows the deal list. Empty fields do not filter.
type DealFilter struct {
	PartnerID    int64
	State        DealState
	From, To     string // registration period, inclusive
	ExpiringBy   string // approved deals whose protection ends on or before this date
	ConflictOnly bool
	VendorLead   bool // only deals a vendor-sourced lead became
}

// Deals returns the deals the filter selects, newest registration first,
// with the partner's name and any open conflict.
func (s *Store) Deals(ctx context.Context, f DealFilter) ([]Deal, error) {
	where, args := []string{"1=1"}, []any{}
	add := func(cond string, v any) { where, args = append(where, cond), append(args, v) }
	if f.PartnerID > 0 {
		add("d.partner_id = ?", f.PartnerID)
	}
	if f.State != "" {
		add("d.state = ?", f.State)
	}
	if f.From != "" {
		add("d.registered_on >= ?", f.From)
	}
	if f.To != "" {
		add("d.registered_on <= ?", f.To)
	}
	if f.ExpiringBy != "" {
		add("d.state = 'approved' AND d.protected_until <= ?", f.ExpiringBy)
	}
	if f.VendorLead {
		where = append(where, vendorLeadExists)
	}
	conflicts, err := s.openConflicts(ctx, f.PartnerID)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+dealColumns+`, p.name, `+vendorLeadExists+` FROM deals d JOIN partners p ON p.id = d.partner_id
		WHERE `+strings.Join(where, " AND ")+` ORDER BY d.registered_on DESC, d.id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Deal
	for rows.Next() {
		var name string
		var vendorLead bool
		d, err := scanDeal(rows, &name, &vendorLead)
		if err != nil {
			return nil, err
		}
		d.PartnerName, d.Conflict, d.VendorLead = name, conflicts[d.ID], vendorLead
		if f.ConflictOnly && d.Conflict == nil {
			continue
		}
		out = append(out, *d)
	}
	return out, rows.Err()
}

// vendorLeadExists is true for a deal d that a converted lead became.
const vendorLeadExists = `EXISTS (SELECT 1 FROM leads vl WHERE vl.deal_id = d.id AND vl.state = 'converted')`

// VendorLeadDeals is the set of deal IDs that vendor-sourced leads became
// (converted leads), for lists that read deals their own way.
func (s *Store) VendorLeadDeals(ctx context.Context) (map[int64]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT deal_id FROM leads WHERE state = 'converted' AND deal_id IS NOT NULL`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// openConflicts maps each deal in an open conflict (of one partner's deals
// when partnerID > 0) to the other deal of
// its oldest one, in one query.
func (s *Store) openConflicts(ctx context.Context, partnerID int64) (map[int64]*DealConflictRef, error) {
	where, args := "", []any{}
	if partnerID > 0 { // only the conflicts of this partner's deals, found through the indexes
		where = ` AND (c.earlier_deal_id IN (SELECT id FROM deals WHERE partner_id = ?)
			OR c.later_deal_id IN (SELECT id FROM deals WHERE partner_id = ?))`
		args = append(args, partnerID, partnerID)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT c.id, e.id, pe.name, e.registered_on, l.id, pl.name, l.registered_on
		FROM deal_conflicts c
		JOIN deals e ON e.id = c.earlier_deal_id JOIN partners pe ON pe.id = e.partner_id
		JOIN deals l ON l.id = c.later_deal_id JOIN partners pl ON pl.id = l.partner_id
		WHERE c.resolution = ''`+where+` ORDER BY c.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]*DealConflictRef{}
	for rows.Next() {
		var id, eID, lID int64
		var eName, eReg, lName, lReg string
		if err := rows.Scan(&id, &eID, &eName, &eReg, &lID, &lName, &lReg); err != nil {
			return nil, err
		}
		if out[lID] == nil {
			out[lID] = &DealConflictRef{ID: id, OtherDealID: eID, OtherPartner: eName, OtherRegister: eReg, Earlier: true}
		}
		if out[eID] == nil {
			out[eID] = &DealConflictRef{ID: id, OtherDealID: lID, OtherPartner: lName, OtherRegister: lReg}
		}
	}
	return out, rows.Err()
}
