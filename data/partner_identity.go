package data

import (
	"context"
	"database/sql"
	"strings"
)

// PartnerIdentity is what tells one stored partner from another when a new
// one comes in: its names, its website and its contacts' e-mail addresses.
type PartnerIdentity struct {
	ID                       int64
	Name, LegalName, Website string
	Emails                   []string
}

// EachPartnerIdentity calls fn with every partner's identity, in ID order,
// until fn returns false.
func (s *Store) EachPartnerIdentity(ctx context.Context, fn func(*PartnerIdentity) bool) error {
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.name, p.legal_name, p.website,
		coalesce((SELECT group_concat(c.email, ' ') FROM contacts c WHERE c.partner_id = p.id), '')
		FROM partners p ORDER BY p.id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var p PartnerIdentity
		var emails string
		if err := rows.Scan(&p.ID, &p.Name, &p.LegalName, &p.Website, &emails); err != nil {
			return err
		}
		p.Emails = strings.Fields(emails)
		if !fn(&p) {
			return nil
		}
	}
	return rows.Err()
}

// EachPartnerName calls fn with every partner's ID, name and legal name,
// in no particular order: what finds the partner a file row names.
func (s *Store) EachPartnerName(ctx context.Context, fn func(id int64, name, legalName string)) error {
	return s.eachRow(ctx, `SELECT id, name, legal_name FROM partners`, nil, func(rs *sql.Rows) error {
		var id int64
		var name, legal string
		if err := rs.Scan(&id, &name, &legal); err != nil {
			return err
		}
		fn(id, name, legal)
		return nil
	})
}

// EachContactName calls fn with every contact's partner, name and e-mail
// address, in contact ID order: what finds a contact an import repeats.
func (s *Store) EachContactName(ctx context.Context, fn func(partnerID int64, name, email string)) error {
	return s.eachRow(ctx, `SELECT partner_id, name, email FROM contacts ORDER BY id`, nil, func(rs *sql.Rows) error {
		var id int64
		var name, email string
		if err := rs.Scan(&id, &name, &email); err != nil {
			return err
		}
		fn(id, name, email)
		return nil
	})
}
