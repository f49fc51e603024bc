package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"unicode/utf8"
)

// ImportProfile is a saved import mapping, recognised by the set of
// headers of the file it was made for. Columns and Values are JSON the
// importer writes and reads.
type ImportProfile struct {
	ID        int64
	Name      string
	HeaderKey string
	Columns   string
	Values    string
	Source    string
	UpdatedAt string
}

func (p *ImportProfile) validate() error {
	p.Name = strings.TrimSpace(p.Name)
	return checkName(p.Name)
}

// checkName refuses an empty or over-long name.
func checkName(name string) error {
	switch {
	case name == "":
		return Invalid("name", "err.required", nil)
	case utf8.RuneCountInString(name) > MaxNameLen:
		return Invalid("name", "err.too_long", map[string]any{"Max": MaxNameLen})
	}
	return nil
}

const profileColumns = `id, name, header_key, columns, value_map, source, updated_at`

func scanProfile(r scanner) (*ImportProfile, error) {
	var p ImportProfile
	if err := r.Scan(&p.ID, &p.Name, &p.HeaderKey, &p.Columns, &p.Values, &p.Source, &p.UpdatedAt); err != nil {
		return nil, err
	}
	return &p, nil
}

// SaveImportProfile stores a profile under its name, replacing one of
// the same name.
func (s *Store) SaveImportProfile(ctx context.Context, p *ImportProfile) error {
	if err := p.validate(); err != nil {
		return err
	}
	p.UpdatedAt = s.now()
	return s.withTx(ctx, func(tx *Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO import_profiles (id, name, header_key, columns, value_map, source, updated_at)
			VALUES (`+teamID("import_profiles")+`, ?,?,?,?,?,?) ON CONFLICT(name) DO UPDATE SET header_key = excluded.header_key,
			columns = excluded.columns, value_map = excluded.value_map, source = excluded.source,
			updated_at = excluded.updated_at RETURNING id`,
			p.Name, p.HeaderKey, p.Columns, p.Values, p.Source, p.UpdatedAt).Scan(&p.ID)
		return err
	})
}

// ImportProfiles lists the saved profiles by name.
func (s *Store) ImportProfiles(ctx context.Context) ([]ImportProfile, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+profileColumns+` FROM import_profiles ORDER BY name COLLATE NOCASE`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ImportProfile
	for rows.Next() {
		p, err := scanProfile(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *p)
	}
	return out, rows.Err()
}

// ImportProfileNamed returns the profile with that name (NotFound if none).
func (s *Store) ImportProfileNamed(ctx context.Context, name string) (*ImportProfile, error) {
	p, err := scanProfile(s.db.QueryRowContext(ctx, `SELECT `+profileColumns+` FROM import_profiles WHERE name = ?`,
		strings.TrimSpace(name)))
	return p, notFoundIf(err, "import_profile")
}

// ImportProfileFor returns the profile most recently saved for files with
// this header key, or nil when there is none.
func (s *Store) ImportProfileFor(ctx context.Context, headerKey string) (*ImportProfile, error) {
	p, err := scanProfile(s.db.QueryRowContext(ctx, `SELECT `+profileColumns+` FROM import_profiles
		WHERE header_key = ? ORDER BY updated_at DESC, id DESC LIMIT 1`, headerKey))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return p, err
}

// RenameImportProfile gives a profile a new name; a name in use is a conflict.
func (s *Store) RenameImportProfile(ctx context.Context, id int64, name string) error {
	p := ImportProfile{Name: name}
	if err := p.validate(); err != nil {
		return err
	}
	return s.withTx(ctx, func(tx *Tx) error {
		var taken int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM import_profiles WHERE name = ? AND id <> ?`, p.Name, id).Scan(&taken); err != nil {
			return err
		}
		if taken > 0 {
			return Conflict("imports.err_profile_name_taken", map[string]any{"Name": p.Name})
		}
		res, err := tx.ExecContext(ctx, `UPDATE import_profiles SET name = ? WHERE id = ?`, p.Name, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return NotFound("import_profile")
		}
		return nil
	})
}

// DeleteImportProfile removes a saved profile.
func (s *Store) DeleteImportProfile(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM import_profiles WHERE id = ?`, id)
	return err
}
