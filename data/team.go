package data

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Team mode: the laptop is one member of a team that syncs through a
// PostgreSQL server (app/team, data/teamserver). Every table is synced
// unless it is listed here; a test fails when a table is in neither list,
// so a new table cannot be forgotten.

// TeamLocalTables are the tables that stay on this laptop, with why.
var TeamLocalTables = map[string]string{
	"schema_migrations": "the file's own migration history",
	"team_self":         "this laptop's membership",
	"team_pending":      "this laptop's changes not yet synced",
	"team_guard":        "set while pulled changes are written",
	"team_clock":        "counts this laptop's transactions",
	"today_marks":       "a person's own snoozed and dismissed Today items",
}

// TeamLocalSettings are the keys of the settings table that stay on this
// laptop: the person's interface language and name.
var TeamLocalSettings = []string{"ui_lang", "manager_name", "recruit.last_event", "recruit.last_event_date"}

// TeamRow is one record as the sync moves it: column to value (string,
// json.Number or nil; BLOB columns as hex text).
type TeamRow map[string]any

// TeamTable is a synced table as the sync sees it.
type TeamTable struct {
	Name  string
	Cols  []string
	Blob  map[string]bool
	PK    []string
	IntID bool // a single INTEGER PRIMARY KEY "id": team-unique ids
}

// teamID is the SQL expression for a new row's id in table: NULL when
// this laptop is not in a team (SQLite picks the id as before); in a team
// the next hundred above the table's highest id plus the member's number
// (1–99), so two laptops never make the same id and ids stay short.
// Every INSERT into a table with an INTEGER PRIMARY KEY id passes it.
func teamID(table string) string {
	return `(SELECT (coalesce((SELECT max(id) FROM ` + table + `), 0) / 100 + 1) * 100 + member_no FROM team_self)`
}

// TeamTables lists the synced tables from sqlite_master, in name order.
func (s *Store) TeamTables(ctx context.Context) ([]TeamTable, error) {
	return teamTables(ctx, s.db)
}

type teamQuerier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

