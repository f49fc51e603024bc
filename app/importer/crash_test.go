package importer_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"channeldesk/app/importer"
	"channeldesk/data"
	"channeldesk/internal/testutil"
)

// The import crash test: a child process (this test binary, re-executed)
// imports a 50,000-row partner CSV through the real importer (read, plan,
// apply in one transaction) and is killed (SIGKILL on unix) at a random
// moment; the parent checks that the database is sound and holds that
// import entirely or not at all. `make crash` runs 30 kills (CRASH_N); the
// normal test run does 2, inside the transaction's first 0.8 s.

const (
	importCrashEnv  = "CHANNELDESK_IMPORT_CRASH_DB"
	importCrashRows = 50_000
	// inTransaction is the child's line on stdout once Apply's transaction
	// has begun.
	inTransaction = "IMPORT-TRANSACTION-BEGAN"
)

// TestImportCrashChild is the child's side; it does nothing in a normal run.
func TestImportCrashChild(t *testing.T) {
	path := os.Getenv(importCrashEnv)
	if path == "" {
		t.Skip("the import crash test's child process")
	}
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	tab, err := importer.ReadFile(os.Getenv(importCrashEnv + "_CSV"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := importer.Plan(ctx, s, tab, importer.DetectMapping(tab.Header), importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Created != importCrashRows {
		t.Fatalf("plan: %d to create, want %d (rejected %d)", p.Created, importCrashRows, p.Rejected)
	}
	progress := func(done, total int) {
		if done == 0 {
			fmt.Println(inTransaction)
		}
	}
	if _, err := importer.Apply(ctx, s, p, "crash test", progress); err != nil {
		t.Fatal(err)
	}
}

// writeCrashCSV writes run's file: every partner named after the run, with
// a contact and a note, so all three tables can be counted.
func writeCrashCSV(t *testing.T, dir string, run int) string {
	t.Helper()
	path := filepath.Join(dir, fmt.Sprintf("run%d.csv", run))
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "Company,Contact,Email,City,Type,Notes")
	for i := range importCrashRows {
		fmt.Fprintf(w, "Run%d Partner %d,Contact %d,c%d@p%dr%d.com,Kazan,reseller,note run%d\n", run, i, i, i, i, run, run)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportCrashLeavesAllOrNothing(t *testing.T) {
	if testutil.CrashChild(importCrashEnv) {
		t.Skip("inside the child")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "crash.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	whole := 0
	testutil.CrashTest{
		Child: "TestImportCrashChild",
		Env: func(t *testing.T, run int) []string {
			return []string{importCrashEnv + "=" + path, importCrashEnv + "_CSV=" + writeCrashCSV(t, dir, run)}
		},
		Began:  inTransaction,
		Window: 800 * time.Millisecond,
		Normal: 2,
		Seed:   2,
		Verify: func(t *testing.T, run int, killed bool) {
			got := verifyImportCrash(t, path, run)
			if !killed && got != importCrashRows {
				t.Fatalf("run %d finished but %d partners are there", run, got)
			}
			if got == importCrashRows {
				whole++
			}
		},
	}.Run(t)
	t.Logf("%d imports are there whole", whole)
}

// verifyImportCrash checks the database is sound and returns how many of run's partners are there, after
// checking that it is all or nothing, with their contacts and notes.
func verifyImportCrash(t *testing.T, path string, run int) int {
	t.Helper()
	s := testutil.OpenAfterCrash(t, path, run)
	defer s.Close()
	var partners, contacts, notes int
	prefix := fmt.Sprintf("Run%d Partner %%", run)
	q := `SELECT count(*),
		(SELECT count(*) FROM contacts c JOIN partners p ON p.id = c.partner_id WHERE p.name LIKE ?1),
		(SELECT count(*) FROM events e JOIN partners p ON p.id = e.partner_id WHERE p.name LIKE ?1 AND e.body LIKE '%note run%')
		FROM partners WHERE name LIKE ?1`
	if err := s.DB().QueryRow(q, prefix).Scan(&partners, &contacts, &notes); err != nil {
		t.Fatal(err)
	}
	if partners != 0 && partners != importCrashRows || contacts != partners || notes != partners {
		t.Fatalf("run %d: %d partners, %d contacts, %d notes of its %d rows: a partial import survived", run, partners, contacts, notes, importCrashRows)
	}
	return partners
}
