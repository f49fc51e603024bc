package screens

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/applog"
	"channeldesk/app/errtext"
	"channeldesk/data"
)

// showError tells the user what went wrong in a dialog over whatever is
// open (a form stays as it was). A file another program holds offers
// saveAs (when not nil) to choose another name; an internal error names
// the log file and offers to copy its details.
func (u *UI) showError(err error, saveAs func()) {
	text := errorText(err)
	switch fe, ok := data.AsFileError(err); {
	case ok && fe.Cause == data.CauseInUse && saveAs != nil:
		d := dialog.NewCustomConfirm(lang.L("errors.title"), lang.L("errors.save_as"), lang.L("desk.close"),
			wrapped(text), func(ok bool) {
				if ok {
					saveAs()
				}
			}, u.Win)
		d.Resize(fyne.NewSize(480, d.MinSize().Height))
		d.Show()
	case errtext.Internal(err):
		u.showInternalError(text, err)
	default:
		dialog.ShowError(errors.New(text), u.Win)
	}
}

// showInternalError shows an unexpected failure: the message with the log
// file's path, and a button that copies the details for a support request.
func (u *UI) showInternalError(text string, err error) {
	details := fmt.Sprintf("ChannelDesk %s\n%s\n%+v\nlog: %s", u.Version, text, err, applog.Path())
	copyBtn := &widget.Button{Text: lang.L("errors.copy_details"), Icon: nil, OnTapped: func() {
		u.App.Clipboard().SetContent(details)
	}}
	d := dialog.NewCustom(lang.L("errors.title"), lang.L("desk.close"), container.NewVBox(wrapped(text), copyBtn), u.Win)
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	d.Show()
}

// saveDialogFailure classifies the error of a save dialog that could not
// open the chosen file for writing (on Windows, a workbook open in Excel).
func saveDialogFailure(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return data.FileFailure(pe.Path, err)
	}
	return err
}

// wrapped is a label that wraps its text to the dialog's width.
func wrapped(text string) *widget.Label {
	return &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}
}

// showLogFolder opens the folder that holds the log with the system's
// file manager (Help → Show log folder).
func (u *UI) showLogFolder() {
	path := applog.Path()
	if path == "" {
		dialog.ShowInformation(lang.L("errors.log_folder"), lang.L("errors.no_log"), u.Win)
		return
	}
	if err := u.App.OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Dir(path))}); err != nil {
		dialog.ShowInformation(lang.L("errors.log_folder"), filepath.Dir(path), u.Win)
	}
}

// backupFailedNotice says prominently, once at start, that the day's
// automatic backup could not be made and why; the program works on.
func (u *UI) backupFailedNotice(err error) {
	d := dialog.NewCustom(lang.L("errors.backup_title"), lang.L("desk.close"),
		wrapped(lang.L("errors.backup_skipped", map[string]any{"Why": errorText(err)})), u.Win)
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	d.Show()
}

// driveNotice tells once per database that it lies on a removable or
// network drive, where a local copy is safer.
func (u *UI) driveNotice() {
	path := u.Store.Path()
	kind := data.DriveKind(path)
	key := "drive_notice:" + path
	if kind == data.DriveLocal || u.App.Preferences().Bool(key) {
		return
	}
	u.App.Preferences().SetBool(key, true)
	text := lang.L("errors.drive_removable", map[string]any{"Path": path})
	if kind == data.DriveNetwork {
		text = lang.L("errors.drive_network", map[string]any{"Path": path})
	}
	d := dialog.NewCustom(lang.L("errors.drive_title"), lang.L("desk.close"), wrapped(text), u.Win)
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	d.Show()
}
