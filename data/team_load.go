package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// TeamLoadFunc receives a function that writes one record of the team's
// snapshot (the record's JSON as the server holds it).
type TeamLoadFunc func(put func(table, key string, row []byte) error) error

// TeamLoad fills a new, empty database with the team's records for
// `team join`: fn calls put once per record. It is a bulk load, made for
// a file nobody uses yet and that the caller throws away when it fails
// (team join writes into a temporary file and renames it into place):
// no journal, no fsync, no foreign-key checks per record and the
// secondary indexes dropped during the load; then the indexes are made
// again and the foreign keys checked once over the whole file.
func (s *Store) TeamLoad(ctx context.Context, fn TeamLoadFunc) (err error) {
	if s.team {
		return Conflict("team.err_already_member", nil)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	exec := func(q string) error {
		_, err := conn.ExecContext(ctx, q)
		return err
	}
	// Pragmas that only a connection outside a transaction may change.
	for _, q := range []string{`PRAGMA foreign_keys = OFF`, `PRAGMA journal_mode = OFF`, `PRAGMA synchronous = OFF`, `PRAGMA cache_size = -65536`} {
		if err := exec(q); err != nil {
			return err
		}
	}
	defer func() {
		// Back to the pragmas of DSN (the connection stays in the pool).
		bg := context.Background()
		for _, q := range []string{`PRAGMA journal_mode = WAL`, `PRAGMA synchronous = NORMAL`, `PRAGMA foreign_keys = ON`, `PRAGMA cache_size = -2000`} {
			if _, e := conn.ExecContext(bg, q); e != nil && err == nil {
				err = e
			}
		}
	}()
	if err := exec(`BEGIN IMMEDIATE`); err != nil {
		return err
	}
	committed := false
	defer func() {
		if !committed {
			conn.ExecContext(context.Background(), `ROLLBACK`)
		}
	}()
	tables, err := teamTables(ctx, conn)
	if err != nil {
		return err
	}
	byName := map[string]TeamTable{}
	for _, t := range tables {
		byName[t.Name] = t
	}
	// The secondary indexes of the synced tables go during the load.
	type index struct{ name, sql string }
	var indexes []index
	rows, err := conn.QueryContext(ctx, `SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var n, t, q string
		if err := rows.Scan(&n, &t, &q); err != nil {
			rows.Close()
			return err
		}
		if _, synced := byName[t]; synced {
			indexes = append(indexes, index{n, q})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, ix := range indexes {
		if err := exec(`DROP INDEX ` + quoteIdent(ix.name)); err != nil {
			return err
		}
	}
	// What the new file's migrations put in (default settings, tiers) makes way for the team's.
	for _, t := range tables {
		q := `DELETE FROM ` + quoteIdent(t.Name)
		if t.Name == "settings" {
			q += ` WHERE key NOT IN ('` + strings.Join(TeamLocalSettings, `', '`) + `')`
		}
		if err := exec(q); err != nil {
			return err
		}
	}
	ld := &teamLoader{ctx: ctx, conn: conn, tables: byName, stmts: map[string]*sql.Stmt{}}
	defer ld.close()
	if err := fn(ld.put); err != nil {
		return err
	}
	for _, ix := range indexes {
		if err := exec(ix.sql); err != nil {
			return fmt.Errorf("team join: index %s: %w", ix.name, err)
		}
	}
	var bad, parent string
	err = conn.QueryRowContext(ctx, `SELECT "table", parent FROM pragma_foreign_key_check LIMIT 1`).Scan(&bad, &parent)
	if err == nil {
		return fmt.Errorf("team join: the team's data has a record in %s whose %s record is missing", bad, parent)
	}
	if err != sql.ErrNoRows {
		return err
	}
	if err := exec(`COMMIT`); err != nil {
		return err
	}
	committed = true
	return nil
}

// teamLoader writes snapshot records with one prepared INSERT per table.
type teamLoader struct {
	ctx    context.Context
	conn   *sql.Conn
	tables map[string]TeamTable
	stmts  map[string]*sql.Stmt
	args   []any
}

func (l *teamLoader) close() {
	for _, st := range l.stmts {
		st.Close()
	}
}

func (l *teamLoader) put(table, key string, raw []byte) error {
	tb, ok := l.tables[table]
	if !ok || teamLocalSetting(table, key) {
		return nil // a table this version does not have; a local setting
	}
	r, err := DecodeTeamRow(raw)
	if err != nil {
		return fmt.Errorf("%s %s: %w", table, key, err)
	}
	// The columns the record has, in the table's order (all of them when
	// the team runs this version; a column it lacks gets its default).
	var cols []string
	l.args = l.args[:0]
	for _, c := range tb.Cols {
		if v, ok := r[c]; ok {
			cols = append(cols, c)
			l.args = append(l.args, sqlValue(v))
		}
	}
	q := table + "\x00" + strings.Join(cols, "\x00")
	st, ok := l.stmts[q]
	if !ok {
		vals := make([]string, len(cols))
		qc := make([]string, len(cols))
		for i, c := range cols {
			qc[i] = quoteIdent(c)
			vals[i] = "?"
			if tb.Blob[c] {
				vals[i] = "unhex(?)"
			}
		}
		st, err = l.conn.PrepareContext(l.ctx, `INSERT INTO `+quoteIdent(table)+` (`+strings.Join(qc, ", ")+`) VALUES (`+strings.Join(vals, ", ")+`)`)
		if err != nil {
			return err
		}
		l.stmts[q] = st
	}
	if _, err := st.ExecContext(l.ctx, l.args...); err != nil {
		return fmt.Errorf("%s %s: %w", table, key, err)
	}
	return nil
}
