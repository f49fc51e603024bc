package demo_test

import (
	"channeldesk/internal/testutil"
	"context"
	"strings"
	"testing"
	"time"

	"channeldesk/app/check"
	"channeldesk/app/demo"
	"channeldesk/app/mdf"
	"channeldesk/data"
)

func TestDemoMDFCoversEveryStateAndKeepsTheLedgerSound(t *testing.T) {
	s := testutil.OpenStore(t)
	ctx := context.Background()
	if err := demo.Demo(ctx, s, demo.DemoOptions{Partners: 150, Seed: 11, Today: testutil.DemoDay}); err != nil {
		t.Fatal(err)
	}
	count := func(q string, args ...any) int {
		var n int
		if err := s.DB().QueryRow(q, args...).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	var states []string
	for _, st := range data.MDFRequestStates {
		states = append(states, "mdf_requests:"+string(st))
	}
	for _, st := range data.MDFClaimStates {
		states = append(states, "mdf_claims:"+string(st))
	}
	for _, ts := range states {
		table, st, _ := strings.Cut(ts, ":")
		if count(`SELECT count(*) FROM `+table+` WHERE state = ?`, st) == 0 {
			t.Errorf("no demo row of %s in state %s", table, st)
		}
	}
	if count(`SELECT count(*) FROM mdf_payments p WHERE (SELECT count(*) FROM mdf_claims c WHERE c.payment_id = p.id) > 1`) == 0 {
		t.Error("no payment covers several claims")
	}
	if count(`SELECT count(*) FROM mdf_proofs`) == 0 {
		t.Error("no proof files")
	}
	fs, err := check.CheckMDF(ctx, s)
	if err != nil || len(fs) > 0 {
		t.Errorf("demo data breaks ledger invariants: %v %v", fs, err)
	}
	assertQueueKinds(t, s)
}

// assertQueueKinds checks that the demo fills every part of the work queue.
func assertQueueKinds(t *testing.T, s *data.Store) {
	ctx := context.Background()
	s.Now = func() time.Time { return testutil.DemoDay }
	q, err := mdf.WorkQueue(ctx, s, 14)
	kinds := map[string]int{}
	for _, it := range q {
		kinds[it.Kind]++
	}
	if err != nil || kinds["request"] == 0 || kinds["claim"] == 0 || kinds["deadline"] == 0 {
		t.Errorf("work queue kinds %v, %v", kinds, err)
	}
}