func teamTables(ctx context.Context, q teamQuerier) ([]TeamTable, error) {
	rows, err := q.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		if _, local := TeamLocalTables[n]; !local {
			names = append(names, n)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []TeamTable
	for _, n := range names {
		t := TeamTable{Name: n, Blob: map[string]bool{}}
		cols, err := q.QueryContext(ctx, `SELECT name, upper(type), pk FROM pragma_table_info(?) ORDER BY cid`, n)
		if err != nil {
			return nil, err
		}
		type pkc struct {
			name string
			pos  int
			typ  string
		}
		var pks []pkc
		for cols.Next() {
			var c, typ string
			var pk int
			if err := cols.Scan(&c, &typ, &pk); err != nil {
				cols.Close()
				return nil, err
			}
			t.Cols = append(t.Cols, c)
			if strings.Contains(typ, "BLOB") {
				t.Blob[c] = true
			}
			if pk > 0 {
				pks = append(pks, pkc{c, pk, typ})
			}
		}
		cols.Close()
		sort.Slice(pks, func(i, j int) bool { return pks[i].pos < pks[j].pos })
		for _, p := range pks {
			t.PK = append(t.PK, p.name)
		}
		if len(pks) == 0 {
			return nil, fmt.Errorf("team sync: table %s has no primary key", n)
		}
		t.IntID = len(pks) == 1 && pks[0].name == "id" && pks[0].typ == "INTEGER"
		out = append(out, t)
	}
	return out, nil
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// jsonExpr is json_object over the columns of alias (NEW, OLD or the table).
func (t TeamTable) jsonExpr(alias string) string {
	var b strings.Builder
	b.WriteString("json_object(")
	for i, c := range t.Cols {
		if i > 0 {
			b.WriteString(", ")
		}
		v := alias + "." + quoteIdent(c)
		if t.Blob[c] {
			v = "hex(" + v + ")"
		}
		fmt.Fprintf(&b, "'%s', %s", c, v)
	}
	b.WriteString(")")
	return b.String()
}

func (t TeamTable) keyExpr(alias string) string {
	parts := make([]string, len(t.PK))
	for i, c := range t.PK {
		parts[i] = alias + "." + quoteIdent(c)
	}
	return "json_array(" + strings.Join(parts, ", ") + ")"
}

func (t TeamTable) keyWhere() string {
	parts := make([]string, len(t.PK))
	for i, c := range t.PK {
		parts[i] = quoteIdent(c) + " = ?"
	}
	return strings.Join(parts, " AND ")
}

// localFilter is the extra trigger condition that keeps local-only rows out.
func (t TeamTable) localFilter(alias string) string {
	if t.Name != "settings" {
		return ""
	}
	q := make([]string, len(TeamLocalSettings))
	for i, k := range TeamLocalSettings {
		q[i] = "'" + k + "'"
	}
	return " AND " + alias + ".key NOT IN (" + strings.Join(q, ", ") + ")"
}

func teamLocalSetting(t, key string) bool {
	if t != "settings" {
		return false
	}
	var k []string
	if err := json.Unmarshal([]byte(key), &k); err != nil || len(k) != 1 {
		return false
	}
	for _, l := range TeamLocalSettings {
		if l == k[0] {
			return true
		}
	}
	return false
}

const teamNow = `strftime('%Y-%m-%dT%H:%M:%SZ', 'now')`

// triggers are the capture triggers of t: every change not made by the
// sync itself records the row and, the first time, its value before.
func (t TeamTable) triggers() []string {
	guard := `NOT EXISTS (SELECT 1 FROM team_guard)`
	up := func(key, base string) string {
		return `INSERT INTO team_pending (tbl, row_key, base, grp, at) VALUES ('` + t.Name + `', ` + key + `, ` + base +
			`, (SELECT n FROM team_clock), ` + teamNow + `) ON CONFLICT (tbl, row_key) DO UPDATE SET grp = excluded.grp, at = excluded.at;`
	}
	n := t.Name
	return []string{
		`CREATE TRIGGER "team_cap_` + n + `_i" AFTER INSERT ON ` + quoteIdent(n) + ` WHEN ` + guard + t.localFilter("NEW") +
			` BEGIN ` + up(t.keyExpr("NEW"), "NULL") + ` END`,
		`CREATE TRIGGER "team_cap_` + n + `_u" AFTER UPDATE ON ` + quoteIdent(n) + ` WHEN ` + guard + t.localFilter("NEW") +
			` BEGIN ` + up(t.keyExpr("OLD"), t.jsonExpr("OLD")) + up(t.keyExpr("NEW"), "NULL") + ` END`,
		`CREATE TRIGGER "team_cap_` + n + `_d" AFTER DELETE ON ` + quoteIdent(n) + ` WHEN ` + guard + t.localFilter("OLD") +
			` BEGIN ` + up(t.keyExpr("OLD"), t.jsonExpr("OLD")) + ` END`,
	}
}

// ensureTeamTriggers (re)creates the capture triggers of every synced
// table; a migration that rebuilt a table dropped its triggers.
func ensureTeamTriggers(ctx context.Context, tx *Tx) error {
	old, err := tx.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'team_cap_%'`)
	if err != nil {
		return err
	}
	var drop []string
	for old.Next() {
		var n string
		if err := old.Scan(&n); err != nil {
			old.Close()
			return err
		}
		drop = append(drop, n)
	}
	old.Close()
	for _, n := range drop {
		if _, err := tx.ExecContext(ctx, `DROP TRIGGER `+quoteIdent(n)); err != nil {
			return err
		}
	}
	ts, err := teamTables(ctx, tx)
	if err != nil {
		return err
	}
	for _, t := range ts {
		for _, q := range t.triggers() {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("team trigger on %s: %w", t.Name, err)
			}
		}
	}
	return nil
}

// openTeam runs at every open: in a team database it re-makes the
// capture triggers and starts counting transactions.
func (s *Store) openTeam(ctx context.Context) error {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM team_self`).Scan(&n); err != nil || n == 0 {
		return err
	}
	s.team = true
	if s.readOnly {
		return nil
	}
	return s.withTx(ctx, func(tx *Tx) error { return ensureTeamTriggers(ctx, tx) })
}

// teamTick counts a store transaction in team mode.
func (s *Store) teamTick(ctx context.Context, tx *Tx) error {
	if !s.team {
		return nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE team_clock SET n = n + 1`)
	return err
}

// TeamSelf is this laptop's membership.
type TeamSelf struct {
	MemberNo  int
	Name      string
	URL       string // without password
	TeamID    string
	LastSeq   int64
	LastSync  string
	LastError string
	CheckDue  bool
}

// InTeam reports whether this database belongs to a team.
func (s *Store) InTeam() bool { return s.team }

// TeamSelf returns the membership, or nil when the database is not in a team.
func (s *Store) TeamSelf(ctx context.Context) (*TeamSelf, error) {
	var m TeamSelf
	err := s.db.QueryRowContext(ctx, `SELECT member_no, member_name, url, team_id, last_seq, last_sync, last_error, check_due FROM team_self`).
		Scan(&m.MemberNo, &m.Name, &m.URL, &m.TeamID, &m.LastSeq, &m.LastSync, &m.LastError, &m.CheckDue)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return &m, err
}

// SetTeamError records (or clears) why the last sync failed.
func (s *Store) SetTeamError(ctx context.Context, msg string) error {
	return s.withTx(ctx, func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE team_self SET last_error = ?`, msg)
		return err
	})
}

