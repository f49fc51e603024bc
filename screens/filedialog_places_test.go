package screens

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// placesShown opens the fallback (Fyne) open dialog and reads the names
// its places list shows, row by row, as the user sees them.
func placesShown(t *testing.T, u *UI) []string {
	t.Helper()
	u.newFileOpen(func(fyne.URIReadCloser, error) {}).Show()
	for _, l := range findLists(u.Win.Canvas().Overlays().Top()) {
		var names []string
		for i := 0; i < l.Length(); i++ {
			item := l.CreateItem()
			l.UpdateItem(widget.ListItemID(i), item)
			names = append(names, rowLabel(item).Text)
		}
		if len(names) > 0 && (names[0] == "Home" || names[0] == "Домашняя папка") {
			// choosing each place opens it (an added row must not reach
			// Fyne's own handler, which would index past its list)
			for i := range names {
				l.Select(widget.ListItemID(i))
			}
			return names
		}
	}
	t.Fatal("the file dialog shows no places list")
	return nil
}

func TestFileDialogPlacesInRussianWithDocumentsAndDownloads(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("the system's own dialog is used here")
	}
	home := t.TempDir()
	for _, dir := range []string{"Documents", "Downloads"} {
		if err := os.Mkdir(filepath.Join(home, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("HOME", home)
	t.Setenv("PATH", "") // no xdg-user-dir: the folders are looked up under HOME
	u := newTestUI(t, 0, "ru")
	got := placesShown(t, u)
	want := map[string]bool{"Домашняя папка": false, "Компьютер": false, "Документы": false, "Загрузки": false}
	for _, n := range got {
		if _, ok := want[n]; ok {
			want[n] = true
		}
		if _, english := placeKeys[n]; english {
			t.Errorf("place %q is shown in English in the Russian interface (all: %q)", n, got)
		}
	}
	for n, seen := range want {
		if !seen {
			t.Errorf("places %q lack %q", got, n)
		}
	}
}

func TestFileDialogPlacesInEnglish(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("the system's own dialog is used here")
	}
	u := newTestUI(t, 0, "en")
	got := placesShown(t, u)
	if got[0] != "Home" {
		t.Errorf("first place %q, want Home", got[0])
	}
}
