package widgets

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// TextEntry is a widget.Entry that passes Esc and F1 on to its window,
// which a plain Entry keeps to itself: while the person types, Esc still
// closes the dialog the entry is in (or leaves the form) and F1 still
// shows the keyboard shortcuts. What is typed is noted (NoteTyping), so
// that Esc asks before throwing it away.
type TextEntry struct{ *widget.Entry }

// NewText wraps an entry literal: NewText(&widget.Entry{Text: name}).
func NewText(e *widget.Entry) *TextEntry {
	t := &TextEntry{e}
	t.ExtendBaseWidget(t)
	return t
}

// TypedKey hands Esc and F1 to the window and types everything else.
func (t *TextEntry) TypedKey(k *fyne.KeyEvent) { EntryKey(t, t.Entry, k) }

// TypedRune types and notes that the person typed.
func (t *TextEntry) TypedRune(r rune) { NoteTyping(t); t.Entry.TypedRune(r) }

// TypedShortcut runs the shortcut; pasting or cutting counts as typing.
func (t *TextEntry) TypedShortcut(s fyne.Shortcut) { EntryShortcut(t, t.Entry, s) }

// EntryKey is the TypedKey of every entry of ours (o, wrapping e): Esc
// and F1 go to the window, keys that change the text count as typing, and
// the rest types as usual.
func EntryKey(o fyne.CanvasObject, e *widget.Entry, k *fyne.KeyEvent) {
	if PassKeyToWindow(o, k) {
		return
	}
	switch k.Name {
	case fyne.KeyBackspace, fyne.KeyDelete:
		NoteTyping(o)
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.MultiLine {
			NoteTyping(o)
		}
	}
	e.TypedKey(k)
}

// EntryShortcut is the TypedShortcut of every entry of ours.
func EntryShortcut(o fyne.CanvasObject, e *widget.Entry, s fyne.Shortcut) {
	switch s.(type) {
	case *fyne.ShortcutPaste, *fyne.ShortcutCut:
		NoteTyping(o)
	}
	e.TypedShortcut(s)
}

// PassKeyToWindow hands Esc and F1, typed into an entry, to the key
// handler of the entry's window; it reports whether it did.
func PassKeyToWindow(o fyne.CanvasObject, k *fyne.KeyEvent) bool {
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

// NoteTyping records that the person typed into entry o.
func NoteTyping(o fyne.CanvasObject) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil {
		MarkTopTyped(c)
	}
}

// MarkTopTyped records that the topmost dialog of c holds unsaved typing,
// e.g. after an inner dialog handed its edits back to it.
func MarkTopTyped(c fyne.Canvas) {
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

// TypedIntoTop reports whether the person typed into the topmost dialog of c.
func TypedIntoTop(c fyne.Canvas) bool {
	top := c.Overlays().Top()
	typed.Lock()
	defer typed.Unlock()
	return top != nil && typed.in[c][top]
}

// ForgetTyping drops the record of dialog o of c: its typing was saved or
// thrown away.
func ForgetTyping(c fyne.Canvas, o fyne.CanvasObject) {
	typed.Lock()
	defer typed.Unlock()
	delete(typed.in[c], o)
}

// ShowForm shows a form dialog with the cursor in its first field, as
// every form dialog should open.
func ShowForm(d dialog.Dialog, w fyne.Window) {
	d.Show()
	FocusFirstEntry(w)
}

// FocusFirstEntry puts the cursor in the first enabled entry of the
// window's topmost dialog (dialog.ShowForm dialogs call it themselves).
func FocusFirstEntry(w fyne.Window) {
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
	case *TextEntry, *MoneyEntry, *DateEntry, *PercentEntry, *PickerEntry, *widget.Entry:
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
