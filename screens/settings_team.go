package screens

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/format"
	"channeldesk/app/team"
	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// AutoSyncEvery is how often a team database syncs by itself.
const AutoSyncEvery = 5 * time.Minute

// teamSync runs the team's syncs in the background: the button's and the
// automatic ones, never two at once; the window keeps working meanwhile.
type teamSync struct {
	mu      sync.Mutex
	session *team.Session
	running bool
	cancel  context.CancelFunc
	status  string // the last outcome, for the status line
	// needUpgrade: the last sync was refused because the team's server is
	// older than this app (the section offers to upgrade it).
	needUpgrade bool
	onDone      func()        // the Team section refreshes itself (on the UI goroutine)
	stop        chan struct{} // closed to end the automatic sync
}

// startTeamSync starts the automatic sync of a team database (the one
// open now: a sync of the database open before is stopped first). The
// ticks only ask the UI goroutine to sync, so the store and the sync in
// use are read there alone.
func (u *UI) startTeamSync() {
	u.stopTeamSync()
	if !u.Store.InTeam() || runInline {
		return
	}
	ts := &teamSync{session: team.NewSession(u.Store), stop: make(chan struct{})}
	u.team = ts
	go func() {
		t := time.NewTicker(AutoSyncEvery)
		defer t.Stop()
		tick := func() {
			fyne.Do(func() {
				if u.team == ts {
					u.syncTeam(nil)
				}
			})
		}
		tick()
		for {
			select {
			case <-ts.stop:
				return
			case <-t.C:
				tick()
			}
		}
	}()
}

// stopTeamSync ends the automatic sync and cancels a sync under way, as
// when another database is opened.
func (u *UI) stopTeamSync() {
	ts := u.team
	u.team = nil
	if ts == nil {
		return
	}
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.stop != nil {
		close(ts.stop)
		ts.stop = nil
	}
	if ts.running && ts.cancel != nil {
		ts.cancel()
	}
}

