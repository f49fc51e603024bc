package main

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"channeldesk/data"
	"channeldesk/data/teamserver"
	"channeldesk/internal/pgtest"
)

// The team commands end to end on a real PostgreSQL: init, join, both
// laptops change the same field, sync, the clash is listed and resolved.
func TestTeamCommands(t *testing.T) {
	srv, err := pgtest.Start()
	if err != nil {
		pgtest.Need(t, nil)
	}
	t.Cleanup(srv.Stop)
	db, owner, err := srv.NewDB()
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Exec("postgres", "CREATE ROLE cli_boris LOGIN"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	a, b := filepath.Join(dir, "anna.db"), filepath.Join(dir, "boris.db")
	must := func(code int, want string, args ...string) string {
		t.Helper()
		c, out, errOut := runCLI(args...)
		if c != code || !strings.Contains(out+errOut, want) {
			t.Fatalf("%v: exit %d, stdout %q, stderr %q", args, c, out, errOut)
		}
		return out
	}
	must(0, "partners", "demo", "--db", a, "--partners", "5")
	must(2, "--url and --name", "team", "init", "--db", a)
	must(0, "member 1", "team", "init", "--db", a, "--url", srv.URL(owner, db), "--name", "Anna")
	must(0, "partners", "demo", "--db", b+"x", "--partners", "2")
	must(1, "already holds a ChannelDesk team", "team", "init", "--db", b+"x", "--url", srv.URL(owner, db), "--name", "X")
	must(1, "not accept this login", "team", "join", "--db", b, "--url", srv.URL("cli_boris", db), "--name", "Boris")
	if err := srv.Exec("postgres", "GRANT "+teamserver.RoleName(db)+" TO cli_boris"); err != nil {
		t.Fatal(err)
	}
	must(0, "member 2", "team", "join", "--db", b, "--url", srv.URL("cli_boris", db), "--name", "Boris")
	must(0, "Anna", "team", "members", "--db", b)

	edit := func(path, city string) {
		s, err := data.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		rows, _ := s.PartnerRows(context.Background())
		p, _ := s.Partner(context.Background(), rows[0].ID)
		p.City = city
		if err := s.UpdatePartner(context.Background(), p); err != nil {
			t.Fatal(err)
		}
	}
	edit(a, "Berlin")
	edit(b, "Hamburg")
	must(0, "0 new conflicts", "sync", "--db", a)
	out := must(0, "1 new conflicts", "sync", "--db", b)
	if !strings.Contains(out, `kept "Berlin" (Anna`) || !strings.Contains(out, `other "Hamburg" (Boris`) {
		t.Fatalf("sync output does not show the clash: %s", out)
	}
	must(0, "", "sync", "--db", a)
	list := must(0, "city", "conflicts", "--db", a)
	id := regexp.MustCompile(`#(\d+) `).FindStringSubmatch(list)
	if id == nil {
		t.Fatalf("no conflict id in %q", list)
	}
	must(2, "exactly one", "conflicts", "resolve", id[1], "--db", a)
	must(0, "resolved (new)", "conflicts", "resolve", id[1], "--value", "Bremen", "--db", a)
	must(0, "0 new conflicts", "sync", "--db", a)
	must(0, "0 new conflicts", "sync", "--db", b)
	must(0, "no open conflicts", "conflicts", "--db", b)
	must(0, "resolved: new by Anna", "conflicts", "--all", "--db", b)
	s, err := data.OpenReadOnly(b)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := s.PartnerRows(context.Background())
	p, _ := s.Partner(context.Background(), rows[0].ID)
	s.Close()
	if p.City != "Bremen" {
		t.Fatalf("Boris's laptop has city %q after Anna typed Bremen", p.City)
	}
	for _, p := range []string{a, b} {
		must(0, "ok", "check", "--db", p)
	}
	must(0, "deleted from the server's log", "team", "trim", "--db", a)
	must(1, "may not remove members", "team", "remove", "Anna", "--db", b)
	must(0, "no longer in the team", "team", "remove", "Boris", "--db", a)
	must(1, "You were removed from the team", "sync", "--db", b)
}
