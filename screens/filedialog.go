package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// fileChooser is an open or save dialog as the screens use it: Fyne's
// *dialog.FileDialog, or the system's own dialog where there is one
// (Windows, macOS: see filedialog_native.go), which knows the user's
// Downloads, Desktop, OneDrive and recent folders.
type fileChooser interface {
	SetFilter(storage.FileFilter)
	SetFileName(string)
	SetLocation(fyne.ListableURI)
	Resize(fyne.Size)
	Show()
}

// nativeChooser, when set, makes a system dialog; fallback is Fyne's
// dialog for the same request, shown when the system has none.
var nativeChooser func(w fyne.Window, save bool, open func(fyne.URIReadCloser, error), write func(fyne.URIWriteCloser, error), fallback func() fileChooser) fileChooser

// newFileOpen asks for a file to read.
func (u *UI) newFileOpen(cb func(fyne.URIReadCloser, error)) fileChooser { return fileOpen(u.Win, cb) }

// fileOpen asks, over win, for a file to read.
func fileOpen(win fyne.Window, cb func(fyne.URIReadCloser, error)) fileChooser {
	fallback := func() fileChooser { return fyneFileDialog{dialog.NewFileOpen(cb, win), win} }
	if nativeChooser != nil {
		return nativeChooser(win, false, cb, nil, fallback)
	}
	return fallback()
}

// fileSave asks, over win, for a file to write.
func fileSave(win fyne.Window, cb func(fyne.URIWriteCloser, error)) fileChooser {
	fallback := func() fileChooser { return fyneFileDialog{dialog.NewFileSave(cb, win), win} }
	if nativeChooser != nil {
		return nativeChooser(win, true, nil, cb, fallback)
	}
	return fallback()
}

// nativeFolder, when set, asks for a folder with the system's dialog;
// ok false means there is none and Fyne's dialog is shown instead.
var nativeFolder func(w fyne.Window, cb func(fyne.ListableURI, error)) (ok bool)

// showFolderOpen asks for a folder.
func (u *UI) showFolderOpen(cb func(fyne.ListableURI, error)) {
	if nativeFolder == nil || !nativeFolder(u.Win, cb) {
		showFyneFolderOpen(u.Win, cb)
	}
}
