// Package teamserver is the team's PostgreSQL server as the sync sees it:
// the schema `team init` creates, and typed methods for joining, pulling
// and pushing changes. All of the server's SQL lives here.
//
// The server holds every synced record once (rows: table, key, JSON), the
// log of changes (changes: a growing seq, the record's new value or NULL
// for a deletion, its author), the members, and the push batches already
// applied (so a push repeated after a lost answer changes nothing).
package teamserver

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Schema is the PostgreSQL schema that holds ChannelDesk's tables.
const Schema = "channeldesk"

// lockKey serialises pushes (pg_advisory_xact_lock).
const lockKey = 0x43444553 // "CDES"

// Errors the sync turns into messages.
var (
	ErrNotInitialised = errors.New("teamserver: this PostgreSQL database holds no ChannelDesk team")
	ErrAlreadyTeam    = errors.New("teamserver: this PostgreSQL database already holds a ChannelDesk team")
	ErrMoved          = errors.New("teamserver: others pushed since the pull")
	ErrNotMember      = errors.New("teamserver: not an active member")
	ErrNameTaken      = errors.New("teamserver: member name taken")
	ErrTeamFull       = errors.New("teamserver: the team has 99 members")
)

// LockTimeout is how long a statement waits for a lock another member's
// connection holds (a push in progress, a long-open transaction) before it
// gives up; the URL's lock_timeout, when given, wins.
var LockTimeout = 60 * time.Second

// IsBusy reports whether err is a statement that gave up waiting for a
// lock (SQLSTATE 55P03): nothing was changed and the sync can be retried.
func IsBusy(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "55P03"
}

// Server is one connection to the team's server.
type Server struct {
	c *pgx.Conn
}

// Connect opens a connection. password overrides the URL's (the keychain's);
// without either, PGPASSWORD and ~/.pgpass apply as for psql.
func Connect(ctx context.Context, url, password string) (*Server, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, err
	}
	if password != "" {
		cfg.Password = password
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	if cfg.RuntimeParams["lock_timeout"] == "" {
		// A sync waiting on another member's lock gives up with IsBusy
		// instead of hanging the laptop's sync (and the CLI) for ever.
		cfg.RuntimeParams["lock_timeout"] = fmt.Sprintf("%dms", LockTimeout.Milliseconds())
	}
	c, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return &Server{c: c}, nil
}

// Close closes the connection.
func (s *Server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	return s.c.Close(ctx)
}

// Conn is the raw connection, for tests that break it on purpose.
func (s *Server) Conn() *pgx.Conn { return s.c }

// Member is one person (laptop) of the team.
type Member struct {
	No       int
	Name     string
	Login    string
	Active   bool
	Joined   time.Time
	LastSync *time.Time
}

// Info is what the server says about the team.
type Info struct {
	TeamID        string
	SchemaVersion int
	Seq           int64
	Layout        int // of the server's own tables (Layout); 1 before it was recorded
}

// RoleName is the PostgreSQL role that holds the team's privileges on a database.
func RoleName(db string) string { return "channeldesk_" + db }

var ddl = []string{
	`CREATE SCHEMA ` + Schema,
	`CREATE TABLE ` + Schema + `.meta (key text PRIMARY KEY, value text NOT NULL)`,
	`CREATE TABLE ` + Schema + `.members (
		no        int PRIMARY KEY CHECK (no BETWEEN 1 AND 99),
		name      text NOT NULL UNIQUE CHECK (length(btrim(name)) > 0),
		login     text NOT NULL,
		active    boolean NOT NULL DEFAULT true,
		joined_at timestamptz NOT NULL DEFAULT now(),
		last_sync timestamptz,
		pulled_seq bigint)`,
	`CREATE TABLE ` + Schema + `.rows (
		tbl     text NOT NULL,
		row_key text NOT NULL,
		data    jsonb NOT NULL,
		seq     bigint NOT NULL DEFAULT 0,
		PRIMARY KEY (tbl, row_key))`,
	`CREATE TABLE ` + Schema + `.changes (
		seq     bigserial PRIMARY KEY,
		tbl     text NOT NULL,
		row_key text NOT NULL,
		data    jsonb,
		author  int NOT NULL REFERENCES ` + Schema + `.members(no),
		at      timestamptz NOT NULL DEFAULT now(),
		batch   text NOT NULL)`,
	`CREATE TABLE ` + Schema + `.batches (
		batch  text PRIMARY KEY,
		author int NOT NULL REFERENCES ` + Schema + `.members(no),
		seq_to bigint NOT NULL,
		at     timestamptz NOT NULL DEFAULT now())`,
	// Only an active member's login may write: a removed member cannot
	// sync even with a changed program.
	`CREATE FUNCTION ` + Schema + `.member_only() RETURNS trigger LANGUAGE plpgsql AS $$
	BEGIN
		IF NOT EXISTS (SELECT 1 FROM ` + Schema + `.members WHERE login = session_user AND active) THEN
			RAISE EXCEPTION 'channeldesk: % is not an active member of this team', session_user USING ERRCODE = '42501';
		END IF;
		RETURN NULL;
	END $$`,
	`CREATE TRIGGER member_only BEFORE INSERT OR UPDATE OR DELETE ON ` + Schema + `.changes FOR EACH STATEMENT EXECUTE FUNCTION ` + Schema + `.member_only()`,
	`CREATE TRIGGER member_only BEFORE INSERT OR UPDATE OR DELETE ON ` + Schema + `.rows FOR EACH STATEMENT EXECUTE FUNCTION ` + Schema + `.member_only()`,
}

