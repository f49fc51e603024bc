//go:build windows

package data

import (
	"errors"
	"os"
	"time"

	"golang.org/x/sys/windows"
)

// renameRetrying renames, and while Windows answers that dst is in use
// tries again for about two seconds: scanners and sync clients open a new
// file for a moment after it is written.
func renameRetrying(tmp, dst string) error {
	var err error
	for wait := 20 * time.Millisecond; ; wait *= 2 {
		if err = os.Rename(tmp, dst); err == nil || !fileBusy(err) || wait > time.Second {
			return err
		}
		time.Sleep(wait)
	}
}

// fileBusy reports the errors MoveFileEx gives when dst is open in another
// program without delete sharing, or is read-only.
func fileBusy(err error) bool {
	return errors.Is(err, windows.ERROR_SHARING_VIOLATION) || errors.Is(err, windows.ERROR_ACCESS_DENIED) ||
		errors.Is(err, windows.ERROR_LOCK_VIOLATION)
}
