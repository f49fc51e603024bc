// Package screens is ChannelDesk's Fyne user interface: one file per
// screen, shared widgets beside them.
package screens

import (
	"context"
	"fmt"
	"log"
	"runtime/debug"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/format"
	"channeldesk/assets"
	"channeldesk/data"
)

// Icon is the application icon, for the window and the app.
var Icon = fyne.NewStaticResource("icon.png", assets.IconPNG)

// UI is the main window and what its screens share.
type UI struct {
	tracer   func(what string, n int) // set by TraceStartup; nil normally
	App      fyne.App
	Win      fyne.Window
	Store    *data.Store
	Lang     format.Lang
	Settings data.Settings

	areas   []area
	nav     *widget.List
	content *fyne.Container
	current string
	work    sync.WaitGroup
	// startupLoads are the repeating loads whose first run released memory.
	startupLoads map[string]bool
	shown        []func() // see whenShown
	uiMu         sync.Mutex

	partners  *partnersScreen
	dashboard *dashboardScreen
	recruit   *recruitScreen
	capture   *captureForm
	importer  *importFlow
	plans     *plansScreen

	// leads and leadCapture: the Leads tab and quick capture's lead mode
	leads       *leadsScreen
	leadCapture *leadCaptureForm

	// Reopened is called after a restore replaced the data (the store is
	// reopened in place); nil rebuilds the window.
	Reopened func()

	Version   string                                 // shown in About; main sets it from FyneApp.toml
	OpenStore func(path string) (*data.Store, error) // opens another database (File → Open); main sets it
	actions   map[string]func()                      // menu actions the screens register (menu.go)
	restored  bool                                   // window prefs applied; screens shown from now on are remembered
	team      *teamSync                              // the team's syncs (settings_team.go); nil alone
}

// area is one entry of the navigation sidebar.
type area struct {
	key   string // translation key of its name, also its id
	icon  fyne.Resource
	build func() fyne.CanvasObject
}

// New builds the main window over an open store. The interface language
// follows the settings' override or the system locale.
func New(a fyne.App, store *data.Store) *UI {
	u := &UI{App: a, Store: store}
	u.Win = a.NewWindow("ChannelDesk")
	u.Win.SetIcon(Icon)
	u.loadSettings()
	// Size first: the first screen starts loading in the background as it
	// is built, and a later resize would lay it out while figures arrive.
	u.Win.Resize(fyne.NewSize(1280, 760))
	u.build()
	u.buildMenu()
	u.restoreWindow()
	u.startupBackup()
	u.driveNotice()
	u.startTeamSync()
	return u
}

func (u *UI) loadSettings() {
	st, err := u.Store.Settings(context.Background())
	if err != nil {
		log.Printf("settings: %v", err)
	}
	u.Settings = st
	language := assets.Language(st.UILang)
	if err := assets.LoadTranslations(language); err != nil {
		log.Printf("translations: %v", err)
	}
	u.Lang = format.Lang(language)
}

