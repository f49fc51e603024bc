//go:build !windows

package data

import (
	"errors"
	"os"
	"syscall"
)

// removeOnRelease: on unix the lock file is removed while still open and
// locked (see release).
const removeOnRelease = true

// lockFile takes an exclusive flock without waiting; false means another
// process holds it.
func lockFile(f *os.File) (bool, error) {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) || errors.Is(err, syscall.EAGAIN) {
		return false, nil
	}
	return err == nil, err
}

func unlockFile(f *os.File) { syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }

// openLockFile opens or creates the lock file.
func openLockFile(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
}
