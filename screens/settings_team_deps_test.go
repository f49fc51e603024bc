package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"channeldesk/assets"
	"channeldesk/data"
	"channeldesk/internal/testutil"
)

// Settings › Team built from its deps alone: "Sync now" runs the sync it
// is given, shows its stages, and the section refreshes when it ends.
func TestTeamSectionSyncNowRunsTheGivenSync(t *testing.T) {
	a := test.NewTempApp(t)
	ctx := context.Background()
	s := testutil.OpenStore(t)
	if err := s.BecomeTeamMember(ctx, data.TeamSelf{MemberNo: 2, Name: "Boris", URL: "postgres://boris@db.example.com/team", TeamID: "t"}); err != nil {
		t.Fatal(err)
	}
	if err := assets.LoadTranslations("en"); err != nil {
		t.Fatal(err)
	}
	var syncs int
	var progress func(stage string)
	var done func()
	w := a.NewWindow("team")
	sec := newTeamSection(teamDeps{store: s, win: w, run: func(work, done func()) { work(); done() },
		settings: func() data.Settings { return data.Settings{ManagerName: "Boris"} },
		sync:     func() *teamSync { return nil },
		syncNow: func(p func(stage string), d func()) {
			syncs++
			progress, done = p, d
		},
		startSync: func() { t.Error("a member's section started a new team's sync") },
		showError: func(err error, _ func()) { t.Errorf("error shown: %v", err) },
		openFile:  func(path string) { t.Errorf("opened %s", path) }})
	w.SetContent(sec.buildUI())
	w.Resize(fyne.NewSize(900, 700))

	syncBtn := buttonIn([]fyne.CanvasObject{sec.box}, "Sync now")
	test.Tap(syncBtn)
	if syncs != 1 || done == nil {
		t.Fatalf("Sync now ran %d syncs (done given: %v), want 1 that tells the section when it ends", syncs, done != nil)
	}
	if !syncBtn.Disabled() || !strings.Contains(teamTexts(sec.box), "Syncing") {
		t.Fatalf("while syncing the button is enabled (%v) or the section says:\n%s", !syncBtn.Disabled(), teamTexts(sec.box))
	}
	progress("pull")
	if !strings.Contains(teamTexts(sec.box), "Getting the others' changes") {
		t.Fatalf("the pull stage is not shown:\n%s", teamTexts(sec.box))
	}
	done()
	if b := buttonIn([]fyne.CanvasObject{sec.box}, "Sync now"); b == nil || b.Disabled() {
		t.Fatal("after the sync ended, Sync now cannot be tapped again")
	}
}
