// Package testutil holds what tests of several packages share: a store
// on a real SQLite file in the test's temporary directory, fixed days,
// and the crash harness.
package testutil

import (
	"path/filepath"
	"testing"
	"time"

	"channeldesk/data"
)

// OpenStore opens a fresh store in tb's temporary directory and closes it
// when the test ends.
func OpenStore(tb testing.TB) *data.Store {
	tb.Helper()
	s, err := data.Open(filepath.Join(tb.TempDir(), "t.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// DemoDay is the "today" the demo data tests build for.
var DemoDay = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// Day is an ISO day (YYYY-MM-DD) at midnight UTC; it panics on anything
// else, as a typo in a test should.
func Day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}
