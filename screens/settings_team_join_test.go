package screens

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/team"
	"channeldesk/assets"
	"channeldesk/data"
	"channeldesk/internal/testutil"
)

// fakeJoin makes the joined file as team.Join would (the real join is
// tested against PostgreSQL in app/team), reporting progress.
func fakeJoin(t *testing.T, progressed *[][2]int) func(ctx context.Context, path, url, name, pw string, p team.Progress) error {
	return func(ctx context.Context, path, url, name, pw string, p team.Progress) error {
		if url != "postgres://boris@127.0.0.1:1/team" || name != "Boris" || pw != "secret" {
			t.Errorf("join got url %q name %q password %q", url, name, pw)
		}
		p("connect", 0, 0)
		p("join", 5000, 10000)
		*progressed = append(*progressed, [2]int{5000, 10000})
		s, err := data.Open(path)
		if err != nil {
			return err
		}
		defer s.Close()
		if err := s.CreatePartner(ctx, &data.Partner{Name: "From the team", Type: data.TypeReseller, Status: data.StatusActive}); err != nil {
			return err
		}
		return s.BecomeTeamMember(ctx, data.TeamSelf{MemberNo: 2, Name: name, URL: url, TeamID: "t"})
	}
}

// teamShot saves the window to the file named by env (to look at it).
func teamShot(u *UI, env string) {
	out := os.Getenv(env)
	if out == "" {
		return
	}
	u.Win.Resize(fyne.NewSize(1280, 800))
	f, err := os.Create(out)
	if err != nil {
		return
	}
	png.Encode(f, u.Win.Canvas().Capture())
	f.Close()
}

func dialogLabels(u *UI) string {
	var b strings.Builder
	walkVisible(overlays(u), func(o fyne.CanvasObject) bool {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.Check:
			b.WriteString(x.Text + "\n")
		}
		return false
	})
	return b.String()
}

// Settings › Team › Join a team…: the dialog asks for the server, the name,
// the password and a new file; Join makes the file in the background with
// progress and opens it.
func TestJoinATeamFromSettings(t *testing.T) {
	u := newTestUI(t, 0, "en")
	var progressed [][2]int
	old := teamJoin
	teamJoin = fakeJoin(t, &progressed)
	t.Cleanup(func() { teamJoin = old })
	u.show("nav.settings")
	u.Wait()
	first := u.Store.Path()
	test.Tap(findButton(t, u, "Join a team…"))
	es := overlayEntries(u)
	if len(es) != 4 {
		t.Fatalf("the join dialog has %d entries, want server, name, password, file", len(es))
	}
	path := filepath.Join(t.TempDir(), "joined.db")
	es[0].SetText("postgres://boris@127.0.0.1:1/team")
	es[1].SetText("Boris")
	es[2].SetText("secret")
	es[3].SetText(path)
	if !es[2].Password {
		t.Fatal("the password entry shows what is typed")
	}
	teamShot(u, "JOIN_SHOT")
	test.Tap(overlayButton(t, u, "Join"))
	u.Wait()
	if len(progressed) == 0 {
		t.Fatal("the join reported no progress")
	}
	if u.Store.Path() != path || !u.Store.InTeam() {
		t.Fatalf("the window shows %s (team %v) after joining, want the joined file %s", u.Store.Path(), u.Store.InTeam(), path)
	}
	if _, err := os.Stat(first); err != nil {
		t.Fatalf("the file open before is gone: %v", err)
	}
	rows, _ := u.Store.PartnerRows(context.Background())
	if len(rows) != 1 || rows[0].Name != "From the team" {
		t.Fatalf("the joined file shows %+v", rows)
	}
	if len(overlays(u)) != 0 {
		t.Fatal("the join dialog stayed open")
	}
}

// Cancel stops a join under way: no file, the dialog says so, the open file stays.
func TestJoinATeamCancel(t *testing.T) {
	u := newTestUI(t, 0, "en")
	runInline = false
	t.Cleanup(func() { runInline = true })
	started := make(chan struct{})
	old := teamJoin
	teamJoin = func(ctx context.Context, path, url, name, pw string, p team.Progress) error {
		close(started)
		<-ctx.Done()
		return ctx.Err()
	}
	t.Cleanup(func() { teamJoin = old })
	u.show("nav.settings")
	u.Wait()
	first := u.Store.Path()
	test.Tap(findButton(t, u, "Join a team…"))
	es := overlayEntries(u)
	es[0].SetText("postgres://boris@127.0.0.1:1/team")
	es[1].SetText("Boris")
	path := filepath.Join(t.TempDir(), "joined.db")
	es[3].SetText(path)
	test.Tap(overlayButton(t, u, "Join"))
	<-started
	if b := overlayButton(t, u, "Join"); !b.Disabled() {
		t.Fatal("Join can be tapped again while joining")
	}
	test.Tap(overlayButton(t, u, "Cancel"))
	u.Wait()
	if !strings.Contains(dialogLabels(u), "Cancelled: no file was made") {
		t.Fatalf("after Cancel the dialog says:\n%s", dialogLabels(u))
	}
	if u.Store.Path() != first {
		t.Fatal("a cancelled join changed the open file")
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("a cancelled join left a file")
	}
}