// Layout is the version of the server's own tables and functions (apart
// from the program's data, which follows the app's schema version): 2
// added the members' pulled change numbers and the trimming of the log.
const Layout = 2

// layoutDDL brings a team's server to Layout; it can run again.
var layoutDDL = []string{
	`ALTER TABLE ` + Schema + `.members ADD COLUMN IF NOT EXISTS pulled_seq bigint`,
	// Members change the members table only through these functions (they
	// run with the owner's rights): joining adds this login under a new
	// number (or gives back the number of a join of this login that never
	// finished), touching records one's own last sync and how far one has
	// pulled, and trims the log. Nobody can make themselves active again.
	`CREATE OR REPLACE FUNCTION ` + Schema + `.join_team(p_name text) RETURNS int LANGUAGE plpgsql SECURITY DEFINER
	SET search_path = ` + Schema + `, pg_temp AS $$
	DECLARE n int;
	BEGIN
		LOCK TABLE members IN EXCLUSIVE MODE;
		SELECT no INTO n FROM members WHERE name = p_name AND login = session_user AND active AND pulled_seq IS NULL AND last_sync IS NULL;
		IF n IS NOT NULL THEN
			RETURN n;
		END IF;
		IF EXISTS (SELECT 1 FROM members WHERE name = p_name) THEN
			RAISE EXCEPTION 'channeldesk: member name taken' USING ERRCODE = '23505';
		END IF;
		SELECT coalesce(max(no), 0) + 1 INTO n FROM members;
		IF n > 99 THEN
			RAISE EXCEPTION 'channeldesk: the team has 99 members' USING ERRCODE = '54000';
		END IF;
		INSERT INTO members (no, name, login) VALUES (n, p_name, session_user);
		RETURN n;
	END $$`,
	// The log keeps what some active member has not pulled yet (a member
	// that has not finished joining holds it all), and always the newest
	// change, whose number the pushes count from. A removed member holds
	// nothing back; a new member gets the records, not the log.
	`CREATE OR REPLACE FUNCTION ` + Schema + `.trim_log() RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
	SET search_path = ` + Schema + `, pg_temp AS $$
	DECLARE floor_seq bigint; n bigint;
	BEGIN
		SELECT min(coalesce(pulled_seq, 0)) INTO floor_seq FROM members WHERE active;
		floor_seq := least(coalesce(floor_seq, 0), (SELECT coalesce(max(seq), 0) - 1 FROM changes));
		IF floor_seq <= 0 OR NOT EXISTS (SELECT 1 FROM changes WHERE seq <= floor_seq) THEN
			RETURN 0;
		END IF;
		DELETE FROM changes WHERE seq <= floor_seq;
		GET DIAGNOSTICS n = ROW_COUNT;
		DELETE FROM batches WHERE seq_to <= floor_seq;
		RETURN n;
	END $$`,
	`CREATE OR REPLACE FUNCTION ` + Schema + `.touch(p_no int, p_pulled bigint) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
	SET search_path = ` + Schema + `, pg_temp AS $$
	BEGIN
		UPDATE members SET last_sync = now(), pulled_seq = greatest(coalesce(pulled_seq, 0), p_pulled)
			WHERE no = p_no AND login = session_user AND active;
		PERFORM trim_log();
	END $$`,
	`REVOKE ALL ON FUNCTION ` + Schema + `.join_team(text), ` + Schema + `.touch(int, bigint), ` + Schema + `.trim_log() FROM PUBLIC`,
	// A login whose role was taken away can still learn that it was
	// removed (and nothing else), so its program can say so.
	`CREATE OR REPLACE FUNCTION ` + Schema + `.member_state() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
	SET search_path = ` + Schema + `, pg_temp AS $$
		SELECT CASE WHEN bool_or(active) THEN 'active' WHEN count(*) > 0 THEN 'removed' ELSE 'none' END
		FROM members WHERE login = session_user
	$$`,
	`GRANT USAGE ON SCHEMA ` + Schema + ` TO PUBLIC`,
	`GRANT EXECUTE ON FUNCTION ` + Schema + `.member_state() TO PUBLIC`,
	`INSERT INTO ` + Schema + `.meta (key, value) VALUES ('layout', '2') ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
}

// roleGrants are the team role's rights.
func roleGrants(role string) []string {
	return []string{
		`GRANT USAGE ON SCHEMA ` + Schema + ` TO ` + role,
		`GRANT SELECT ON ` + Schema + `.meta, ` + Schema + `.members TO ` + role,
		`GRANT SELECT, INSERT ON ` + Schema + `.changes, ` + Schema + `.batches TO ` + role,
		`GRANT SELECT, INSERT, UPDATE, DELETE ON ` + Schema + `.rows TO ` + role,
		`GRANT USAGE ON ALL SEQUENCES IN SCHEMA ` + Schema + ` TO ` + role,
		`GRANT EXECUTE ON FUNCTION ` + Schema + `.join_team(text), ` + Schema + `.touch(int, bigint), ` + Schema + `.trim_log() TO ` + role,
	}
}

// Row is one record of the team's data.
type Row struct {
	Table string
	Key   string
	Data  []byte // JSON; nil: deleted
}

// Init creates the team in an empty database: the schema, the first
// member (this login) and every record of rows, in one transaction. It
// returns the team's id and a note when the privileges role could not be
// made (then the owner grants members access by hand).
func (s *Server) Init(ctx context.Context, name string, schemaVersion int, rows func(yield func(Row) error) error) (teamID, note string, err error) {
	tx, err := s.c.Begin(ctx)
	if err != nil {
		return "", "", err
	}
	defer tx.Rollback(ctx)
	var exists bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)`, Schema).Scan(&exists); err != nil {
		return "", "", err
	}
	if exists {
		return "", "", ErrAlreadyTeam
	}
	for _, q := range append(append([]string{}, ddl...), layoutDDL...) {
		if _, err := tx.Exec(ctx, q); err != nil {
			return "", "", fmt.Errorf("%w (%.40s…)", err, q)
		}
	}
	b := make([]byte, 16)
	rand.Read(b)
	teamID = hex.EncodeToString(b)
	if _, err := tx.Exec(ctx, `INSERT INTO `+Schema+`.meta (key, value) VALUES ('team_id', $1), ('schema_version', $2), ('created_at', now()::text)`,
		teamID, strconv.Itoa(schemaVersion)); err != nil {
		return "", "", err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO `+Schema+`.members (no, name, login) VALUES (1, $1, session_user)`, name); err != nil {
		return "", "", err
	}
	ch := make(chan []any, 1024)
	errc := make(chan error, 1)
	go func() {
		defer close(ch)
		errc <- rows(func(r Row) error {
			select {
			case ch <- []any{r.Table, r.Key, string(r.Data)}:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	_, err = tx.CopyFrom(ctx, pgx.Identifier{Schema, "rows"}, []string{"tbl", "row_key", "data"}, pgx.CopyFromFunc(func() ([]any, error) {
		r, ok := <-ch
		if !ok {
			return nil, nil
		}
		return r, nil
	}))
	for range ch { // let the reader finish when the copy failed
	}
	if rerr := <-errc; rerr != nil {
		return "", "", rerr
	}
	if err != nil {
		return "", "", err
	}
	// The team's privileges in one role; members get it with GRANT role TO login.
	var db string
	if err := tx.QueryRow(ctx, `SELECT current_database()`).Scan(&db); err != nil {
		return "", "", err
	}
	role := pgx.Identifier{RoleName(db)}.Sanitize()
	if _, err := tx.Exec(ctx, `SAVEPOINT role`); err != nil {
		return "", "", err
	}
	if _, err := tx.Exec(ctx, `DO $$ BEGIN CREATE ROLE `+role+` NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`); err != nil {
		if _, err := tx.Exec(ctx, `ROLLBACK TO SAVEPOINT role`); err != nil {
			return "", "", err
		}
		note = fmt.Sprintf("could not create role %s (%v): grant each member's login USAGE on schema %s and SELECT, INSERT, UPDATE, DELETE on its tables", RoleName(db), err, Schema)
	} else {
		for _, q := range roleGrants(role) {
			if _, err := tx.Exec(ctx, q); err != nil {
				return "", "", err
			}
		}
	}
	return teamID, note, tx.Commit(ctx)
}

// Info reads the team's id, schema version and newest change.
func (s *Server) Info(ctx context.Context) (Info, error) {
	var in Info
	var v, layout string
	err := s.c.QueryRow(ctx, `SELECT (SELECT value FROM `+Schema+`.meta WHERE key = 'team_id'),
		(SELECT value FROM `+Schema+`.meta WHERE key = 'schema_version'),
		(SELECT coalesce(max(seq), 0) FROM `+Schema+`.changes),
		coalesce((SELECT value FROM `+Schema+`.meta WHERE key = 'layout'), '1')`).Scan(&in.TeamID, &v, &in.Seq, &layout)
	if err != nil {
		var pe *pgconn.PgError
		if errors.As(err, &pe) && (pe.Code == "42P01" || pe.Code == "3F000") { // undefined table / schema
			return in, ErrNotInitialised
		}
		return in, err
	}
	in.SchemaVersion, _ = strconv.Atoi(v)
	in.Layout, _ = strconv.Atoi(layout)
	return in, nil
}

// SetSchemaVersion records the team's schema version (the first updated
// app moves the team on, after the owner's backup).
func (s *Server) SetSchemaVersion(ctx context.Context, v int) error {
	_, err := s.c.Exec(ctx, `UPDATE `+Schema+`.meta SET value = $1 WHERE key = 'schema_version'`, strconv.Itoa(v))
	return err
}

// Join adds this login as a new member with a new number.
func (s *Server) Join(ctx context.Context, name string) (int, error) {
	var no int
	err := s.c.QueryRow(ctx, `SELECT `+Schema+`.join_team($1)`, name).Scan(&no)
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505":
			return 0, ErrNameTaken
		case "54000":
			return 0, ErrTeamFull
		}
	}
	return no, err
}

// Members lists the team.
func (s *Server) Members(ctx context.Context) ([]Member, error) {
	rows, err := s.c.Query(ctx, `SELECT no, name, login, active, joined_at, last_sync FROM `+Schema+`.members ORDER BY no`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		var m Member
		if err := rows.Scan(&m.No, &m.Name, &m.Login, &m.Active, &m.Joined, &m.LastSync); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// MayRemove reports whether this login may remove members: the team's
// owner (the owner of the team's database, who made its tables) may;
// members, who may only read the members table, may not.
func (s *Server) MayRemove(ctx context.Context) (bool, error) {
	var may bool
	err := s.c.QueryRow(ctx, `SELECT has_table_privilege($1, 'UPDATE')`, Schema+".members").Scan(&may)
	return may, err
}

// Removed reports whether this login was removed from the team (it may
// have lost every right but this question).
func (s *Server) Removed(ctx context.Context) bool {
	var st string
	return s.c.QueryRow(ctx, `SELECT `+Schema+`.member_state()`).Scan(&st) == nil && st == "removed"
}

// ErrRemoved means the member was removed from the team.
var ErrRemoved = errors.New("teamserver: this member was removed from the team")

// CheckMember fails with ErrRemoved when member no (this login) was
// removed, with ErrNotMember unless it is active and is this login.
func (s *Server) CheckMember(ctx context.Context, no int) error {
	var active *bool
	err := s.c.QueryRow(ctx, `SELECT (SELECT active FROM `+Schema+`.members WHERE no = $1 AND login = session_user)`, no).Scan(&active)
	if err != nil {
		return err
	}
	switch {
	case active == nil:
		return ErrNotMember
	case !*active:
		return ErrRemoved
	}
	return nil
}

// ErrMayNotRemove means this login may not mark members removed (only the
// owner of the team's database may).
var ErrMayNotRemove = errors.New("teamserver: this login may not change the team's members")

// Removal is what Remove managed.
type Removal struct {
	Login   string // the member's PostgreSQL login
	Role    string // the team's role
	Revoked bool   // the login lost the team's role
	Shared  bool   // the login stays, as another active member's: nothing to revoke
	Why     string // why it could not be revoked (the server's words)
}

// Remove takes a member out of the team: it can no longer sync (the
// server's trigger refuses the writes of a login that is no active
// member). When this login may, the member's login also loses the team's
// role, so it cannot read either; when it may not, the removal stands and
// Removal says why the role stays.
func (s *Server) Remove(ctx context.Context, name string) (Removal, error) {
	var r Removal
	err := s.c.QueryRow(ctx, `UPDATE `+Schema+`.members SET active = false WHERE name = $1 RETURNING login`, name).Scan(&r.Login)
	if errors.Is(err, pgx.ErrNoRows) {
		return r, ErrNotMember
	}
	if IsPermission(err) {
		return r, ErrMayNotRemove
	}
	if err != nil {
		return r, err
	}
	var db string
	if err := s.c.QueryRow(ctx, `SELECT current_database()`).Scan(&db); err != nil {
		return r, err
	}
	r.Role = RoleName(db)
	var others bool
	if err := s.c.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM `+Schema+`.members WHERE login = $1 AND active)`, r.Login).Scan(&others); err != nil {
		return r, err
	}
	if others {
		r.Shared = true
		r.Why = "the login is also an active member under another name"
		return r, nil
	}
	// In a savepoint-free statement of its own: the removal above is committed already.
	_, err = s.c.Exec(ctx, `REVOKE `+pgx.Identifier{r.Role}.Sanitize()+` FROM `+pgx.Identifier{r.Login}.Sanitize())
	if err != nil {
		var pe *pgconn.PgError
		if errors.As(err, &pe) {
			r.Why = pe.Message
		} else {
			r.Why = err.Error()
		}
		return r, nil
	}
	// PostgreSQL only warns when the login did not hold the role.
	var still bool
	if err := s.c.QueryRow(ctx, `SELECT pg_has_role($1, $2, 'MEMBER')`, r.Login, r.Role).Scan(&still); err == nil && still {
		r.Why = "the login holds the role through another role or as its owner"
		return r, nil
	}
	r.Revoked = true
	return r, nil
}

