package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func countPartners(t *testing.T, db string) int {
	t.Helper()
	return len(storedPartners(t, db))
}

func TestImportPartnersCommand(t *testing.T) {
	t.Setenv("LANGUAGE", "en")
	dir := t.TempDir()
	db := filepath.Join(dir, "cd.db")
	fixture := func(name string) string { return filepath.Join("app", "importer", "testdata", name) }
	cases := []struct {
		name     string
		args     []string
		code     int
		partners int    // stored afterwards
		out      string // part of stdout or stderr
	}{
		{"dry run of a clean file", []string{"import", "partners", fixture("ru-excel-1251.csv"), "--dry-run", "--db", db}, 0, -1, "Dry run"},
		{"dry run leaves no database behind", nil, 0, -1, ""},
		{"rejected rows: listed, nothing written", []string{"import", "partners", "--db", db, fixture("bad.csv")}, 1, 0, "row 4, column «contact_email»"},
		{"clean import", []string{"import", "partners", fixture("ru-excel-1251.csv"), "--db", db}, 0, 3, "New: 3"},
		{"re-import merges", []string{"import", "partners", fixture("ru-excel-1251.csv"), "--db", db}, 0, 3, "New: 0, merged: 3"},
		{"skip invalid rows", []string{"import", "partners", fixture("bad.csv"), "--skip-invalid", "--db", db}, 0, 7, "skipped: 4"},
		{"map an unknown column", []string{"import", "partners", fixture("tab.tsv"), "--map", "city=region", "--dry-run", "--db", db}, 0, 7, "\"city\" → region"},
		{"map to an unknown field", []string{"import", "partners", fixture("tab.tsv"), "--map", "city=planet", "--db", db}, 2, 7, "unknown field"},
		{"no file", []string{"import", "partners", "--db", db}, 2, 7, "exactly one FILE"},
		{"unknown kind", []string{"import", "widgets", fixture("tab.tsv")}, 2, 7, "import partners FILE"},
		{"missing file", []string{"import", "partners", filepath.Join(dir, "nope.csv"), "--db", db}, 1, 7, "cannot open"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.args == nil {
				if _, err := os.Stat(db); !os.IsNotExist(err) {
					t.Errorf("the dry run created %s", db)
				}
				return
			}
			var stdout, stderr bytes.Buffer
			code := run(c.args, &stdout, &stderr)
			all := stdout.String() + stderr.String()
			if code != c.code || !strings.Contains(all, c.out) {
				t.Fatalf("exit %d, want %d; output:\n%s", code, c.code, all)
			}
			if c.partners >= 0 {
				if n := countPartners(t, db); n != c.partners {
					t.Errorf("%d partners stored, want %d", n, c.partners)
				}
			}
			if code == 1 && strings.Count(strings.TrimSpace(stderr.String()), "\n") != 0 {
				t.Errorf("failure should be one line on stderr: %q", stderr.String())
			}
		})
	}
}
