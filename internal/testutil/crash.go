package testutil

import (
	"bufio"
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"channeldesk/data"
)

// CrashTest is the crash harness that data's and the importer's tests
// share: a child process (the test binary, re-executed to run only the
// Child test) writes one big transaction and is killed (SIGKILL on unix,
// TerminateProcess on Windows) at a random moment; after each run Verify
// checks that the database holds that transaction entirely or not at all.
// `make crash` sets CRASH_N for many kills; then run 0 is not killed but
// measures a whole run, so that later kills fall anywhere in 130% of it,
// some after the commit (in the checkpoint or the close) too.
type CrashTest struct {
	// Child is the name of the test that is the child's side; it must do
	// nothing in a normal run (see CrashChild).
	Child string
	// Env is the child's extra environment for run.
	Env func(t *testing.T, run int) []string
	// Began, when set, is the line the child prints on stdout once its
	// transaction has begun; kills then count from that moment.
	Began string
	// Window is the span kills fall in when no run is measured; Normal is
	// how many kills a normal test run does (one under -short).
	Window time.Duration
	Normal int
	// Verify checks the database after run (0 is the measuring run, never
	// killed); killed says whether the child was killed before it ended.
	Verify func(t *testing.T, run int, killed bool)
	// Seed varies the kill moments between the tests sharing the harness.
	Seed uint64
}

// CrashChild reports whether this process is a crash test's child, the
// variable env being set.
func CrashChild(env string) bool { return os.Getenv(env) != "" }

// crashRuns is how many kills to do and whether to measure a run first.
func (c CrashTest) crashRuns() (n int, calibrate bool) {
	if v, err := strconv.Atoi(os.Getenv("CRASH_N")); err == nil && v > 0 {
		return v, true
	}
	if testing.Short() {
		return 1, false
	}
	return c.Normal, false
}

// Run does the runs and logs how many were killed and how many finished.
func (c CrashTest) Run(t *testing.T) {
	t.Helper()
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), c.Seed))
	runs, calibrate := c.crashRuns()
	window, took := c.Window, time.Duration(0)
	if calibrate {
		_, took = c.once(t, 0, time.Hour)
		c.Verify(t, 0, false)
		window = took * 13 / 10
	}
	killed, finished := 0, 0
	for i := 1; i <= runs; i++ {
		delay := time.Duration(r.Int64N(int64(window)))
		done, took := c.once(t, i, delay)
		if done {
			finished++
			window = max(window, took*13/10)
		} else {
			killed++
		}
		c.Verify(t, i, !done)
	}
	t.Logf("kills within %v (a whole run: %v, 0 = not measured); %d runs killed, %d finished first", window, took, killed, finished)
}

// once runs the child and kills it delay after it started (or after it
// said Began); done means it had finished by itself first, took how long
// it then lasted.
func (c CrashTest) once(t *testing.T, run int, delay time.Duration) (done bool, took time.Duration) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+c.Child+"$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), c.Env(t, run)...)
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
	if c.Began == "" {
		close(began)
	}
	exited := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if c.Began != "" && sc.Text() == c.Began {
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
		t.Fatalf("run %d: child ended before its transaction began: %v\n%s", run, err, out.Bytes())
	}
	start := time.Now()
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("run %d: child failed by itself: %v\n%s", run, err, out.Bytes())
		}
		return true, time.Since(start)
	case <-time.After(delay):
		cmd.Process.Kill()
		if err := <-exited; err == nil {
			return true, time.Since(start) // it won the race
		}
		return false, 0
	}
}

// OpenAfterCrash opens the database as the program would (so the killed
// child's lock must be free) and fails the test unless SQLite's
// integrity_check and foreign_key_check both pass. The caller closes it.
func OpenAfterCrash(t *testing.T, path string, run int) *data.Store {
	t.Helper()
	s, err := data.Open(path)
	if err != nil {
		t.Fatalf("run %d: open after the kill: %v", run, err)
	}
	ctx := context.Background()
	if probs, err := s.IntegrityProblems(ctx); err != nil || len(probs) > 0 {
		s.Close()
		t.Fatalf("run %d: integrity_check: %q, %v", run, probs, err)
	}
	if bad, err := s.Violations(ctx, data.ForeignKeyInvariant); err != nil || len(bad) > 0 {
		s.Close()
		t.Fatalf("run %d: foreign_key_check: %d violations %q, %v", run, len(bad), bad, err)
	}
	return s
}