// Snapshot reads every record in one consistent view and the seq it is
// at; total, when not nil, first learns how many records there are.
func (s *Server) Snapshot(ctx context.Context, total func(int64), fn func(Row) error) (int64, error) {
	tx, err := s.c.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return 0, err
	}
	defer tx.Rollback(ctx)
	var seq int64
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(seq), 0) FROM `+Schema+`.changes`).Scan(&seq); err != nil {
		return 0, err
	}
	if total != nil {
		var n int64
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM `+Schema+`.rows`).Scan(&n); err != nil {
			return 0, err
		}
		total(n)
	}
	// In key order, so the laptop appends to its tables instead of inserting all over them.
	rows, err := tx.Query(ctx, `SELECT tbl, row_key, data::text FROM `+Schema+`.rows ORDER BY tbl, length(row_key), row_key`)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var r Row
		var d string
		if err := rows.Scan(&r.Table, &r.Key, &d); err != nil {
			return 0, err
		}
		r.Data = []byte(d)
		if err := fn(r); err != nil {
			return 0, err
		}
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	return seq, tx.Commit(ctx)
}

// Change is one change of the log.
type Change struct {
	Seq        int64
	Row        Row
	Author     int
	AuthorName string
	At         time.Time
}

// Changes returns the changes after seq, in order.
func (s *Server) Changes(ctx context.Context, after int64) ([]Change, error) {
	rows, err := s.c.Query(ctx, `SELECT c.seq, c.tbl, c.row_key, c.data::text, c.author, m.name, c.at
		FROM `+Schema+`.changes c JOIN `+Schema+`.members m ON m.no = c.author WHERE c.seq > $1 ORDER BY c.seq`, after)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Change
	for rows.Next() {
		var c Change
		var d *string
		if err := rows.Scan(&c.Seq, &c.Row.Table, &c.Row.Key, &d, &c.Author, &c.AuthorName, &c.At); err != nil {
			return nil, err
		}
		if d != nil {
			c.Row.Data = []byte(*d)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Push applies a laptop's changes in one transaction, after every change
// up to base: if others pushed since, nothing happens and ErrMoved says to
// pull again. A batch already applied (its answer was lost) is not applied
// twice. It returns the seq of the batch's last change.
func (s *Server) Push(ctx context.Context, batch string, member int, base int64, rows []Row) (int64, error) {
	tx, err := s.c.Begin(ctx)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(lockKey)); err != nil {
		return 0, err
	}
	var done int64
	err = tx.QueryRow(ctx, `SELECT seq_to FROM `+Schema+`.batches WHERE batch = $1`, batch).Scan(&done)
	if err == nil {
		return done, tx.Commit(ctx)
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return 0, err
	}
	var seq int64
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(seq), 0) FROM `+Schema+`.changes`).Scan(&seq); err != nil {
		return 0, err
	}
	if seq != base {
		return 0, ErrMoved
	}
	tbls := make([]string, len(rows))
	keys := make([]string, len(rows))
	datas := make([]*string, len(rows))
	for i, r := range rows {
		tbls[i], keys[i] = r.Table, r.Key
		if r.Data != nil {
			d := string(r.Data)
			datas[i] = &d
		}
	}
	err = tx.QueryRow(ctx, `WITH ins AS (
			INSERT INTO `+Schema+`.changes (tbl, row_key, data, author, batch)
			SELECT t, k, d, $4, $5 FROM unnest($1::text[], $2::text[], $3::jsonb[]) WITH ORDINALITY AS u(t, k, d, n) ORDER BY n
			RETURNING seq)
		SELECT coalesce(max(seq), $6) FROM ins`, tbls, keys, datas, member, batch, base).Scan(&seq)
	if err != nil {
		return 0, err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO `+Schema+`.rows (tbl, row_key, data, seq)
		SELECT t, k, d, $4 FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS u(t, k, d) WHERE d IS NOT NULL
		ON CONFLICT (tbl, row_key) DO UPDATE SET data = excluded.data, seq = excluded.seq`, tbls, keys, datas, seq); err != nil {
		return 0, err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM `+Schema+`.rows r USING unnest($1::text[], $2::text[], $3::jsonb[]) AS u(t, k, d)
		WHERE u.d IS NULL AND r.tbl = u.t AND r.row_key = u.k`, tbls, keys, datas); err != nil {
		return 0, err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO `+Schema+`.batches (batch, author, seq_to) VALUES ($1, $2, $3)`, batch, member, seq); err != nil {
		return 0, err
	}
	if _, err := tx.Exec(ctx, `SELECT `+Schema+`.touch($1, $2)`, member, base); err != nil {
		return 0, err
	}
	return seq, tx.Commit(ctx)
}

