//go:build windows || (darwin && cgo)

package screens

import (
	"errors"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	sysdialog "github.com/sqweek/dialog"
)

func init() {
	nativeChooser = newNativeChooser
	nativeFolder = nativeFolderOpen
}

// nativeFile is an open or save request for the system's file dialog.
type nativeFile struct {
	win      fyne.Window
	save     bool
	open     func(fyne.URIReadCloser, error)
	write    func(fyne.URIWriteCloser, error)
	fallback func() fileChooser
	filter   storage.FileFilter
	exts     []string
	name     string
	dir      string
}

func newNativeChooser(w fyne.Window, save bool, open func(fyne.URIReadCloser, error), write func(fyne.URIWriteCloser, error), fallback func() fileChooser) fileChooser {
	return &nativeFile{win: w, save: save, open: open, write: write, fallback: fallback}
}

// SetFilter keeps the extensions of an extension filter for the system dialog.
func (n *nativeFile) SetFilter(f storage.FileFilter) {
	n.filter = f
	if ef, ok := f.(*storage.ExtensionFileFilter); ok {
		n.exts = ef.Extensions
	}
}

// SetFileName proposes a name in a save dialog.
func (n *nativeFile) SetFileName(name string) { n.name = name }

// SetLocation is the folder the dialog starts in.
func (n *nativeFile) SetLocation(dir fyne.ListableURI) {
	if dir != nil {
		n.dir = dir.Path()
	}
}

// Resize does nothing: the system sizes its dialog.
func (n *nativeFile) Resize(fyne.Size) {}

// Show runs the system dialog off the UI goroutine and hands the chosen
// file to the callback on it; cancelling calls back with nil, as Fyne's
// dialog does. When the system dialog cannot be shown, Fyne's is.
func (n *nativeFile) Show() {
	b := sysdialog.File().Title(lang.L(map[bool]string{false: "Open", true: "Save"}[n.save]))
	if len(n.exts) > 0 {
		trimmed := make([]string, len(n.exts))
		for i, e := range n.exts {
			trimmed[i] = strings.TrimPrefix(e, ".")
		}
		b = b.Filter(strings.Join(n.exts, ", "), trimmed...)
	}
	if n.dir != "" {
		b = b.SetStartDir(n.dir)
	}
	if n.name != "" {
		b = b.SetStartFile(n.name)
	}
	go func() {
		runtime.LockOSThread() // the dialog's COM apartment stays on one thread
		defer runtime.UnlockOSThread()
		var path string
		var err error
		if n.save {
			path, err = b.Save()
		} else {
			path, err = b.Load()
		}
		fyne.Do(func() { n.deliver(path, err) })
	}()
}

func (n *nativeFile) deliver(path string, err error) {
	switch {
	case errors.Is(err, sysdialog.ErrCancelled):
		n.callback(nil, nil)
	case err != nil:
		fyne.LogError("system file dialog", err)
		d := n.fallback()
		if n.filter != nil {
			d.SetFilter(n.filter)
		}
		if n.name != "" {
			d.SetFileName(n.name)
		}
		d.Show()
	default:
		n.callback(storage.NewFileURI(filepath.Clean(path)), nil)
	}
}

// callback opens the chosen file for reading or writing, as Fyne's dialog
// does, and calls back.
func (n *nativeFile) callback(uri fyne.URI, err error) {
	if n.save {
		if uri == nil {
			n.write(nil, err)
			return
		}
		w, err := storage.Writer(uri)
		n.write(w, err)
		return
	}
	if uri == nil {
		n.open(nil, err)
		return
	}
	r, err := storage.Reader(uri)
	n.open(r, err)
}

// nativeFolderOpen asks for a folder with the system's dialog.
func nativeFolderOpen(w fyne.Window, cb func(fyne.ListableURI, error)) bool {
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		path, err := sysdialog.Directory().Title(lang.L("Open")).Browse()
		fyne.Do(func() {
			switch {
			case errors.Is(err, sysdialog.ErrCancelled):
				cb(nil, nil)
			case err != nil:
				fyne.LogError("system folder dialog", err)
				dialog.ShowFolderOpen(cb, w)
			default:
				cb(storage.ListerForURI(storage.NewFileURI(path)))
			}
		})
	}()
	return true
}
