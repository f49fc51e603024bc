package screens

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/errtext"
	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// typeLabel is a partner type in the interface language.
func typeLabel(t data.PartnerType) string { return lang.L("type." + string(t)) }

// statusLabel is a lifecycle status in the interface language.
func statusLabel(s data.Status) string { return lang.L("status." + string(s)) }

// fieldLabel is the name of an input, as errors name it.
func fieldLabel(field string) string { return errtext.FieldLabel(field) }

// errorText says what went wrong in the user's language (see
// widgets.ErrorText).
func errorText(err error) string { return widgets.ErrorText(err) }

// errorField is the input an error is about, or "".
func errorField(err error) string {
	if e, ok := data.AsError(err); ok {
		return e.Field
	}
	return ""
}

func (u *UI) date(s string) string { return u.locale().date(s) }

// newSelect is widget.NewSelect with its empty-choice placeholder in the
// interface language (Fyne's own "(Select one)" is not translated).
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = lang.L("ui.select_one")
	return s
}

// valueFilter makes sel a list filter over values known only at run time
// (regions, events), filled by setValueChoices: choosing sets *dst to the
// value ("" for all) and calls changed.
func valueFilter(sel *widget.Select, dst *string, changed func()) {
	sel.OnChanged = func(string) {
		*dst = ""
		if sel.SelectedIndex() > 0 {
			*dst = sel.Selected
		}
		changed()
	}
}

// setValueChoices offers "all" and then values in sel; while no value is
// chosen it shows all.
func setValueChoices(sel *widget.Select, all string, values []string, chosen string) {
	sel.Options = append([]string{all}, values...)
	if chosen == "" {
		sel.SetSelectedIndex(0)
	}
	sel.Refresh()
}

// filterChoices makes sel a list filter: "all" first, then the label of
// each value. Choosing sets *dst to that value (the zero value for all)
// and calls changed; it starts at all.
func filterChoices[T any](sel *widget.Select, all string, values []T, label func(T) string, dst *T, changed func()) {
	opts := []string{all}
	for _, v := range values {
		opts = append(opts, label(v))
	}
	sel.Options = opts
	sel.OnChanged = func(string) {
		var v T
		if i := sel.SelectedIndex(); i > 0 {
			v = values[i-1]
		}
		*dst = v
		changed()
	}
	sel.SetSelectedIndex(0)
}
