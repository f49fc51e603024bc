package importer_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"channeldesk/app/importer"
	"channeldesk/data"
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

func importCrashRuns() (n int, calibrate bool) {
	if v, err := strconv.Atoi(os.Getenv("CRASH_N")); err == nil && v > 0 {
		return v, true
	}
	if testing.Short() {
		return 1, false
	}
	return 2, false
}

func TestImportCrashLeavesAllOrNothing(t *testing.T) {
	if os.Getenv(importCrashEnv) != "" {
		t.Skip("inside the child")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "crash.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 2))
	runs, calibrate := importCrashRuns()
	window, took := 800*time.Millisecond, time.Duration(0)
	if calibrate {
		// Run 0 is not killed: it measures the import's transaction, so
		// that later kills fall anywhere in 130% of it after it began
		// (the writes, the commit, the checkpoint and the close).
		_, took = importCrashOnce(t, path, writeCrashCSV(t, dir, 0), 0, time.Hour)
		if got := verifyImportCrash(t, path, 0); got != importCrashRows {
			t.Fatalf("the unkilled run imported %d partners", got)
		}
		window = took * 13 / 10
	}
	killed, finished, whole := 0, 0, 0
	for i := 1; i <= runs; i++ {
		delay := time.Duration(r.Int64N(int64(window)))
		done, took := importCrashOnce(t, path, writeCrashCSV(t, dir, i), i, delay)
		if done {
			finished++
			window = max(window, took*13/10)
		} else {
			killed++
		}
		got := verifyImportCrash(t, path, i)
		if done && got != importCrashRows {
			t.Fatalf("run %d finished but %d partners are there", i, got)
		}
		if got == importCrashRows {
			whole++
		}
	}
	t.Logf("kills within %v (a whole transaction: %v, 0 = not measured); %d runs killed, %d finished first; %d imports are there whole", window, took, killed, finished, whole)
}

// importCrashOnce runs the child and kills it delay after its transaction
// began (the child says so on stdout); done means it had finished by itself
// first, took is how long its transaction then lasted.
func importCrashOnce(t *testing.T, path, csv string, run int, delay time.Duration) (done bool, took time.Duration) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestImportCrashChild$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), importCrashEnv+"="+path, importCrashEnv+"_CSV="+csv)
	// out collects stdout (by the reader goroutine) and then stderr (copied
	// by exec): it is read only once the child has exited.
	var out, errOut bytes.Buffer
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	began := make(chan struct{})
	exited := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if sc.Text() == inTransaction {
				close(began)
			}
			out.WriteString(sc.Text() + "\n")
		}
		err := cmd.Wait()
		out.Write(errOut.Bytes())
		exited <- err
	}()
	select {
	case <-began:
	case err := <-exited:
		t.Fatalf("run %d: child ended before its transaction: %v\n%s", run, err, out.Bytes())
	}
	start := time.Now()
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("run %d: child failed by itself: %v\n%s", run, err, out.Bytes())
		}
		return true, time.Since(start)
	case <-time.After(delay):
		cmd.Process.Kill() // SIGKILL on unix, TerminateProcess on Windows
		if err := <-exited; err == nil {
			return true, time.Since(start) // it won the race
		}
		return false, 0
	}
}

// verifyImportCrash opens the database as the program would, runs
// integrity_check and returns how many of run's partners are there, after
// checking that it is all or nothing, with their contacts and notes.
func verifyImportCrash(t *testing.T, path string, run int) int {
	t.Helper()
	s, err := data.Open(path)
	if err != nil {
		t.Fatalf("run %d: open after the kill: %v", run, err)
	}
	defer s.Close()
	var res string
	if err := s.DB().QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		t.Fatalf("run %d: integrity_check = %q, %v", run, res, err)
	}
	var fk int
	if err := s.DB().QueryRow(`SELECT count(*) FROM pragma_foreign_key_check`).Scan(&fk); err != nil || fk != 0 {
		t.Fatalf("run %d: foreign_key_check: %d violations, %v", run, fk, err)
	}
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
