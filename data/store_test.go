package data_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"channeldesk/data"
)

// MustOpen opens a fresh database in a temporary folder.
func MustOpen(tb testing.TB) *data.Store {
	tb.Helper()
	s, err := data.Open(filepath.Join(tb.TempDir(), "test.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func mustPartner(tb testing.TB, s *data.Store, name string, status data.Status) *data.Partner {
	tb.Helper()
	p := &data.Partner{Name: name, Type: data.TypeReseller, Status: status}
	if err := s.CreatePartner(context.Background(), p); err != nil {
		tb.Fatal(err)
	}
	return p
}

func TestOpen(t *testing.T) {
	t.Run("MigratesEmptyFileAndRecordsVersions", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "new.db")
		s, err := data.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		var n, top int
		s.DB().QueryRow(`SELECT count(*), max(version) FROM schema_migrations`).Scan(&n, &top)
		if n < 2 || top != data.SchemaVersion() {
			t.Fatalf("recorded %d migrations up to %d, want all up to %d", n, top, data.SchemaVersion())
		}
		s.Close()
		st, _ := os.Stat(path)
		if st.Mode().Perm() != 0o600 {
			t.Errorf("database mode %v, want 0600", st.Mode().Perm())
		}
	})
	t.Run("ReopenKeepsDataAndDoesNotReapply", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "re.db")
		s, _ := data.Open(path)
		mustPartner(t, s, "Kept", data.StatusActive)
		s.Close()
		s, err := data.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		rows, _ := s.PartnerRows(context.Background())
		if len(rows) != 1 || rows[0].Name != "Kept" {
			t.Fatalf("rows after reopen: %+v", rows)
		}
		if _, err := os.Stat(data.BackupDir(path)); err == nil {
			t.Error("a backup was taken although nothing was migrated")
		}
	})
	t.Run("RefusesForeignFileUntouched", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "notes.db")
		os.WriteFile(path, []byte("this is a text file, not a database, and it is long enough to look like one........................."), 0o644)
		before, _ := os.ReadFile(path)
		_, err := data.Open(path)
		if err == nil {
			t.Fatal("opened a text file as a database")
		}
		after, _ := os.ReadFile(path)
		if string(before) != string(after) {
			t.Error("the foreign file was changed")
		}
	})
	t.Run("RefusesNewerSchema", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "new.db")
		s, _ := data.Open(path)
		s.DB().Exec(`INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', 'x')`)
		s.Close()
		_, err := data.Open(path)
		if err != data.ErrTooNew {
			t.Fatalf("err = %v, want ErrTooNew", err)
		}
	})
	t.Run("PragmasAreSet", func(t *testing.T) {
		s := MustOpen(t)
		var fk int
		var mode string
		s.DB().QueryRow(`PRAGMA foreign_keys`).Scan(&fk)
		s.DB().QueryRow(`PRAGMA journal_mode`).Scan(&mode)
		if fk != 1 || mode != "wal" {
			t.Errorf("foreign_keys=%d journal_mode=%s", fk, mode)
		}
	})
}

func TestBackupIsConsistentCopy(t *testing.T) {
	s := MustOpen(t)
	mustPartner(t, s, "Backed up", data.StatusActive)
	out, err := s.Backup(t.TempDir(), "manual")
	if err != nil {
		t.Fatal(err)
	}
	b, err := data.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	rows, _ := b.PartnerRows(context.Background())
	if len(rows) != 1 {
		t.Fatalf("backup has %d partners, want 1", len(rows))
	}
}

func TestSettingsRoundTrip(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	st, _ := s.Settings(ctx)
	if st.Currency != "EUR" || st.FiscalYearFrom != 1 {
		t.Fatalf("defaults: %+v", st)
	}
	st.Currency, st.FiscalYearFrom, st.ProgramName, st.UILang = "rub", 4, "Партнёрская программа", "ru"
	if err := s.SaveSettings(ctx, st); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Settings(ctx)
	if got.Currency != "RUB" || got.FiscalYearFrom != 4 || got.ProgramName != "Партнёрская программа" || got.UILang != "ru" {
		t.Fatalf("got %+v", got)
	}
	for name, bad := range map[string]data.Settings{
		"currency": {Currency: "rubles", FiscalYearFrom: 1},
		"month":    {Currency: "RUB", FiscalYearFrom: 13},
		"lang":     {Currency: "RUB", FiscalYearFrom: 1, UILang: "de"},
	} {
		if err := s.SaveSettings(ctx, bad); data.ErrorCode(err) != data.EINVALID {
			t.Errorf("%s: err = %v, want invalid", name, err)
		}
	}
}

// A cancelled transaction reports the cancellation, not whichever
// "statement is closed" error database/sql's roll-back goroutine left
// behind; callers show "cancelled", not an internal error.
func TestWithTxCancelledReportsCancellation(t *testing.T) {
	s := MustOpen(t)
	ctx, cancel := context.WithCancel(context.Background())
	stillOpen := false
	err := s.WithTx(ctx, func(tx *data.Tx) error {
		st, err := data.PrepareInTx(ctx, tx, `SELECT 1`)
		if err != nil {
			return err
		}
		cancel()
		deadline := time.Now().Add(30 * time.Second) // a busy CI machine, not a slow close
		for time.Now().Before(deadline) {
			// Not ctx: the statement itself must be found closed.
			if _, err := st.ExecContext(context.Background()); err != nil {
				return err
			}
			time.Sleep(time.Millisecond)
		}
		stillOpen = true
		return errors.New("transaction still open 30 s after cancel")
	})
	if stillOpen {
		t.Fatal("the statement was never found closed: the race this test forces did not happen")
	}
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
}
