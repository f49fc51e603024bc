// Package applog keeps the program's log: one file per user in the app's
// data folder, capped in size, with a few older files kept. Each entry has
// the time (UTC), the version, the operation and the full error. Callers
// log IDs, never partner names or other partner data, and never secrets.
package applog

import (
	"channeldesk/app/files"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sync"
)

// MaxSize is the size at which the log is rotated; Keep older files are
// kept beside it (channeldesk.log.1 … .3).
const (
	MaxSize = 1 << 20
	Keep    = 3
)

// DefaultPath is the log file in the per-user data folder, beside the
// default database.
func DefaultPath() (string, error) {
	db, err := files.DefaultDBPath()
	if err != nil {
		return "", err
	}
	return filepath.Join(filepath.Dir(db), "logs", "channeldesk.log"), nil
}

// File is a log file that rotates itself when it would grow past MaxSize.
type File struct {
	mu   sync.Mutex
	path string
	f    *os.File
	size int64
}

// Open opens (creating, with its folder) the log file at path for appending.
func Open(path string) (*File, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	l := &File{path: path}
	return l, l.open()
}

func (l *File) open() error {
	f, err := os.OpenFile(l.path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return err
	}
	l.f, l.size = f, st.Size()
	return nil
}

// Path is the file's path.
func (l *File) Path() string { return l.path }

// Write appends p, rotating first when p would take the file past MaxSize.
func (l *File) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.size > 0 && l.size+int64(len(p)) > MaxSize {
		if err := l.rotate(); err != nil {
			return 0, err
		}
	}
	n, err := l.f.Write(p)
	l.size += int64(n)
	return n, err
}

// rotate shifts channeldesk.log → .1 → .2 → .3, dropping the oldest.
func (l *File) rotate() error {
	l.f.Close()
	os.Remove(fmt.Sprintf("%s.%d", l.path, Keep))
	for i := Keep - 1; i >= 1; i-- {
		os.Rename(fmt.Sprintf("%s.%d", l.path, i), fmt.Sprintf("%s.%d", l.path, i+1))
	}
	os.Rename(l.path, l.path+".1")
	return l.open()
}

// Close closes the file.
func (l *File) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f.Close()
}

// current is the log file Start opened, for Path.
var current struct {
	sync.Mutex
	path string
}

// Start sends the standard logger to the file at path (DefaultPath when
// empty), and also to also when it is not nil, each line stamped with the
// UTC time and version. It returns the path, or an error and leaves the
// logger as it was.
func Start(path, version string, also io.Writer) (string, error) {
	if path == "" {
		var err error
		if path, err = DefaultPath(); err != nil {
			return "", err
		}
	}
	f, err := Open(path)
	if err != nil {
		return "", err
	}
	var w io.Writer = f
	if also != nil {
		w = io.MultiWriter(f, also)
	}
	log.SetOutput(w)
	log.SetFlags(log.LstdFlags | log.LUTC | log.Lmsgprefix)
	log.SetPrefix("channeldesk " + version + ": ")
	current.Lock()
	current.path = path
	current.Unlock()
	return path, nil
}

// Path is the log file Start opened, or "" before it.
func Path() string {
	current.Lock()
	defer current.Unlock()
	return current.path
}

// Error logs an operation's failure: the operation and the full error.
func Error(op string, err error) {
	log.Printf("%s: %+v", op, err)
}
