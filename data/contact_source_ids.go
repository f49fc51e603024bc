package data

import (
	"context"
	"database/sql"
)

// ContactsBySourceID returns the stored contact each record ID of source
// (a system contacts were imported from) stands for.
func (s *Store) ContactsBySourceID(ctx context.Context, source string) (map[string]Contact, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT i.record_id, c.id, c.partner_id, c.name, c.role, c.email, c.phone,
		c.is_primary FROM contact_source_ids i JOIN contacts c ON c.id = i.contact_id WHERE i.source = ?`, source)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]Contact{}
	for rows.Next() {
		var rec string
		var c Contact
		if err := rows.Scan(&rec, &c.ID, &c.PartnerID, &c.Name, &c.Role, &c.Email, &c.Phone, &c.Primary); err != nil {
			return nil, err
		}
		out[rec] = c
	}
	return out, rows.Err()
}

// ContactWriter adds, updates and records the source IDs of imported
// contacts inside an import's transaction.
type ContactWriter struct {
	insert, update, setID *sql.Stmt
}

// NewContactWriter prepares its statements in tx; Close releases them.
func (s *Store) NewContactWriter(ctx context.Context, tx *Tx) (*ContactWriter, error) {
	w := &ContactWriter{}
	var err error
	if w.insert, err = tx.q.PrepareContext(ctx, `INSERT INTO contacts (id, partner_id, name, role, email, phone, is_primary)
		VALUES (`+teamID("contacts")+`, ?,?,?,?,?,?)`); err != nil {
		return nil, err
	}
	if w.update, err = tx.q.PrepareContext(ctx, `UPDATE contacts SET name=?, role=?, email=?, phone=? WHERE id=?`); err != nil {
		w.Close()
		return nil, err
	}
	if w.setID, err = tx.q.PrepareContext(ctx, `INSERT INTO contact_source_ids (source, record_id, contact_id) VALUES (?,?,?)
		ON CONFLICT(source, record_id) DO UPDATE SET contact_id = excluded.contact_id`); err != nil {
		w.Close()
		return nil, err
	}
	return w, nil
}

// Close releases the prepared statements.
func (w *ContactWriter) Close() {
	for _, st := range []*sql.Stmt{w.insert, w.update, w.setID} {
		if st != nil {
			st.Close()
		}
	}
}

// Add validates and inserts a contact; c.ID is set.
func (w *ContactWriter) Add(ctx context.Context, c *Contact) error {
	if err := c.Validate(); err != nil {
		return err
	}
	res, err := w.insert.ExecContext(ctx, c.PartnerID, c.Name, c.Role, c.Email, c.Phone, c.Primary)
	if err != nil {
		return notFoundIfFK(err, "partner")
	}
	c.ID, err = res.LastInsertId()
	return err
}

// Update saves a stored contact's name, role, e-mail and phone.
func (w *ContactWriter) Update(ctx context.Context, c *Contact) error {
	if err := c.Validate(); err != nil {
		return err
	}
	res, err := w.update.ExecContext(ctx, c.Name, c.Role, c.Email, c.Phone, c.ID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return NotFound("contact")
	}
	return nil
}

// SetID records that recordID in source is the contact contactID.
func (w *ContactWriter) SetID(ctx context.Context, source, recordID string, contactID int64) error {
	_, err := w.setID.ExecContext(ctx, source, recordID, contactID)
	return notFoundIfFK(err, "contact")
}
