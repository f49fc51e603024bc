package data

import (
	"context"
	"database/sql"
	"strings"
	"unicode/utf8"
)

// Certification is a qualification a partner's contact holds. It is valid
// from EarnedOn through ExpiresOn inclusive; an empty ExpiresOn never expires.
type Certification struct {
	ID          int64
	ContactID   int64
	ContactName string // filled when read with the partner's list
	Name        string
	Level       string
	EarnedOn    string // YYYY-MM-DD
	ExpiresOn   string // YYYY-MM-DD or ""
}

// Validate checks a certification before it is stored.
func (c *Certification) Validate() error {
	c.Name, c.Level = strings.TrimSpace(c.Name), strings.TrimSpace(c.Level)
	switch {
	case c.ContactID == 0:
		return Invalid("contact_name", "err.required", nil)
	case c.Name == "":
		return Invalid("cert_name", "err.required", nil)
	case utf8.RuneCountInString(c.Name) > MaxNameLen || utf8.RuneCountInString(c.Level) > MaxNameLen:
		return Invalid("cert_name", "err.too_long", map[string]any{"Max": MaxNameLen})
	case !validISODate(c.EarnedOn):
		return Invalid("earned_on", "err.onboard_date", map[string]any{"Value": c.EarnedOn})
	case c.ExpiresOn != "" && !validISODate(c.ExpiresOn):
		return Invalid("expires_on", "err.onboard_date", map[string]any{"Value": c.ExpiresOn})
	case c.ExpiresOn != "" && c.ExpiresOn < c.EarnedOn:
		return Invalid("expires_on", "err.onboard_expiry_before", nil)
	}
	return nil
}

// ValidOn reports whether the certification is valid on day (ISO): earned
// by then and not expired — the expiry day itself still counts.
func (c *Certification) ValidOn(day string) bool {
	return c.EarnedOn <= day && (c.ExpiresOn == "" || c.ExpiresOn >= day)
}

// SaveCertification creates or updates a certification.
func (s *Store) SaveCertification(ctx context.Context, c *Certification) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return s.withTx(ctx, func(tx *Tx) error { return SaveCertificationTx(ctx, tx, c) })
}

// SaveCertificationTx is SaveCertification inside a caller's transaction.
func SaveCertificationTx(ctx context.Context, tx *Tx, c *Certification) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO certifications (id, contact_id, name, level, earned_on, expires_on) VALUES (`+teamID("certifications")+`, ?,?,?,?,?)`,
			c.ContactID, c.Name, c.Level, c.EarnedOn, c.ExpiresOn)
		if err != nil {
			return notFoundIfFK(err, "contact")
		}
		c.ID, err = res.LastInsertId()
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE certifications SET contact_id=?, name=?, level=?, earned_on=?, expires_on=? WHERE id=?`,
		c.ContactID, c.Name, c.Level, c.EarnedOn, c.ExpiresOn, c.ID)
	if err != nil {
		return notFoundIfFK(err, "contact")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return NotFound("certification")
	}
	return nil
}

// DeleteCertification removes a certification.
func (s *Store) DeleteCertification(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM certifications WHERE id = ?`, id)
	return err
}

const certColumns = `x.id, x.contact_id, c.name, x.name, x.level, x.earned_on, x.expires_on`

func scanCerts(rows *sql.Rows) ([]Certification, error) {
	defer rows.Close()
	var out []Certification
	for rows.Next() {
		var c Certification
		if err := rows.Scan(&c.ID, &c.ContactID, &c.ContactName, &c.Name, &c.Level, &c.EarnedOn, &c.ExpiresOn); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Certifications returns every certification of a partner's contacts, by
// contact then name.
func (s *Store) Certifications(ctx context.Context, partnerID int64) ([]Certification, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+certColumns+` FROM certifications x JOIN contacts c ON c.id = x.contact_id
		WHERE c.partner_id = ? ORDER BY c.name COLLATE NOCASE, x.name COLLATE NOCASE, x.id`, partnerID)
	if err != nil {
		return nil, err
	}
	return scanCerts(rows)
}

// CertifiedPeople counts a partner's distinct contacts holding at least
// one certification valid on day.
func (s *Store) CertifiedPeople(ctx context.Context, partnerID int64, day string) (int, error) {
	return CertifiedPeopleTx(ctx, s.db, partnerID, day)
}

// CertifiedPeopleTx is CertifiedPeople on a transaction (or the database).
func CertifiedPeopleTx(ctx context.Context, q Querier, partnerID int64, day string) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(DISTINCT x.contact_id) FROM certifications x JOIN contacts c ON c.id = x.contact_id
		WHERE c.partner_id = ? AND x.earned_on <= ? AND (x.expires_on = '' OR x.expires_on >= ?)`, partnerID, day, day).Scan(&n)
	return n, err
}

// ExpiringCertification is a certification that runs out soon, with whose it is.
type ExpiringCertification struct {
	Certification
	PartnerID   int64
	PartnerName string
}

// ExpiringCertifications lists certifications whose last valid day falls
// between from and to inclusive, soonest first; people who left the
// partner are not listed.
func (s *Store) ExpiringCertifications(ctx context.Context, from, to string) ([]ExpiringCertification, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+certColumns+`, p.id, p.name FROM certifications x
		JOIN contacts c ON c.id = x.contact_id JOIN partners p ON p.id = c.partner_id
		WHERE x.expires_on != '' AND x.expires_on >= ? AND x.expires_on <= ? AND c.left_on = ''
		ORDER BY x.expires_on, p.name COLLATE NOCASE`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ExpiringCertification
	for rows.Next() {
		var e ExpiringCertification
		c := &e.Certification
		if err := rows.Scan(&c.ID, &c.ContactID, &c.ContactName, &c.Name, &c.Level, &c.EarnedOn, &c.ExpiresOn, &e.PartnerID, &e.PartnerName); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
