package main

import (
	"path/filepath"
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
