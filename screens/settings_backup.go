package screens

import (
	"fmt"
	"log"
	"time"

	"channeldesk/app/files"
	"channeldesk/app/format"
	"channeldesk/data"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// backupSection is the Backups part of the settings screen: back up now,
// the list of backups, restore one.
type backupSection struct {
	store    *data.Store
	win      fyne.Window
	lang     format.Lang
	run      runner
	reopened func() // after a restore replaced the data
	items    []files.BackupInfo
	rows     *fyne.Container
	empty    *widget.Label
	msg      *widget.Label
}

func newBackupSection(store *data.Store, win fyne.Window, l format.Lang, run runner, reopened func()) *backupSection {
	return &backupSection{store: store, win: win, lang: l, run: run, reopened: reopened}
}

func (b *backupSection) buildUI() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("rel.backups"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	now := &widget.Button{Text: lang.L("rel.backup_now"), Icon: theme.DocumentSaveIcon(), OnTapped: b.onBackupNow}
	folder := widget.NewLabel(lang.L("rel.backups_folder", map[string]any{"Path": data.BackupDir(b.store.Path())}))
	folder.Wrapping = fyne.TextWrapBreak
	b.msg = widget.NewLabel("")
	b.msg.Wrapping = fyne.TextWrapWord
	b.empty = widget.NewLabel(lang.L("rel.backups_none"))
	b.rows = container.NewVBox()
	b.reload()
	return container.NewVBox(widget.NewSeparator(), title, container.NewHBox(now), b.msg, folder, b.empty, b.rows)
}

// reload reads the backups folder (a directory listing, cheap) and shows
// one row per backup: at most a few dozen, as old daily ones are pruned.
func (b *backupSection) reload() {
	items, err := files.ListBackups(b.store.Path())
	if err != nil {
		b.showErr(err)
	}
	b.items = items
	b.empty.Hidden = len(items) > 0
	b.empty.Refresh()
	b.rows.Objects = b.rows.Objects[:0]
	for _, it := range items {
		label := widget.NewLabel(lang.L("rel.backup_row", map[string]any{
			"When": b.when(it), "Reason": reasonLabel(it.Reason), "Size": sizeLabel(it.Size)}))
		restore := widget.NewButton(lang.L("rel.restore"), func() { b.confirmRestore(it) })
		b.rows.Add(container.NewBorder(nil, nil, nil, restore, label))
	}
	b.rows.Refresh()
}

func (b *backupSection) when(it files.BackupInfo) string {
	return format.FormatDate(it.Time.Format(time.RFC3339), b.lang) + " " + it.Time.Local().Format("15:04:05")
}

func reasonLabel(reason string) string {
	switch reason {
	case "daily":
		return lang.L("rel.reason_daily")
	case "manual":
		return lang.L("rel.reason_manual")
	case "premigrate":
		return lang.L("rel.reason_premigrate")
	case "prerestore":
		return lang.L("rel.reason_prerestore")
	}
	return reason
}

func sizeLabel(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)/1024)
}

func (b *backupSection) onBackupNow() {
	var path string
	var err error
	b.run(func() { path, err = files.BackupNow(b.store) }, func() {
		if err != nil {
			b.showErr(err)
			return
		}
		b.msg.Importance = widget.SuccessImportance
		b.msg.SetText(lang.L("rel.backup_done", map[string]any{"Path": path}))
		b.reload()
	})
}

func (b *backupSection) confirmRestore(it files.BackupInfo) {
	when := b.when(it)
	dialog.ShowCustomConfirm(lang.L("rel.restore_title"), lang.L("rel.restore_do"), lang.L("action.cancel"),
		widget.NewLabel(lang.L("rel.restore_confirm", map[string]any{"When": when})), func(ok bool) {
			if ok {
				b.restore(it, when)
			}
		}, b.win)
}

func (b *backupSection) restore(it files.BackupInfo, when string) {
	var safety string
	var err error
	b.run(func() { safety, err = files.Restore(b.store, it.Path) }, func() {
		if err != nil {
			b.showErr(err)
			return
		}
		b.reopened()
		dialog.ShowInformation(lang.L("rel.restore_title"),
			lang.L("rel.restored", map[string]any{"When": when, "Path": safety}), b.win)
	})
}

func (b *backupSection) showErr(err error) {
	b.msg.Importance = widget.DangerImportance
	b.msg.SetText(errorText(err))
}

// reopened shows the restored data: the store was reopened in place on the
// restored file; Reopened (when set) lets the program do more.
func (u *UI) reopened() {
	if u.Reopened != nil {
		u.Reopened()
		return
	}
	u.Rebuild()
}

// startupBackup makes the day's automatic backup (at most one a day, the
// last files.KeepDaily kept) when the window opens.
func (u *UI) startupBackup() {
	var err error
	u.background(func() { _, err = files.DailyBackup(u.Store) }, func() {
		if err != nil {
			log.Printf("daily backup: %v", err)
		}
		if _, ok := data.AsFileError(err); ok {
			u.backupFailedNotice(err)
		}
		u.releaseMemory() // the copy of a large file leaves freed pages behind
	})
}
