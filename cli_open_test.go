package main

import (
	"os"
	"path/filepath"
	"testing"
)

// "Open with ChannelDesk" on Партнёры.csv starts the GUI with that file;
// a misspelt command is still bad usage, not an import.
func TestOpenWithFile(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "Мои файлы", "Партнёры.csv")
	os.MkdirAll(filepath.Dir(csv), 0o755)
	os.WriteFile(csv, []byte("Name\nAcme\n"), 0o644)
	if got, ok := openWithFile([]string{csv}); !ok || got != csv {
		t.Errorf("openWithFile(%q) = %q, %v; want the file", csv, got, ok)
	}
	for _, args := range [][]string{{"exprot.csv"}, {csv, "--db", "x.db"}, {filepath.Dir(csv)}, {"import"}} {
		if got, ok := openWithFile(args); ok {
			t.Errorf("openWithFile(%q) = %q; want no file", args, got)
		}
	}
	if code := run([]string{"exprot.csv"}, os.Stdout, os.Stderr); code != 2 {
		t.Errorf("a missing file as the command: exit %d, want 2", code)
	}
}
