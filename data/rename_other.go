//go:build !windows

package data

import "os"

// renameRetrying renames once: on unix a rename never fails because
// another program has the destination open.
func renameRetrying(tmp, dst string) error { return os.Rename(tmp, dst) }

// fileBusy is false on unix: see renameRetrying.
func fileBusy(error) bool { return false }
