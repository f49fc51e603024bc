package screens

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"

	"channeldesk/app/kit"
	"channeldesk/app/mdf"
	"channeldesk/data"
)

// droppedKitOr handles files dropped onto the window: when one of them is
// a returned partner kit (or application form), its import preview opens
// with the other files as the proof files its claims name; otherwise the
// drop goes on to next (the partner import). The files are read off the
// UI goroutine.
func (f *kitFlow) droppedKitOr(next func(fyne.Position, []fyne.URI)) func(fyne.Position, []fyne.URI) {
	return func(pos fyne.Position, uris []fyne.URI) {
		var paths []string
		workbook := false
		for _, uri := range uris {
			if uri.Scheme() != "file" {
				continue
			}
			paths = append(paths, uri.Path())
			ext := strings.ToLower(filepath.Ext(uri.Path()))
			workbook = workbook || ext == ".xlsx" || ext == ".xlsm"
		}
		if !workbook {
			next(pos, uris)
			return
		}
		var file []byte
		var proofs []mdf.ProofFile
		f.run(func() { file, proofs = readDroppedKit(paths) }, func() {
			if file == nil {
				next(pos, uris)
				return
			}
			f.previewWith(file, proofs)
		})
	}
}

// readDroppedKit finds the kit among the files and reads the others as
// proof files; a file too large to be a proof, or unreadable, is left
// out (the preview then names it as missing).
func readDroppedKit(paths []string) (file []byte, proofs []mdf.ProofFile) {
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil || st.IsDir() || st.Size() > data.MaxProofSize && file != nil {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		ext := strings.ToLower(filepath.Ext(p))
		if file == nil && (ext == ".xlsx" || ext == ".xlsm") && kit.IsKit(b) {
			file = b
			continue
		}
		if len(b) <= data.MaxProofSize {
			proofs = append(proofs, mdf.ProofFile{Name: filepath.Base(p), Content: b})
		}
	}
	return file, proofs
}
