package screens

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/format"
	"channeldesk/app/report"
	"channeldesk/data"
)

// reportExport asks where to save the Excel report and writes it in the
// background, with a progress bar and a Cancel button.
type reportExport struct {
	store         *data.Store
	win           fyne.Window
	lang          format.Lang
	background    runner
	showError     func(err error, saveAs func()) // errors.go
	releaseMemory func()                         // after the export (ui.go)

	bar    *widget.ProgressBar
	dlg    *dialog.CustomDialog
	cancel context.CancelFunc
	err    error // the last export's outcome, for tests
}

// newReportExport sets up the report export for this window.
func newReportExport(u *UI) *reportExport {
	return &reportExport{store: u.Store, win: u.Win, lang: u.Lang, background: u.background,
		showError: u.showError, releaseMemory: u.releaseMemory}
}

// ask shows the save dialog, then exports.
func (e *reportExport) ask() {
	fd := fileSave(e.win, func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			e.showError(saveDialogFailure(err), e.ask)
		}
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
			removeIfEmpty(path) // the dialog created it; the report goes beside it
			path += ".xlsx"
		}
		e.run(path)
	})
	fd.SetFileName("channeldesk-report-" + e.store.Now().Format(format.DateLayout) + ".xlsx")
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	fd.Show()
}

// run writes the report to path in the background.
func (e *reportExport) run(path string) {
	ctx, cancel := context.WithCancel(context.Background())
	e.cancel = cancel
	e.bar = widget.NewProgressBar()
	stop := &widget.Button{Text: lang.L("action.cancel"), OnTapped: cancel}
	label := &widget.Label{Text: lang.L("dash.export_progress", map[string]any{"Path": filepath.Base(path)}), Truncation: fyne.TextTruncateEllipsis}
	e.dlg = dialog.NewCustomWithoutButtons(lang.L("dash.export_title"), container.NewVBox(label, e.bar), e.win)
	e.dlg.SetButtons([]fyne.CanvasObject{stop})
	e.dlg.Resize(fyne.NewSize(420, 160))
	e.dlg.Show()
	bar := e.bar
	opt := report.Options{Lang: e.lang, Today: e.store.Now(), Progress: func(p float64) {
		fyne.Do(func() { bar.SetValue(p) })
	}}
	var err error
	e.background(func() {
		err = report.Write(ctx, e.store, path, opt)
	}, func() {
		cancel()
		e.releaseMemory()
		e.dlg.Hide()
		e.err = err
		switch {
		case errors.Is(err, context.Canceled):
			removeIfEmpty(path)
		case err != nil:
			removeIfEmpty(path)
			e.showError(err, e.ask)
		default:
			dialog.ShowInformation(lang.L("dash.export_title"), lang.L("dash.export_done", map[string]any{"Path": path}), e.win)
		}
	})
}

// removeIfEmpty deletes the empty file a save dialog made when nothing
// was written into it.
func removeIfEmpty(path string) {
	if st, err := os.Stat(path); err == nil && st.Size() == 0 {
		os.Remove(path)
	}
}
