package team_test

import (
	"context"
	"testing"
	"time"

	"channeldesk/app/team"
	"channeldesk/data"
	"channeldesk/data/teamserver"

	"github.com/jackc/pgx/v5"
)

// A session on the server that holds what a sync needs (here: every
// member's row, as a stuck administrator's transaction would) makes the
// sync give up after the lock timeout with a message that says so, instead
// of hanging; nothing is half-sent, and the next sync goes through.
func TestSyncGivesUpOnAStuckLock(t *testing.T) {
	ctx := context.Background()
	old := teamserver.LockTimeout
	teamserver.LockTimeout = 700 * time.Millisecond
	t.Cleanup(func() { teamserver.LockTimeout = old })

	anna, join := newTeam(t, func(s *data.Store) { partner(t, s, "One") })
	boris := join("Boris")

	c, err := pgx.Connect(ctx, anna.url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	tx, err := c.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, `SELECT * FROM channeldesk.members FOR UPDATE`); err != nil {
		t.Fatal(err)
	}

	partner(t, anna.s, "Waiting")
	done := make(chan error, 1)
	go func() {
		_, err := team.Sync(ctx, anna.s, team.Options{})
		done <- err
	}()
	select {
	case err = <-done:
	case <-time.After(5 * time.Minute):
		t.Fatal("the sync still waits on the lock after 5 minutes")
	}
	if e, ok := data.AsError(err); !ok || e.Key != "team.err_locked" {
		t.Fatalf("sync against a held lock: %v, want team.err_locked", err)
	}
	if err := tx.Rollback(ctx); err != nil {
		t.Fatal(err)
	}

	if r := anna.sync(t); r.Pushed == 0 {
		t.Fatalf("the change that waited was not sent once the lock went: %+v", r)
	}
	boris.sync(t)
	sameData(t, anna, boris)
	ps, err := boris.s.PartnerRows(ctx)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range ps {
		found = found || p.Name == "Waiting"
	}
	if !found {
		t.Fatal("Boris does not have the partner made while the server was locked")
	}
}
