package screens

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/format"
	"channeldesk/data"
)

// moneyEntry is an entry for an amount of the program currency. It reads
// what people type in either locale ("1 234,56", "1234.56", "1,234.56"),
// shows the formatted amount once the focus leaves it, and hands back
// int64 minor units. Garbage is marked with a message naming the field.
// With Whole set it reads a count instead ("1 234" people, leads), for
// places where one input holds money or a count by choice.
type moneyEntry struct {
	widget.Entry
	field    string // names the input in errors ("field." + field)
	currency string
	lang     format.Lang
	// Optional allows an empty entry (Value returns 0).
	Optional bool
	// Signed allows negative amounts (corrections, adjustments).
	Signed bool
	// Whole reads a whole number without currency instead of money.
	Whole bool
}

// newMoneyEntry makes a money entry for the program currency of u.
func newMoneyEntry(u *UI, field string) *moneyEntry {
	e := &moneyEntry{field: field, currency: u.Settings.Currency, lang: u.Lang}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = lang.L("desk.example", map[string]any{"Example": format.FormatMoney(123456, e.currency, e.lang)})
	e.Validator = func(string) error {
		if _, err := e.Value(); err != nil {
			return errors.New(errorText(err))
		}
		return nil
	}
	return e
}

// newCountEntry is a money entry in Whole mode: a count such as leads or
// people ("1 234").
func newCountEntry(u *UI, field string) *moneyEntry {
	e := newMoneyEntry(u, field)
	e.Whole = true
	e.PlaceHolder = lang.L("desk.example", map[string]any{"Example": format.FormatNumber(1234, e.lang)})
	return e
}

// Value is the amount in minor units, or an invalid-input error naming
// the field.
func (e *moneyEntry) Value() (int64, error) {
	text := strings.TrimSpace(e.Text)
	if text == "" {
		if e.Optional {
			return 0, nil
		}
		return 0, data.Invalid(e.field, "err.required", nil)
	}
	parse, key := func(s string) (int64, error) { return format.ParseMoney(s, e.currency, e.lang) }, "err.desk_money"
	if e.Whole {
		parse, key = func(s string) (int64, error) { return format.ParseCount(s, e.lang) }, "err.desk_count"
	}
	v, err := parse(text)
	if err != nil {
		return 0, data.Invalid(e.field, key, map[string]any{"Value": text})
	}
	if v < 0 && !e.Signed {
		if e.Whole {
			return 0, data.Invalid(e.field, "err.desk_negative_count", nil)
		}
		return 0, data.Invalid(e.field, "err.desk_negative", nil)
	}
	return v, nil
}

// SetValue shows an amount of minor units (or a count when Whole),
// formatted for the locale.
func (e *moneyEntry) SetValue(v int64) {
	if e.Whole {
		e.SetText(format.FormatNumber(v, e.lang))
		return
	}
	e.SetText(format.FormatMoney(v, e.currency, e.lang))
}

// setWhole switches between money and a count, showing what was typed
// in the new reading when it still makes sense and marking it otherwise.
func (e *moneyEntry) setWhole(whole bool) {
	if e.Whole == whole {
		return
	}
	e.Whole = whole
	if v, err := e.Value(); err == nil && strings.TrimSpace(e.Text) != "" {
		e.SetValue(v)
	}
	e.SetValidationError(e.Validate())
}

// TypedKey hands Esc and F1 to the window and types everything else.
func (e *moneyEntry) TypedKey(k *fyne.KeyEvent) { entryKey(e, &e.Entry, k) }

// TypedRune types and notes that the person typed.
func (e *moneyEntry) TypedRune(r rune) { noteTyping(e); e.Entry.TypedRune(r) }

// TypedShortcut runs the shortcut; pasting or cutting counts as typing.
func (e *moneyEntry) TypedShortcut(s fyne.Shortcut) { entryShortcut(e, &e.Entry, s) }

// FocusLost formats what was typed when it is a valid amount, so the
// person sees how it was read.
func (e *moneyEntry) FocusLost() {
	e.Entry.FocusLost()
	if v, err := e.Value(); err == nil && strings.TrimSpace(e.Text) != "" {
		e.SetValue(v)
	}
	e.SetValidationError(e.Validate())
}
