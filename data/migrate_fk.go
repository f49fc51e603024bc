package data

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// fkOffMarker opens a migration that rebuilds a table others reference:
// it runs with foreign keys off, since SQLite ignores that pragma inside
// a transaction and dropping the old table would otherwise cascade.
const fkOffMarker = "-- foreign_keys: off"

// applyMigrationFKOff runs m on one connection with foreign keys off and
// commits only when every reference still finds its row.
func (s *Store) applyMigrationFKOff(ctx context.Context, m migration) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return err
	}
	defer conn.ExecContext(context.Background(), `PRAGMA foreign_keys = ON`) //nolint:errcheck // restored on the same connection
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT "table", rowid, parent FROM pragma_foreign_key_check`)
	if err != nil {
		return err
	}
	broken := []string{}
	for rows.Next() {
		var table, parent string
		var rowid any
		if err := rows.Scan(&table, &rowid, &parent); err != nil {
			rows.Close()
			return err
		}
		broken = append(broken, fmt.Sprintf("%s row %v -> %s", table, rowid, parent))
	}
	rows.Close()
	if len(broken) > 0 {
		return fmt.Errorf("migration %s: broken references: %s", m.name, strings.Join(broken, "; "))
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, s.Now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	return tx.Commit()
}
