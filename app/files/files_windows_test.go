package files_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"channeldesk/app/files"
	"channeldesk/data"
)

// Excel holds an open workbook without sharing: writing the report over
// it fails naming the file as in use, and the old file stays as it was.
func TestExportOverFileHeldOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "report.xlsx")
	if err := os.WriteFile(path, []byte("last week"), 0o644); err != nil {
		t.Fatal(err)
	}
	name, _ := syscall.UTF16PtrFromString(path)
	h, err := syscall.CreateFile(name, syscall.GENERIC_READ|syscall.GENERIC_WRITE, 0, nil, syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		t.Fatal(err)
	}
	err = files.WriteFileAtomic(path, files.ExportMode, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err })
	syscall.CloseHandle(h)
	if fe, ok := data.AsFileError(err); !ok || fe.Cause != data.CauseInUse || fe.Path != path {
		t.Fatalf("error %v, want the file in use", err)
	}
	b, _ := os.ReadFile(path)
	ents, _ := os.ReadDir(filepath.Dir(path))
	if string(b) != "last week" || len(ents) != 1 || strings.HasPrefix(ents[0].Name(), ".") {
		t.Errorf("content %q, %d entries", b, len(ents))
	}
}
