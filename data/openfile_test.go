package data_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"channeldesk/data"
)

// fileState is what "the file was never modified" compares.
type fileState struct {
	body  []byte
	mtime time.Time
	mode  os.FileMode
}

func stateOf(t *testing.T, path string) fileState {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	return fileState{b, st.ModTime(), st.Mode()}
}

func assertUntouched(t *testing.T, path string, before fileState) {
	t.Helper()
	after := stateOf(t, path)
	if !bytes.Equal(before.body, after.body) || !before.mtime.Equal(after.mtime) || before.mode != after.mode {
		t.Errorf("%s was modified", filepath.Base(path))
	}
	for _, side := range []string{"-wal", "-shm", "-journal"} {
		if st, err := os.Stat(path + side); err == nil && st.Size() > 0 {
			t.Errorf("%s%s was written", filepath.Base(path), side)
		}
	}
}

// closedDB makes a real database with n partners, closed and checkpointed.
func closedDB(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "real.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		mustPartner(t, s, fmt.Sprintf("Partner %d with a long enough name to fill pages", i), data.StatusActive)
	}
	s.Close()
	return path
}

func pageSize(t *testing.T, body []byte) int {
	ps := int(binary.BigEndian.Uint16(body[16:18]))
	if ps == 1 {
		ps = 65536
	}
	return ps
}

func TestOpenRefusesBadFilesUntouched(t *testing.T) {
	cases := []struct {
		name   string
		damage func(t *testing.T, path string)
		want   *data.Error
	}{
		{"TextFile", func(t *testing.T, p string) {
			os.WriteFile(p, bytes.Repeat([]byte("not a database at all\n"), 50), 0o600)
		}, data.ErrNotDatabase},
		{"ShortFile", func(t *testing.T, p string) { os.WriteFile(p, []byte("SQLite"), 0o600) }, data.ErrNotDatabase},
		{"TruncatedMidPage", func(t *testing.T, p string) {
			b, _ := os.ReadFile(p)
			os.WriteFile(p, b[:len(b)/2+123], 0o600)
		}, data.ErrCorrupt},
		{"TruncatedAtPageBoundary", func(t *testing.T, p string) {
			b, _ := os.ReadFile(p)
			ps := pageSize(t, b)
			os.WriteFile(p, b[:(len(b)/ps/2)*ps], 0o600)
		}, data.ErrCorrupt},
		{"HeaderOnly", func(t *testing.T, p string) {
			b, _ := os.ReadFile(p)
			os.WriteFile(p, b[:100], 0o600)
		}, data.ErrCorrupt},
		{"FlippedPageHeaders", func(t *testing.T, p string) {
			b, _ := os.ReadFile(p)
			ps := pageSize(t, b)
			for off := 2 * ps; off+16 < len(b); off += 3 * ps {
				for i := range 8 {
					b[off+i] ^= 0xA5
				}
			}
			os.WriteFile(p, b, 0o600)
		}, data.ErrCorrupt},
		{"FlippedSchemaPage", func(t *testing.T, p string) {
			b, _ := os.ReadFile(p)
			for i := 100; i < 108; i++ {
				b[i] ^= 0xFF
			}
			os.WriteFile(p, b, 0o600)
		}, data.ErrCorrupt},
		{"OtherSQLiteFile", func(t *testing.T, p string) {
			os.Remove(p)
			writeForeignSQLite(t, p)
		}, data.ErrNotDatabase},
		{"NewerSchema", func(t *testing.T, p string) {
			s, _ := data.Open(p)
			s.DB().Exec(`INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', 'x')`)
			s.Close()
		}, data.ErrTooNew},
	}
	openers := map[string]func(string) (*data.Store, error){"Open": data.Open, "ReadOnly": data.OpenReadOnly}
	for _, c := range cases {
		for oname, open := range openers {
			t.Run(c.name+"/"+oname, func(t *testing.T) { refuseUntouched(t, c.damage, c.want, open) })
		}
	}
}

func refuseUntouched(t *testing.T, damage func(*testing.T, string), want *data.Error, open func(string) (*data.Store, error)) {
	path := closedDB(t, 300)
	damage(t, path)
	before := stateOf(t, path)
	time.Sleep(10 * time.Millisecond) // a write would show in the mtime
	s, err := open(path)
	if err == nil {
		s.Close()
		t.Fatal("opened a bad file")
	}
	if e, ok := data.AsError(err); !ok || e.Key != want.Key {
		t.Fatalf("err = %v, want %s", err, want.Key)
	}
	assertUntouched(t, path, before)
	if _, err := os.Stat(data.BackupDir(path)); err == nil {
		t.Error("a backup folder was made for a refused file")
	}
}

// writeForeignSQLite writes a SQLite database of another program, in the
// rollback-journal mode that opening it as ours would have changed.
func writeForeignSQLite(t *testing.T, path string) {
	t.Helper()
	s, err := data.Open(path + ".tmp")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.DB().Exec(`ATTACH DATABASE ? AS other`, path); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(`CREATE TABLE other.recipes (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO other.recipes VALUES (1, 'soup')`); err != nil {
		t.Fatal(err)
	}
	s.DB().Exec(`DETACH DATABASE other`)
}

