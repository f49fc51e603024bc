package screens

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/format"
	"channeldesk/app/team"
	"channeldesk/assets"
	"channeldesk/data"
	"channeldesk/data/teamserver"
	"channeldesk/internal/pgtest"
)

// The team tests of this package share one PostgreSQL server, started by
// the first test that needs it (the other screen tests need none) and
// stopped when the package's tests end.
var (
	pgOnce sync.Once
	pgSrv  *pgtest.Server
)

func TestMain(m *testing.M) {
	code := m.Run()
	pgSrv.Stop()
	os.Exit(code)
}

// teamServer is the package's PostgreSQL server; without one the test
// fails when CHANNELDESK_REQUIRE_PG=1 (make test) and else skips loudly.
func teamServer(t *testing.T) *pgtest.Server {
	t.Helper()
	pgOnce.Do(func() {
		var err error
		if pgSrv, err = pgtest.Start(); err != nil {
			fmt.Fprintln(os.Stderr, "!!! no PostgreSQL for the screens' team tests:", err)
		}
	})
	if pgSrv == nil {
		t.Log("!!! the PostgreSQL server did not start (see above)")
	}
	pgtest.Need(t, pgSrv)
	return pgSrv
}

// testTeam is a team on the test server: Anna started it (the owner),
// the others joined; each has a file.
type testTeam struct {
	srv     *pgtest.Server
	db      string // the team's PostgreSQL database
	owner   string // Anna's login, the database's owner
	members map[string]*data.Store
}

func newTestTeam(t *testing.T, others ...string) *testTeam {
	t.Helper()
	srv := teamServer(t)
	db, owner, err := srv.NewDB()
	if err != nil {
		t.Fatal(err)
	}
	tt := &testTeam{srv: srv, db: db, owner: owner, members: map[string]*data.Store{}}
	ctx := context.Background()
	dir := t.TempDir()
	anna := tt.open(t, filepath.Join(dir, "anna.db"))
	if _, err := team.Init(ctx, anna, srv.URL(owner, db), "Anna", ""); err != nil {
		t.Fatal(err)
	}
	tt.members["Anna"] = anna
	for _, name := range others {
		login := strings.ToLower(db + "_" + name)
		if err := srv.Exec("postgres", "CREATE ROLE "+login+" LOGIN IN ROLE "+teamserver.RoleName(db)); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name+".db")
		if err := team.Join(ctx, path, srv.URL(login, db), name, "", nil); err != nil {
			t.Fatal(err)
		}
		tt.members[name] = tt.open(t, path)
	}
	return tt
}

func (tt *testTeam) open(t *testing.T, path string) *data.Store {
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func (tt *testTeam) sync(t *testing.T, name string) {
	t.Helper()
	if _, err := team.Sync(context.Background(), tt.members[name], team.Options{}); err != nil {
		t.Fatalf("%s: sync: %v", name, err)
	}
}

// teamWindow is a window showing Settings › Team of one member's file in
// the language l; errors shown collects what the section showed as errors.
type teamWindow struct {
	w      fyne.Window
	sec    *teamSection
	errors []string
}

func openTeamWindow(t *testing.T, s *data.Store, l format.Lang) *teamWindow {
	t.Helper()
	a := test.NewTempApp(t)
	if err := assets.LoadTranslations(string(l)); err != nil {
		t.Fatal(err)
	}
	tw := &teamWindow{w: a.NewWindow("team")}
	tw.sec = newTeamSection(teamDeps{store: s, win: tw.w, lang: l, run: func(work, done func()) { work(); done() },
		settings:  func() data.Settings { return data.Settings{} },
		sync:      func() *teamSync { return nil },
		syncNow:   func(func(string), func()) {},
		startSync: func() {},
		showError: func(err error, _ func()) { tw.errors = append(tw.errors, errorText(err)) },
		openFile:  func(string) {}})
	tw.w.SetContent(tw.sec.buildUI())
	tw.w.Resize(fyne.NewSize(1000, 760))
	return tw
}

// members opens "Who is in the team".
func (tw *teamWindow) members(t *testing.T) {
	t.Helper()
	test.Tap(buttonIn([]fyne.CanvasObject{tw.sec.box}, lang.L("team.members")))
	if len(tw.errors) > 0 {
		t.Fatalf("the members list failed: %v", tw.errors)
	}
}

// dialogText is every label and button text of the open dialogs.
func (tw *teamWindow) dialogText() string {
	var b strings.Builder
	walkVisible(tw.w.Canvas().Overlays().List(), func(o fyne.CanvasObject) bool {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.Button:
			b.WriteString("[" + x.Text + "]\n")
		}
		return false
	})
	return b.String()
}

