package data_test

import (
	"os"
	"path/filepath"
	"testing"

	"channeldesk/data"
)

func TestReplaceFileReplacesTheOldContent(t *testing.T) {
	dir := t.TempDir()
	dst, tmp := filepath.Join(dir, "отчёт за год.xlsx"), filepath.Join(dir, ".tmp")
	os.WriteFile(dst, []byte("old"), 0o644)
	os.WriteFile(tmp, []byte("new"), 0o644)
	if err := data.ReplaceFile(tmp, dst); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(dst); string(b) != "new" {
		t.Fatalf("destination holds %q, want the new content", b)
	}
	if _, err := os.Stat(tmp); !os.IsNotExist(err) {
		t.Fatalf("the temporary file is still there: %v", err)
	}
}
