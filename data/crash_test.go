package data_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"channeldesk/data"
	"channeldesk/internal/testutil"
)

// The crash test (harness: testutil.CrashTest): a child process writes
// 50,000 partners in one transaction and is killed at a random moment; the
// database must hold the transaction entirely or not at all. `make crash`
// runs 30 kills; the normal test run does 5 (CRASH_N overrides).

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
	err = s.WithTx(ctx, func(tx *data.Tx) error {
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

func TestCrashLeavesAllOrNothing(t *testing.T) {
	if testutil.CrashChild(crashEnv) {
		t.Skip("inside the child")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	want := 0 // partners that must be there: those of every finished run
	testutil.CrashTest{
		Child: "TestCrashChild",
		Env: func(_ *testing.T, run int) []string {
			return []string{crashEnv + "=" + path, crashEnv + "_RUN=" + strconv.Itoa(run)}
		},
		Window: 3 * time.Second,
		Normal: 5,
		Seed:   1,
		Verify: func(t *testing.T, run int, killed bool) {
			got := verifyAfterCrash(t, path, run)
			switch {
			case !killed && got != want+crashRows:
				t.Fatalf("run %d finished: %d partners, want %d", run, got, want+crashRows)
			case !killed:
				want = got
			case got == want:
			case killed && got == want+crashRows: // killed after the commit
				want = got
			default:
				t.Fatalf("run %d: %d partners, want %d — a partial transaction survived", run, got, want)
			}
		},
	}.Run(t)
}

// verifyAfterCrash checks the database is sound and counts the partners
// of each run: all or nothing.
func verifyAfterCrash(t *testing.T, path string, run int) int {
	t.Helper()
	s := testutil.OpenAfterCrash(t, path, run)
	defer s.Close()
	var total, mine int
	s.DB().QueryRow(`SELECT count(*), coalesce(sum(name LIKE ?), 0) FROM partners`, fmt.Sprintf("Crash %d #%%", run)).Scan(&total, &mine)
	if mine != 0 && mine != crashRows {
		t.Fatalf("run %d: %d of its %d partners are there", run, mine, crashRows)
	}
	return total
}
