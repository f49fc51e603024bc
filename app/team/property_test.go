package team_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	"channeldesk/app/mdf"
	"channeldesk/app/team"
	"channeldesk/data"
	"channeldesk/data/teamserver"
)

// TestPropertyRandomTeams: N laptops (3 or 4) do seeded random edits,
// creates, deletes, MDF requests and approvals and deal registrations,
// and sync in random order, some syncs cut off at random points. Then
// every laptop holds the same data, check is clean everywhere, every value
// a laptop held when a sync went through is in the data, a conflict or the
// server's log, and a final clash of every laptop on one field gives N−1
// conflicts that hold all N values. TEAM_PROP_SEEDS sets how many seeds.
func TestPropertyRandomTeams(t *testing.T) {
	seeds := 3
	if n, err := strconv.Atoi(os.Getenv("TEAM_PROP_SEEDS")); err == nil && n > 0 {
		seeds = n
	}
	for seed := range seeds {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) { propertyRun(t, uint64(seed)) })
	}
}

func propertyRun(t *testing.T, seed uint64) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(seed, 19))
	var fund int64
	anna, join := newTeam(t, func(s *data.Store) {
		fixedClock(s)
		f := &data.MDFFund{Name: "Q1 fund", PeriodKind: "quarter", FiscalYear: 2026, Quarter: 1, Budget: 1_000_000_00, Model: data.ModelDiscretionary,
			Activities: data.MDFActivities, ShareBP: 5000, ClaimDays: 30}
		if err := mdf.CreateFund(ctx, s, f); err != nil {
			t.Fatal(err)
		}
		fund = f.ID
		for i := range 6 {
			p := partner(t, s, fmt.Sprintf("Partner %d", i))
			if err := mdf.Allocate(ctx, s, fund, p.ID, 1000_00, "Q1"); err != nil {
				t.Fatal(err)
			}
		}
	})
	ls := []*laptop{anna}
	for i := range 2 + r.IntN(2) {
		l := join([]string{"Boris", "Clara", "Dmitri"}[i])
		fixedClock(l.s)
		ls = append(ls, l)
	}
	defer team.SetTestHook(nil)
	since := map[*laptop][]string{}
	var typed []string
	partners := func(l *laptop) []int64 {
		rows, err := l.s.PartnerRows(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, p := range rows {
			ids = append(ids, p.ID)
		}
		return ids
	}
	customers := []string{"Globex", "Initech", "Umbrella", "Hooli"}
	for step := range 60 {
		l := ls[r.IntN(len(ls))]
		ids := partners(l)
		v := fmt.Sprintf("s%d-%d-%s", seed, step, l.name)
		switch op := r.IntN(10); {
		case op < 3 && len(ids) > 0: // edit
			p, err := l.s.Partner(ctx, ids[r.IntN(len(ids))])
			if err != nil {
				t.Fatal(err)
			}
			if r.IntN(2) == 0 {
				p.City = v
			} else {
				p.Website = v + ".example"
			}
			if err := l.s.UpdatePartner(ctx, p); err != nil {
				t.Fatal(err)
			}
			since[l] = append(since[l], v)
		case op < 4: // create
			partner(t, l.s, "New "+v)
			since[l] = append(since[l], "New "+v)
		case op < 5 && len(ids) > 6: // delete one of the new ones
			if err := l.s.DeletePartner(ctx, ids[len(ids)-1-r.IntN(len(ids)-6)]); err != nil && data.ErrorCode(err) != data.ECONFLICT {
				t.Fatal(err)
			}
		case op < 7 && len(ids) > 0: // MDF request, submitted
			req := &data.MDFRequest{FundID: fund, PartnerID: ids[r.IntN(min(6, len(ids)))], Activity: data.ActivityWebinar,
				Description: "Webinar " + v, StartsOn: "2026-02-01", EndsOn: "2026-02-02", Requested: int64(100_00 + r.IntN(500_00)),
				ExpectedLeads: 5, ExpectedPipeline: 1000}
			if err := mdf.CreateRequest(ctx, l.s, req); err != nil {
				t.Fatal(err)
			}
			if err := mdf.SubmitRequest(ctx, l.s, req.ID); err != nil && data.ErrorCode(err) == data.EINTERNAL {
				t.Fatal(err)
			}
		case op < 8: // approve a submitted request
			reqs, err := data.MDFRequests(ctx, l.s.DB(), "state = 'submitted'")
			if err != nil {
				t.Fatal(err)
			}
			if len(reqs) > 0 {
				q := reqs[r.IntN(len(reqs))]
				if err := mdf.ApproveRequest(ctx, l.s, q.ID, q.Requested); err != nil && data.ErrorCode(err) == data.EINTERNAL {
					t.Fatal(err)
				}
			}
		case len(ids) > 0: // deal registration, sometimes approved
			d := &data.Deal{PartnerID: ids[r.IntN(len(ids))], Customer: customers[r.IntN(len(customers))], Amount: 1000_00,
				RegisteredOn: "2026-01-09", State: data.DealSubmitted}
			if err := l.s.SaveDeal(ctx, d); err != nil {
				t.Fatal(err)
			}
			if r.IntN(2) == 0 {
				if err := l.s.MoveDeal(ctx, d.ID, data.DealMove{To: data.DealApproved, On: "2026-01-09"}); err != nil {
					t.Fatal(err)
				}
			}
		}
		if r.IntN(3) != 0 {
			continue
		}
		// A sync, in random order, sometimes cut off.
		s := ls[r.IntN(len(ls))]
		stage := []string{"pulled", "push", "pushed"}[r.IntN(3)]
		cut := r.IntN(4) == 0
		team.SetTestHook(func(st string, srv *teamserver.Server) error {
			if cut && st == stage {
				return errCut
			}
			return nil
		})
		_, err := team.Sync(ctx, s.s, team.Options{})
		team.SetTestHook(nil)
		if err != nil && !cut {
			t.Fatalf("step %d: %s: sync: %v", step, s.name, err)
		}
		if err == nil {
			mine := dump(t, s.s)
			for _, x := range since[s] {
				if strings.Contains(mine, `"`+x) {
					typed = append(typed, x)
				}
			}
			since[s] = nil
		}
	}
	converge := func() {
		for range 2 {
			for _, i := range r.Perm(len(ls)) {
				ls[i].sync(t)
			}
		}
		sameData(t, ls...)
		checkClean(t, ls...)
	}
	converge()
	all := everything(t, anna) + serverLog(t, anna)
	for _, x := range typed {
		if !strings.Contains(all, `"`+x) {
			t.Errorf("value %q is lost", x)
		}
	}
	// Every laptop changes one field offline; after syncing, N−1 conflicts hold every value.
	target := partners(anna)[0]
	before, _ := anna.s.TeamConflicts(ctx, true)
	for _, l := range ls {
		p, err := l.s.Partner(ctx, target)
		if err != nil {
			t.Fatal(err)
		}
		p.Region = "Region of " + l.name
		if err := l.s.UpdatePartner(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	converge()
	after, _ := anna.s.TeamConflicts(ctx, true)
	seen := map[string]bool{}
	n := 0
	for _, c := range after[len(before):] {
		if c.Table == "partners" && c.Field == "region" && c.Key == fmt.Sprintf("[%d]", target) {
			n++
			seen[fmt.Sprint(c.Kept)], seen[fmt.Sprint(c.Other)] = true, true
		}
	}
	if n != len(ls)-1 || len(seen) != len(ls) {
		t.Fatalf("clash of %d laptops on one field: %d conflicts holding %d values, want %d and %d", len(ls), n, len(seen), len(ls)-1, len(ls))
	}
}
