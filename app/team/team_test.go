package team_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"channeldesk/app/check"
	"channeldesk/app/team"
	"channeldesk/data"
	"channeldesk/data/teamserver"
	"channeldesk/internal/pgtest"

	"github.com/jackc/pgx/v5"
)

var srv *pgtest.Server

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m, &srv)) }

// laptop is one member's file.
type laptop struct {
	s    *data.Store
	url  string
	name string
}

// newTeam starts a team on a fresh server database from a file made by
// fill, and returns the first laptop and a function that joins more.
func newTeam(t testing.TB, fill func(s *data.Store)) (*laptop, func(name string) *laptop) {
	t.Helper()
	pgtest.Need(t, srv)
	db, owner, err := srv.NewDB()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	s, err := data.Open(filepath.Join(dir, "owner.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if fill != nil {
		fill(s)
	}
	return teamFrom(t, s, db, owner, dir)
}

// teamFrom starts a team from the file s on server database db.
func teamFrom(t testing.TB, s *data.Store, db, owner, dir string) (*laptop, func(name string) *laptop) {
	t.Helper()
	ctx := context.Background()
	first := &laptop{s: s, url: srv.URL(owner, db), name: "Anna"}
	if _, err := team.Init(ctx, s, first.url, first.name, ""); err != nil {
		t.Fatal(err)
	}
	// The server's log is trimmed as members pull; the tests that check
	// nothing is lost keep every change the server ever took in an archive.
	if _, bench := t.(*testing.B); bench {
		return teamJoiner(t, first, db, dir)
	}
	if err := srv.Exec(db,
		`CREATE TABLE public.changes_archive (seq bigint, data jsonb)`,
		`GRANT SELECT ON public.changes_archive TO PUBLIC`,
		`CREATE FUNCTION public.archive_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
		BEGIN INSERT INTO public.changes_archive VALUES (NEW.seq, NEW.data); RETURN NULL; END $$`,
		`CREATE TRIGGER archive AFTER INSERT ON channeldesk.changes FOR EACH ROW EXECUTE FUNCTION public.archive_change()`); err != nil {
		t.Fatal(err)
	}
	return teamJoiner(t, first, db, dir)
}

func teamJoiner(t testing.TB, first *laptop, db, dir string) (*laptop, func(name string) *laptop) {
	ctx := context.Background()
	join := func(name string) *laptop {
		t.Helper()
		login := strings.ToLower(fmt.Sprintf("%s_%s", db, strings.ReplaceAll(name, " ", "")))
		if err := srv.Exec("postgres", "CREATE ROLE "+login+" LOGIN IN ROLE "+teamserver.RoleName(db)); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name+".db")
		l := &laptop{url: srv.URL(login, db), name: name}
		if err := team.Join(ctx, path, l.url, name, "", nil); err != nil {
			t.Fatal(err)
		}
		s, err := data.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		l.s = s
		return l
	}
	return first, join
}

func (l *laptop) sync(t testing.TB) team.Result {
	t.Helper()
	res, err := team.Sync(context.Background(), l.s, team.Options{})
	if err != nil {
		t.Fatalf("%s: sync: %v", l.name, err)
	}
	return res
}