// TeamPendingCount is how many records changed here wait for the next sync.
func (s *Store) TeamPendingCount(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM team_pending`).Scan(&n)
	return n, err
}

// TeamSnapshotFunc receives every synced row.
type TeamSnapshotFunc func(table, key string, row []byte) error

// TeamScan reads every row of every synced table (for team init).
func (s *Store) TeamScan(ctx context.Context, fn TeamSnapshotFunc) error {
	ts, err := s.TeamTables(ctx)
	if err != nil {
		return err
	}
	for _, t := range ts {
		rows, err := s.db.QueryContext(ctx, `SELECT `+t.keyExpr(quoteIdent(t.Name))+`, `+t.jsonExpr(quoteIdent(t.Name))+` FROM `+quoteIdent(t.Name))
		if err != nil {
			return err
		}
		for rows.Next() {
			var k string
			var v []byte
			if err := rows.Scan(&k, &v); err != nil {
				rows.Close()
				return err
			}
			if teamLocalSetting(t.Name, k) {
				continue
			}
			if err := fn(t.Name, k, v); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// BecomeTeamMember makes this database a team member: the membership, the
// capture triggers, nothing pending (the server holds all of it now), and
// the member's name as the author of what is done here.
func (s *Store) BecomeTeamMember(ctx context.Context, m TeamSelf) error {
	err := s.withTx(ctx, func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM team_self`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO team_self (id, member_no, member_name, url, team_id, last_seq, last_sync)
			VALUES (1, ?, ?, ?, ?, ?, ?)`, m.MemberNo, m.Name, m.URL, m.TeamID, m.LastSeq, m.LastSync); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM team_pending`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('manager_name', ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE settings.value = ''`, m.Name); err != nil {
			return err
		}
		return ensureTeamTriggers(ctx, tx)
	})
	if err == nil {
		s.team = true
	}
	return err
}

// LeaveTeam makes this database a solo one again (its data stays).
func (s *Store) LeaveTeam(ctx context.Context) error {
	err := s.withTx(ctx, func(tx *Tx) error {
		for _, q := range []string{`DELETE FROM team_self`, `DELETE FROM team_pending`} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		old, err := tx.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'team_cap_%'`)
		if err != nil {
			return err
		}
		var drop []string
		for old.Next() {
			var n string
			old.Scan(&n)
			drop = append(drop, n)
		}
		old.Close()
		for _, n := range drop {
			if _, err := tx.ExecContext(ctx, `DROP TRIGGER `+quoteIdent(n)); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		s.team = false
	}
	return err
}

// ---- rows as JSON ----

// DecodeTeamRow parses a row's JSON (numbers stay exact).
func DecodeTeamRow(b []byte) (TeamRow, error) {
	if b == nil {
		return nil, nil
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var r TeamRow
	if err := d.Decode(&r); err != nil {
		return nil, err
	}
	return r, nil
}

// EncodeTeamRow is the row as JSON (nil for a deleted row).
func EncodeTeamRow(r TeamRow) []byte {
	if r == nil {
		return nil
	}
	b, _ := json.Marshal(map[string]any(r))
	return b
}

// TeamValueEqual compares two field values as the sync sees them.
func TeamValueEqual(a, b any) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	na, aNum := a.(json.Number)
	nb, bNum := b.(json.Number)
	if aNum && bNum {
		if na == nb {
			return true
		}
		fa, e1 := strconv.ParseFloat(string(na), 64)
		fb, e2 := strconv.ParseFloat(string(nb), 64)
		return e1 == nil && e2 == nil && fa == fb
	}
	if aNum != bNum {
		return false
	}
	return fmt.Sprint(a) == fmt.Sprint(b)
}