// build lays out the sidebar and the areas that work.
func (u *UI) build() {
	u.partners = u.newPartnersScreen()
	u.areas = []area{
		{"dash.nav", theme.HomeIcon(), func() fyne.CanvasObject { u.dashboard = u.newDashboardScreen(); return u.dashboard.buildUI() }},
		{"nav.partners", theme.AccountIcon(), u.partners.buildUI},
		{"nav.recruitment", theme.SearchIcon(), func() fyne.CanvasObject { return u.newRecruitScreen().buildUI() }},
		{"onboard.nav", theme.ListIcon(), func() fyne.CanvasObject { return u.newOnboardingScreen().buildUI() }},
		{"deals.nav", theme.FileTextIcon(), func() fyne.CanvasObject { return withLeadsTab(u, newDealsScreen(u).buildUI()) }},
		{"tiers.nav", theme.GridIcon(), func() fyne.CanvasObject { return newTiersScreen(u).buildUI() }},
		{"nav.mdf", theme.StorageIcon(), func() fyne.CanvasObject { return u.newMDFScreen().buildUI() }},
		{"plans.nav", theme.DocumentIcon(), func() fyne.CanvasObject { u.plans = u.newPlansScreen(); return u.plans.buildUI() }},
		{"nav.settings", theme.SettingsIcon(), func() fyne.CanvasObject { return u.newSettingsScreen().buildUI() }},
	}
	u.content = container.NewStack()
	u.nav = &widget.List{
		Length: func() int { return len(u.areas) },
		CreateItem: func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.AccountIcon()), widget.NewLabel("Settings and more"))
		},
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(u.areas[id].icon)
			text := lang.L(u.areas[id].key)
			if u.areas[id].key == "nav.settings" {
				if n := teamConflictCount(u.Store); n > 0 {
					text += fmt.Sprintf(" (%d)", n) // open team conflicts
				}
			}
			row.Objects[1].(*widget.Label).SetText(text)
		},
		OnSelected: func(id widget.ListItemID) {
			if u.areas[id].key != u.current { // show() selects too: build once
				u.show(u.areas[id].key)
			}
		},
	}
	title := widget.NewLabelWithStyle(u.programTitle(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	side := container.NewBorder(title, nil, nil, nil, u.nav)
	split := container.NewHSplit(side, u.content)
	split.Offset = 0.14
	u.Win.SetContent(split)
	u.nav.Select(0)
}

func (u *UI) programTitle() string {
	if u.Settings.ProgramName != "" {
		return u.Settings.ProgramName
	}
	return "ChannelDesk"
}

// show switches the main area to the screen with the given key.
func (u *UI) show(key string) {
	for i, a := range u.areas {
		if a.key != key {
			continue
		}
		u.current = key
		u.rememberScreen(key)
		u.content.Objects = []fyne.CanvasObject{a.build()}
		u.content.Refresh()
		u.nav.Select(i)
		u.runShown()
		return
	}
}

// whenShown runs f once the screen being built is laid out; a screen
// starts its background loading with it, so figures that arrive at once
// never race the first layout.
func (u *UI) whenShown(f func()) { u.shown = append(u.shown, f) }

func (u *UI) runShown() {
	for len(u.shown) > 0 {
		f := u.shown[0]
		u.shown = u.shown[1:]
		f()
	}
}

// Rebuild lays the window out anew, after the language or settings change.
func (u *UI) Rebuild() {
	current := u.current
	u.startupLoads = nil // another database: its first loads release memory again
	u.loadSettings()
	u.build()
	u.buildMenu()
	if current != "" {
		u.show(current)
	}
}

// runInline makes background work synchronous. Fyne's test driver runs
// fyne.Do callbacks on the calling goroutine, so screen tests set it to keep
// widget access on the test goroutine.
var runInline = false

// background runs work off the UI goroutine, then done on it.
func (u *UI) background(work func(), done func()) {
	if runInline {
		work()
		done()
		return
	}
	u.work.Add(1)
	go func() {
		defer u.work.Done()
		if err := recovered(work); err != nil {
			// A bug in background work must not take the window and what
			// the user typed with it: it becomes the internal-error dialog,
			// with the stack in the log.
			u.onUI(func() { u.showError(err, nil) })
			return
		}
		u.onUI(done)
	}()
}

// recovered runs work and turns a panic into an error carrying its stack.
func recovered(work func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic in background work: %v\n%s", r, debug.Stack())
		}
	}()
	work()
	return nil
}

// releaseMemory hands the memory a large piece of work left free (the
// start-up loads, an import, an export) back to the system at once rather
// than over the next minutes, so the window's resident size stays that of
// what it shows. The full collection runs off the UI goroutine.
func (u *UI) releaseMemory() {
	if runInline {
		return
	}
	go debug.FreeOSMemory()
}

// releaseAfterStartup is releaseMemory for the loads every visit repeats
// (the partner list, the dashboard): only their first run, at start-up,
// leaves enough behind to be worth a full collection.
func (u *UI) releaseAfterStartup(what string) {
	if u.startupLoads[what] {
		return
	}
	if u.startupLoads == nil {
		u.startupLoads = map[string]bool{}
	}
	u.startupLoads[what] = true
	u.releaseMemory()
}

// onUI runs f on the UI goroutine and waits for it. The lock matters only
// under the test driver, which runs f on the calling goroutine: it keeps
// two background jobs from touching widgets at the same time. f must not
// call onUI itself.
func (u *UI) onUI(f func()) {
	fyne.DoAndWait(func() {
		u.uiMu.Lock()
		defer u.uiMu.Unlock()
		f()
	})
}

// Wait blocks until background work started so far has been applied;
// tests use it.
func (u *UI) Wait() { u.work.Wait() }
