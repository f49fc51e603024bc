//go:build windows

package files_test

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"channeldesk/app/files"
	"channeldesk/data"
)

// A user called Ольга Петрова: her %AppData% has Cyrillic letters and a
// space. The database goes to %AppData%\ChannelDesk, is created there on
// first start, and closing it leaves only the database behind.
func TestDefaultDBPathWindowsCyrillicProfile(t *testing.T) {
	appdata := filepath.Join(t.TempDir(), "Users", "Ольга Петрова", "AppData", "Roaming")
	t.Setenv("APPDATA", appdata)
	path, err := files.DefaultDBPath()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(appdata, "ChannelDesk", "channeldesk.db"); path != want {
		t.Fatalf("DefaultDBPath = %q, want %q", path, want)
	}
	s, err := data.Open(path)
	if err != nil {
		t.Fatalf("first start in %s: %v", path, err)
	}
	s.Close()
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() == "channeldesk.db.lock" {
			t.Errorf("the lock file stayed in %s after Close", filepath.Dir(path))
		}
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("no database at %s: %v", path, err)
	}
}

// Exporting over a file of the same name in a folder with Cyrillic letters
// and spaces (a OneDrive folder, say) replaces it whole.
func TestWriteFileAtomicWindowsReplacesExisting(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "OneDrive - Компания", "Отчёты 2026")
	os.MkdirAll(dir, 0o755)
	path := filepath.Join(dir, "отчёт.xlsx")
	os.WriteFile(path, []byte("old report"), 0o644)
	if err := files.WriteFileAtomic(path, 0o644, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Fatalf("file holds %q, want the new export", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("%d files in the folder, want only the export", len(entries))
	}
}