// TeamRowsEqual compares two rows field by field (nil is a deleted row).
func TeamRowsEqual(a, b TeamRow) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	for k, v := range a {
		if !TeamValueEqual(v, b[k]) {
			return false
		}
	}
	for k, v := range b {
		if _, ok := a[k]; !ok && v != nil {
			return false
		}
	}
	return true
}

// ---- the sync's transaction over the local file ----

// TeamPending is one record changed here since the last sync.
type TeamPending struct {
	ID    int64
	Table string
	Key   string
	Base  TeamRow // what the server last had; nil: new here
	Cur   TeamRow // what the laptop has now; nil: deleted here
	Group int64
	At    string
}

// TeamTx is one transaction of the sync on the local file.
type TeamTx struct {
	s      *Store
	ctx    context.Context
	tx     *Tx
	tables map[string]TeamTable
	guard  bool
	stmts  map[string]*sql.Stmt // prepared writes: a join writes every record
}

// exec runs a write through a statement prepared once per transaction.
func (t *TeamTx) exec(q string, args ...any) error {
	st, ok := t.stmts[q]
	if !ok {
		var err error
		if st, err = t.tx.q.PrepareContext(t.ctx, q); err != nil {
			return err
		}
		if t.stmts == nil {
			t.stmts = map[string]*sql.Stmt{}
		}
		t.stmts[q] = st
	}
	_, err := st.ExecContext(t.ctx, args...)
	return err
}

