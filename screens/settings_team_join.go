package screens

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/files"
	"channeldesk/app/team"
	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// teamJoin makes a new database from a team's (tests replace it).
var teamJoin = team.Join

// teamUpgrade moves the team's server to this version (tests replace it).
var teamUpgrade = func(ctx context.Context, s *data.Store) error { return team.Upgrade(ctx, s, "") }

// needsUpgrade reports a sync refused because the team's server is older
// than this app: a person may upgrade it, after a backup.
func needsUpgrade(err error) bool {
	e, ok := data.AsError(err)
	return ok && (e.Key == "team.err_server_older" || e.Key == "team.err_layout_older")
}

// joinButton is Settings › Team's "Join a team…".
func (t *teamSection) joinButton() *widget.Button {
	return &widget.Button{Text: lang.L("team.join"), Icon: theme.DownloadIcon(), OnTapped: t.showJoin}
}

// showJoin asks for the team's server, the member's name and password
// and a new file, then makes the file from the team's data in the
// background (progress, Cancel) and opens it.
func (t *teamSection) showJoin() {
	url := widgets.NewText(&widget.Entry{PlaceHolder: "postgres://boris@db.example.com:5432/channeldesk?sslmode=verify-full"})
	name := widgets.NewText(&widget.Entry{Text: t.settings().ManagerName})
	pw := widgets.NewText(&widget.Entry{Password: true})
	file := widgets.NewText(&widget.Entry{Text: filepath.Join(filepath.Dir(t.store.Path()), "team.db")})
	form := widget.NewForm(
		widget.NewFormItem(lang.L("team.server"), url),
		widget.NewFormItem(lang.L("team.your_name"), name),
		widget.NewFormItem(lang.L("team.password"), pw),
		widget.NewFormItem(lang.L("team.join_file"), container.NewBorder(nil, nil, nil, t.chooseJoinFile(file), file)),
	)
	bar := widget.NewProgressBar()
	bar.Hide()
	msg := teamWrap(lang.L("team.join_help"))
	var d dialog.Dialog
	var cancel context.CancelFunc
	var joinBtn, cancelBtn *widget.Button
	joinBtn = &widget.Button{Text: lang.L("team.join_start"), Importance: widget.HighImportance, OnTapped: func() {
		path := strings.TrimSpace(file.Text)
		if strings.TrimSpace(url.Text) == "" || strings.TrimSpace(name.Text) == "" || path == "" {
			msg.Importance = widget.DangerImportance
			msg.SetText(lang.L("team.join_fill"))
			msg.Refresh()
			return
		}
		var ctx context.Context
		ctx, cancel = context.WithCancel(context.Background())
		joinBtn.Disable()
		bar.SetValue(0)
		bar.Show()
		msg.Importance = widget.MediumImportance
		msg.SetText(lang.L("team.stage_connect"))
		progress := func(stage string, done, total int) {
			fyne.Do(func() {
				if stage != "join" {
					msg.SetText(stageText(stage))
					return
				}
				if total > 0 {
					bar.SetValue(float64(done) / float64(total))
				}
				msg.SetText(lang.L("team.join_progress", map[string]any{"Done": done, "Total": total}))
			})
		}
		var err error
		t.run(func() {
			err = teamJoin(ctx, path, url.Text, name.Text, pw.Text, progress)
		}, func() {
			cancel()
			cancel = nil
			joinBtn.Enable()
			bar.Hide()
			if err != nil {
				msg.Importance = widget.DangerImportance
				if errors.Is(err, context.Canceled) {
					msg.SetText(lang.L("team.join_cancelled"))
				} else {
					msg.SetText(errorText(err))
				}
				msg.Refresh()
				return
			}
			d.Hide()
			t.openFile(path)
		})
	}}
	cancelBtn = &widget.Button{Text: lang.L("action.cancel"), OnTapped: func() {
		if cancel != nil {
			cancel() // the join stops; its half-made file goes
			return
		}
		d.Hide()
	}}
	content := container.NewVBox(form, bar, msg, container.NewHBox(layoutSpacer(), cancelBtn, joinBtn))
	d = dialog.NewCustomWithoutButtons(lang.L("team.join_title"), content, t.win)
	d.Resize(fyne.NewSize(720, 0))
	d.Show()
}

// chooseJoinFile is "Choose folder…" beside the join's new file: the
// folder chosen replaces the typed path's folder and the file name stays.
// It asks for a folder, not a file: a save dialog empties a file picked
// there before the join could refuse it, and the join makes a new file.
func (t *teamSection) chooseJoinFile(file *widgets.TextEntry) *widget.Button {
	choose := func() {
		t.askFolder(func(dir fyne.ListableURI, err error) {
			if err != nil {
				t.showError(saveDialogFailure(err), nil)
			}
			if err != nil || dir == nil {
				return
			}
			name := filepath.Base(strings.TrimSpace(file.Text))
			if name == "." || name == string(filepath.Separator) || strings.TrimSpace(file.Text) == "" {
				name = "team.db"
			}
			file.SetText(filepath.Join(dir.Path(), name))
		})
	}
	return &widget.Button{Text: lang.L("team.choose_folder"), Icon: theme.FolderOpenIcon(), OnTapped: choose}
}

func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }

// showUpgrade asks before the team's server moves to this version: the
// server should be backed up first (by its owner: pg_dump or the
// provider's backup); a backup of this laptop's file is offered too.
func (t *teamSection) showUpgrade() {
	text := teamWrap(lang.L("team.upgrade_text", map[string]any{"Version": data.SchemaVersion()}))
	serverBacked := widget.NewCheck(lang.L("team.upgrade_server_backed_up"), nil)
	local := widget.NewCheck(lang.L("team.upgrade_local_backup"), nil)
	local.SetChecked(true)
	msg := teamWrap("")
	bar := widget.NewProgressBarInfinite()
	bar.Hide()
	var d dialog.Dialog
	var upBtn *widget.Button
	upBtn = &widget.Button{Text: lang.L("team.upgrade_start"), Importance: widget.HighImportance, OnTapped: func() {
		upBtn.Disable()
		bar.Show()
		var err error
		var backup string
		withLocal := local.Checked
		t.run(func() {
			if withLocal {
				if backup, err = files.BackupNow(t.store); err != nil {
					return
				}
			}
			err = teamUpgrade(context.Background(), t.store)
		}, func() {
			bar.Hide()
			if err != nil {
				upBtn.Enable()
				msg.Importance = widget.DangerImportance
				msg.SetText(errorText(err))
				msg.Refresh()
				return
			}
			d.Hide()
			t.sync().upgraded()
			done := lang.L("team.upgrade_done", map[string]any{"Version": data.SchemaVersion()})
			if backup != "" {
				done += "\n" + lang.L("team.upgrade_local_done", map[string]any{"Path": backup})
			}
			dialog.ShowInformation(lang.L("team.title"), done, t.win)
			if !runInline { // as startTeamSync: screen tests run no real sync
				t.syncNow(nil, nil)
			}
			t.refresh()
		})
	}}
	upBtn.Disable()
	serverBacked.OnChanged = func(on bool) {
		if on {
			upBtn.Enable()
		} else {
			upBtn.Disable()
		}
	}
	cancelBtn := &widget.Button{Text: lang.L("action.cancel"), OnTapped: func() { d.Hide() }}
	content := container.NewVBox(text, serverBacked, local, bar, msg, container.NewHBox(layoutSpacer(), cancelBtn, upBtn))
	d = dialog.NewCustomWithoutButtons(lang.L("team.upgrade_title"), content, t.win)
	d.Resize(fyne.NewSize(640, 0))
	d.Show()
}
