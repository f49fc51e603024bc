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
	for range 10 {
		l, retry, err := tryLock(dbPath)
		if !retry {
			return l, err
		}
	}
	return nil, errInUse(0)
}

// tryLock locks the lock file; retry means the file was removed by its
// previous holder between our open and our lock, so a fresh one is needed.
func tryLock(dbPath string) (l *dbLock, retry bool, err error) {
	path := LockPath(dbPath)
	f, err := openLockFile(path)
	if err != nil {
		if os.IsPermission(err) {
			return nil, false, ErrReadOnlyDir
		}
		return nil, false, err
	}
	locked, err := lockFile(f)
	if err != nil {
		f.Close()
		return nil, false, err
	}
	if !locked {
		buf := make([]byte, 32)
		n, _ := f.ReadAt(buf, 0)
		f.Close()
		pid, _ := strconv.Atoi(strings.TrimSpace(string(buf[:n])))
		return nil, false, errInUse(pid)
	}
	if removeOnRelease && !sameFile(f, path) {
		unlockFile(f)
		f.Close()
		return nil, true, nil
	}
	f.Truncate(0)
	f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return &dbLock{f: f}, false, nil
}

func sameFile(f *os.File, path string) bool {
	a, err1 := f.Stat()
	b, err2 := os.Stat(path)
	return err1 == nil && err2 == nil && os.SameFile(a, b)
}

// release lets another process open the database and removes the lock
// file, so none is left behind after a clean exit (a crash leaves it; the
// next start locks it again). On unix it is removed while still locked; on
// Windows only after it is closed, because Windows refuses to remove an
// open file: if another instance opens it in between, the removal fails
// and that instance keeps the file.
func (l *dbLock) release() {
	if l == nil || l.f == nil {
		return
	}
	name := l.f.Name()
	if removeOnRelease {
		os.Remove(name)
	} else {
		l.f.Truncate(0)
	}
	unlockFile(l.f)
	l.f.Close()
	l.f = nil
	if !removeOnRelease {
		os.Remove(name)
	}
}
