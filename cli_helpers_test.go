package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"channeldesk/data"
)

// cliDB makes a database file in a temp folder, lets fill store what the
// test needs, and closes it, so the command under test opens it as a
// user's would; it returns the folder and the file (for --db).
func cliDB(t *testing.T, fill func(s *data.Store)) (dir, db string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "cd.db")
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	fill(s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, db
}

// runOn runs channeldesk commands on the database db: each call gives
// its arguments and the exit code it must end with, and returns what the
// command printed (stdout, then stderr). A failure (exit 1) must say so in
// one line.
func runOn(t *testing.T, db string) func(code int, args ...string) string {
	return func(code int, args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		if got := run(append(args, "--db", db), &out, &errb); got != code {
			t.Fatalf("%v: exit %d, want %d; %s", args, got, code, errb.String())
		}
		if code == 1 && strings.Count(strings.TrimSpace(errb.String()), "\n") != 0 {
			t.Errorf("failure message is not one line: %q", errb.String())
		}
		return out.String() + errb.String()
	}
}
