package data

import (
	"os"
	"strconv"
	"strings"
)

// ErrInUse is the key of the error returned when another process has the
// database open; Args["PID"] names it when known.
const errInUseKey = "err.rel_in_use"

// LockPath is the lock file that marks a database as open by one process.
func LockPath(dbPath string) string { return dbPath + ".lock" }

// dbLock is an exclusive lock on the file beside the database. The
// operating system releases it when the process ends, however it ends, so
// a crash never leaves a stale lock behind.
type dbLock struct{ f *os.File }

// InUse reports whether err says that another process has the database
// open, and that process's ID (0 when unknown).
func InUse(err error) (pid int, ok bool) {
	e, isErr := AsError(err)
	if !isErr || e.Key != errInUseKey {
		return 0, false
	}
	pid, _ = e.Args["PID"].(int)
	return pid, true
}

func errInUse(pid int) error {
	if pid > 0 {
		return &Error{Code: ECONFLICT, Key: errInUseKey, Args: map[string]any{"PID": pid}}
	}
	return &Error{Code: ECONFLICT, Key: errInUseKey, Args: map[string]any{"PID": "?"}}
}

// acquireLock takes the lock for dbPath or says who holds it.
func acquireLock(dbPath string) (*dbLock, error) {
	f, err := os.OpenFile(LockPath(dbPath), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		if os.IsPermission(err) {
			return nil, ErrReadOnlyDir
		}
		return nil, err
	}
	locked, err := lockFile(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	if !locked {
		buf := make([]byte, 32)
		n, _ := f.ReadAt(buf, 0)
		f.Close()
		pid, _ := strconv.Atoi(strings.TrimSpace(string(buf[:n])))
		return nil, errInUse(pid)
	}
	f.Truncate(0)
	f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return &dbLock{f: f}, nil
}

// release lets another process open the database.
func (l *dbLock) release() {
	if l == nil || l.f == nil {
		return
	}
	l.f.Truncate(0)
	unlockFile(l.f)
	l.f.Close()
	l.f = nil
}
