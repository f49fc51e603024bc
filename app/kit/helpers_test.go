package kit_test

import (
	"channeldesk/internal/testutil"
	"context"
	"testing"
	"time"

	"channeldesk/app/demo"
	"channeldesk/data"
)

var today = time.Date(2026, 8, 15, 10, 0, 0, 0, time.UTC)

// openStore opens a fresh database whose clock stands at today.
func openStore(tb testing.TB) *data.Store {
	tb.Helper()
	s := testutil.OpenStore(tb)
	s.Now = func() time.Time { return today }
	return s
}

// demoStore is openStore filled with demo data of n partners.
func demoStore(tb testing.TB, n int) *data.Store {
	tb.Helper()
	s := openStore(tb)
	if err := demo.Demo(context.Background(), s, demo.DemoOptions{Partners: n, Seed: 5, Today: today}); err != nil {
		tb.Fatal(err)
	}
	return s
}

func exec1(tb testing.TB, s *data.Store, q string, args ...any) {
	tb.Helper()
	if _, err := s.DB().Exec(q, args...); err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
}
