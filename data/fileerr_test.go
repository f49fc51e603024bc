package data_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"channeldesk/data"
	"channeldesk/internal/testfs"
)

// partnerCount is what a user sees of the database: how many partners.
func partnerCount(t *testing.T, s *data.Store) int {
	t.Helper()
	rows, err := s.PartnerRows(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(rows)
}

// fullDiskStore opens a database with n partners on a small tmpfs, then
// fills the disk.
func fullDiskStore(t *testing.T, n int) (*data.Store, string) {
	t.Helper()
	dir := testfs.Small(t, "3m")
	path := filepath.Join(dir, "channeldesk.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for i := range n {
		mustPartner(t, s, fmt.Sprintf("Partner %d", i), data.StatusActive)
	}
	testfs.Fill(t, dir, 0)
	return s, path
}

// wantDiskFull checks that err is a full disk naming path.
func wantDiskFull(t *testing.T, err error, path string) {
	t.Helper()
	fe, ok := data.AsFileError(err)
	if !ok || fe.Cause != data.CauseDiskFull || fe.Path != path {
		t.Fatalf("error %v (%T), want a full disk naming %s", err, err, path)
	}
	if fe.Free < 0 || fe.Free > 64<<10 {
		t.Errorf("free space %d, want the little left", fe.Free)
	}
}

// Saving on a full disk: the error names the database and the cause; the
// data is as it was, and sound.
func TestSaveOnFullDisk(t *testing.T) {
	s, path := fullDiskStore(t, 5)
	ctx := context.Background()
	var err error
	err = s.WithTx(ctx, func(tx *data.Tx) error {
		for i := range 20000 {
			p := &data.Partner{Name: fmt.Sprintf("Big %d %0180d", i, i), Type: data.TypeReseller, Status: data.StatusActive}
			if err := s.CreatePartnerTx(ctx, tx, p); err != nil {
				return err
			}
		}
		return nil
	})
	wantDiskFull(t, err, path)
	if n := partnerCount(t, s); n != 5 {
		t.Errorf("%d partners after the failed save, want 5", n)
	}
	s.Close()
	// The user frees some space and opens the database again: all there, sound.
	os.Remove(filepath.Join(filepath.Dir(path), "filler"))
	again, err := data.Open(path)
	if err != nil {
		t.Fatalf("reopening after a full disk: %v", err)
	}
	defer again.Close()
	if n := partnerCount(t, again); n != 5 {
		t.Errorf("%d partners after reopening, want 5", n)
	}
}

// A backup onto a full disk names the backup and leaves no part of it.
func TestBackupOnFullDisk(t *testing.T) {
	s, _ := fullDiskStore(t, 30)
	out := filepath.Join(filepath.Dir(s.Path()), "copy.db")
	wantDiskFull(t, s.BackupTo(out), out)
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a partial backup is left: %v", err)
	}
	if n := partnerCount(t, s); n != 30 {
		t.Errorf("%d partners, want 30", n)
	}
}

// A backup onto a read-only drive names the folder and the cause.
func TestBackupToReadOnlyDrive(t *testing.T) {
	s := MustOpen(t)
	mustPartner(t, s, "Before", data.StatusActive)
	dir := testfs.Small(t, "1m")
	testfs.ReadOnly(t, dir)
	out := filepath.Join(dir, "copy.db")
	err := s.BackupTo(out)
	fe, ok := data.AsFileError(err)
	if !ok || fe.Cause != data.CauseReadOnly || fe.Dir != dir {
		t.Fatalf("error %v, want read-only naming %s", err, dir)
	}
	if n := partnerCount(t, s); n != 1 {
		t.Errorf("%d partners, want 1", n)
	}
}

func TestFileFailureCauses(t *testing.T) {
	dir := t.TempDir()
	gone := filepath.Join(dir, "usb", "plans", "a.pdf")
	for _, c := range []struct {
		path string
		err  error
		want data.Cause
	}{
		{filepath.Join(dir, "a"), &os.PathError{Op: "write", Path: "a", Err: syscall.ENOSPC}, data.CauseDiskFull},
		{filepath.Join(dir, "a"), &os.PathError{Op: "write", Path: "a", Err: syscall.EDQUOT}, data.CauseDiskFull},
		{filepath.Join(dir, "a"), &os.PathError{Op: "open", Path: "a", Err: syscall.EROFS}, data.CauseReadOnly},
		{filepath.Join(dir, "a"), &os.PathError{Op: "open", Path: "a", Err: syscall.EACCES}, data.CauseReadOnly},
		{filepath.Join(dir, "a"), &os.PathError{Op: "write", Path: "a", Err: syscall.EIO}, data.CauseFolderGone},
		{gone, &os.PathError{Op: "open", Path: gone, Err: syscall.ENOENT}, data.CauseFolderGone},
		{filepath.Join(dir, "a"), &os.PathError{Op: "open", Path: "a", Err: syscall.ENOENT}, ""},
		{filepath.Join(dir, "a"), errors.New("other"), ""},
	} {
		got := data.FileFailure(c.path, c.err)
		fe, ok := data.AsFileError(got)
		if c.want == "" {
			if ok || got != c.err {
				t.Errorf("%v: classified as %v", c.err, got)
			}
			continue
		}
		if !ok || fe.Cause != c.want || !errors.Is(got, c.err) {
			t.Errorf("%v on %s: %v, want %s", c.err, c.path, got, c.want)
		}
	}
	if data.FileFailure("x", nil) != nil {
		t.Error("nil classified as an error")
	}
}

// Opening a sound database on a disk with no room for SQLite's write-ahead
// log says the disk is full, not that the file is foreign.
func TestOpenOnFullDisk(t *testing.T) {
	dir := testfs.Small(t, "3m")
	path := filepath.Join(dir, "channeldesk.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustPartner(t, s, "Kept", data.StatusActive)
	s.Close()
	testfs.Fill(t, dir, 0)
	_, err = data.Open(path)
	if fe, ok := data.AsFileError(err); !ok || fe.Cause != data.CauseDiskFull {
		t.Fatalf("error %v, want a full disk", err)
	}
}
