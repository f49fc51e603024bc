package team_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"channeldesk/app/team"
	"channeldesk/data"
	"channeldesk/data/teamserver"

	"github.com/jackc/pgx/v5"
)

var errCut = errors.New("cut off")

// everything is a laptop's records and conflicts as one text, to look
// for a typed value in.
func everything(t testing.TB, l *laptop) string {
	cs, err := l.s.TeamConflicts(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(cs)
	return dump(t, l.s) + "\n" + string(b)
}

// A sync cut off anywhere (an error at each stage, the connection dropped,
// the context cancelled at a random moment, the server restarted) leaves
// no partial state; the next syncs converge and nothing typed is lost.
func TestSyncCutOffAnywhereConverges(t *testing.T) {
	ctx := context.Background()
	var ids []int64
	anna, join := newTeam(t, func(s *data.Store) {
		for i := range 5 {
			ids = append(ids, partner(t, s, fmt.Sprintf("Partner %d", i)).ID)
		}
	})
	ls := []*laptop{anna, join("Boris"), join("Clara")}
	defer team.SetTestHook(nil)
	r := rand.New(rand.NewPCG(19, 1))
	var typed []string
	since := map[*laptop][]string{} // values typed on a laptop since its last good sync
	stages := []string{"pulled", "push", "pushed"}
	restarted := false
	for i := range 40 {
		l := ls[r.IntN(len(ls))]
		for j := range 1 + r.IntN(3) {
			v := fmt.Sprintf("v%d-%d-%s", i, j, l.name)
			if r.IntN(4) == 0 {
				p := partner(t, l.s, "New "+v)
				ids = append(ids, p.ID)
				since[l] = append(since[l], "New "+v)
				continue
			}
			p, err := l.s.Partner(ctx, ids[r.IntN(len(ids))])
			if err != nil {
				continue // deleted
			}
			p.City = v
			if err := l.s.UpdatePartner(ctx, p); err != nil {
				t.Fatal(err)
			}
			since[l] = append(since[l], v)
		}
		mode := r.IntN(5)
		stage := stages[r.IntN(len(stages))]
		sctx, cancel := context.WithCancel(ctx)
		switch mode {
		case 0: // the process dies at a stage
			team.SetTestHook(func(s string, _ *teamserver.Server) error {
				if s == stage {
					return errCut
				}
				return nil
			})
		case 1: // the connection drops at a stage
			team.SetTestHook(func(s string, srv *teamserver.Server) error {
				if s == stage {
					srv.Conn().Close(ctx)
				}
				return nil
			})
		case 2: // cancelled at a random moment
			team.SetTestHook(nil)
			time.AfterFunc(time.Duration(r.IntN(40))*time.Millisecond, cancel)
		case 3: // the server restarts mid-sync, once
			team.SetTestHook(func(s string, _ *teamserver.Server) error {
				if s == stage && !restarted {
					restarted = true
					if err := srv.Restart(); err != nil {
						t.Fatal(err)
					}
				}
				return nil
			})
		default:
			team.SetTestHook(nil)
		}
		res, err := team.Sync(sctx, l.s, team.Options{})
		t.Logf("round %d: %s mode %d stage %s: %+v %v", i, l.name, mode, stage, res, err)
		cancel()
		team.SetTestHook(nil)
		if err != nil && mode == 4 {
			t.Fatalf("round %d: uninterrupted sync failed: %v", i, err)
		}
		checkClean(t, l)
		if err == nil {
			// What this laptop had when the sync went through must survive;
			// what its person typed over before that was their own choice.
			mine := dump(t, l.s)
			for _, v := range since[l] {
				if strings.Contains(mine, `"`+v+`"`) {
					typed = append(typed, v)
				}
			}
			since[l] = nil
		}
	}
	for range 2 {
		for _, l := range ls {
			l.sync(t)
		}
	}
	sameData(t, ls...)
	checkClean(t, ls...)
	all := everything(t, anna) + serverLog(t, anna)
	for _, v := range typed {
		if !strings.Contains(all, `"`+v+`"`) {
			t.Errorf("typed value %q is lost", v)
		}
	}
	if !restarted {
		t.Log("the server restart case did not come up with this seed")
	}
}

// serverLog is every value the team's server ever received (the archive
// newTeam keeps beside the log, which trimming shortens).
func serverLog(t testing.TB, l *laptop) string {
	ctx := context.Background()
	c, err := pgx.Connect(ctx, l.url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	var s string
	if err := c.QueryRow(ctx, `SELECT coalesce(string_agg(data::text, E'\n'), '') FROM public.changes_archive`).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}