// syncTeam runs one sync unless one is running; progress (may be nil)
// hears of its stages on the UI goroutine.
func (u *UI) syncTeam(progress func(stage string)) {
	ts := u.ensureTeamSync()
	ts.mu.Lock()
	if ts.running {
		ts.mu.Unlock()
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	ts.running, ts.cancel = true, cancel
	ts.mu.Unlock()
	run := func() {
		res, err := ts.session.Sync(ctx, team.Options{Progress: func(stage string, _, _ int) {
			if progress != nil {
				fyne.Do(func() { progress(stage) })
			}
		}})
		var status string
		if err != nil {
			if ctx.Err() == nil {
				u.Store.SetTeamError(context.Background(), errorText(err))
			}
			status = lang.L("team.status_failed", map[string]any{"Reason": errorText(err)})
		} else {
			status = lang.L("team.status_done", map[string]any{"Pulled": res.Pulled, "Pushed": res.Pushed, "Conflicts": len(res.Conflicts)})
		}
		ts.mu.Lock()
		ts.running, ts.status = false, status
		ts.needUpgrade = needsUpgrade(err)
		done := ts.onDone
		ts.mu.Unlock()
		cancel()
		if done != nil {
			fyne.Do(done)
		}
	}
	go run()
}

// ensureTeamSync is the window's team sync, made on first use (a database
// that is not a team's has none until "Sync now").
func (u *UI) ensureTeamSync() *teamSync {
	if u.team == nil {
		u.team = &teamSync{session: team.NewSession(u.Store)}
	}
	return u.team
}

// syncTeamNow is "Sync now": done, when not nil, hears of the end of this
// and every later sync (the Team section refreshes itself).
func (u *UI) syncTeamNow(progress func(stage string), done func()) {
	if done != nil {
		u.ensureTeamSync().listen(done)
	}
	u.syncTeam(progress)
}

// listen makes done hear of the end of every sync (on the UI goroutine);
// a nil sync has none to tell of.
func (ts *teamSync) listen(done func()) {
	if ts == nil {
		return
	}
	ts.mu.Lock()
	ts.onDone = done
	ts.mu.Unlock()
}

// outcome is the last sync's status line and whether the team's server
// must be upgraded first; a nil sync has neither.
func (ts *teamSync) outcome() (status string, needUpgrade bool) {
	if ts == nil {
		return "", false
	}
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return ts.status, ts.needUpgrade
}

// cancelRun stops the sync under way, if any.
func (ts *teamSync) cancelRun() {
	if ts == nil {
		return
	}
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.cancel != nil {
		ts.cancel()
	}
}

// upgraded forgets the refusal of an older server once it is upgraded.
func (ts *teamSync) upgraded() {
	if ts == nil {
		return
	}
	ts.mu.Lock()
	ts.needUpgrade, ts.status = false, ""
	ts.mu.Unlock()
}

// teamSection is Settings › Team.
type teamSection struct {
	teamDeps
	box *fyne.Container
}

// teamDeps is what Settings › Team is given: the store, the window, a
// runner, the window's settings, and the window's team sync and file
// opening.
type teamDeps struct {
	store     *data.Store
	win       fyne.Window
	lang      format.Lang // dates in the window's language
	run       runner
	settings  func() data.Settings                           // read when used: the manager's name
	sync      func() *teamSync                               // the window's team sync; nil before the first (UI.team)
	syncNow   func(progress func(stage string), done func()) // one sync now unless one runs; done (if not nil) hears when it ends
	startSync func()                                         // a team begun here syncs by itself from now on (UI.startTeamSync)
	showError func(err error, saveAs func())                 // a failure (errors.go)
	openFile  func(path string)                              // the joined file opens in this window (opendb.go)
	askFolder func(cb func(fyne.ListableURI, error))         // the folder of the joined file (filedialog.go)
}

func newTeamSection(deps teamDeps) *teamSection { return &teamSection{teamDeps: deps} }

// newTeamSection builds Settings › Team for this window.
func (u *UI) newTeamSection() *teamSection {
	return newTeamSection(teamDeps{store: u.Store, win: u.Win, lang: u.Lang, run: u.background,
		settings: func() data.Settings { return u.Settings }, sync: func() *teamSync { return u.team },
		syncNow: u.syncTeamNow, startSync: u.startTeamSync, showError: u.showError, openFile: u.openDatabase,
		askFolder: u.showFolderOpen})
}

func (t *teamSection) buildUI() fyne.CanvasObject {
	t.box = container.NewVBox()
	t.refresh()
	t.sync().listen(t.refresh)
	return t.box
}

func teamBold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func teamWrap(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// refresh rebuilds the section from the store (on the UI goroutine).
func (t *teamSection) refresh() {
	ctx := context.Background()
	objs := []fyne.CanvasObject{widget.NewSeparator(), teamBold(lang.L("team.title"))}
	self, err := t.store.TeamSelf(ctx)
	if err != nil {
		objs = append(objs, teamWrap(errorText(err)))
		t.box.Objects = objs
		t.box.Refresh()
		return
	}
	if self == nil {
		objs = append(objs, t.initForm()...)
		t.box.Objects = objs
		t.box.Refresh()
		return
	}
	waiting, _ := t.store.TeamPendingCount(ctx)
	last := lang.L("team.never")
	if self.LastSync != "" {
		if ts, err := time.Parse(time.RFC3339, self.LastSync); err == nil {
			last = format.FormatDateTime(ts, t.lang)
		}
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("team.server"), teamWrap(self.URL)),
		widget.NewFormItem(lang.L("team.me"), widget.NewLabel(fmt.Sprintf("%s (%d)", self.Name, self.MemberNo))),
		widget.NewFormItem(lang.L("team.last_sync"), widget.NewLabel(last)),
		widget.NewFormItem(lang.L("team.waiting"), widget.NewLabel(fmt.Sprint(waiting))),
	)
	objs = append(objs, form)
	outcome, needUpgrade := t.sync().outcome()
	status := teamWrap(outcome)
	if status.Text == "" && self.LastError != "" {
		status.SetText(lang.L("team.status_failed", map[string]any{"Reason": self.LastError}))
	}
	bar := widget.NewProgressBarInfinite()
	bar.Hide()
	var syncBtn *widget.Button
	syncBtn = &widget.Button{Text: lang.L("team.sync_now"), Icon: theme.ViewRefreshIcon(), Importance: widget.HighImportance, OnTapped: func() {
		syncBtn.Disable()
		bar.Show()
		status.SetText(lang.L("team.syncing"))
		t.syncNow(func(stage string) { status.SetText(stageText(stage)) }, t.refresh)
	}}
	cancel := &widget.Button{Text: lang.L("action.cancel"), OnTapped: func() { t.sync().cancelRun() }}
	members := &widget.Button{Text: lang.L("team.members"), Icon: theme.AccountIcon(), OnTapped: t.onMembers}
	objs = append(objs, container.NewHBox(syncBtn, cancel, members, t.joinButton()), bar, status)
	if needUpgrade {
		objs = append(objs, container.NewHBox(&widget.Button{Text: lang.L("team.upgrade"), Icon: theme.WarningIcon(),
			Importance: widget.WarningImportance, OnTapped: t.showUpgrade}))
	}
	objs = append(objs, t.conflicts()...)
	t.box.Objects = objs
	t.box.Refresh()
}

// initForm starts a team with this file (joining makes a new file: the command line).
func (t *teamSection) initForm() []fyne.CanvasObject {
	url := widgets.NewText(&widget.Entry{PlaceHolder: "postgres://anna@db.example.com:5432/channeldesk?sslmode=verify-full"})
	name := widgets.NewText(&widget.Entry{Text: t.settings().ManagerName})
	pw := widgets.NewText(&widget.Entry{Password: true})
	msg := teamWrap("")
	form := widget.NewForm(
		widget.NewFormItem(lang.L("team.server"), url),
		widget.NewFormItem(lang.L("team.your_name"), name),
		widget.NewFormItem(lang.L("team.password"), pw),
	)
	var start *widget.Button
	start = &widget.Button{Text: lang.L("team.init"), Icon: theme.UploadIcon(), OnTapped: func() {
		start.Disable()
		msg.SetText(lang.L("team.init_running"))
		var note string
		var err error
		u, n, p := url.Text, name.Text, pw.Text
		t.run(func() {
			note, err = team.Init(context.Background(), t.store, u, n, p)
		}, func() {
			start.Enable()
			if err != nil {
				msg.Importance = widget.DangerImportance
				msg.SetText(errorText(err))
				return
			}
			t.startSync()
			t.refresh()
			if note != "" {
				dialog.ShowInformation(lang.L("team.title"), note, t.win)
			}
		})
	}}
	return []fyne.CanvasObject{teamWrap(lang.L("team.not_in_team")), form, container.NewHBox(start, t.joinButton()), msg}
}

func showValue(v any) string {
	if v == nil {
		return lang.L("team.deleted")
	}
	if s, ok := v.(string); ok {
		return "«" + s + "»"
	}
	b, _ := json.Marshal(v)
	if len(b) > 80 {
		return string(b[:77]) + "..."
	}
	return string(b)
}

// conflicts lists the open conflicts with a way to settle each.
func (t *teamSection) conflicts() []fyne.CanvasObject {
	cs, err := t.store.TeamConflicts(context.Background(), false)
	if err != nil {
		return []fyne.CanvasObject{teamWrap(errorText(err))}
	}
	objs := []fyne.CanvasObject{teamBold(lang.L("team.conflicts", map[string]any{"Count": len(cs)}))}
	if len(cs) == 0 {
		return append(objs, widget.NewLabel(lang.L("team.no_conflicts")))
	}
	by := t.settings().ManagerName
	for _, c := range cs {
		c := c
		field := c.Field
		if field == "*" {
			field = lang.L("team.whole_record")
		}
		text := lang.L("team.conflict_line", map[string]any{
			"Table": c.Table, "Key": c.Key, "Field": field, "Reason": reasonText(c.Reason),
			"Kept": showValue(c.Kept), "KeptBy": c.KeptBy, "Other": showValue(c.Other), "OtherBy": c.OtherBy, "Base": showValue(c.Base),
		})
		if c.Detail != "" {
			text += " – " + c.Detail
		}
		resolve := func(res string, v any) {
			if err := t.store.ResolveTeamConflict(context.Background(), c.ID, res, v, by); err != nil {
				t.showError(err, nil)
				return
			}
			t.refresh()
		}
		theirs := &widget.Button{Text: lang.L("team.keep_theirs"), OnTapped: func() { resolve("theirs", nil) }}
		mine := &widget.Button{Text: lang.L("team.keep_other"), OnTapped: func() { resolve("mine", nil) }}
		typed := &widget.Button{Text: lang.L("team.type_value"), OnTapped: func() {
			e := widgets.NewText(&widget.Entry{})
			if s, ok := c.Kept.(string); ok {
				e.SetText(s)
			}
			(&widgets.FormDialog{Title: lang.L("team.type_value"), Items: []*widget.FormItem{widget.NewFormItem(field, e)},
				OnSave: func() error {
					return t.store.ResolveTeamConflict(context.Background(), c.ID, "new", team.TypedValue(c, e.Text), by)
				},
				OnDone: t.refresh}).Show(t.win)
		}}
		if c.Field == "*" {
			typed.Disable()
		}
		objs = append(objs, teamWrap(text), container.NewHBox(theirs, mine, typed))
	}
	return objs
}

// teamConflictCount is the number of open conflicts (for the badge).
func teamConflictCount(s *data.Store) int {
	if !s.InTeam() {
		return 0
	}
	cs, err := s.TeamConflicts(context.Background(), false)
	if err != nil {
		return 0
	}
	return len(cs)
}

func stageText(stage string) string {
	switch stage {
	case "connect":
		return lang.L("team.stage_connect")
	case "pull":
		return lang.L("team.stage_pull")
	case "push":
		return lang.L("team.stage_push")
	}
	return lang.L("team.stage_done")
}

func reasonText(reason string) string {
	switch reason {
	case "edit_deleted":
		return lang.L("team.reason_edit_deleted")
	case "deleted_edited":
		return lang.L("team.reason_deleted_edited")
	case "duplicate":
		return lang.L("team.reason_duplicate")
	case "rule":
		return lang.L("team.reason_rule")
	}
	return lang.L("team.reason_both_changed")
}
