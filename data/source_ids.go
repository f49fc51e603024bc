package data

import (
	"context"
	"database/sql"
)

// AllPartners returns every stored partner, in ID order; imports use it
// to find duplicates and to compare a newer export with what is stored.
func (s *Store) AllPartners(ctx context.Context) ([]*Partner, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+partnerColumns+` FROM partners ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Partner
	for rows.Next() {
		p, err := scanPartner(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// SourceIDs returns the partner each record ID of source (a system
// partners were imported from: "hubspot", "1c"…) stands for.
func (s *Store) SourceIDs(ctx context.Context, source string) (map[string]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT record_id, partner_id FROM partner_source_ids WHERE source = ?`, source)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var rec string
		var id int64
		if err := rows.Scan(&rec, &id); err != nil {
			return nil, err
		}
		out[rec] = id
	}
	return out, rows.Err()
}

// SourceImported returns, per record ID of source, what its last import
// said of the partner's fields (JSON; "" before this was kept).
func (s *Store) SourceImported(ctx context.Context, source string) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT record_id, imported FROM partner_source_ids
		WHERE source = ? AND imported <> ''`, source)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var rec, imp string
		if err := rows.Scan(&rec, &imp); err != nil {
			return nil, err
		}
		out[rec] = imp
	}
	return out, rows.Err()
}

// PartnerSourceIDs lists the record IDs a partner has in the systems it
// was imported from, as "source: id" pairs ordered by source.
func (s *Store) PartnerSourceIDs(ctx context.Context, partnerID int64) ([][2]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT source, record_id FROM partner_source_ids WHERE partner_id = ?
		ORDER BY source, record_id`, partnerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][2]string
	for rows.Next() {
		var p [2]string
		if err := rows.Scan(&p[0], &p[1]); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// SourceWriter records source record IDs and updates imported partners
// inside an import's transaction.
type SourceWriter struct {
	s              *Store
	setID, updateP *sql.Stmt
}

// NewSourceWriter prepares its statements in tx; Close releases them.
func (s *Store) NewSourceWriter(ctx context.Context, tx *Tx) (*SourceWriter, error) {
	setID, err := tx.q.PrepareContext(ctx, `INSERT INTO partner_source_ids (source, record_id, partner_id, imported)
		VALUES (?,?,?,?) ON CONFLICT(source, record_id) DO UPDATE SET partner_id = excluded.partner_id,
		imported = excluded.imported`)
	if err != nil {
		return nil, err
	}
	updateP, err := tx.q.PrepareContext(ctx, `UPDATE partners SET name=?, legal_name=?, type=?, country=?, region=?,
		city=?, website=?, verticals=?, account_manager=?, inn=?, kpp=?, address=?, updated_at=? WHERE id=?`)
	if err != nil {
		setID.Close()
		return nil, err
	}
	return &SourceWriter{s: s, setID: setID, updateP: updateP}, nil
}

// Close releases the prepared statements.
func (w *SourceWriter) Close() {
	w.setID.Close()
	w.updateP.Close()
}

// SetID records that recordID in source is the partner partnerID, and
// what the export said of its fields (imported, JSON) this time.
func (w *SourceWriter) SetID(ctx context.Context, source, recordID string, partnerID int64, imported string) error {
	_, err := w.setID.ExecContext(ctx, source, recordID, partnerID, imported)
	return notFoundIfFK(err, "partner")
}

// Update saves the fields an import may change on a partner it already
// knows by record ID (the status moves only through ChangeStatus).
func (w *SourceWriter) Update(ctx context.Context, p *Partner) error {
	if err := p.Validate(); err != nil {
		return err
	}
	p.UpdatedAt = w.s.now()
	res, err := w.updateP.ExecContext(ctx, p.Name, p.LegalName, p.Type, p.Country, p.Region, p.City, p.Website,
		JoinList(p.Verticals), p.AccountManager, p.INN, p.KPP, p.Address, p.UpdatedAt, p.ID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return NotFound("partner")
	}
	return nil
}