// button finds a button of the open dialogs by its text (nil if none).
func (tw *teamWindow) button(text string) *widget.Button {
	return buttonIn(tw.w.Canvas().Overlays().List(), text)
}

// countButtons counts the visible buttons of the open dialogs saying text.
func (tw *teamWindow) countButtons(text string) int {
	n := 0
	walkVisible(tw.w.Canvas().Overlays().List(), func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			n++
		}
		return false
	})
	return n
}

// The team's owner sees "Remove…" on each other active member and "Trim
// the change log"; a member sees neither. Removing Boris through the
// dialog, after its confirmation, makes his next sync fail with "You were
// removed from the team", and the list shows him removed.
func TestTeamMembersOwnerRemovesAMember(t *testing.T) {
	tt := newTestTeam(t, "Boris", "Carla")
	ctx := context.Background()

	boris := openTeamWindow(t, tt.members["Boris"], format.EN)
	boris.members(t)
	text := boris.dialogText()
	if !strings.Contains(text, "Anna") || !strings.Contains(text, "Carla") {
		t.Fatalf("Boris's list of the team:\n%s", text)
	}
	if boris.button("Remove…") != nil || boris.button("Trim the change log") != nil {
		t.Fatalf("a member who is not the owner is offered to remove or trim:\n%s", text)
	}

	anna := openTeamWindow(t, tt.members["Anna"], format.EN)
	anna.members(t)
	if n := anna.countButtons("Remove…"); n != 2 {
		t.Fatalf("the owner sees %d Remove… buttons, want one for Boris and one for Carla (none on her own row):\n%s", n, anna.dialogText())
	}
	if anna.button("Trim the change log") == nil {
		t.Fatal("the owner is not offered to trim the change log")
	}
	test.Tap(anna.button("Remove…")) // the first other member: Boris
	confirm := anna.dialogText()
	for _, want := range []string{"Remove Boris from the team?", "refuses Boris's syncs", "statement to hand to the server's administrator"} {
		if !strings.Contains(confirm, want) {
			t.Fatalf("the confirmation does not say %q:\n%s", want, confirm)
		}
	}
	test.Tap(anna.button("Remove"))
	if len(anna.errors) > 0 {
		t.Fatalf("the removal failed: %v", anna.errors)
	}
	after := anna.dialogText()
	if !strings.Contains(after, "Boris is no longer in the team") || !strings.Contains(after, "Boris  (removed)") {
		t.Fatalf("after the removal the dialog says:\n%s", after)
	}
	if n := anna.countButtons("Remove…"); n != 1 {
		t.Fatalf("after removing Boris the list offers %d removals, want Carla's only", n)
	}

	partnerIn(t, tt.members["Boris"], "Sneaky")
	_, err := team.Sync(ctx, tt.members["Boris"], team.Options{})
	if err == nil || !strings.Contains(errorText(err), "You were removed from the team") {
		t.Fatalf("the removed member's sync: %v", err)
	}
	if n, _ := tt.members["Boris"].TeamPendingCount(ctx); n != 1 {
		t.Fatalf("the refused sync lost Boris's change: %d waiting", n)
	}
}

// An owner whose login may not take the team's role from the member's
// login still removes the member, and the dialog gives the REVOKE for the
// server's administrator, as `team remove` prints it.
func TestTeamMembersRemoveShowsTheRevokeForTheAdministrator(t *testing.T) {
	tt := newTestTeam(t, "Boris")
	if err := tt.srv.Exec("postgres", "ALTER ROLE "+tt.owner+" NOCREATEROLE"); err != nil {
		t.Fatal(err)
	}
	anna := openTeamWindow(t, tt.members["Anna"], format.EN)
	anna.members(t)
	test.Tap(anna.button("Remove…"))
	test.Tap(anna.button("Remove"))
	if len(anna.errors) > 0 {
		t.Fatalf("the removal failed: %v", anna.errors)
	}
	text := anna.dialogText()
	stmt := "REVOKE " + teamserver.RoleName(tt.db) + " FROM " + strings.ToLower(tt.db+"_Boris") + ";"
	for _, want := range []string{"can still read the team's data", "Ask the server's administrator to run:", stmt, "[Copy]"} {
		if !strings.Contains(text, want) {
			t.Fatalf("the dialog does not say %q:\n%s", want, text)
		}
	}
	test.Tap(anna.button("Copy"))
	if got := fyne.CurrentApp().Clipboard().Content(); got != stmt {
		t.Fatalf("Copy put %q on the clipboard, want %q", got, stmt)
	}
}

