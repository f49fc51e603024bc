package data

import (
	"context"
	"strings"
	"unicode/utf8"
)

// Contact is a person at a partner.
type Contact struct {
	ID        int64
	PartnerID int64
	Name      string
	Role      string
	Email     string
	Phone     string
	Primary   bool
	LeftOn    string // ISO date the partner said the person left ("" while they are there)
}

// Left says whether the partner reported the person gone.
func (c Contact) Left() bool { return c.LeftOn != "" }

// CurrentContacts are the contacts still at the partner, in their order.
func CurrentContacts(cs []Contact) []Contact {
	var out []Contact
	for _, c := range cs {
		if !c.Left() {
			out = append(out, c)
		}
	}
	return out
}

// Validate checks a contact before it is stored.
func (c *Contact) Validate() error {
	c.Name, c.Email, c.Phone = strings.TrimSpace(c.Name), strings.TrimSpace(c.Email), strings.TrimSpace(c.Phone)
	switch {
	case c.Name == "":
		return Invalid("contact_name", "err.required", nil)
	case utf8.RuneCountInString(c.Name) > MaxNameLen:
		return Invalid("contact_name", "err.too_long", map[string]any{"Max": MaxNameLen})
	case c.Email != "" && !ValidEmail(c.Email):
		return Invalid("email", "err.email", map[string]any{"Value": c.Email})
	case utf8.RuneCountInString(c.Phone) > 50:
		return Invalid("phone", "err.too_long", map[string]any{"Max": 50})
	}
	return nil
}

// SaveContact creates or updates a contact. Making a contact primary makes
// the partner's other contacts secondary.
func (s *Store) SaveContact(ctx context.Context, c *Contact) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return s.withTx(ctx, func(tx *Tx) error { return s.SaveContactTx(ctx, tx, c) })
}

// SaveContactTx is SaveContact inside a caller's transaction.
func (s *Store) SaveContactTx(ctx context.Context, tx *Tx, c *Contact) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.Primary {
		if _, err := tx.ExecContext(ctx, `UPDATE contacts SET is_primary = 0 WHERE partner_id = ? AND id != ?`, c.PartnerID, c.ID); err != nil {
			return err
		}
	}
	if c.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO contacts (id, partner_id, name, role, email, phone, is_primary) VALUES (`+teamID("contacts")+`, ?,?,?,?,?,?)`,
			c.PartnerID, c.Name, c.Role, c.Email, c.Phone, c.Primary)
		if err != nil {
			return notFoundIfFK(err, "partner")
		}
		c.ID, err = res.LastInsertId()
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE contacts SET name=?, role=?, email=?, phone=?, is_primary=? WHERE id=? AND partner_id=?`,
		c.Name, c.Role, c.Email, c.Phone, c.Primary, c.ID, c.PartnerID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return NotFound("contact")
	}
	return nil
}

// DeleteContact removes a contact.
func (s *Store) DeleteContact(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM contacts WHERE id = ?`, id)
	return err
}

// Contacts returns a partner's contacts, primary first, those who left
// last (see CurrentContacts).
func (s *Store) Contacts(ctx context.Context, partnerID int64) ([]Contact, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, partner_id, name, role, email, phone, is_primary, left_on FROM contacts
		WHERE partner_id = ? ORDER BY left_on <> '', is_primary DESC, name COLLATE NOCASE`, partnerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Contact
	for rows.Next() {
		var c Contact
		if err := rows.Scan(&c.ID, &c.PartnerID, &c.Name, &c.Role, &c.Email, &c.Phone, &c.Primary, &c.LeftOn); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func notFoundIfFK(err error, what string) error {
	if err != nil && strings.Contains(err.Error(), "FOREIGN KEY") {
		return NotFound(what)
	}
	return err
}
