package screens

import (
	"channeldesk/app/importer"
	"errors"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
)

// EnableFileDrop lets a CSV or Excel file dropped onto the window open the
// partner import preview.
func (u *UI) EnableFileDrop() {
	// a returned kit goes to the kit import (kit_drop.go), wired per drop
	u.Win.SetOnDropped(func(pos fyne.Position, uris []fyne.URI) { u.kitFlow().droppedKitOr(u.dropped)(pos, uris) })
}

// dropped opens the first importable file among those dropped; when none
// is, it says which files it reads.
func (u *UI) dropped(_ fyne.Position, uris []fyne.URI) {
	for _, uri := range uris {
		if uri.Scheme() == "file" && importer.Accepts(uri.Path()) {
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
	f := &importFlow{importDeps: u.importDeps()}
	if u.recruit != nil {
		f.onDone = u.recruit.reload
	}
	u.importer = f
	return f
}
