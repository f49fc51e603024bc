//go:build windows

package data

import (
	"errors"
	"os"
	"time"

	"golang.org/x/sys/windows"
)

// removeOnRelease: Windows cannot remove an open file (Go opens files
// without FILE_SHARE_DELETE), so release removes the lock file only after
// closing it, and tryLock need not check that its file is still the one
// at the path: nobody can remove it while it is open.
const removeOnRelease = false

// lockOffset is where the locked byte lies: beyond the PID written at the
// start, so that a second process can still read who holds the lock.
const lockOffset = 1 << 30

// lockFile takes an exclusive LockFileEx lock without waiting; false
// means another process holds it.
func lockFile(f *os.File) (bool, error) {
	ol := &windows.Overlapped{Offset: lockOffset}
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) || errors.Is(err, windows.ERROR_IO_PENDING) {
		return false, nil
	}
	return err == nil, err
}

func unlockFile(f *os.File) {
	ol := &windows.Overlapped{Offset: lockOffset}
	windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, ol)
}

// openLockFile opens or creates the lock file. While another instance is
// removing it (release), Windows refuses to open it for a moment (sharing
// violation, or access denied while the removal is pending): that is
// waited out, for up to about a second.
func openLockFile(path string) (*os.File, error) {
	for wait := time.Millisecond; ; wait *= 2 {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
		transient := errors.Is(err, windows.ERROR_SHARING_VIOLATION) || errors.Is(err, windows.ERROR_ACCESS_DENIED)
		if err == nil || !transient || wait > 500*time.Millisecond {
			return f, err
		}
		time.Sleep(wait)
	}
}
