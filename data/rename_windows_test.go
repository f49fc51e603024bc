//go:build windows

package data_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"channeldesk/data"
)

// A report still open in Excel: Windows refuses to replace it. The user is
// told which file and what to do, the old file is kept, and once it is
// closed the same export goes through.
func TestReplaceFileWindowsBusyDestination(t *testing.T) {
	dir := t.TempDir()
	dst, tmp := filepath.Join(dir, "Отчёт партнёров.xlsx"), filepath.Join(dir, ".tmp")
	os.WriteFile(dst, []byte("old"), 0o644)
	os.WriteFile(tmp, []byte("new"), 0o644)
	open, err := os.Open(dst) // as Excel holds it: no delete sharing
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	err = data.ReplaceFile(tmp, dst)
	open.Close()
	if fe, ok := data.AsFileError(err); !ok || fe.Cause != data.CauseInUse || fe.Path != dst {
		t.Fatalf("replace while open elsewhere: %v, want the file in use, naming %s", err, dst)
	}
	if waited := time.Since(start); waited < time.Second || waited > 10*time.Second {
		t.Errorf("waited %v for the other program, want about two seconds", waited)
	}
	if b, _ := os.ReadFile(dst); string(b) != "old" {
		t.Fatalf("destination holds %q after the refused replace, want the old content", b)
	}
	if err := data.ReplaceFile(tmp, dst); err != nil {
		t.Fatalf("replace once closed: %v", err)
	}
	if b, _ := os.ReadFile(dst); string(b) != "new" {
		t.Fatalf("destination holds %q, want the new content", b)
	}
}
