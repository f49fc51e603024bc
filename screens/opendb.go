package screens

import (
	"log"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"channeldesk/data"
)

const (
	prefRecent = "desk.recent_databases"
	maxRecent  = 8
)

// recentDatabases are the database files opened lately, newest first.
func (u *UI) recentDatabases() []string {
	return u.App.Preferences().StringList(prefRecent)
}

// addRecent puts path first in the recent list.
func (u *UI) addRecent(path string) {
	if path == "" {
		return
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	list := slices.DeleteFunc(u.recentDatabases(), func(p string) bool { return p == path })
	list = append([]string{path}, list...)
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	u.App.Preferences().SetStringList(prefRecent, list)
}

// recentMenu is File → Open recent, or nil when there is nothing else.
func (u *UI) recentMenu() *fyne.MenuItem {
	current, _ := filepath.Abs(u.Store.Path())
	var items []*fyne.MenuItem
	for _, p := range u.recentDatabases() {
		if p == current {
			continue
		}
		path := p
		items = append(items, fyne.NewMenuItem(path, func() { u.openDatabase(path) }))
	}
	if len(items) == 0 {
		return nil
	}
	item := fyne.NewMenuItem(lang.L("desk.menu.open_recent"), nil)
	item.ChildMenu = fyne.NewMenu("", items...)
	return item
}

// chooseDatabase asks for a database file and opens it (File → Open).
func (u *UI) chooseDatabase() {
	d := u.newFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		u.openDatabase(r.URI().Path())
	})
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db", ".sqlite", ".channeldesk"}))
	if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(u.Store.Path()))); err == nil {
		d.SetLocation(dir)
	}
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// openDatabase switches to another database file: it opens it off the UI
// goroutine and, once it is open, closes the old one and rebuilds the
// window over the new one. A file that will not open leaves everything
// as it was.
func (u *UI) openDatabase(path string) {
	open := u.OpenStore
	if open == nil {
		open = data.Open
	}
	var s *data.Store
	var err error
	u.background(func() { s, err = open(path) }, func() {
		if err != nil {
			u.addRecentFailed(path)
			dialog.ShowError(fmtErr(path, err), u.Win)
			return
		}
		old := u.Store
		u.stopTeamSync() // the team sync of the file closed now
		u.Store = s
		if err := old.Close(); err != nil {
			log.Printf("close %s: %v", old.Path(), err)
		}
		u.addRecent(path)
		u.startTeamSync() // and of the file opened, when it is a team's
		u.Rebuild()
	})
}

// addRecentFailed drops a file that no longer opens from the recent list.
func (u *UI) addRecentFailed(path string) {
	list := slices.DeleteFunc(u.recentDatabases(), func(p string) bool { return p == path })
	u.App.Preferences().SetStringList(prefRecent, list)
}

// fmtErr is an error shown in a dialog: the file, then what went wrong.
func fmtErr(path string, err error) error {
	return &pathError{path: path, text: errorText(err)}
}

type pathError struct{ path, text string }

func (e *pathError) Error() string { return e.path + ": " + e.text }