// Touch records that a member synced and has pulled every change up to
// pulled (a sync with nothing to push, a finished join); the log loses
// what every active member has pulled.
func (s *Server) Touch(ctx context.Context, member int, pulled int64) error {
	_, err := s.c.Exec(ctx, `SELECT `+Schema+`.touch($1, $2)`, member, pulled)
	return err
}

// Trim deletes the changes every active member has pulled (all but the
// newest) and returns how many went.
func (s *Server) Trim(ctx context.Context) (int64, error) {
	var n int64
	err := s.c.QueryRow(ctx, `SELECT `+Schema+`.trim_log()`).Scan(&n)
	return n, err
}

// LogSize is how many changes the log holds and the lowest seq in it.
func (s *Server) LogSize(ctx context.Context) (n, first int64, err error) {
	err = s.c.QueryRow(ctx, `SELECT count(*), coalesce(min(seq), 0) FROM `+Schema+`.changes`).Scan(&n, &first)
	return n, first, err
}

// MigrateLayout brings the server's own tables and functions to Layout
// (the team's owner runs it, with `team upgrade`).
func (s *Server) MigrateLayout(ctx context.Context) error {
	tx, err := s.c.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	for _, q := range layoutDDL {
		if _, err := tx.Exec(ctx, q); err != nil {
			return fmt.Errorf("%w (%.40s…)", err, q)
		}
	}
	var db string
	if err := tx.QueryRow(ctx, `SELECT current_database()`).Scan(&db); err != nil {
		return err
	}
	var hasRole bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)`, RoleName(db)).Scan(&hasRole); err != nil {
		return err
	}
	if hasRole {
		for _, q := range roleGrants(pgx.Identifier{RoleName(db)}.Sanitize()) {
			if _, err := tx.Exec(ctx, q); err != nil {
				return err
			}
		}
	}
	return tx.Commit(ctx)
}

// IsPermission reports a server refusal for lack of rights (a removed member).
func IsPermission(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "42501"
}
