package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/importer"
	"channeldesk/data"
)

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// valueMapping is the import preview's value step: each unknown value of
// a category column with a choice of what it becomes.
type valueMapping struct {
	box     *fyne.Container
	selects map[string]*widget.Select // by column and value, for tests
	onMap   func(u importer.UnknownValue, target string)
}

func newValueMapping(onMap func(u importer.UnknownValue, target string)) *valueMapping {
	return &valueMapping{box: container.NewVBox(), selects: map[string]*widget.Select{}, onMap: onMap}
}

// targets are the choices for a value of field f: the default, skip, then ours.
func targets(f importer.Field) []string {
	out := []string{importer.ValueDefault, importer.ValueSkip}
	switch f {
	case importer.FType:
		out = append(out, importer.ValueNone)
		for _, t := range data.PartnerTypes {
			out = append(out, string(t))
		}
	case importer.FStatus:
		for _, s := range data.Statuses {
			out = append(out, string(s))
		}
	case importer.FSource:
		for _, s := range data.Sources {
			out = append(out, string(s))
		}
	case importer.FDocLang:
		out = append(out, "en", "ru")
	}
	return out
}

// show lists the values of a new preview.
func (v *valueMapping) show(list []importer.UnknownValue) {
	v.box.RemoveAll()
	v.selects = map[string]*widget.Select{}
	if len(list) == 0 {
		v.box.Add(widget.NewLabel(lang.L("imports.values_none")))
		return
	}
	for _, u := range list {
		codes := targets(u.Field)
		labels := make([]string, len(codes))
		for i, c := range codes {
			labels[i] = importer.ValueLabel(u.Field, c)
		}
		sel := widget.NewSelect(labels, nil)
		sel.PlaceHolder = lang.L("imports.value_choose")
		for i, c := range codes {
			if c == u.Target {
				sel.SetSelectedIndex(i)
			}
		}
		sel.OnChanged = func(string) { v.onMap(u, codes[sel.SelectedIndex()]) }
		v.selects[u.Column+"\x00"+u.Value] = sel
		text := &widget.Label{Text: importer.UnknownValueText(u), Wrapping: fyne.TextWrapWord}
		v.box.Add(container.NewBorder(nil, nil, nil, wideSelect(sel), text))
	}
}