// dump is every synced record of a file, as text, sorted.
func dump(t testing.TB, s *data.Store) string {
	t.Helper()
	var lines []string
	err := s.TeamScan(context.Background(), func(table, key string, row []byte) error {
		r, err := data.DecodeTeamRow(row)
		if err != nil {
			return err
		}
		lines = append(lines, table+" "+key+" "+string(data.EncodeTeamRow(r)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func sameData(t testing.TB, ls ...*laptop) {
	t.Helper()
	want := dump(t, ls[0].s)
	for _, l := range ls[1:] {
		if got := dump(t, l.s); got != want {
			a, b := strings.Split(want, "\n"), strings.Split(got, "\n")
			for i := 0; i < len(a) && i < len(b); i++ {
				if a[i] != b[i] {
					t.Fatalf("%s and %s differ (%d vs %d records); first difference:\n%s\n%s", ls[0].name, l.name, len(a), len(b), a[i], b[i])
				}
			}
			t.Fatalf("%s and %s differ: %d vs %d records", ls[0].name, l.name, len(a), len(b))
		}
	}
}

func checkClean(t testing.TB, ls ...*laptop) {
	t.Helper()
	for _, l := range ls {
		found, err := check.RunChecks(context.Background(), l.s)
		if err != nil {
			t.Fatal(err)
		}
		if len(found) > 0 {
			t.Fatalf("%s: check finds %v", l.name, found)
		}
	}
}

func partner(t testing.TB, s *data.Store, name string) *data.Partner {
	t.Helper()
	p := &data.Partner{Name: name, Type: data.TypeReseller, Status: data.StatusActive}
	if err := s.CreatePartner(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	return p
}

// Two laptops work offline, both sync, end with the same program; a clash
// on one field is listed on both and resolved by a person.
func TestTwoLaptopsOfflineThenSync(t *testing.T) {
	ctx := context.Background()
	var shared int64
	anna, join := newTeam(t, func(s *data.Store) { shared = partner(t, s, "Shared GmbH").ID })
	boris := join("Boris")
	sameData(t, anna, boris)

	// Offline: both edit the same partner, both create partners.
	pa, _ := anna.s.Partner(ctx, shared)
	pa.City, pa.Website = "Berlin", "shared.example"
	if err := anna.s.UpdatePartner(ctx, pa); err != nil {
		t.Fatal(err)
	}
	qa := partner(t, anna.s, "Anna's new partner")
	pb, _ := boris.s.Partner(ctx, shared)
	pb.City, pb.Region = "Munich", "Bavaria"
	if err := boris.s.UpdatePartner(ctx, pb); err != nil {
		t.Fatal(err)
	}
	qb := partner(t, boris.s, "Boris's new partner")
	if qa.ID == qb.ID || qa.ID%100 != 1 || qb.ID%100 != 2 {
		t.Fatalf("new partner ids %d and %d: must differ and end in the member numbers", qa.ID, qb.ID)
	}

	if r := anna.sync(t); r.Pushed == 0 || len(r.Conflicts) != 0 {
		t.Fatalf("anna's first sync: %+v", r)
	}
	r := boris.sync(t)
	if len(r.Conflicts) != 1 || r.Conflicts[0].Field != "city" {
		t.Fatalf("boris's sync: want one conflict on city, got %+v", r.Conflicts)
	}
	anna.sync(t)
	sameData(t, anna, boris)
	checkClean(t, anna, boris)

	p, _ := anna.s.Partner(ctx, shared)
	if p.City != "Berlin" || p.Website != "shared.example" || p.Region != "Bavaria" {
		t.Fatalf("merged partner: city %q website %q region %q", p.City, p.Website, p.Region)
	}
	for _, l := range []*laptop{anna, boris} {
		cs, err := l.s.TeamConflicts(ctx, false)
		if err != nil || len(cs) != 1 {
			t.Fatalf("%s lists %d open conflicts (%v)", l.name, len(cs), err)
		}
		c := cs[0]
		if c.Kept != "Berlin" || c.Other != "Munich" || c.Base != "" || c.KeptBy != "Anna" || c.OtherBy != "Boris" || c.KeptAt == "" || c.OtherAt == "" {
			t.Fatalf("%s: conflict %+v", l.name, c)
		}
	}
	// Boris keeps his value; after the next syncs both have it and nothing is open.
	cs, _ := boris.s.TeamConflicts(ctx, false)
	if err := boris.s.ResolveTeamConflict(ctx, cs[0].ID, "mine", nil, boris.name); err != nil {
		t.Fatal(err)
	}
	boris.sync(t)
	anna.sync(t)
	sameData(t, anna, boris)
	p, _ = anna.s.Partner(ctx, shared)
	if p.City != "Munich" {
		t.Fatalf("after resolving: city %q", p.City)
	}
	if cs, _ := anna.s.TeamConflicts(ctx, false); len(cs) != 0 {
		t.Fatalf("open conflicts after resolving: %+v", cs)
	}
	// Nothing left to do: a sync moves nothing.
	if r := anna.sync(t); r.Pulled != 0 || r.Pushed != 0 {
		t.Fatalf("idle sync moved %+v", r)
	}
}

// Editing a record another person deleted is a conflict; the edit is kept in it.
func TestEditOfDeletedRecordIsAConflict(t *testing.T) {
	ctx := context.Background()
	var id int64
	anna, join := newTeam(t, func(s *data.Store) { id = partner(t, s, "Doomed Ltd").ID })
	boris := join("Boris")
	if err := anna.s.DeletePartner(ctx, id); err != nil {
		t.Fatal(err)
	}
	p, _ := boris.s.Partner(ctx, id)
	p.City = "Oslo"
	if err := boris.s.UpdatePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	anna.sync(t)
	r := boris.sync(t)
	if len(r.Conflicts) != 1 || r.Conflicts[0].Reason != "edit_deleted" {
		t.Fatalf("conflicts %+v", r.Conflicts)
	}
	other, _ := r.Conflicts[0].Other.(map[string]any)
	if other["city"] != "Oslo" {
		t.Fatalf("the edit is not kept in the conflict: %+v", r.Conflicts[0])
	}
	anna.sync(t)
	sameData(t, anna, boris)
	checkClean(t, anna, boris)
}

// A removed member cannot sync any more.
func TestRemovedMemberCannotSync(t *testing.T) {
	ctx := context.Background()
	anna, join := newTeam(t, nil)
	boris := join("Boris")
	carla := join("Carla")
	// A member cannot change who is in the team, only the owner can.
	c, err := pgx.Connect(ctx, boris.url)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Exec(ctx, `UPDATE channeldesk.members SET active = false WHERE name = 'Anna'`); !teamserver.IsPermission(err) {
		t.Fatalf("a member changed the members table: %v", err)
	}
	c.Close(ctx)
	_, err = team.Remove(ctx, carla.s, "Boris", "")
	if e, ok := data.AsError(err); !ok || e.Key != "team.err_may_not_remove" {
		t.Fatalf("a member removed another: %v", err)
	}
	r, err := team.Remove(ctx, anna.s, "Boris", "")
	if err != nil {
		t.Fatal(err)
	}
	if !r.Revoked {
		t.Fatalf("the owner (CREATEROLE) could not revoke the role: %+v", r)
	}
	partner(t, boris.s, "Sneaky")
	_, err = team.Sync(ctx, boris.s, team.Options{})
	e, ok := data.AsError(err)
	if !ok || e.Key != "team.err_removed" {
		t.Fatalf("removed member's sync: %v", err)
	}
	if n, _ := boris.s.TeamPendingCount(ctx); n != 1 {
		t.Fatalf("the refused sync lost the laptop's change: %d waiting", n)
	}
	anna.sync(t)
	if strings.Contains(dump(t, anna.s), "Sneaky") {
		t.Fatal("a removed member's change reached the team")
	}
}

// An owner who may not revoke the login's role still removes the member:
// the removal is reported with why the role stays, and the server's
// trigger refuses the removed member's syncs even with the role kept.
func TestRemoveWithoutRightToRevoke(t *testing.T) {
	ctx := context.Background()
	anna, join := newTeam(t, func(s *data.Store) { partner(t, s, "One") })
	boris := join("Boris")
	u, _ := url.Parse(anna.url)
	owner := u.User.Username()
	if err := srv.Exec("postgres", "ALTER ROLE "+owner+" NOCREATEROLE"); err != nil {
		t.Fatal(err)
	}
	r, err := team.Remove(ctx, anna.s, "Boris", "")
	if err != nil {
		t.Fatalf("remove without the right to revoke: %v", err)
	}
	if r.Revoked || r.Why == "" || r.Login == "" || r.Role == "" {
		t.Fatalf("removal should say the role stays and why: %+v", r)
	}
	t.Logf("role kept: %s", r.Why)
	ms, err := team.Members(ctx, anna.s, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Name == "Boris" && m.Active {
			t.Fatal("Boris still active after remove")
		}
	}
	// The login still holds the role, yet its program is refused…
	partner(t, boris.s, "Sneaky")
	_, err = team.Sync(ctx, boris.s, team.Options{})
	if e, ok := data.AsError(err); !ok || e.Key != "team.err_removed" {
		t.Fatalf("removed member's sync: %v", err)
	}
	// …and so is a changed program writing to the server directly.
	c, err := pgx.Connect(ctx, boris.url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	_, err = c.Exec(ctx, `INSERT INTO channeldesk.changes (tbl, row_key, data, author, batch) VALUES ('partners', '[999]', '{}', 2, 'x')`)
	if !teamserver.IsPermission(err) || !strings.Contains(err.Error(), "not an active member") {
		t.Fatalf("a removed login wrote to the log: %v", err)
	}
}

// The server's log loses what every active member has pulled, at a sync
// or with team trim; a removed member does not hold it back; a member
// joining later gets the records, not the log, and converges.
func TestTrimLog(t *testing.T) {
	ctx := context.Background()
	anna, join := newTeam(t, func(s *data.Store) { partner(t, s, "One") })
	boris := join("Boris")
	carla := join("Carla")
	logSize := func() (n, first int64) {
		t.Helper()
		c, err := pgx.Connect(ctx, anna.url)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close(ctx)
		if err := c.QueryRow(ctx, `SELECT count(*), coalesce(min(seq), 0) FROM channeldesk.changes`).Scan(&n, &first); err != nil {
			t.Fatal(err)
		}
		return n, first
	}
	for i := range 5 {
		partner(t, anna.s, fmt.Sprint("Anna ", i))
	}
	anna.sync(t)
	boris.sync(t)
	// Carla has not pulled: the log keeps everything for her.
	if n, _ := logSize(); n != 5 {
		t.Fatalf("log holds %d changes before Carla pulled, want 5", n)
	}
	carla.sync(t)
	anna.sync(t) // Anna's sync records what she has pulled and trims
	if n, _ := logSize(); n != 1 {
		t.Fatalf("log holds %d changes after everyone pulled, want only the newest", n)
	}
	// Carla stops syncing: she holds the log back…
	for i := range 3 {
		partner(t, boris.s, fmt.Sprint("Boris ", i))
	}
	boris.sync(t)
	anna.sync(t)
	boris.sync(t)
	if n, _ := logSize(); n < 3 {
		t.Fatalf("log holds %d changes while Carla has not pulled Boris's 3", n)
	}
	// …until she is removed; then team trim deletes what the others have.
	if _, err := team.Remove(ctx, anna.s, "Carla", ""); err != nil {
		t.Fatal(err)
	}
	n, err := team.Trim(ctx, anna.s, "")
	if err != nil {
		t.Fatal(err)
	}
	if left, _ := logSize(); n == 0 || left != 1 {
		t.Fatalf("team trim deleted %d, log holds %d", n, left)
	}
	// Someone joining now gets the records, not the trimmed log.
	dora := join("Dora")
	sameData(t, anna, boris, dora)
	partner(t, dora.s, "Dora's")
	dora.sync(t)
	anna.sync(t)
	boris.sync(t)
	sameData(t, anna, boris, dora)
	checkClean(t, anna, boris, dora)
	// A trimmed team still takes pushes (the newest change is kept).
	if _, first := logSize(); first == 0 {
		t.Fatal("log empty")
	}
	self, _ := dora.s.TeamSelf(ctx)
	if self.LastSeq == 0 {
		t.Fatal("Dora's file knows no position in the log")
	}
}

// A team whose server was set up before the log could be trimmed (layout
// 1) is told to upgrade; the owner's upgrade brings the server's own
// tables and functions up to date and everyone syncs again.
func TestOldServerLayoutIsUpgraded(t *testing.T) {
	ctx := context.Background()
	anna, join := newTeam(t, func(s *data.Store) { partner(t, s, "One") })
	boris := join("Boris")
	u, _ := url.Parse(anna.url)
	db := strings.TrimPrefix(u.Path, "/")
	if err := srv.Exec(db,
		`ALTER TABLE channeldesk.members DROP COLUMN pulled_seq CASCADE`,
		`DROP FUNCTION channeldesk.touch(int, bigint)`,
		`DROP FUNCTION channeldesk.trim_log()`,
		`DROP FUNCTION channeldesk.member_state()`,
		`DELETE FROM channeldesk.meta WHERE key = 'layout'`); err != nil {
		t.Fatal(err)
	}
	partner(t, boris.s, "Waits")
	_, err := team.Sync(ctx, boris.s, team.Options{})
	if e, ok := data.AsError(err); !ok || e.Key != "team.err_layout_older" {
		t.Fatalf("sync against an old server: %v", err)
	}
	if need, err := team.UpgradeNeeded(ctx, anna.s, ""); err != nil || !need {
		t.Fatalf("upgrade needed: %v %v", need, err)
	}
	if err := team.Upgrade(ctx, anna.s, ""); err != nil {
		t.Fatal(err)
	}
	boris.sync(t)
	anna.sync(t)
	sameData(t, anna, boris)
	if !strings.Contains(dump(t, anna.s), "Waits") {
		t.Fatal("Boris's change did not arrive after the upgrade")
	}
}

// The roster says who is the team's owner: the login that made the team
// may remove members, a member's login may not (Settings › Team offers
// Remove… and Trim only to the owner).
func TestTeamRosterTellsTheOwner(t *testing.T) {
	ctx := context.Background()
	anna, join := newTeam(t, nil)
	boris := join("Boris")
	for _, c := range []struct {
		l     *laptop
		owner bool
	}{{anna, true}, {boris, false}} {
		r, err := team.ReadRoster(ctx, c.l.s, "")
		if err != nil {
			t.Fatalf("%s: %v", c.l.name, err)
		}
		if r.Owner != c.owner {
			t.Errorf("%s: owner %v, want %v", c.l.name, r.Owner, c.owner)
		}
		if len(r.Members) != 2 || r.Members[0].Name != "Anna" || r.Members[1].Name != "Boris" {
			t.Errorf("%s: members %+v", c.l.name, r.Members)
		}
	}
}
