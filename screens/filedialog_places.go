package screens

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// placeKeys are the names Fyne's file dialog gives its places (v2.7.1,
// dialog/file.go and file_unix.go), which it shows untranslated; each maps
// to our translation key.
var placeKeys = map[string]string{
	"Home":      "win.place_home",
	"Computer":  "win.place_computer",
	"App Files": "win.place_app_files",
	"Desktop":   "win.place_desktop",
	"Documents": "win.place_documents",
	"Downloads": "win.place_downloads",
	"Music":     "win.place_music",
	"Pictures":  "win.place_pictures",
	"Videos":    "win.place_videos",
	"Movies":    "win.place_movies",
}

// placeName is the interface-language name of one of Fyne's places, or
// name itself when it is not one (a drive letter, say).
func placeName(name string) string {
	if key, ok := placeKeys[name]; ok {
		return lang.L(key)
	}
	return name
}

// fyneFileDialog is Fyne's file dialog with its places list in the
// interface language: Fyne names them in English whatever the locale.
type fyneFileDialog struct {
	*dialog.FileDialog
	win fyne.Window
}

// Show shows the dialog, then renames its places.
func (d fyneFileDialog) Show() {
	d.FileDialog.Show()
	translatePlaces(d.win, d.FileDialog)
}

// SetFilter, SetFileName, SetLocation and Resize are the FileDialog's own.
var _ fileChooser = fyneFileDialog{}

// showFyneFolderOpen is Fyne's folder dialog with translated places.
func showFyneFolderOpen(w fyne.Window, cb func(fyne.ListableURI, error)) {
	d := dialog.NewFolderOpen(cb, w)
	d.Show()
	translatePlaces(w, d)
}

// translatePlaces finds the places list of the file dialog d on top of
// w (the list whose first row is Fyne's "Home"), makes every row show its
// name in the interface language, and adds the user's Desktop, Documents
// and Downloads folders where Fyne left them out (v2.7.1 skips the place
// after one that is missing). Fyne's own row update runs first, so
// scrolling and refreshes keep the translated names.
func translatePlaces(w fyne.Window, d *dialog.FileDialog) {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	for _, l := range findLists(top) {
		if !isPlacesList(l) {
			continue
		}
		extra := missingPlaces(l)
		n, update, selected := l.Length, l.UpdateItem, l.OnSelected
		l.Length = func() int { return n() + len(extra) }
		l.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
			if id >= n() {
				setPlaceRow(item, extra[id-n()])
				return
			}
			update(id, item)
			if lbl := rowLabel(item); lbl != nil {
				lbl.SetText(placeName(lbl.Text))
			}
		}
		l.OnSelected = func(id widget.ListItemID) {
			if id >= n() {
				d.SetLocation(extra[id-n()].dir)
				return
			}
			if selected != nil {
				selected(id)
			}
		}
		l.Refresh()
	}
}

// extraPlace is a folder of the user's that Fyne's places list lacks.
type extraPlace struct {
	name string // Fyne's English name, a key of placeKeys
	dir  fyne.ListableURI
}

// missingPlaces are the Desktop, Documents and Downloads folders in the
// user's home that the places list l does not show.
func missingPlaces(l *widget.List) []extraPlace {
	shown := map[string]bool{}
	for i := 0; i < l.Length(); i++ {
		item := l.CreateItem()
		l.UpdateItem(widget.ListItemID(i), item)
		if lbl := rowLabel(item); lbl != nil {
			shown[lbl.Text] = true
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return nil
	}
	var out []extraPlace
	for _, name := range []string{"Desktop", "Documents", "Downloads"} {
		if shown[name] {
			continue
		}
		path := filepath.Join(home, name)
		if fi, err := os.Stat(path); err != nil || !fi.IsDir() {
			continue
		}
		dir, err := storage.ListerForURI(storage.NewFileURI(path))
		if err != nil {
			continue
		}
		out = append(out, extraPlace{name: name, dir: dir})
	}
	return out
}

// setPlaceRow fills a places row (Fyne's template: an icon in a padded
// box, then a label) for one of the added folders.
func setPlaceRow(item fyne.CanvasObject, p extraPlace) {
	if lbl := rowLabel(item); lbl != nil {
		lbl.SetText(placeName(p.name))
	}
	if c, ok := item.(*fyne.Container); ok && len(c.Objects) > 0 {
		if box, ok := c.Objects[0].(*fyne.Container); ok && len(box.Objects) > 0 {
			if icon, ok := box.Objects[0].(*widget.Icon); ok {
				icon.SetResource(theme.FolderIcon())
			}
		}
	}
}

// isPlacesList reports whether l is the file dialog's places list: its
// first row, as Fyne fills it, is "Home".
func isPlacesList(l *widget.List) bool {
	if l.Length == nil || l.CreateItem == nil || l.UpdateItem == nil || l.Length() == 0 {
		return false
	}
	item := l.CreateItem()
	l.UpdateItem(0, item)
	lbl := rowLabel(item)
	return lbl != nil && lbl.Text == "Home"
}

// rowLabel is the label of a places row (an icon and a label in a box).
func rowLabel(item fyne.CanvasObject) *widget.Label {
	c, ok := item.(*fyne.Container)
	if !ok {
		return nil
	}
	for _, o := range c.Objects {
		if lbl, ok := o.(*widget.Label); ok {
			return lbl
		}
	}
	return nil
}

// findLists walks o's tree (pop-up content, containers, splits, scrolls)
// for lists.
func findLists(o fyne.CanvasObject) []*widget.List {
	switch v := o.(type) {
	case *widget.List:
		return []*widget.List{v}
	case *widget.PopUp:
		return findLists(v.Content)
	case *container.Split:
		return append(findLists(v.Leading), findLists(v.Trailing)...)
	case *container.Scroll:
		return findLists(v.Content)
	case *fyne.Container:
		var out []*widget.List
		for _, c := range v.Objects {
			out = append(out, findLists(c)...)
		}
		return out
	}
	return nil
}
