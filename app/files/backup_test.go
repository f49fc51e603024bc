package files_test

import (
	"channeldesk/internal/testutil"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"channeldesk/app/files"
	"channeldesk/data"
)

func TestDailyBackupOncePerDayKeepsFourteen(t *testing.T) {
	s := testutil.OpenStore(t)
	day := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return day }
	if _, err := files.BackupNow(s); err != nil { // never pruned
		t.Fatal(err)
	}
	for i := range 20 {
		day = time.Date(2026, 1, 1+i, 9, 0, 0, 0, time.UTC)
		made, err := files.DailyBackup(s)
		if err != nil || made == "" {
			t.Fatalf("day %d: %q %v", i, made, err)
		}
		day = day.Add(5 * time.Hour)
		if again, err := files.DailyBackup(s); again != "" || err != nil {
			t.Fatalf("second backup the same day: %q %v", again, err)
		}
	}
	list, err := files.ListBackups(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	reasons := map[string]int{}
	for _, b := range list {
		reasons[b.Reason]++
	}
	if daily, manual := reasons["daily"], reasons["manual"]; daily != files.KeepDaily || manual != 1 {
		t.Fatalf("daily=%d manual=%d, want %d and 1", daily, manual, files.KeepDaily)
	}
	if got := list[0].Time.Format(time.DateOnly); got != "2026-01-20" {
		t.Errorf("newest first: got %s", got)
	}
	if got := list[files.KeepDaily-1].Time.Format(time.DateOnly); got != "2026-01-07" {
		t.Errorf("oldest daily kept: %s, want 2026-01-07", got)
	}
	assertOwnerOnly(t, list)
}

func assertOwnerOnly(t *testing.T, list []files.BackupInfo) {
	t.Helper()
	if runtime.GOOS == "windows" {
		return
	}
	for _, b := range list {
		st, _ := os.Stat(b.Path)
		if st.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v, want 0600", filepath.Base(b.Path), st.Mode().Perm())
		}
	}
}

func TestRestoreBacksUpCurrentFirst(t *testing.T) {
	ctx := context.Background()
	s := testutil.OpenStore(t)
	p := &data.Partner{Name: "Old", Type: data.TypeReseller, Status: data.StatusActive}
	s.CreatePartner(ctx, p)
	bak, err := files.BackupNow(s)
	if err != nil {
		t.Fatal(err)
	}
	s.CreatePartner(ctx, &data.Partner{Name: "New", Type: data.TypeReseller, Status: data.StatusActive})
	s.Now = func() time.Time { return time.Now().Add(time.Second) }
	safety, err := files.Restore(s, bak)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := s.PartnerRows(ctx)
	if len(rows) != 1 || rows[0].Name != "Old" {
		t.Fatalf("restored rows: %+v", rows)
	}
	// The safety copy holds what was there before the restore.
	if _, err := files.Restore(s, safety); err != nil {
		t.Fatal(err)
	}
	if rows, _ := s.PartnerRows(ctx); len(rows) != 2 {
		t.Fatalf("undo restore: %+v", rows)
	}
}

func TestBackupFile(t *testing.T) {
	ctx := context.Background()
	s := testutil.OpenStore(t)
	s.CreatePartner(ctx, &data.Partner{Name: "Kept", Type: data.TypeReseller, Status: data.StatusActive})
	dir := t.TempDir()
	out := filepath.Join(dir, "copy.db")
	if err := files.BackupFile(ctx, s, out); err != nil {
		t.Fatal(err)
	}
	if err := data.CheckFile(out); err != nil {
		t.Fatalf("backup is not a sound database: %v", err)
	}
	before, _ := os.ReadFile(out)
	if err := files.BackupFile(ctx, s, out); data.ErrorCode(err) != data.ECONFLICT {
		t.Fatalf("overwrite: err = %v, want conflict", err)
	}
	after, _ := os.ReadFile(out)
	if string(before) != string(after) {
		t.Error("an existing file was overwritten")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	if runtime.GOOS != "windows" {
		st, _ := os.Stat(out)
		if st.Mode().Perm() != 0o600 {
			t.Errorf("mode %v, want 0600", st.Mode().Perm())
		}
	}
}

func TestBackupFileFailureLeavesNothing(t *testing.T) {
	s := testutil.OpenStore(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "missing-folder", "copy.db")
	if err := files.BackupFile(context.Background(), s, out); err == nil {
		t.Fatal("backup into a missing folder succeeded")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}
