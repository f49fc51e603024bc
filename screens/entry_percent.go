package screens

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/format"
	"channeldesk/data"
)

// percentEntry is an entry for a percentage kept as basis points
// (12.5 % = 1250). It takes "12,5", "12.5" or "12.5 %" in either locale.
type percentEntry struct {
	widget.Entry
	field string
	lang  format.Lang
	// Max is the largest value allowed, in basis points (10000 = 100 %).
	Max int
	// Optional allows an empty entry (Value returns 0).
	Optional bool
}

// newPercentEntry makes a percent entry limited to 0–100 %.
func newPercentEntry(u *UI, field string) *percentEntry {
	e := &percentEntry{field: field, lang: u.Lang, Max: 10000}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = formatPercent(1250, e.lang)
	e.Validator = func(string) error {
		if _, err := e.Value(); err != nil {
			return errors.New(errorText(err))
		}
		return nil
	}
	return e
}

// formatPercent shows basis points as "12.5 %" or "12,5 %".
func formatPercent(bp int, lang format.Lang) string {
	s := strconv.Itoa(bp / 100)
	if frac := bp % 100; frac != 0 {
		f := strings.TrimRight(strconv.Itoa(100 + frac)[1:], "0")
		if lang == format.RU {
			s += "," + f
		} else {
			s += "." + f
		}
	}
	return s + "\u00a0%"
}

// parsePercent reads "12,5 %" or "12.5" into basis points.
func parsePercent(text string) (int, bool) {
	s := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), "%"))
	s = strings.NewReplacer("\u00a0", "", " ", "", ",", ".").Replace(s)
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" && frac == "" || len(frac) > 2 || len(whole) > 7 || !allDigitsText(whole) || !allDigitsText(frac) {
		return 0, false
	}
	frac += strings.Repeat("0", 2-len(frac))
	v, err := strconv.Atoi(whole + frac)
	return v, err == nil
}

func allDigitsText(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Value is the percentage in basis points, or an error naming the field.
func (e *percentEntry) Value() (int, error) {
	text := strings.TrimSpace(e.Text)
	if text == "" {
		if e.Optional {
			return 0, nil
		}
		return 0, data.Invalid(e.field, "err.required", nil)
	}
	v, ok := parsePercent(text)
	if !ok {
		return 0, data.Invalid(e.field, "err.desk_percent", map[string]any{"Value": text})
	}
	if v > e.Max {
		return 0, data.Invalid(e.field, "err.desk_percent_max", map[string]any{"Max": formatPercent(e.Max, e.lang)})
	}
	return v, nil
}

// SetValue shows basis points as a percentage.
func (e *percentEntry) SetValue(bp int) { e.SetText(formatPercent(bp, e.lang)) }

// FocusLost shows the value as it was read.
func (e *percentEntry) FocusLost() {
	e.Entry.FocusLost()
	if v, err := e.Value(); err == nil && strings.TrimSpace(e.Text) != "" {
		e.SetValue(v)
	}
	e.SetValidationError(e.Validate())
}

// TypedKey hands Esc and F1 to the window and types everything else.
func (e *percentEntry) TypedKey(k *fyne.KeyEvent) { entryKey(e, &e.Entry, k) }

// TypedRune types and notes that the person typed.
func (e *percentEntry) TypedRune(r rune) { noteTyping(e); e.Entry.TypedRune(r) }

// TypedShortcut runs the shortcut; pasting or cutting counts as typing.
func (e *percentEntry) TypedShortcut(s fyne.Shortcut) { entryShortcut(e, &e.Entry, s) }
