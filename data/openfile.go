package data

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// ErrCorrupt is returned for a damaged or truncated database file; the
// file is left as it was.
var ErrCorrupt = &Error{Code: EINVALID, Key: "err.rel_corrupt"}

// ErrReadOnlyFile is returned when the database file cannot be written.
var ErrReadOnlyFile = &Error{Code: EINVALID, Key: "err.rel_read_only_file"}

// ErrReadOnlyDir is returned when the folder of the database cannot be
// written (SQLite needs to write its journal and lock files there).
var ErrReadOnlyDir = &Error{Code: EINVALID, Key: "err.rel_read_only_dir"}

// sqliteMagic starts every SQLite 3 database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// checkHeader reads the first 100 bytes of an existing database file and
// refuses, without writing anything, a file that is not SQLite or is
// shorter than its header says.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	h := make([]byte, 100)
	if _, err := io.ReadFull(f, h); err != nil {
		return ErrNotDatabase
	}
	if !bytes.Equal(h[:16], sqliteMagic) {
		return ErrNotDatabase
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return ErrCorrupt
	}
	if hasWAL(path) {
		// A crash in the middle of a checkpoint leaves the file short of
		// its header's size; replaying the log repairs it, and the
		// quick_check after opening finds real damage.
		return nil
	}
	if st.Size()%pageSize != 0 {
		return ErrCorrupt
	}
	// The page count in the header is valid when the "version valid for"
	// number matches the change counter.
	if bytes.Equal(h[92:96], h[24:28]) {
		pages := int64(binary.BigEndian.Uint32(h[28:32]))
		if st.Size() < pages*pageSize {
			return ErrCorrupt
		}
	}
	return nil
}

// checkWritable refuses a read-only database file or folder before
// SQLite is asked to open it. Permission bits are read as well as tried,
// so that the answer is the same for every user.
func checkWritable(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if st.Mode().Perm()&0o200 == 0 {
		return ErrReadOnlyFile
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		if errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS) {
			return ErrReadOnlyFile
		}
		return err
	}
	f.Close()
	return checkDirWritable(filepath.Dir(path))
}

func checkDirWritable(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if st.Mode().Perm()&0o200 == 0 {
		return ErrReadOnlyDir
	}
	f, err := os.CreateTemp(dir, ".channeldesk-probe-*")
	if err != nil {
		if errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS) {
			return ErrReadOnlyDir
		}
		return err
	}
	f.Close()
	return os.Remove(f.Name())
}

// hasWAL says whether a database has a write-ahead log with content, in
// which case the main file alone may not be the whole database.
func hasWAL(path string) bool {
	st, err := os.Stat(path + "-wal")
	return err == nil && st.Size() > 0
}

