package data

import (
	"context"
	"database/sql"
)

// BulkWriter inserts many new partners, contacts and notes inside one
// transaction with prepared statements; imports use it, where preparing
// each statement anew would dominate the time.
type BulkWriter struct {
	s                          *Store
	partner, contact, note, nb *sql.Stmt
	source, fill               *sql.Stmt
}

// NewBulkWriter prepares the statements in tx; Close releases them.
func (s *Store) NewBulkWriter(ctx context.Context, tx *Tx) (*BulkWriter, error) {
	w := &BulkWriter{s: s}
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = tx.q.PrepareContext(ctx, q)
		return st
	}
	w.partner = prep(`INSERT INTO partners (id, name, legal_name, type, status, country, region, city, website,
		verticals, capabilities, products, tags, doc_lang, account_manager, created_at, updated_at, inn, kpp, address)
		VALUES (` + teamID("partners") + `, ?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	w.contact = prep(`INSERT INTO contacts (id, partner_id, name, role, email, phone, is_primary) VALUES (` + teamID("contacts") + `, ?,?,?,?,?,?)`)
	w.note = prep(`INSERT INTO events (id, partner_id, kind, at, author, body) VALUES (` + teamID("events") + `, ?, 'note', ?, ?, ?)`)
	w.nb = prep(`SELECT count(*) FROM events WHERE partner_id = ? AND kind = 'note' AND body = ?`)
	w.source = prep(`INSERT INTO prospect_sources (partner_id, source, event_name, event_date, referred_by, interest,
		captured_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT(partner_id) DO NOTHING`)
	w.fill = prep(fillBlanksSQL)
	if err != nil {
		w.Close()
		return nil, err
	}
	return w, nil
}

// Close releases the prepared statements.
func (w *BulkWriter) Close() {
	for _, st := range []*sql.Stmt{w.partner, w.contact, w.note, w.nb, w.source, w.fill} {
		if st != nil {
			st.Close()
		}
	}
}

// CreatePartner validates and inserts a new partner, setting its ID.
func (w *BulkWriter) CreatePartner(ctx context.Context, p *Partner) error {
	if p.DocLang == "" {
		p.DocLang = "en"
	}
	if err := p.Validate(); err != nil {
		return err
	}
	if p.CreatedAt == "" {
		p.CreatedAt = w.s.now()
	}
	p.UpdatedAt = p.CreatedAt
	res, err := w.partner.ExecContext(ctx, p.Name, p.LegalName, p.Type, p.Status, p.Country, p.Region, p.City, p.Website,
		JoinList(p.Verticals), JoinList(p.Capabilities), JoinList(p.Products), JoinList(p.Tags),
		p.DocLang, p.AccountManager, p.CreatedAt, p.UpdatedAt, p.INN, p.KPP, p.Address)
	if err != nil {
		return err
	}
	p.ID, err = res.LastInsertId()
	return err
}

// AddContact validates and inserts a contact of a partner that has no
// primary contact yet, or a secondary one (c.Primary false).
func (w *BulkWriter) AddContact(ctx context.Context, c *Contact) error {
	if err := c.Validate(); err != nil {
		return err
	}
	res, err := w.contact.ExecContext(ctx, c.PartnerID, c.Name, c.Role, c.Email, c.Phone, c.Primary)
	if err != nil {
		return notFoundIfFK(err, "partner")
	}
	c.ID, err = res.LastInsertId()
	return err
}

// AddNote adds an internal note to a partner's timeline; with once, a
// note with the same text already there is not added again.
func (w *BulkWriter) AddNote(ctx context.Context, partnerID int64, at, author, body string, once bool) error {
	if once {
		var n int
		if err := w.nb.QueryRowContext(ctx, partnerID, body).Scan(&n); err != nil || n > 0 {
			return err
		}
	}
	_, err := w.note.ExecContext(ctx, partnerID, at, author, body)
	return notFoundIfFK(err, "partner")
}

// AddSource records how a partner was found, unless a source is already
// recorded: an import fills the blank and never overwrites what the
// manager captured.
func (w *BulkWriter) AddSource(ctx context.Context, p *ProspectSource) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if p.CapturedAt == "" {
		p.CapturedAt = w.s.now()
	}
	_, err := w.source.ExecContext(ctx, p.PartnerID, p.Source, p.EventName, p.EventDate, p.ReferredBy, p.Interest, p.CapturedAt)
	return notFoundIfFK(err, "partner")
}

// fillBlanksSQL copies a merged row's values into the stored partner's
// empty fields; what the manager already entered is never overwritten.
const fillBlanksSQL = `UPDATE partners SET
	legal_name = CASE WHEN legal_name = '' THEN ? ELSE legal_name END,
	country = CASE WHEN country = '' THEN ? ELSE country END,
	region = CASE WHEN region = '' THEN ? ELSE region END,
	city = CASE WHEN city = '' THEN ? ELSE city END,
	website = CASE WHEN website = '' THEN ? ELSE website END,
	verticals = CASE WHEN verticals = '' THEN ? ELSE verticals END,
	capabilities = CASE WHEN capabilities = '' THEN ? ELSE capabilities END,
	products = CASE WHEN products = '' THEN ? ELSE products END,
	tags = CASE WHEN tags = '' THEN ? ELSE tags END,
	account_manager = CASE WHEN account_manager = '' THEN ? ELSE account_manager END,
	inn = CASE WHEN inn = '' THEN ? ELSE inn END,
	kpp = CASE WHEN kpp = '' THEN ? ELSE kpp END,
	address = CASE WHEN address = '' THEN ? ELSE address END
	WHERE id = ?`

// FillBlanks copies p's values into the empty fields of the stored
// partner id (a merge): what the manager already entered is never
// overwritten.
func (w *BulkWriter) FillBlanks(ctx context.Context, id int64, p *Partner) error {
	_, err := w.fill.ExecContext(ctx, p.LegalName, p.Country, p.Region, p.City, p.Website,
		JoinList(p.Verticals), JoinList(p.Capabilities), JoinList(p.Products), JoinList(p.Tags),
		p.AccountManager, p.INN, p.KPP, p.Address, id)
	return err
}
