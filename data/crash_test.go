package data_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"channeldesk/data"
)

// The crash harness: a child process (this test binary, re-executed)
// writes one big transaction and is killed (SIGKILL on unix) at a random
// moment; the parent then checks that the database is sound and holds the
// transaction entirely or not at all. `make crash` runs 30 kills; the
// normal test run does a few (CRASH_N overrides).

const (
	crashEnv  = "CHANNELDESK_CRASH_DB"
	crashRows = 50_000
)

// TestCrashChild is the child's side; it does nothing in a normal run.
// For now it creates partners through the store in one transaction; the
// partner import will take its place.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("the crash test's child process")
	}
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	run := os.Getenv(crashEnv + "_RUN")
	err = s.WithTx(ctx, func(tx *sql.Tx) error {
		for i := range crashRows {
			p := &data.Partner{Name: fmt.Sprintf("Crash %s #%d", run, i), Type: data.TypeReseller, Status: data.StatusProspect, City: "Somewhere"}
			if err := s.CreatePartnerTx(ctx, tx, p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// crashRuns is how many kills to do, and whether to measure a whole run
// first: `make crash` (CRASH_N) does, so that some kills land after the
// commit; the normal run (often under the race detector, where a run is
// slow) kills inside the first seconds, which is inside the transaction.
func crashRuns(t *testing.T) (n int, calibrate bool) {
	if v, err := strconv.Atoi(os.Getenv("CRASH_N")); err == nil && v > 0 {
		return v, true
	}
	if testing.Short() {
		return 1, false
	}
	return 5, false
}

func TestCrashLeavesAllOrNothing(t *testing.T) {
	if os.Getenv(crashEnv) != "" {
		t.Skip("inside the child")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	runs, calibrate := crashRuns(t)
	window, took, want := 3*time.Second, time.Duration(0), 0
	if calibrate {
		// Run 0 is not killed: it measures how long a whole child run
		// takes. Later kills fall anywhere in 130% of that, so some land
		// after the commit (in the checkpoint or the close) too.
		_, took = crashOnce(t, path, 0, time.Hour)
		verifyAfterCrash(t, path, 0)
		window, want = took*13/10, crashRows
	}
	killed, finished := 0, 0
	for i := 1; i <= runs; i++ {
		delay := time.Duration(r.Int64N(int64(window)))
		done, took := crashOnce(t, path, i, delay)
		if done {
			finished++
			want += crashRows
			window = max(window, took*13/10)
		} else {
			killed++
		}
		got := verifyAfterCrash(t, path, i)
		switch {
		case got == want:
		case !done && got == want+crashRows: // killed after the commit
			want = got
		default:
			t.Fatalf("run %d (kill after %v): %d partners, want %d — a partial transaction survived", i, delay, got, want)
		}
	}
	t.Logf("kills within %v (a whole run: %v, 0 = not measured); %d runs killed, %d finished first; %d partners in the end", window, took, killed, finished, want)
}

// crashOnce runs the child and kills it after delay; done means it had
// finished by itself first.
func crashOnce(t *testing.T, path string, run int, delay time.Duration) (done bool, took time.Duration) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+path, crashEnv+"_RUN="+strconv.Itoa(run))
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("child failed by itself: %v", err)
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

// verifyAfterCrash opens the database as the program would (so the lock
// of the killed child must be free), runs integrity_check and counts the
// partners of each run: all or nothing.
func verifyAfterCrash(t *testing.T, path string, run int) int {
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
	var total, mine int
	s.DB().QueryRow(`SELECT count(*), coalesce(sum(name LIKE ?), 0) FROM partners`, fmt.Sprintf("Crash %d #%%", run)).Scan(&total, &mine)
	if mine != 0 && mine != crashRows {
		t.Fatalf("run %d: %d of its %d partners are there", run, mine, crashRows)
	}
	return total
}
