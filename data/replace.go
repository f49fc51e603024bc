package data

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// ReplaceWith makes the database a copy of the file at src (a backup),
// keeping this process's lock throughout so no other instance can slip in.
// The backup is checked first; the connection is closed, the copy is
// written to a temporary file beside the database, synced and renamed over
// it, and the store reopens (and migrates) the restored data. When the copy
// fails the store reopens the database it had.
func (s *Store) ReplaceWith(src string) error {
	if err := CheckFile(src); err != nil {
		return err
	}
	if err := s.db.Close(); err != nil {
		return err
	}
	copyErr := copyOver(src, s.path)
	fresh, err := openLocked(s.path, true, false)
	if err != nil {
		return fmt.Errorf("reopen after restore: %w", err)
	}
	fresh.Now = s.Now
	s.db = fresh.db
	return copyErr
}

// copyOver copies src to dst through a temporary file in dst's folder,
// so that dst is either the old file or the complete copy. The closed
// database's -wal and -shm files are removed: they belong to the old data.
func copyOver(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".restore-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := io.Copy(tmp, in); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	for _, p := range []string{dst + "-wal", dst + "-shm"} {
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return ReplaceFile(tmp.Name(), dst)
}
