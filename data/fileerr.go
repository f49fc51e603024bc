package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Cause is why the operating system refused a file operation, in the
// terms a person can act on.
type Cause string

// The causes a laptop user actually meets.
const (
	CauseDiskFull   Cause = "disk_full"   // no space left, or the quota is used up
	CauseInUse      Cause = "in_use"      // another program holds the file open (Excel, a PDF viewer)
	CauseFolderGone Cause = "folder_gone" // the folder or its drive is no longer there
	CauseReadOnly   Cause = "read_only"   // a read-only drive, or no permission to write
)

// FileError is a failed file operation with its cause and the file or
// folder it concerns: what a message needs to tell the user what to do.
type FileError struct {
	Cause Cause
	Path  string // the file concerned, or the folder
	Dir   string // the folder concerned: Path's folder, or Path when it is one
	Free  int64  // bytes free on Path's drive for CauseDiskFull; -1 when unknown
	Err   error  // the error the system gave
}

// Error returns the cause, the path and the system's error, for the log.
func (e *FileError) Error() string {
	return fmt.Sprintf("%s: %s: %v", e.Path, e.Cause, e.Err)
}

// Unwrap returns the system's error.
func (e *FileError) Unwrap() error { return e.Err }

// Naming returns err with its file error, if it holds one, naming path
// instead: the file the user chose rather than the temporary one the work
// was done in.
func Naming(path string, err error) error {
	fe, ok := AsFileError(err)
	if !ok {
		return err
	}
	named := *fe
	named.Path, named.Dir = path, filepath.Dir(path)
	return &named
}

// AsFileError returns the file error inside err, if there is one.
func AsFileError(err error) (*FileError, bool) {
	var fe *FileError
	ok := errors.As(err, &fe)
	return fe, ok
}

// FileFailure classifies err from an operation on path (a file being
// written or read, or the database): a disk full, a file in use, a
// vanished folder or a read-only one becomes a *FileError naming path; any
// other error, and nil, come back unchanged.
func FileFailure(path string, err error) error {
	if err == nil {
		return nil
	}
	if _, ok := AsFileError(err); ok {
		return err
	}
	cause := causeOf(path, err)
	if cause == "" {
		return err
	}
	fe := &FileError{Cause: cause, Path: path, Dir: filepath.Dir(path), Free: -1, Err: err}
	if cause == CauseDiskFull {
		fe.Free = FreeSpace(path)
	}
	return fe
}

// FolderFailure classifies err from making or listing the folder dir,
// like FileFailure; the message then names dir itself.
func FolderFailure(dir string, err error) error {
	err = FileFailure(filepath.Join(dir, "."+filepath.Base(dir)), err)
	if fe, ok := err.(*FileError); ok {
		fe.Path = dir
	}
	return err
}

// causeOf maps a system or SQLite error on path to its cause, or "".
func causeOf(path string, err error) Cause {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return sqliteCause(path, se.Code())
	}
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return ""
	}
	if c := errnoCause(path, errno); c != "" {
		return c
	}
	if errors.Is(err, fs.ErrNotExist) && !dirExists(filepath.Dir(path)) {
		return CauseFolderGone
	}
	return ""
}

// sqliteCause maps SQLite's primary result codes: SQLITE_FULL,
// SQLITE_READONLY, and SQLITE_IOERR or SQLITE_CANTOPEN, which a full disk
// or a removed drive can also produce.
func sqliteCause(path string, code int) Cause {
	switch code & 0xff {
	case sqlite3.SQLITE_FULL:
		return CauseDiskFull
	case sqlite3.SQLITE_READONLY:
		return CauseReadOnly
	case sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN:
		switch {
		case !dirExists(filepath.Dir(path)):
			return CauseFolderGone
		case code&0xff == sqlite3.SQLITE_CANTOPEN:
			return probeCause(path)
		case FreeSpace(path) >= 0 && FreeSpace(path) < lowSpace:
			return CauseDiskFull
		default:
			return CauseFolderGone
		}
	}
	return ""
}

// probeCause tells why SQLite could not open a file in an existing folder
// (it says no more than "unable to open"): it tries to create a file there.
func probeCause(path string) Cause {
	f, err := os.CreateTemp(filepath.Dir(path), ".channeldesk-probe-*")
	if err != nil {
		return causeOf(path, err)
	}
	f.Close()
	os.Remove(f.Name())
	return ""
}

// lowSpace is free space below which an I/O error is taken for a full disk.
const lowSpace = 1 << 20

func dirExists(dir string) bool {
	st, err := os.Stat(dir)
	return err == nil && st.IsDir()
}

// FreeSpace returns the bytes free for the user on the drive holding path
// (or its nearest existing parent folder), or -1 when it can't be told.
func FreeSpace(path string) int64 {
	for dir := path; ; dir = filepath.Dir(dir) {
		if dirExists(dir) {
			return freeSpace(dir)
		}
		if filepath.Dir(dir) == dir {
			return -1
		}
	}
}
