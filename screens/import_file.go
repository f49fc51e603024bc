package screens

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
)

// importExts are the files the partner import reads.
var importExts = []string{".csv", ".tsv", ".txt", ".xlsx", ".xlsm"}

// IsImportFile reports whether path names a file the partner import
// reads, by its extension (a file opened with "Open with ChannelDesk").
func IsImportFile(path string) bool {
	return slices.Contains(importExts, strings.ToLower(filepath.Ext(path)))
}

// EnableFileDrop lets a CSV or Excel file dropped onto the window open the
// partner import preview.
func (u *UI) EnableFileDrop() {
	u.Win.SetOnDropped(u.droppedKitOr(u.dropped)) // a returned kit goes to the kit import (kit_drop.go)
}

// dropped opens the first importable file among those dropped; when none
// is, it says which files it reads.
func (u *UI) dropped(_ fyne.Position, uris []fyne.URI) {
	for _, uri := range uris {
		if uri.Scheme() == "file" && IsImportFile(uri.Path()) {
			u.ImportFile(uri.Path())
			return
		}
	}
	if len(uris) > 0 {
		dialog.ShowError(errors.New(lang.L("win.drop_unsupported", map[string]any{"Name": uris[0].Name()})), u.Win)
	}
}

// ImportFile opens the partner import preview for the file at path, as
// ShowImport does after its file dialog.
func (u *UI) ImportFile(path string) {
	file, err := os.Open(path)
	if err != nil {
		dialog.ShowError(errors.New(lang.L("win.open_failed", map[string]any{"Path": path, "Error": errorText(err)})), u.Win)
		return
	}
	u.newImportFlow().open(filepath.Base(path), file)
}

// newImportFlow starts an import that reloads the recruitment area when
// it is done.
func (u *UI) newImportFlow() *importFlow {
	f := &importFlow{ui: u}
	if u.recruit != nil {
		f.onDone = u.recruit.reload
	}
	u.importer = f
	return f
}
