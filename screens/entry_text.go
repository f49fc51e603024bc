package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// textEntry is a widget.Entry that passes Esc and F1 on to its window,
// which a plain Entry keeps to itself: while the person types, Esc still
// closes the dialog the entry is in (or leaves the form) and F1 still
// shows the keyboard shortcuts.
type textEntry struct{ *widget.Entry }

// newText wraps an entry literal: newText(&widget.Entry{Text: name}).
func newText(e *widget.Entry) *textEntry {
	t := &textEntry{e}
	t.ExtendBaseWidget(t)
	return t
}

// TypedKey hands Esc and F1 to the window and types everything else.
func (t *textEntry) TypedKey(k *fyne.KeyEvent) {
	if passKeyToWindow(t, k) {
		return
	}
	t.Entry.TypedKey(k)
}

// passKeyToWindow hands Esc and F1, typed into an entry, to the key
// handler of the entry's window; it reports whether it did.
func passKeyToWindow(o fyne.CanvasObject, k *fyne.KeyEvent) bool {
	if k.Name != fyne.KeyEscape && k.Name != fyne.KeyF1 {
		return false
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil || c.OnTypedKey() == nil {
		return false
	}
	c.OnTypedKey()(k)
	return true
}
