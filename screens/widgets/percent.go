package widgets

import (
	"errors"
	"strconv"
	"strings"

	"channeldesk/app/format"
	"channeldesk/data"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// PercentEntry is an entry for a percentage kept as basis points
// (12.5 % = 1250). It takes "12,5", "12.5" or "12.5 %" in either locale.
type PercentEntry struct {
	widget.Entry
	field string
	lang  format.Lang
	// Max is the largest value allowed, in basis points (10000 = 100 %).
	Max int
	// Optional allows an empty entry (Value returns 0).
	Optional bool
}

// NewPercentEntry makes a percent entry limited to 0–100 %.
func NewPercentEntry(field string, l format.Lang) *PercentEntry {
	e := &PercentEntry{field: field, lang: l, Max: 10000}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = FormatPercent(1250, e.lang)
	e.Validator = func(string) error {
		if _, err := e.Value(); err != nil {
			return errors.New(ErrorText(err))
		}
		return nil
	}
	return e
}

// FormatPercent shows basis points as "12.5 %" or "12,5 %".
func FormatPercent(bp int, lang format.Lang) string {
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
func (e *PercentEntry) Value() (int, error) {
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
		return 0, data.Invalid(e.field, "err.desk_percent_max", map[string]any{"Max": FormatPercent(e.Max, e.lang)})
	}
	return v, nil
}

// SetValue shows basis points as a percentage.
func (e *PercentEntry) SetValue(bp int) { e.SetText(FormatPercent(bp, e.lang)) }

// FocusLost shows the value as it was read.
func (e *PercentEntry) FocusLost() {
	e.Entry.FocusLost()
	if v, err := e.Value(); err == nil && strings.TrimSpace(e.Text) != "" {
		e.SetValue(v)
	}
	e.SetValidationError(e.Validate())
}

// TypedKey hands Esc and F1 to the window and types everything else.
func (e *PercentEntry) TypedKey(k *fyne.KeyEvent) { EntryKey(e, &e.Entry, k) }

// TypedRune types and notes that the person typed.
func (e *PercentEntry) TypedRune(r rune) { NoteTyping(e); e.Entry.TypedRune(r) }

// TypedShortcut runs the shortcut; pasting or cutting counts as typing.
func (e *PercentEntry) TypedShortcut(s fyne.Shortcut) { EntryShortcut(e, &e.Entry, s) }
