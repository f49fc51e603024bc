package screens

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app"
	"channeldesk/data"
)

// moneyEntry is an entry for an amount of the program currency. It reads
// what people type in either locale ("1 234,56", "1234.56", "1,234.56"),
// shows the formatted amount once the focus leaves it, and hands back
// int64 minor units. Garbage is marked with a message naming the field.
type moneyEntry struct {
	widget.Entry
	field    string // names the input in errors ("field." + field)
	currency string
	lang     app.Lang
	// Optional allows an empty entry (Value returns 0).
	Optional bool
	// Signed allows negative amounts (corrections, adjustments).
	Signed bool
}

// newMoneyEntry makes a money entry for the program currency of u.
func newMoneyEntry(u *UI, field string) *moneyEntry {
	e := &moneyEntry{field: field, currency: u.Settings.Currency, lang: u.Lang}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = lang.L("desk.example", map[string]any{"Example": app.FormatMoney(123456, e.currency, e.lang)})
	e.Validator = func(string) error {
		if _, err := e.Value(); err != nil {
			return errors.New(errorText(err))
		}
		return nil
	}
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
	v, err := app.ParseMoney(text, e.currency, e.lang)
	if err != nil {
		return 0, data.Invalid(e.field, "err.desk_money", map[string]any{"Value": text})
	}
	if v < 0 && !e.Signed {
		return 0, data.Invalid(e.field, "err.desk_negative", nil)
	}
	return v, nil
}

// SetValue shows an amount of minor units, formatted for the locale.
func (e *moneyEntry) SetValue(minor int64) {
	e.SetText(app.FormatMoney(minor, e.currency, e.lang))
}

// FocusLost formats what was typed when it is a valid amount, so the
// person sees how it was read.
func (e *moneyEntry) FocusLost() {
	e.Entry.FocusLost()
	if v, err := e.Value(); err == nil && strings.TrimSpace(e.Text) != "" {
		e.SetValue(v)
	}
	e.SetValidationError(e.Validate())
}
