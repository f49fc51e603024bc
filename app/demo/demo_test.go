package demo_test

import (
	"channeldesk/internal/testutil"
	"context"
	"testing"

	"channeldesk/app/check"
	"channeldesk/app/demo"
	"channeldesk/data"
)

func TestDemoIsDeterministicAndVaried(t *testing.T) {
	ctx := context.Background()
	a, b := testutil.OpenStore(t), testutil.OpenStore(t)
	opt := demo.DemoOptions{Partners: 100, Seed: 7, Today: testutil.DemoDay}
	if err := demo.Demo(ctx, a, opt); err != nil {
		t.Fatal(err)
	}
	demo.Demo(ctx, b, opt)
	ra, _ := a.PartnerRows(ctx)
	rb, _ := b.PartnerRows(ctx)
	if len(ra) != 100 || len(rb) != 100 {
		t.Fatalf("partners: %d and %d, want 100", len(ra), len(rb))
	}
	statuses, types, langs := map[data.Status]int{}, map[data.PartnerType]int{}, map[string]int{}
	for i := range ra {
		if ra[i] != rb[i] {
			t.Fatalf("same seed, different rows: %+v vs %+v", ra[i], rb[i])
		}
		statuses[ra[i].Status]++
		types[ra[i].Type]++
		p, _ := a.Partner(ctx, ra[i].ID)
		langs[p.DocLang]++
	}
	if len(statuses) != len(data.Statuses) || len(types) != len(data.PartnerTypes) || langs["ru"] == 0 || langs["en"] == 0 {
		t.Errorf("not every status/type/language present: %v %v %v", statuses, types, langs)
	}
	var events, contacts int
	a.DB().QueryRow(`SELECT count(*) FROM events`).Scan(&events)
	a.DB().QueryRow(`SELECT count(*) FROM contacts`).Scan(&contacts)
	if events < 100 || contacts < 100 {
		t.Errorf("events=%d contacts=%d: timelines and contacts missing", events, contacts)
	}
	c := testutil.OpenStore(t)
	demo.Demo(ctx, c, demo.DemoOptions{Partners: 100, Seed: 8, Today: testutil.DemoDay})
	rc, _ := c.PartnerRows(ctx)
	if rc[0] == ra[0] && rc[1] == ra[1] {
		t.Error("a different seed gave the same data")
	}
}

func TestDemoRefusesNonEmptyDatabase(t *testing.T) {
	s := testutil.OpenStore(t)
	ctx := context.Background()
	demo.Demo(ctx, s, demo.DemoOptions{Partners: 3, Seed: 1, Today: testutil.DemoDay})
	err := demo.Demo(ctx, s, demo.DemoOptions{Partners: 3, Seed: 1, Today: testutil.DemoDay})
	if data.ErrorCode(err) != data.ECONFLICT {
		t.Fatalf("err = %v, want conflict", err)
	}
	rows, _ := s.PartnerRows(ctx)
	if len(rows) != 3 {
		t.Errorf("%d partners after refused demo, want 3", len(rows))
	}
}

// The first-run dialog may set roubles before loading the demo: every
// area's demo amounts must scale with the currency and stay within budgets.
func TestDemoInRoubles(t *testing.T) {
	s := testutil.OpenStore(t)
	ctx := context.Background()
	st, _ := s.Settings(ctx)
	st.Currency = "RUB"
	if err := s.SaveSettings(ctx, st); err != nil {
		t.Fatal(err)
	}
	if err := demo.Demo(ctx, s, demo.DemoOptions{Partners: 120, Seed: 1, Today: testutil.DemoDay}); err != nil {
		t.Fatalf("demo in roubles: %v", err)
	}
	var budget int64
	s.DB().QueryRow(`SELECT max(budget) FROM mdf_funds`).Scan(&budget)
	if budget < 100_000_000 { // at least a million roubles in kopecks
		t.Errorf("largest MDF fund %d kopecks: amounts not scaled to roubles", budget)
	}
	findings, err := check.RunChecks(ctx, s)
	if err != nil || len(findings) > 0 {
		t.Errorf("check after a rouble demo: %v %v", findings, err)
	}
}
