package widgets

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/format"
	"channeldesk/data"
)

// MoneyEntry is an entry for an amount of the program currency. It reads
// what people type in either locale ("1 234,56", "1234.56", "1,234.56"),
// shows the formatted amount once the focus leaves it, and hands back
// int64 minor units. Garbage is marked with a message naming the field.
// With Whole set it reads a count instead ("1 234" people, leads), for
// places where one input holds money or a count by choice.
type MoneyEntry struct {
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

// NewMoneyEntry makes a money entry for currency (an ISO code) in language
// l; field names it in errors ("field." + field).
func NewMoneyEntry(field, currency string, l format.Lang) *MoneyEntry {
	e := &MoneyEntry{field: field, currency: currency, lang: l}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = lang.L("desk.example", map[string]any{"Example": format.FormatMoney(123456, e.currency, e.lang)})
	e.Validator = func(string) error {
		if _, err := e.Value(); err != nil {
			return errors.New(ErrorText(err))
		}
		return nil
	}
	return e
}

// NewCountEntry is a money entry in Whole mode: a count such as leads or
// people ("1 234").
func NewCountEntry(field string, l format.Lang) *MoneyEntry {
	e := NewMoneyEntry(field, "", l)
	e.Whole = true
	e.PlaceHolder = lang.L("desk.example", map[string]any{"Example": format.FormatNumber(1234, e.lang)})
	return e
}

// Value is the amount in minor units, or an invalid-input error naming
// the field.
func (e *MoneyEntry) Value() (int64, error) {
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
func (e *MoneyEntry) SetValue(v int64) {
	if e.Whole {
		e.SetText(format.FormatNumber(v, e.lang))
		return
	}
	e.SetText(format.FormatMoney(v, e.currency, e.lang))
}

// SetWhole switches between money and a count, showing what was typed
// in the new reading when it still makes sense and marking it otherwise.
func (e *MoneyEntry) SetWhole(whole bool) {
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
func (e *MoneyEntry) TypedKey(k *fyne.KeyEvent) { EntryKey(e, &e.Entry, k) }

// TypedRune types and notes that the person typed.
func (e *MoneyEntry) TypedRune(r rune) { NoteTyping(e); e.Entry.TypedRune(r) }

// TypedShortcut runs the shortcut; pasting or cutting counts as typing.
func (e *MoneyEntry) TypedShortcut(s fyne.Shortcut) { EntryShortcut(e, &e.Entry, s) }

// FocusLost formats what was typed when it is a valid amount, so the
// person sees how it was read.
func (e *MoneyEntry) FocusLost() {
	e.Entry.FocusLost()
	if v, err := e.Value(); err == nil && strings.TrimSpace(e.Text) != "" {
		e.SetValue(v)
	}
	e.SetValidationError(e.Validate())
}
