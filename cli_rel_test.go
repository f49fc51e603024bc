package main

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"channeldesk/data"
)

func relCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func demoDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, stderr := relCLI("demo", "--db", db, "--partners", "30"); code != 0 {
		t.Fatalf("demo: %d %s", code, stderr)
	}
	return db
}

func TestCLICheck(t *testing.T) {
	db := demoDB(t)
	if code, stdout, stderr := relCLI("check", "--db", db); code != 0 {
		t.Fatalf("check on demo data: %d\n%s%s", code, stdout, stderr)
	}
	raw, _ := sql.Open("sqlite", "file:"+db+"?_pragma=foreign_keys(0)")
	if _, err := raw.Exec(`INSERT INTO contacts (partner_id, name) VALUES (424242, 'Ghost')`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	code, stdout, stderr := relCLI("check", "--db", db)
	if code != 1 || !strings.Contains(stdout, "contacts.orphan") || !strings.Contains(stdout, "424242") || stderr == "" {
		t.Fatalf("planted orphan: code %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	if code, _, _ := relCLI("check", "--db", filepath.Join(t.TempDir(), "none.db")); code != 1 {
		t.Errorf("check of a missing database: code %d", code)
	}
	if _, err := os.Stat(filepath.Join(t.TempDir(), "none.db")); err == nil {
		t.Error("check created a database")
	}
	if code, _, _ := relCLI("check", "--db", db, "extra"); code != 2 {
		t.Errorf("extra argument: code %d, want 2", code)
	}
}

func TestCLIBackup(t *testing.T) {
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "copy.db")
	if code, _, stderr := relCLI("backup", "--db", db, "--out", out); code != 0 {
		t.Fatalf("backup: %d %s", code, stderr)
	}
	if err := data.CheckFile(out); err != nil {
		t.Fatalf("backup unreadable: %v", err)
	}
	if code, _, _ := relCLI("check", "--db", out); code != 0 {
		t.Errorf("check of the backup: %d", code)
	}
	if code, _, _ := relCLI("backup", "--db", db, "--out", out); code != 1 {
		t.Errorf("overwrite: code %d, want 1", code)
	}
	if code, _, _ := relCLI("backup", "--db", db); code != 2 {
		t.Errorf("no --out: code %d, want 2", code)
	}
}

func TestCLIRefusesBadAndBusyFiles(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.db")
	os.WriteFile(text, bytes.Repeat([]byte("hello "), 100), 0o600)
	if code, _, stderr := relCLI("check", "--db", text); code != 1 || strings.Count(stderr, "\n") != 1 {
		t.Errorf("text file: code %d, stderr %q", code, stderr)
	}
	db := demoDB(t)
	before, _ := os.ReadFile(db)
	s, err := data.Open(db) // the GUI has it open
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if code, _, stderr := relCLI("check", "--db", db); code != 0 {
		t.Errorf("check while the database is open elsewhere: code %d, stderr %q", code, stderr)
	}
	out := filepath.Join(dir, "while-open.db")
	if code, _, stderr := relCLI("backup", "--db", db, "--out", out); code != 0 {
		t.Errorf("backup while the database is open elsewhere: code %d, stderr %q", code, stderr)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("check or backup changed the database")
	}
	if _, err := data.Open(db); err == nil || !strings.Contains(errText(err), strconv.Itoa(os.Getpid())) {
		t.Errorf("a second instance: %v, want in use by %d", err, os.Getpid())
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	pid, _ := data.InUse(err)
	return strconv.Itoa(pid)
}
