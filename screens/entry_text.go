package screens

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// textEntry is a widget.Entry that passes Esc and F1 on to its window,
// which a plain Entry keeps to itself: while the person types, Esc still
// closes the dialog the entry is in (or leaves the form) and F1 still
// shows the keyboard shortcuts. What is typed is noted (noteTyping), so
// that Esc asks before throwing it away.
type textEntry struct{ *widget.Entry }

// newText wraps an entry literal: newText(&widget.Entry{Text: name}).
func newText(e *widget.Entry) *textEntry {
	t := &textEntry{e}
	t.ExtendBaseWidget(t)
	return t
}

// TypedKey hands Esc and F1 to the window and types everything else.
func (t *textEntry) TypedKey(k *fyne.KeyEvent) { entryKey(t, t.Entry, k) }

// TypedRune types and notes that the person typed.
func (t *textEntry) TypedRune(r rune) { noteTyping(t); t.Entry.TypedRune(r) }

// TypedShortcut runs the shortcut; pasting or cutting counts as typing.
func (t *textEntry) TypedShortcut(s fyne.Shortcut) { entryShortcut(t, t.Entry, s) }

// entryKey is the TypedKey of every entry of ours (o, wrapping e): Esc
// and F1 go to the window, keys that change the text count as typing, and
// the rest types as usual.
func entryKey(o fyne.CanvasObject, e *widget.Entry, k *fyne.KeyEvent) {
	if passKeyToWindow(o, k) {
		return
	}
	switch k.Name {
	case fyne.KeyBackspace, fyne.KeyDelete:
		noteTyping(o)
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.MultiLine {
			noteTyping(o)
		}
	}
	e.TypedKey(k)
}

// entryShortcut is the TypedShortcut of every entry of ours.
func entryShortcut(o fyne.CanvasObject, e *widget.Entry, s fyne.Shortcut) {
	switch s.(type) {
	case *fyne.ShortcutPaste, *fyne.ShortcutCut:
		noteTyping(o)
	}
	e.TypedShortcut(s)
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

// typed remembers, per window, the dialogs the person typed into by hand
// (dialogs are modal, so an entry typed into belongs to the topmost one).
// Closed dialogs drop out as soon as anything is typed again.
var typed = struct {
	sync.Mutex
	in map[fyne.Canvas]map[fyne.CanvasObject]bool
}{in: map[fyne.Canvas]map[fyne.CanvasObject]bool{}}

// noteTyping records that the person typed into entry o.
func noteTyping(o fyne.CanvasObject) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil {
		markTopTyped(c)
	}
}

// markTopTyped records that the topmost dialog of c holds unsaved typing,
// e.g. after an inner dialog handed its edits back to it.
func markTopTyped(c fyne.Canvas) {
	top := c.Overlays().Top()
	if top == nil {
		return // the window's own forms answer for themselves
	}
	typed.Lock()
	defer typed.Unlock()
	open := map[fyne.CanvasObject]bool{}
	for _, o := range c.Overlays().List() {
		if typed.in[c][o] {
			open[o] = true
		}
	}
	open[top] = true
	typed.in[c] = open
}

// typedIntoTop reports whether the person typed into the topmost dialog of c.
func typedIntoTop(c fyne.Canvas) bool {
	top := c.Overlays().Top()
	typed.Lock()
	defer typed.Unlock()
	return top != nil && typed.in[c][top]
}

// forgetTyping drops the record of dialog o of c: its typing was saved or
// thrown away.
func forgetTyping(c fyne.Canvas, o fyne.CanvasObject) {
	typed.Lock()
	defer typed.Unlock()
	delete(typed.in[c], o)
}

// showForm shows a form dialog with the cursor in its first field, as
// every form dialog should open.
func showForm(d dialog.Dialog, w fyne.Window) {
	d.Show()
	focusFirstEntry(w)
}

// focusFirstEntry puts the cursor in the first enabled entry of the
// window's topmost dialog (dialog.ShowForm dialogs call it themselves).
func focusFirstEntry(w fyne.Window) {
	if top := w.Canvas().Overlays().Top(); top != nil {
		if f := firstEntry(top); f != nil {
			w.Canvas().Focus(f)
		}
	}
}

// firstEntry finds the first visible, enabled entry under o, through
// containers, pop-ups, forms, scrolls and the selected tab.
func firstEntry(o fyne.CanvasObject) fyne.Focusable {
	if o == nil || !o.Visible() {
		return nil
	}
	var children []fyne.CanvasObject
	switch w := o.(type) {
	case *textEntry, *moneyEntry, *dateEntry, *percentEntry, *pickerEntry, *widget.Entry:
		if d, ok := o.(fyne.Disableable); ok && d.Disabled() {
			return nil
		}
		return o.(fyne.Focusable)
	case *fyne.Container:
		children = w.Objects
	case *widget.PopUp:
		children = []fyne.CanvasObject{w.Content}
	case *widget.Form:
		for _, it := range w.Items {
			children = append(children, it.Widget)
		}
	case *container.Scroll:
		children = []fyne.CanvasObject{w.Content}
	case *container.AppTabs:
		if sel := w.Selected(); sel != nil {
			children = []fyne.CanvasObject{sel.Content}
		}
	}
	for _, c := range children {
		if f := firstEntry(c); f != nil {
			return f
		}
	}
	return nil
}
