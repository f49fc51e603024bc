package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ShowOpenError shows, in a small window of its own, why the database at
// path could not be opened and what to do, then runs the app until that
// window is closed. The file has not been touched.
func ShowOpenError(a fyne.App, path string, err error) {
	w := newOpenErrorWindow(a, path, err)
	w.ShowAndRun()
}

func newOpenErrorWindow(a fyne.App, path string, err error) fyne.Window {
	w := a.NewWindow("ChannelDesk")
	title := widget.NewLabelWithStyle(lang.L("desk.open_error.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	msg := widget.NewLabel(errorText(err))
	msg.Wrapping = fyne.TextWrapWord
	where := widget.NewLabel(lang.L("desk.open_error.path", map[string]any{"Path": path}))
	where.Wrapping = fyne.TextWrapBreak
	quit := &widget.Button{Text: lang.L("desk.open_error.quit"), Icon: theme.LogoutIcon(), Importance: widget.HighImportance,
		OnTapped: w.Close}
	w.SetContent(container.NewBorder(container.NewHBox(widget.NewIcon(theme.ErrorIcon()), title), container.NewHBox(quit),
		nil, nil, container.NewVBox(msg, where)))
	w.Resize(fyne.NewSize(560, 220))
	return w
}