// TeamApply runs fn in one transaction of the local file with foreign
// keys deferred to the commit. While fn writes with the guard on, the
// capture triggers do not record its writes.
func (s *Store) TeamApply(ctx context.Context, fn func(*TeamTx) error) error {
	return s.withTx(ctx, func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = ON`); err != nil {
			return err
		}
		ts, err := teamTables(ctx, tx)
		if err != nil {
			return err
		}
		tt := &TeamTx{s: s, ctx: ctx, tx: tx, tables: map[string]TeamTable{}}
		for _, t := range ts {
			tt.tables[t.Name] = t
		}
		defer func() {
			for _, st := range tt.stmts {
				st.Close()
			}
		}()
		if err := fn(tt); err != nil {
			return err
		}
		return tt.Guard(false)
	})
}

// Guard turns the capture off (true) or on again.
func (t *TeamTx) Guard(on bool) error {
	if on == t.guard {
		return nil
	}
	q := `DELETE FROM team_guard`
	if on {
		q = `INSERT INTO team_guard (on_) VALUES (1)`
	}
	_, err := t.tx.ExecContext(t.ctx, q)
	if err == nil {
		t.guard = on
	}
	return err
}

// Table returns a synced table's shape.
func (t *TeamTx) Table(name string) (TeamTable, bool) {
	tb, ok := t.tables[name]
	return tb, ok
}

// Self is the membership as of this transaction.
func (t *TeamTx) Self() (*TeamSelf, error) {
	var m TeamSelf
	err := t.tx.QueryRowContext(t.ctx, `SELECT member_no, member_name, url, team_id, last_seq, last_sync, last_error, check_due FROM team_self`).
		Scan(&m.MemberNo, &m.Name, &m.URL, &m.TeamID, &m.LastSeq, &m.LastSync, &m.LastError, &m.CheckDue)
	return &m, err
}

// SetSync records the server position reached and when.
func (t *TeamTx) SetSync(seq int64, at string, checkDue bool) error {
	_, err := t.tx.ExecContext(t.ctx, `UPDATE team_self SET last_seq = ?, last_sync = ?, last_error = '', check_due = ?`, seq, at, checkDue)
	return err
}

// Pending lists the records changed here, oldest change first. A record
// changed and changed back is dropped from the list.
func (t *TeamTx) Pending() ([]TeamPending, error) {
	rows, err := t.tx.QueryContext(t.ctx, `SELECT id, tbl, row_key, base, grp, at FROM team_pending ORDER BY id`)
	if err != nil {
		return nil, err
	}
	var out []TeamPending
	for rows.Next() {
		var p TeamPending
		var base []byte
		if err := rows.Scan(&p.ID, &p.Table, &p.Key, &base, &p.Group, &p.At); err != nil {
			rows.Close()
			return nil, err
		}
		if p.Base, err = DecodeTeamRow(base); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	kept := out[:0]
	for _, p := range out {
		cur, err := t.Row(p.Table, p.Key)
		if err != nil {
			return nil, err
		}
		p.Cur = cur
		if TeamRowsEqual(p.Base, p.Cur) {
			if err := t.DropPending(p.Table, p.Key); err != nil {
				return nil, err
			}
			continue
		}
		kept = append(kept, p)
	}
	return kept, nil
}

// PendingFor returns the local change of one record, or nil.
func (t *TeamTx) PendingFor(table, key string) (*TeamPending, error) {
	var p TeamPending
	var base []byte
	err := t.tx.QueryRowContext(t.ctx, `SELECT id, tbl, row_key, base, grp, at FROM team_pending WHERE tbl = ? AND row_key = ?`, table, key).
		Scan(&p.ID, &p.Table, &p.Key, &base, &p.Group, &p.At)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if p.Base, err = DecodeTeamRow(base); err != nil {
		return nil, err
	}
	if p.Cur, err = t.Row(table, key); err != nil {
		return nil, err
	}
	return &p, nil
}

// DropPending forgets the local change of a record (the server has it).
func (t *TeamTx) DropPending(table, key string) error {
	_, err := t.tx.ExecContext(t.ctx, `DELETE FROM team_pending WHERE tbl = ? AND row_key = ?`, table, key)
	return err
}

// SetBase records what the server holds for a record changed here.
func (t *TeamTx) SetBase(table, key string, base TeamRow) error {
	_, err := t.tx.ExecContext(t.ctx, `UPDATE team_pending SET base = ? WHERE tbl = ? AND row_key = ?`, nullBytes(EncodeTeamRow(base)), table, key)
	return err
}

func nullBytes(b []byte) any {
	if b == nil {
		return nil
	}
	return string(b)
}

func keyArgs(key string) ([]any, error) {
	d := json.NewDecoder(strings.NewReader(key))
	d.UseNumber()
	var k []any
	if err := d.Decode(&k); err != nil {
		return nil, fmt.Errorf("team sync: bad record key %q: %w", key, err)
	}
	for i, v := range k {
		k[i] = sqlValue(v)
	}
	return k, nil
}

func sqlValue(v any) any {
	switch x := v.(type) {
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return n
		}
		f, _ := x.Float64()
		return f
	case bool:
		if x {
			return int64(1)
		}
		return int64(0)
	}
	return v
}

// Row reads one record as the sync sees it; nil when it does not exist.
func (t *TeamTx) Row(table, key string) (TeamRow, error) {
	tb, ok := t.tables[table]
	if !ok {
		return nil, fmt.Errorf("team sync: unknown table %s", table)
	}
	args, err := keyArgs(key)
	if err != nil {
		return nil, err
	}
	var b []byte
	err = t.tx.QueryRowContext(t.ctx, `SELECT `+tb.jsonExpr(quoteIdent(tb.Name))+` FROM `+quoteIdent(tb.Name)+` WHERE `+tb.keyWhere(), args...).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return DecodeTeamRow(b)
}

// Put writes a record (insert or replace its fields). Columns the row
// lacks keep their value, or their default for a new record. A record
// made here that repeats a unique value of the incoming one (the same
// setting, the same pair) gives way; it is returned so it can be kept
// as a conflict.
func (t *TeamTx) Put(table, key string, r TeamRow) (dropped []TeamPending, err error) {
	tb, ok := t.tables[table]
	if !ok {
		return nil, fmt.Errorf("team sync: unknown table %s", table)
	}
	if teamLocalSetting(table, key) {
		return nil, nil
	}
	var cols, vals, sets []string
	var args []any
	for _, c := range tb.Cols {
		v, ok := r[c]
		if !ok {
			continue
		}
		cols = append(cols, quoteIdent(c))
		if tb.Blob[c] {
			vals = append(vals, "unhex(?)")
		} else {
			vals = append(vals, "?")
		}
		args = append(args, sqlValue(v))
		sets = append(sets, quoteIdent(c)+" = excluded."+quoteIdent(c))
	}
	pk := make([]string, len(tb.PK))
	for i, c := range tb.PK {
		pk[i] = quoteIdent(c)
	}
	q := `INSERT INTO ` + quoteIdent(table) + ` (` + strings.Join(cols, ", ") + `) VALUES (` + strings.Join(vals, ", ") +
		`) ON CONFLICT (` + strings.Join(pk, ", ") + `) DO UPDATE SET ` + strings.Join(sets, ", ")
	for try := 0; ; try++ {
		err = t.exec(q, args...)
		if err == nil || try > 3 || !strings.Contains(err.Error(), "UNIQUE constraint failed") {
			return dropped, err
		}
		d, derr := t.dropDuplicate(tb, key, r)
		if derr != nil || d == nil {
			return dropped, err
		}
		dropped = append(dropped, *d)
	}
}

// dropDuplicate removes the record made here that holds one of r's
// unique values, when it is not on the server yet.
func (t *TeamTx) dropDuplicate(tb TeamTable, key string, r TeamRow) (*TeamPending, error) {
	idx, err := t.tx.QueryContext(t.ctx, `SELECT name FROM pragma_index_list(?) WHERE "unique" = 1 AND origin != 'pk'`, tb.Name)
	if err != nil {
		return nil, err
	}
	var names []string
	for idx.Next() {
		var n string
		idx.Scan(&n)
		names = append(names, n)
	}
	idx.Close()
	for _, n := range names {
		cr, err := t.tx.QueryContext(t.ctx, `SELECT name FROM pragma_index_info(?) ORDER BY seqno`, n)
		if err != nil {
			return nil, err
		}
		var cols []string
		for cr.Next() {
			var c sql.NullString
			cr.Scan(&c)
			cols = append(cols, c.String)
		}
		cr.Close()
		var where []string
		var args []any
		for _, c := range cols {
			v, ok := r[c]
			if !ok || c == "" {
				where = nil
				break
			}
			where = append(where, quoteIdent(c)+" = ?")
			args = append(args, sqlValue(v))
		}
		if len(where) == 0 {
			continue
		}
		var other string
		err = t.tx.QueryRowContext(t.ctx, `SELECT `+tb.keyExpr(quoteIdent(tb.Name))+` FROM `+quoteIdent(tb.Name)+` WHERE `+strings.Join(where, " AND "), args...).Scan(&other)
		if errors.Is(err, sql.ErrNoRows) || err == nil && other == key {
			continue
		}
		if err != nil {
			return nil, err
		}
		p, err := t.PendingFor(tb.Name, other)
		if err != nil || p == nil || p.Base != nil {
			return nil, err
		}
		if err := t.Delete(tb.Name, other); err != nil {
			return nil, err
		}
		if err := t.DropPending(tb.Name, other); err != nil {
			return nil, err
		}
		return p, nil
	}
	return nil, nil
}

// Delete removes a record (its dependants go as the schema says).
func (t *TeamTx) Delete(table, key string) error {
	tb, ok := t.tables[table]
	if !ok {
		return fmt.Errorf("team sync: unknown table %s", table)
	}
	args, err := keyArgs(key)
	if err != nil {
		return err
	}
	_, err = t.tx.ExecContext(t.ctx, `DELETE FROM `+quoteIdent(table)+` WHERE `+tb.keyWhere(), args...)
	return err
}

// Wipe empties every synced table (team join replaces them).
func (t *TeamTx) Wipe() error {
	for _, tb := range t.tables {
		q := `DELETE FROM ` + quoteIdent(tb.Name)
		if tb.Name == "settings" {
			q += ` WHERE key NOT IN ('` + strings.Join(TeamLocalSettings, `', '`) + `')`
		}
		if _, err := t.tx.ExecContext(t.ctx, q); err != nil {
			return err
		}
	}
	_, err := t.tx.ExecContext(t.ctx, `DELETE FROM team_pending`)
	return err
}

// TeamConflict is one open or resolved conflict.
type TeamConflict struct {
	ID         int64
	Table      string
	Key        string
	Field      string // "*": the whole record
	Kept       any    // the value the team has; nil: deleted
	Other      any    // the value not kept; nil: deleted
	Base       any    // the value both started from
	KeptBy     string
	KeptAt     string
	OtherBy    string
	OtherAt    string
	Reason     string // both_changed, edit_deleted, deleted_edited, duplicate, rule
	Detail     string
	FoundAt    string
	Resolution string // "", theirs, mine, new
	ResolvedBy string
	ResolvedAt string
}

func jsonValue(v any) any {
	if v == nil {
		return nil
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func decodeValue(s sql.NullString) any {
	if !s.Valid {
		return nil
	}
	d := json.NewDecoder(strings.NewReader(s.String))
	d.UseNumber()
	var v any
	d.Decode(&v)
	return v
}

// AddConflict records a conflict; it is synced like any record.
func (t *TeamTx) AddConflict(c TeamConflict) error {
	_, err := t.tx.ExecContext(t.ctx, `INSERT INTO team_conflicts (id, tbl, row_key, field, kept, other, base, kept_by, kept_at,
		other_by, other_at, reason, detail, found_at) VALUES (`+teamID("team_conflicts")+`, ?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		c.Table, c.Key, c.Field, jsonValue(c.Kept), jsonValue(c.Other), jsonValue(c.Base), c.KeptBy, c.KeptAt,
		c.OtherBy, c.OtherAt, c.Reason, c.Detail, t.s.now())
	return err
}

// FlagDealConflicts re-runs the deal conflict rule for deals of this
// laptop not synced yet, now that the others' deals are here too.
func (t *TeamTx) FlagDealConflicts(ids []int64) error {
	for _, id := range ids {
		d, err := dealTx(t.ctx, t.tx, id)
		if err != nil {
			if ErrorCode(err) == ENOTFOUND {
				continue
			}
			return err
		}
		if err := t.s.flagConflicts(t.ctx, t.tx, d); err != nil {
			return err
		}
	}
	return nil
}

const teamConflictCols = `id, tbl, row_key, field, kept, other, base, kept_by, kept_at, other_by, other_at, reason, detail,
	found_at, resolution, resolved_by, resolved_at`

func scanTeamConflict(sc interface{ Scan(...any) error }) (TeamConflict, error) {
	var c TeamConflict
	var kept, other, base sql.NullString
	err := sc.Scan(&c.ID, &c.Table, &c.Key, &c.Field, &kept, &other, &base, &c.KeptBy, &c.KeptAt, &c.OtherBy, &c.OtherAt,
		&c.Reason, &c.Detail, &c.FoundAt, &c.Resolution, &c.ResolvedBy, &c.ResolvedAt)
	c.Kept, c.Other, c.Base = decodeValue(kept), decodeValue(other), decodeValue(base)
	return c, err
}

// TeamConflicts lists the conflicts, the open ones (all=false) or every one, oldest first.
func (s *Store) TeamConflicts(ctx context.Context, all bool) ([]TeamConflict, error) {
	q := `SELECT ` + teamConflictCols + ` FROM team_conflicts`
	if !all {
		q += ` WHERE resolution = ''`
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY found_at, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []TeamConflict
	for rows.Next() {
		c, err := scanTeamConflict(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// TeamConflict reads one conflict.
func (s *Store) TeamConflict(ctx context.Context, id int64) (TeamConflict, error) {
	c, err := scanTeamConflict(s.db.QueryRowContext(ctx, `SELECT `+teamConflictCols+` FROM team_conflicts WHERE id = ?`, id))
	return c, notFoundIf(err, "conflict")
}

// ResolveTeamConflict settles a conflict: "theirs" keeps the team's value;
// "mine" writes the other value back, "new" writes value. The write is an
// ordinary local change that the next sync carries to everyone.
func (s *Store) ResolveTeamConflict(ctx context.Context, id int64, resolution string, value any, by string) error {
	c, err := s.TeamConflict(ctx, id)
	if err != nil {
		return err
	}
	if c.Resolution != "" {
		return Conflict("team.err_conflict_resolved", map[string]any{"ID": id})
	}
	return s.TeamApply(ctx, func(t *TeamTx) error {
		if err := t.Guard(false); err != nil {
			return err
		}
		write := resolution == "mine" || resolution == "new"
		if resolution == "mine" {
			value = c.Other
		}
		if write {
			if err := t.writeResolution(c, value); err != nil {
				return err
			}
		}
		_, err := t.tx.ExecContext(ctx, `UPDATE team_conflicts SET resolution = ?, resolved_by = ?, resolved_at = ? WHERE id = ?`,
			resolution, by, s.now(), id)
		return err
	})
}

func (t *TeamTx) writeResolution(c TeamConflict, value any) error {
	tb, ok := t.tables[c.Table]
	if !ok {
		return fmt.Errorf("team sync: unknown table %s", c.Table)
	}
	if c.Field == "*" {
		if value == nil {
			return t.Delete(c.Table, c.Key)
		}
		m, ok := value.(map[string]any)
		if !ok {
			return Invalid("value", "team.err_whole_record", nil)
		}
		_, err := t.Put(c.Table, c.Key, TeamRow(m))
		return err
	}
	known := false
	for _, col := range tb.Cols {
		known = known || col == c.Field
	}
	if !known {
		return fmt.Errorf("team sync: %s has no column %s", c.Table, c.Field)
	}
	cur, err := t.Row(c.Table, c.Key)
	if err != nil {
		return err
	}
	if cur == nil {
		return NotFound(c.Table)
	}
	args, err := keyArgs(c.Key)
	if err != nil {
		return err
	}
	ph := "?"
	if tb.Blob[c.Field] {
		ph = "unhex(?)"
	}
	_, err = t.tx.ExecContext(t.ctx, `UPDATE `+quoteIdent(c.Table)+` SET `+quoteIdent(c.Field)+` = `+ph+` WHERE `+tb.keyWhere(),
		append([]any{sqlValue(value)}, args...)...)
	if err != nil && strings.Contains(err.Error(), "constraint failed") {
		return Invalid(c.Field, "team.err_value_refused", map[string]any{"Field": c.Field, "Reason": err.Error()})
	}
	return err
}

// TeamCheckDone clears the flag that asks for the rules to be checked after a pull.
func (s *Store) TeamCheckDone(ctx context.Context) error {
	return s.withTx(ctx, func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE team_self SET check_due = 0`)
		return err
	})
}

// teamIDs is teamID for INSERT … SELECT of several rows: each row gets
// its own hundred.
func teamIDs(table string) string {
	return `(SELECT (coalesce((SELECT max(id) FROM ` + table + `), 0) / 100 + row_number() OVER ()) * 100 + member_no FROM team_self)`
}

// TeamFKViolation is a record whose parent record is missing.
type TeamFKViolation struct {
	Table, Key        string
	Parent, ParentKey string
}

// ForeignKeyViolations lists records whose parent is missing (checked at
// commit, since the sync defers foreign keys), at most 1,000.
func (t *TeamTx) ForeignKeyViolations() ([]TeamFKViolation, error) {
	type raw struct {
		table  string
		rowid  int64
		parent string
		fkid   int
	}
	rows, err := t.tx.QueryContext(t.ctx, `SELECT "table", rowid, parent, fkid FROM pragma_foreign_key_check LIMIT 1000`)
	if err != nil {
		return nil, err
	}
	var rs []raw
	for rows.Next() {
		var r raw
		var rowid sql.NullInt64
		if err := rows.Scan(&r.table, &rowid, &r.parent, &r.fkid); err != nil {
			rows.Close()
			return nil, err
		}
		r.rowid = rowid.Int64
		rs = append(rs, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []TeamFKViolation
	for _, r := range rs {
		tb, ok := t.tables[r.table]
		if !ok {
			return nil, fmt.Errorf("team sync: missing parent of a record in local table %s", r.table)
		}
		var from string
		if err := t.tx.QueryRowContext(t.ctx, `SELECT "from" FROM pragma_foreign_key_list(?) WHERE id = ? ORDER BY seq LIMIT 1`, r.table, r.fkid).Scan(&from); err != nil {
			return nil, err
		}
		var v TeamFKViolation
		v.Table, v.Parent = r.table, r.parent
		if err := t.tx.QueryRowContext(t.ctx, `SELECT `+tb.keyExpr(quoteIdent(tb.Name))+`, json_array(`+quoteIdent(from)+`) FROM `+quoteIdent(tb.Name)+` WHERE rowid = ?`, r.rowid).
			Scan(&v.Key, &v.ParentKey); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}