func TestOpenReadOnly(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("permission bits")
	}
	t.Run("File", func(t *testing.T) {
		path := closedDB(t, 5)
		os.Chmod(path, 0o400)
		before := stateOf(t, path)
		_, err := data.Open(path)
		if err != data.ErrReadOnlyFile {
			t.Fatalf("err = %v, want ErrReadOnlyFile", err)
		}
		assertUntouched(t, path, before)
	})
	t.Run("Folder", func(t *testing.T) {
		path := closedDB(t, 5)
		dir := filepath.Dir(path)
		os.Chmod(dir, 0o500)
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
		before := stateOf(t, path)
		_, err := data.Open(path)
		if err != data.ErrReadOnlyDir {
			t.Fatalf("err = %v, want ErrReadOnlyDir", err)
		}
		assertUntouched(t, path, before)
	})
}

func TestSecondOpenIsRefusedWithPID(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	first, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = data.Open(path)
	pid, inUse := data.InUse(err)
	if !inUse || pid != os.Getpid() {
		first.Close()
		t.Fatalf("second open: err = %v (pid %d), want in use by %d", err, pid, os.Getpid())
	}
	first.Close()
	again, err := data.Open(path)
	if err != nil {
		t.Fatalf("open after the first closed: %v", err)
	}
	again.Close()
}

func TestBackupsAreOwnerOnly(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("permission bits")
	}
	s := MustOpen(t)
	out, err := s.Backup(t.TempDir(), "manual")
	if err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(out)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600", st.Mode().Perm())
	}
}

func TestReplaceWithRestoresBackup(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	mustPartner(t, s, "Before", data.StatusActive)
	bak, err := s.Backup(t.TempDir(), "manual")
	if err != nil {
		t.Fatal(err)
	}
	mustPartner(t, s, "After", data.StatusActive)
	if err := s.ReplaceWith(bak); err != nil {
		t.Fatal(err)
	}
	rows, _ := s.PartnerRows(ctx)
	if len(rows) != 1 || rows[0].Name != "Before" {
		t.Fatalf("after restore: %+v", rows)
	}
	if _, err := data.Open(s.Path()); err == nil {
		t.Error("the lock was lost during the restore")
	}
	bad := filepath.Join(t.TempDir(), "bad.db")
	os.WriteFile(bad, []byte("garbage"), 0o600)
	if err := s.ReplaceWith(bad); err == nil {
		t.Fatal("restored a garbage file")
	}
	if rows, _ := s.PartnerRows(ctx); len(rows) != 1 {
		t.Fatalf("a refused restore changed the data: %+v", rows)
	}
}

// BenchmarkOpenExisting measures what the checks before opening cost
// (header, permissions, lock, read-only quick_check) on 5,000 partners.
func BenchmarkOpenExisting(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench.db")
	s, err := data.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	s.WithTx(ctx, func(tx *data.Tx) error {
		for i := range 5000 {
			if err := s.CreatePartnerTx(ctx, tx, &data.Partner{Name: fmt.Sprintf("P%d", i), Type: data.TypeMSP, Status: data.StatusActive}); err != nil {
				return err
			}
		}
		return nil
	})
	s.Close()
	b.ResetTimer()
	for b.Loop() {
		s, err := data.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

func TestOpenReadOnlySeesCommittedDataOfARunningInstance(t *testing.T) {
	path := filepath.Join(t.TempDir(), "live.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustPartner(t, s, "Just saved", data.StatusActive) // still in the write-ahead log
	ro, err := data.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	rows, err := ro.PartnerRows(context.Background())
	if err != nil || len(rows) != 1 {
		t.Fatalf("read-only view: %+v, %v", rows, err)
	}
	if err := ro.CreatePartner(context.Background(), &data.Partner{Name: "x", Type: data.TypeMSP, Status: data.StatusActive}); err == nil {
		t.Error("a read-only store wrote")
	}
	if _, err := data.OpenReadOnly(filepath.Join(t.TempDir(), "none.db")); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("missing file: %v", err)
	}
}

func TestCleanCloseVouchesOnlyForAnUnchangedFile(t *testing.T) {
	path := closedDB(t, 20)
	mark, err := os.ReadFile(path + ".verified")
	if err != nil || len(mark) == 0 {
		t.Fatalf("no verified mark after a clean close: %v", err)
	}
	s, err := data.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if again, _ := os.ReadFile(path + ".verified"); string(again) != string(mark) {
		t.Error("a read-only open rewrote the mark")
	}
	// Another program appends a page: the mark no longer matches, and the
	// full check runs (and finds the file truncated mid-page).
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	f.Write(bytes.Repeat([]byte{0xAB}, 100))
	f.Close()
	if _, err := data.Open(path); err == nil {
		t.Fatal("opened a file changed behind the program's back")
	}
}
