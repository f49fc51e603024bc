package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/importer"
	"channeldesk/data"
)

// valueLabel names one of our values of a category field, or what a value
// map target means.
func valueLabel(f importer.Field, code string) string {
	switch code {
	case importer.ValueSkip:
		return lang.L("imports.value_skip")
	case importer.ValueNone:
		return lang.L("imports.value_none_type")
	case importer.ValueDefault, "":
		return lang.L("imports.value_default")
	}
	switch f {
	case importer.FType:
		return typeLabel(data.PartnerType(code))
	case importer.FStatus:
		return statusLabel(data.Status(code))
	case importer.FSource:
		return sourceLabel(data.Source(code))
	case importer.FDocLang:
		return lang.L("lang." + code)
	}
	return code
}

// UnknownValueText describes one distinct value of a category column the
// import does not know (or that names something other than a partner):
// the column, the value, its rows and what becomes of it. The command
// line prints the same lines.
func UnknownValueText(u importer.UnknownValue) string {
	args := map[string]any{"Column": u.Column, "Value": u.Value, "Rows": u.Rows}
	switch {
	case u.Target != "":
		args["Target"] = valueLabel(u.Field, u.Target)
		return lang.L("imports.value_mapped", args)
	case u.Matched != "":
		args["Target"] = valueLabel(u.Field, u.Matched)
		return lang.L("imports.value_matched_not_partner", args)
	case u.NotPartner:
		return lang.L("imports.value_not_partner", args)
	}
	return lang.L("imports.value_unknown", args)
}

// ImportDetailLines describes what the preview says beyond the counts and
// the rejected rows: the columns left out with the values they drop,
// the unknown values, the updates by record ID with each changed field,
// and the other warnings. The command line prints the same lines.
func ImportDetailLines(p *importer.Preview) []string {
	var out []string
	for _, d := range p.Dates {
		if d.Ambiguous {
			out = append(out, lang.L("imports.dates_ambiguous", map[string]any{"Column": d.Column}))
		}
	}
	for _, c := range p.Ignored {
		if c.Values > 0 {
			out = append(out, lang.L("imports.column_ignored", map[string]any{"Column": c.Column, "Values": c.Values}))
		}
	}
	for _, u := range p.Unknown {
		out = append(out, UnknownValueText(u))
	}
	for _, r := range p.Rows {
		if r.Action == importer.Update {
			out = append(out, lang.L("imports.row_updated", map[string]any{"Row": r.Num, "Name": r.MergeName, "Source": p.Source}))
			for _, c := range r.Changes {
				out = append(out, "    "+lang.L("imports.change", map[string]any{"Field": fieldLabel(string(c.Field)),
					"Old": orDash(c.Old), "New": c.New}))
			}
		}
		for _, w := range r.Warnings {
			if w.Key != "imports.warn_unknown_value" { // those are listed once per value above
				out = append(out, lang.L("imports.row_warning", map[string]any{"Row": r.Num, "Column": w.Column,
					"Warning": lang.L(w.Key, w.Args)}))
			}
		}
	}
	return out
}

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
			labels[i] = valueLabel(u.Field, c)
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
		text := &widget.Label{Text: UnknownValueText(u), Wrapping: fyne.TextWrapWord}
		v.box.Add(container.NewBorder(nil, nil, nil, wideSelect(sel), text))
	}
}

// ContactRowLines describes the contacts an import leaves out: those
// whose company is not found and the rejected ones, with row and reason.
func ContactRowLines(p *importer.ContactPreview) []string {
	var out []string
	for _, r := range p.Rows {
		switch r.Action {
		case importer.Skip:
			out = append(out, lang.L("imports.contact_unmatched", map[string]any{"Row": r.Num, "Name": r.Contact.Name,
				"Company": orDash(r.Company)}))
		case importer.Reject:
			out = append(out, ImportRowText(importer.Row{Num: r.Num, Action: importer.Reject, Column: r.Column, Err: r.Err}))
		case importer.Update:
			out = append(out, lang.L("imports.row_updated", map[string]any{"Row": r.Num, "Name": r.Contact.Name, "Source": p.Source}))
			for _, c := range r.Changes {
				out = append(out, "    "+lang.L("imports.change", map[string]any{"Field": fieldLabel(string(c.Field)),
					"Old": orDash(c.Old), "New": c.New}))
			}
		}
	}
	return out
}
