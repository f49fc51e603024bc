package app_test

import (
	"context"
	"testing"
	"time"

	"channeldesk/app"
	"channeldesk/data"
)

func TestDemoMDFCoversEveryStateAndKeepsTheLedgerSound(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	if err := app.Demo(ctx, s, app.DemoOptions{Partners: 150, Seed: 11, Today: demoDay}); err != nil {
		t.Fatal(err)
	}
	count := func(q string, args ...any) int {
		var n int
		if err := s.DB().QueryRow(q, args...).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, st := range data.MDFRequestStates {
		if count(`SELECT count(*) FROM mdf_requests WHERE state = ?`, st) == 0 {
			t.Errorf("no demo request in state %s", st)
		}
	}
	for _, st := range data.MDFClaimStates {
		if count(`SELECT count(*) FROM mdf_claims WHERE state = ?`, st) == 0 {
			t.Errorf("no demo claim in state %s", st)
		}
	}
	if count(`SELECT count(*) FROM mdf_payments p WHERE (SELECT count(*) FROM mdf_claims c WHERE c.payment_id = p.id) > 1`) == 0 {
		t.Error("no payment covers several claims")
	}
	if count(`SELECT count(*) FROM mdf_proofs`) == 0 {
		t.Error("no proof files")
	}
	fs, err := app.CheckMDF(ctx, s)
	if err != nil || len(fs) > 0 {
		t.Errorf("demo data breaks ledger invariants: %v %v", fs, err)
	}
	s.Now = func() time.Time { return demoDay }
	q, err := app.MDFWorkQueue(ctx, s, 14)
	kinds := map[string]int{}
	for _, it := range q {
		kinds[it.Kind]++
	}
	if err != nil || kinds["request"] == 0 || kinds["claim"] == 0 || kinds["deadline"] == 0 {
		t.Errorf("work queue kinds %v, %v", kinds, err)
	}
}