// A sync refused because the team's server is older offers to upgrade it;
// the dialog says the server should be backed up first, will not upgrade
// until that is confirmed, backs up this laptop's file, then upgrades.
func TestUpgradeTheServerAsksForABackup(t *testing.T) {
	u := newTestUI(t, 0, "en")
	ctx := context.Background()
	if err := u.Store.BecomeTeamMember(ctx, data.TeamSelf{MemberNo: 1, Name: "Anna", URL: "postgres://anna@127.0.0.1:1/team", TeamID: "t"}); err != nil {
		t.Fatal(err)
	}
	upgraded := 0
	old := teamUpgrade
	teamUpgrade = func(ctx context.Context, s *data.Store) error { upgraded++; return nil }
	t.Cleanup(func() { teamUpgrade = old })
	u.team = &teamSync{session: team.NewSession(u.Store), needUpgrade: true}
	u.show("nav.settings")
	u.Wait()
	test.Tap(findButton(t, u, "Upgrade the team's server…"))
	text := dialogLabels(u)
	for _, want := range []string{"pg_dump", "The server has a fresh backup", "Also back up this laptop's file first"} {
		if !strings.Contains(text, want) {
			t.Fatalf("the upgrade dialog does not say %q:\n%s", want, text)
		}
	}
	teamShot(u, "UPGRADE_SHOT")
	up := overlayButton(t, u, "Upgrade")
	if !up.Disabled() {
		t.Fatal("Upgrade can be tapped before the server's backup is confirmed")
	}
	var check *widget.Check
	walkVisible(overlays(u), func(o fyne.CanvasObject) bool {
		if c, ok := o.(*widget.Check); ok && c.Text == "The server has a fresh backup" {
			check = c
		}
		return false
	})
	test.Tap(check)
	if up.Disabled() {
		t.Fatal("Upgrade stays disabled after the backup is confirmed")
	}
	test.Tap(up)
	u.Wait()
	if upgraded != 1 {
		t.Fatalf("upgraded %d times", upgraded)
	}
	backups, _ := filepath.Glob(filepath.Join(filepath.Dir(u.Store.Path()), "backups", "*"))
	if len(backups) == 0 {
		t.Fatal("no backup of this laptop's file before the upgrade")
	}
	u.stopTeamSync()
}

// "Choose folder…" beside the new file puts the chosen folder in front of
// the typed file name; it asks for a folder, never opens a file, so a file
// already there (here: the one in use) is left whole.
func TestJoinATeamChooseFolderFillsThePath(t *testing.T) {
	a := test.NewTempApp(t)
	s := testutil.OpenStore(t)
	if err := assets.LoadTranslations("en"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	existing := filepath.Join(dir, "mine.db")
	if err := os.WriteFile(existing, []byte("a database"), 0o644); err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("team")
	asked := 0
	sec := newTeamSection(teamDeps{store: s, win: w, run: func(work, done func()) { work(); done() },
		settings:  func() data.Settings { return data.Settings{ManagerName: "Boris"} },
		sync:      func() *teamSync { return nil },
		showError: func(err error, _ func()) { t.Errorf("error shown: %v", err) },
		openFile:  func(path string) { t.Errorf("opened %s", path) },
		askFolder: func(cb func(fyne.ListableURI, error)) {
			asked++
			l, err := storage.ListerForURI(storage.NewFileURI(dir))
			if err != nil {
				t.Fatal(err)
			}
			cb(l, nil)
		}})
	w.SetContent(sec.buildUI())
	w.Resize(fyne.NewSize(1000, 700))
	test.Tap(buttonIn([]fyne.CanvasObject{sec.box}, "Join a team…"))
	top := w.Canvas().Overlays().Top()
	var entries []*widget.Entry
	walkVisible([]fyne.CanvasObject{top}, func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widget.Entry); ok {
			entries = append(entries, e)
		} else if e := localeEntry(o); e != nil {
			entries = append(entries, e)
		}
		return false
	})
	if len(entries) < 4 {
		t.Fatalf("the join dialog has %d entries", len(entries))
	}
	file := entries[3]
	if want := filepath.Join(filepath.Dir(s.Path()), "team.db"); file.Text != want {
		t.Fatalf("the new file is %q before choosing, want the typed default %q", file.Text, want)
	}
	file.SetText(filepath.Join(t.TempDir(), "mine.db"))
	test.Tap(buttonIn([]fyne.CanvasObject{top}, "Choose folder…"))
	if asked != 1 {
		t.Fatalf("Choose folder… asked %d times for a folder", asked)
	}
	if want := filepath.Join(dir, "mine.db"); file.Text != want {
		t.Fatalf("after choosing, the new file is %q, want %q (the chosen folder, the typed name)", file.Text, want)
	}
	if b, err := os.ReadFile(existing); err != nil || string(b) != "a database" {
		t.Fatalf("the file already in the folder changed: %q, %v", b, err)
	}
	if buttonIn([]fyne.CanvasObject{w.Canvas().Overlays().Top()}, "Join") == nil {
		t.Fatal("the join dialog closed on choosing")
	}
}
