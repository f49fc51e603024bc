// Package data holds ChannelDesk's domain types and their SQLite store.
package data

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Store is the program's database: one SQLite file, one writer.
type Store struct {
	db   *sql.DB
	path string
	lock *dbLock
	// readOnly stores never write, so they never vouch for the file.
	readOnly bool
	// Now returns the current instant; tests replace it.
	Now func() time.Time
	// team: the file belongs to a team (data/team.go); its changes are recorded for the next sync.
	team bool
}

// ErrNotDatabase is returned when a file is not a ChannelDesk database.
var ErrNotDatabase = &Error{Code: EINVALID, Key: "err.not_channeldesk_db"}

// ErrTooNew is returned when a database was written by a newer ChannelDesk.
var ErrTooNew = &Error{Code: ECONFLICT, Key: "err.db_too_new"}

// DSN returns the connection string with the pragmas the design asks for.
func DSN(path string) string {
	return "file:" + path + "?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)" +
		"&_pragma=busy_timeout(5000)&_pragma=synchronous(NORMAL)&_txlock=immediate"
}

// Open opens (creating if needed) the database at path and migrates it.
// An existing database is backed up into "backups" beside it before a
// migration changes it. A file that is not a ChannelDesk database, or one
// made by a newer version, is refused and left untouched. A full disk, a
// read-only or vanished folder comes back as a *FileError.
func Open(path string) (*Store, error) {
	s, err := open(path)
	return s, FileFailure(path, err)
}

func open(path string) (*Store, error) {
	existed := fileExists(path)
	probed := false
	if existed {
		var err error
		if probed, err = preflight(path); err != nil {
			return nil, err
		}
	} else if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	lock, err := acquireLock(path)
	if err != nil {
		return nil, err
	}
	s, err := openLocked(path, existed, probed)
	if err != nil {
		lock.release()
		return nil, err
	}
	s.lock = lock
	return s, nil
}

// openLocked opens and migrates the database once its lock is held.
func openLocked(path string, existed, probed bool) (*Store, error) {
	if !existed {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY, 0o600)
		if err != nil {
			return nil, err
		}
		f.Close()
	}
	db, err := sql.Open("sqlite", DSN(path))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	s := &Store{db: db, path: path, Now: time.Now}
	if existed && !probed {
		err = quickCheck(context.Background(), db)
	}
	if err == nil {
		err = s.migrate(existed)
	}
	if err == nil {
		err = s.openTeam(context.Background())
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	err := s.db.Close()
	if err == nil && !s.readOnly {
		markVerified(s.path)
	}
	s.lock.release()
	return err
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// DB exposes the connection for app-level queries and tests.
func (s *Store) DB() *sql.DB { return s.db }

func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Size() > 0
}

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %q: name must start with a number", e.Name())
		}
		body, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// SchemaVersion is the newest migration this program knows.
func SchemaVersion() int {
	ms, _ := migrations()
	if len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

func (s *Store) migrate(existed bool) error {
	ctx := context.Background()
	current, err := s.currentVersion(ctx, existed)
	if err != nil {
		return err
	}
	ms, err := migrations()
	if err != nil {
		return err
	}
	if current > ms[len(ms)-1].version {
		return ErrTooNew
	}
	if existed && current < ms[len(ms)-1].version {
		if _, err := s.Backup(BackupDir(s.path), "premigrate"); err != nil {
			return fmt.Errorf("backup before migration: %w", err)
		}
	}
	for _, m := range ms {
		if m.version <= current {
			continue
		}
		if err := s.applyMigration(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) currentVersion(ctx context.Context, existed bool) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master`).Scan(&n)
	if err != nil {
		if _, full := FileFailure(s.path, err).(*FileError); existed && !full {
			// A full disk (no room for the write-ahead log) is not a foreign file.
			return 0, ErrNotDatabase
		}
		return 0, err
	}
	var has int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_migrations'`).Scan(&has); err != nil {
		return 0, err
	}
	if has == 0 {
		if n > 0 {
			return 0, ErrNotDatabase
		}
		if _, err := s.db.ExecContext(ctx, `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
			return 0, err
		}
		return 0, nil
	}
	var v sql.NullInt64
	err = s.db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v)
	return int(v.Int64), err
}

func (s *Store) applyMigration(ctx context.Context, m migration) error {
	if strings.HasPrefix(m.sql, fkOffMarker) {
		return s.applyMigrationFKOff(ctx, m)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, s.Now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	return tx.Commit()
}

// BackupDir is the folder beside a database that holds its backups.
func BackupDir(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "backups")
}

// Backup writes a consistent copy of the database (VACUUM INTO) into dir,
// named after the database, the reason and the time, readable only by the user.
func (s *Store) Backup(dir, reason string) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", FolderFailure(dir, err)
	}
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	stamp := s.Now().UTC().Format("20060102-150405")
	out := filepath.Join(dir, fmt.Sprintf("%s-%s-%s.db", base, stamp, reason))
	for n := 2; fileExists(out); n++ { // two backups in one second
		out = filepath.Join(dir, fmt.Sprintf("%s-%s-%s-%d.db", base, stamp, reason, n))
	}
	return out, s.BackupTo(out)
}

// BackupTo writes a consistent copy of the database to path, which must not exist.
// A failure (a full disk) leaves no partial copy and comes back as a
// *FileError naming path.
func (s *Store) BackupTo(path string) error {
	if fileExists(path) {
		return Conflict("err.file_exists", map[string]any{"Path": path})
	}
	_, err := s.db.Exec(`VACUUM INTO ?`, path)
	if err == nil {
		err = os.Chmod(path, 0o600)
	}
	if err != nil {
		os.Remove(path)
		return FileFailure(path, err)
	}
	return nil
}

// withTx runs fn in one immediate transaction and commits when it returns
// nil. A full disk or a read-only database comes back as a *FileError.
func (s *Store) withTx(ctx context.Context, fn func(tx *Tx) error) error {
	sqlTx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer sqlTx.Rollback()
	tx := &Tx{q: sqlTx}
	if err = s.teamTick(ctx, tx); err == nil {
		err = fn(tx)
	}
	if err == nil {
		err = sqlTx.Commit()
	}
	if err != nil && ctx.Err() != nil {
		// A cancelled context makes database/sql roll the transaction
		// back from its own goroutine and close its statements, so the
		// statement that lost the race reports "statement is closed" or
		// "transaction has already been committed or rolled back". The
		// cause the caller must see is the cancellation.
		return ctx.Err()
	}
	return FileFailure(s.path, err)
}

// WithTx runs fn in one transaction; other packages use it to make
// several store changes atomic, passing tx to each store call.
func (s *Store) WithTx(ctx context.Context, fn func(tx *Tx) error) error {
	return s.withTx(ctx, fn)
}

func (s *Store) now() string { return s.Now().UTC().Format(time.RFC3339) }

// Today is the store clock's calendar date in local time, as YYYY-MM-DD:
// the one "today" every screen and rule uses, so tests can set it.
func (s *Store) Today() string { return s.Now().Format("2006-01-02") }

func notFoundIf(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return NotFound(what)
	}
	return err
}