// probe opens the file read-only and immutable (SQLite writes nothing,
// not even a journal) and checks that it is a sound ChannelDesk database
// this program can open. It returns ErrCorrupt, ErrNotDatabase or ErrTooNew.
// With full false it skips the page-by-page quick_check (see
// stillVerified).
func probe(path string, full bool) error {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&immutable=1")
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	if full {
		if err := quickCheck(ctx, db); err != nil {
			return err
		}
	}
	var tables, has int
	if err := db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(name='schema_migrations'),0) FROM sqlite_master WHERE type='table'`).Scan(&tables, &has); err != nil {
		return ErrCorrupt
	}
	switch {
	case tables == 0:
		return nil
	case has == 0:
		return ErrNotDatabase
	}
	var v sql.NullInt64
	if err := db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil {
		return ErrCorrupt
	}
	if int(v.Int64) > SchemaVersion() {
		return ErrTooNew
	}
	return nil
}

// quickCheck runs PRAGMA quick_check and turns any complaint into ErrCorrupt.
func quickCheck(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `PRAGMA quick_check`)
	if err != nil {
		return classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil || msg != "ok" {
			return ErrCorrupt
		}
	}
	if err := rows.Err(); err != nil {
		return classify(err)
	}
	return nil
}

// classify maps SQLite's complaints about a file to our errors.
func classify(err error) error {
	if strings.Contains(err.Error(), "not a database") {
		return ErrNotDatabase
	}
	return ErrCorrupt
}

// CheckFile says whether the file at path could be opened as a ChannelDesk
// database, without writing to it: nil, ErrNotDatabase, ErrCorrupt or
// ErrTooNew. Restore uses it on a backup before replacing anything.
func CheckFile(path string) error {
	if err := checkHeader(path); err != nil {
		return err
	}
	return probe(path, true)
}

// preflight checks an existing database file before Open lets SQLite
// write to it.
func preflight(path string) (probed bool, err error) {
	if err := checkHeader(path); err != nil {
		return false, err
	}
	if err := checkWritable(path); err != nil {
		return false, err
	}
	if hasWAL(path) {
		return false, nil
	}
	return true, probe(path, !stillVerified(path))
}

// verifiedMark is the file beside a database that records the database's
// size and modification time at its last clean close. While both still
// match, nothing has written to the file since this program left it sound,
// so opening skips the page-by-page check (half a second on a large
// database); any other write, a copy or a truncation changes them and
// brings the full check back. The daily backup and `channeldesk check`
// read every page anyway.
func verifiedMark(path string) string { return path + ".verified" }

func fileStamp(path string) (string, bool) {
	st, err := os.Stat(path)
	if err != nil {
		return "", false
	}
	return fmt.Sprintf("%d %d", st.Size(), st.ModTime().UnixNano()), true
}

// stillVerified reports whether the file is as this program left it.
func stillVerified(path string) bool {
	b, err := os.ReadFile(verifiedMark(path))
	stamp, ok := fileStamp(path)
	return err == nil && ok && string(b) == stamp
}

// markVerified records the file as sound after a clean close (no log left).
func markVerified(path string) {
	if hasWAL(path) {
		os.Remove(verifiedMark(path))
		return
	}
	if stamp, ok := fileStamp(path); ok {
		os.WriteFile(verifiedMark(path), []byte(stamp), 0o600)
	}
}

// OpenReadOnly opens an existing database for reading only, so that
// `channeldesk backup` and `channeldesk check` work while the program has
// the database open. When no one has it open, it takes the lock and reads
// the file as immutable (SQLite writes nothing beside it); when another
// process has it, it shares that process's write-ahead log for a
// consistent snapshot. It never migrates or writes; a file that is not a
// sound ChannelDesk database, or a newer one, is refused.
func OpenReadOnly(path string) (*Store, error) {
	if !fileExists(path) {
		return nil, NotFound("rel_database")
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	lock, err := acquireLock(path)
	dsn := "file:" + path + "?mode=ro&immutable=1"
	if _, inUse := InUse(err); inUse || hasWAL(path) {
		// Shared, or left by a crash with committed data in the log:
		// read through the log.
		dsn = "file:" + path + "?mode=ro&_pragma=busy_timeout(5000)"
	} else if err != nil && err != ErrReadOnlyDir {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn)
	if err == nil {
		db.SetMaxOpenConns(1)
		err = checkReadOnly(db)
		if err != nil {
			db.Close()
		}
	}
	if err != nil {
		lock.release()
		return nil, err
	}
	return &Store{db: db, path: path, Now: time.Now, lock: lock, readOnly: true}, nil
}

func checkReadOnly(db *sql.DB) error {
	ctx := context.Background()
	if err := quickCheck(ctx, db); err != nil {
		return err
	}
	var has int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_migrations'`).Scan(&has); err != nil {
		return classify(err)
	}
	if has == 0 {
		return ErrNotDatabase
	}
	var v sql.NullInt64
	if err := db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil {
		return classify(err)
	}
	if int(v.Int64) > SchemaVersion() {
		return ErrTooNew
	}
	return nil
}
