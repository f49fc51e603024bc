package widgets

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/format"
	"channeldesk/data"
)

// DateEntry is an entry for a calendar date with a calendar picker. It
// shows dates the way the locale writes them ("27 Nov 2026",
// "27.11.2026"), reads ISO and the usual typed forms, and hands back ISO
// text.
type DateEntry struct {
	widget.Entry
	field string
	lang  format.Lang
	// Optional allows an empty entry (Value returns "").
	Optional bool
	// OnPicked is called with the ISO date after a pick in the calendar.
	OnPicked func(iso string)
	// OnEscape, when set, is called on Esc (a form that closes on Esc).
	OnEscape func()

	popUp *widget.PopUp
	now   func() time.Time // today, for the calendar
}

// NewDateEntry makes a date entry with a calendar button; now is the
// store's clock, whose day the calendar marks as today.
func NewDateEntry(field string, l format.Lang, now func() time.Time) *DateEntry {
	e := &DateEntry{field: field, lang: l, now: now}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = lang.L("desk.example", map[string]any{"Example": format.FormatDate("2026-11-27", e.lang)})
	e.ActionItem = &widget.Button{Icon: theme.Icon(theme.IconNameCalendar), Importance: widget.LowImportance, OnTapped: e.showCalendar}
	e.Validator = func(string) error {
		if _, err := e.Value(); err != nil {
			return errors.New(ErrorText(err))
		}
		return nil
	}
	return e
}

// parseTypedDate reads ISO, "27.11.2026", "27/11/2026" and "27 Nov 2026".
func parseTypedDate(s string) (time.Time, error) {
	if t, err := format.ParseDate(s); err == nil {
		return t, nil
	}
	return time.Parse("2 Jan 2006", strings.Join(strings.Fields(s), " "))
}

// Value is the date as ISO text, or an error naming the field.
func (e *DateEntry) Value() (string, error) {
	text := strings.TrimSpace(e.Text)
	if text == "" {
		if e.Optional {
			return "", nil
		}
		return "", data.Invalid(e.field, "err.required", nil)
	}
	t, err := parseTypedDate(text)
	if err != nil {
		return "", data.Invalid(e.field, "err.desk_date", map[string]any{"Value": text, "Example": format.FormatDate("2026-11-27", e.lang)})
	}
	return t.Format(format.DateLayout), nil
}

// SetValue shows an ISO date in the locale's format; "" clears it.
func (e *DateEntry) SetValue(iso string) {
	if iso == "" {
		e.SetText("")
		return
	}
	e.SetText(format.FormatDate(iso, e.lang))
}

// TypedKey hands Esc to OnEscape when set, Esc and F1 otherwise to the
// window, and types everything else.
func (e *DateEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.OnEscape != nil {
		e.OnEscape()
		return
	}
	EntryKey(e, &e.Entry, k)
}

// TypedRune types and notes that the person typed.
func (e *DateEntry) TypedRune(r rune) { NoteTyping(e); e.Entry.TypedRune(r) }

// TypedShortcut runs the shortcut; pasting or cutting counts as typing.
func (e *DateEntry) TypedShortcut(s fyne.Shortcut) { EntryShortcut(e, &e.Entry, s) }

// FocusLost shows what was typed in the locale's format.
func (e *DateEntry) FocusLost() {
	e.Entry.FocusLost()
	if iso, err := e.Value(); err == nil && iso != "" {
		e.SetValue(iso)
	}
	e.SetValidationError(e.Validate())
}

// showCalendar opens a calendar under the entry at the date typed (or
// today); picking a day fills the entry.
func (e *DateEntry) showCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	var chosen time.Time
	if iso, err := e.Value(); err == nil && iso != "" {
		chosen, _ = time.Parse(format.DateLayout, iso)
	}
	cal := NewDatePicker(chosen, e.now(), e.pick)
	e.popUp = widget.NewPopUp(cal, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	e.popUp.ShowAtPosition(pos.Add(fyne.NewPos(0, e.Size().Height)))
}

// pick fills the entry with a day chosen in the calendar.
func (e *DateEntry) pick(t time.Time) {
	if e.popUp != nil {
		e.popUp.Hide()
	}
	iso := t.Format(format.DateLayout)
	e.SetValue(iso)
	e.SetValidationError(nil)
	if e.OnPicked != nil {
		e.OnPicked(iso)
	}
}

// NewFilterDate makes an optional date entry for a list filter: changed
// runs when a date is submitted with Enter or picked in the calendar. A
// date that cannot be read filters nothing and is marked.
func NewFilterDate(l format.Lang, now func() time.Time, placeHolder string, changed func()) *DateEntry {
	e := NewDateEntry("date", l, now)
	e.Optional, e.PlaceHolder = true, placeHolder
	e.OnSubmitted = func(string) { changed() }
	e.OnPicked = func(string) { changed() }
	return e
}

// FilterValue is the ISO date typed, or "" when empty or unreadable.
func (e *DateEntry) FilterValue() string {
	iso, err := e.Value()
	if err != nil {
		return ""
	}
	return iso
}