// A member who never syncs holds the server's log back; once the owner
// removed her, "Trim the change log" deletes what everyone else pulled and
// says how many changes went.
func TestTeamMembersTrimReportsTheCount(t *testing.T) {
	tt := newTestTeam(t, "Boris", "Carla")
	for _, name := range []string{"One", "Two", "Three"} {
		partnerIn(t, tt.members["Anna"], name)
	}
	tt.sync(t, "Anna")
	tt.sync(t, "Boris")
	tt.sync(t, "Anna")
	before := tt.logSize(t)
	anna := openTeamWindow(t, tt.members["Anna"], format.EN)
	anna.members(t)
	test.Tap(anna.button("Remove…")) // Boris is first; Carla is the one who never synced
	test.Tap(anna.button("Cancel"))
	if strings.Contains(anna.dialogText(), "(removed)") {
		t.Fatal("Cancel in the confirmation removed a member")
	}
	carla := anna.removeButtons()[1]
	test.Tap(carla)
	test.Tap(anna.button("Remove"))
	test.Tap(anna.button("Trim the change log"))
	if len(anna.errors) > 0 {
		t.Fatalf("remove or trim failed: %v", anna.errors)
	}
	deleted := before - tt.logSize(t)
	if deleted <= 0 {
		t.Fatalf("trimming deleted nothing (log %d before)", before)
	}
	want := fmt.Sprintf("Changes deleted from the server's log: %d (every member had already pulled them).", deleted)
	if text := anna.dialogText(); !strings.Contains(text, want) {
		t.Fatalf("after trimming the dialog does not say %q:\n%s", want, text)
	}
}

// Under Russian the members' last syncs are written the Russian way
// (27.11.2026 14:05), and so is the section's own.
func TestTeamMembersLastSyncInRussian(t *testing.T) {
	tt := newTestTeam(t, "Boris")
	tt.sync(t, "Anna")
	ru := openTeamWindow(t, tt.members["Anna"], format.RU)
	ru.members(t)
	r, err := team.ReadRoster(context.Background(), tt.members["Anna"], "")
	if err != nil {
		t.Fatal(err)
	}
	text := ru.dialogText()
	for _, m := range r.Members {
		if m.LastSync == nil {
			t.Fatalf("%s has no last sync on the server", m.Name)
		}
		want := fmt.Sprintf("%d  %s  (в команде) – Последняя синхронизация: %s", m.No, m.Name, m.LastSync.Local().Format("02.01.2006 15:04"))
		if !strings.Contains(text, want) {
			t.Fatalf("the Russian list lacks %q:\n%s", want, text)
		}
	}
	if regexp.MustCompile(`\d{4}-\d{2}-\d{2}`).MatchString(text) {
		t.Fatalf("an ISO date in the Russian list:\n%s", text)
	}
	section := teamTexts(ru.sec.box)
	if !regexp.MustCompile(`Последняя синхронизация\n\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}\n`).MatchString(section) {
		t.Fatalf("the section's own last sync is not written the Russian way:\n%s", section)
	}
	teamShotOf(ru.w, "MEMBERS_SHOT")
}

// removeButtons are the dialog's Remove… buttons, top to bottom.
func (tw *teamWindow) removeButtons() []*widget.Button {
	var out []*widget.Button
	walkVisible(tw.w.Canvas().Overlays().List(), func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == lang.L("team.remove") {
			out = append(out, b)
		}
		return false
	})
	return out
}

// logSize is how many changes the team's server keeps in its log.
func (tt *testTeam) logSize(t *testing.T) int64 {
	t.Helper()
	ctx := context.Background()
	srv, err := teamserver.Connect(ctx, tt.srv.URL("postgres", tt.db), "")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	n, _, err := srv.LogSize(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func partnerIn(t *testing.T, s *data.Store, name string) {
	t.Helper()
	if err := s.CreatePartner(context.Background(), &data.Partner{Name: name, Type: data.TypeReseller, Status: data.StatusActive}); err != nil {
		t.Fatal(err)
	}
}

// teamShotOf saves the window to the file named by env (to look at it).
func teamShotOf(w fyne.Window, env string) {
	out := os.Getenv(env)
	if out == "" {
		return
	}
	f, err := os.Create(out)
	if err != nil {
		return
	}
	defer f.Close()
	png.Encode(f, w.Canvas().Capture())
}
