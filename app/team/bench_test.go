package team_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"channeldesk/app/benchdata"
	"channeldesk/app/team"
	"channeldesk/data"
	"channeldesk/internal/pgtest"
)

// BenchmarkSync1000Changes: a sync that sends 1,000 records changed here
// (target 2 s).
func BenchmarkSync1000Changes(b *testing.B) {
	ctx := context.Background()
	var ids []int64
	anna, _ := newTeam(b, func(s *data.Store) {
		for i := range 1000 {
			ids = append(ids, partner(b, s, fmt.Sprintf("Partner %d", i)).ID)
		}
	})
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		err := anna.s.WithTx(ctx, func(tx *data.Tx) error {
			_, err := tx.ExecContext(ctx, `UPDATE partners SET city = ?`, fmt.Sprint("City ", i))
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := team.Sync(ctx, anna.s, team.Options{})
		if err != nil || res.Pushed != 1000 {
			b.Fatalf("sync: %+v %v", res, err)
		}
	}
}

// BenchmarkSyncNothingToDo: a sync with nothing to send or get, on the
// open connection the GUI keeps (target 100 ms).
func BenchmarkSyncNothingToDo(b *testing.B) {
	anna, _ := newTeam(b, func(s *data.Store) { partner(b, s, "One") })
	x := team.NewSession(anna.s)
	defer x.Close()
	for b.Loop() {
		if res, err := x.Sync(context.Background(), team.Options{}); err != nil || res.Pushed+res.Pulled != 0 {
			b.Fatalf("sync: %+v %v", res, err)
		}
	}
}

// BenchmarkSyncNothingToDoCold: the same over a new connection, as the
// command line makes it (PostgreSQL starts a server process for it).
func BenchmarkSyncNothingToDoCold(b *testing.B) {
	anna, _ := newTeam(b, func(s *data.Store) { partner(b, s, "One") })
	for b.Loop() {
		if res, err := team.Sync(context.Background(), anna.s, team.Options{}); err != nil || res.Pushed+res.Pulled != 0 {
			b.Fatalf("sync: %+v %v", res, err)
		}
	}
}

// BenchmarkJoinL: `team join` of dataset L into a new file (target 60 s).
func BenchmarkJoinL(b *testing.B) {
	pgtest.Need(b, srv)
	dir := b.TempDir()
	s, err := data.Open(benchdata.Copy(b, dir))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	db, owner, err := srv.NewDB()
	if err != nil {
		b.Fatal(err)
	}
	_, join := teamFrom(b, s, db, owner, dir)
	var cpu, pgCPU time.Duration
	for i := 0; b.Loop(); i++ {
		c0, pg0 := processCPU(), srv.CPU()
		l := join(fmt.Sprint("Member", i))
		cpu += processCPU() - c0
		pgCPU += srv.CPU() - pg0
		b.StopTimer()
		if n, err := l.s.TeamPendingCount(context.Background()); err != nil || n != 0 {
			b.Fatalf("joined file has %d changes waiting (%v)", n, err)
		}
		b.StartTimer()
	}
	// On a shared machine the wall time depends on the load; the processor
	// time of the join (this process) and of the server says what it costs.
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(pgCPU.Seconds()/float64(b.N), "server-cpu-s/op")
}
