package importer

import (
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2/lang"

	"channeldesk/app/applog"
	"channeldesk/app/errtext"
	"channeldesk/data"
)

// The lines an import preview is described with, in the interface
// language: the import screens show them and the command line prints
// them. They use Fyne's lang only (it draws nothing), so the command line
// links no window toolkit.

// importExts are the files the partner import reads.
var importExts = []string{".csv", ".tsv", ".txt", ".xlsx", ".xlsm"}

// Accepts reports whether path names a file the partner import reads, by
// its extension (a file opened with "Open with ChannelDesk" or dropped).
func Accepts(path string) bool {
	return slices.Contains(importExts, strings.ToLower(filepath.Ext(path)))
}

// ValueLabel names one of our values of a category field, or what a
// value map target means.
func ValueLabel(f Field, code string) string {
	switch code {
	case ValueSkip:
		return lang.L("imports.value_skip")
	case ValueNone:
		return lang.L("imports.value_none_type")
	case ValueDefault, "":
		return lang.L("imports.value_default")
	}
	switch f {
	case FType:
		return lang.L("type." + code)
	case FStatus:
		return lang.L("status." + code)
	case FSource:
		return lang.L("source." + code)
	case FDocLang:
		return lang.L("lang." + code)
	}
	return code
}

// UnknownValueText describes one distinct value of a category column the
// import does not know (or that names something other than a partner):
// the column, the value, its rows and what becomes of it.
func UnknownValueText(u UnknownValue) string {
	args := map[string]any{"Column": u.Column, "Value": u.Value, "Rows": u.Rows}
	switch {
	case u.Target != "":
		args["Target"] = ValueLabel(u.Field, u.Target)
		return lang.L("imports.value_mapped", args)
	case u.Matched != "":
		args["Target"] = ValueLabel(u.Field, u.Matched)
		return lang.L("imports.value_matched_not_partner", args)
	case u.NotPartner:
		return lang.L("imports.value_not_partner", args)
	}
	return lang.L("imports.value_unknown", args)
}

// DetailLines describes what the preview says beyond the counts and the
// rejected rows: the columns left out with the values they drop, the
// unknown values, the updates by record ID with each changed field, and
// the other warnings.
func DetailLines(p *Preview) []string {
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
		if r.Action == Update {
			out = append(out, updateLines(r.Num, r.MergeName, p.Source, r.Changes)...)
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

// updateLines says that a row updates a record by its ID, then each
// field it changes.
func updateLines(row int, name, source string, changes []Change) []string {
	out := []string{lang.L("imports.row_updated", map[string]any{"Row": row, "Name": name, "Source": source})}
	for _, c := range changes {
		out = append(out, "    "+lang.L("imports.change", map[string]any{"Field": errtext.FieldLabel(string(c.Field)),
			"Old": orDash(c.Old), "New": c.New}))
	}
	return out
}

// RowText describes a merged or rejected import row in one line, naming
// the row, the column and the reason; "" for a new partner.
func RowText(r Row) string {
	switch r.Action {
	case Reject:
		return rejectedText(r.Num, r.Column, r.Err)
	case Merge:
		return lang.L("recruit.row_merged", map[string]any{"Row": r.Num, "Name": r.MergeName})
	}
	return ""
}

// rejectedText is the line of a rejected row of any import.
func rejectedText(row int, column string, e *data.Error) string {
	reason := reasonText(&data.Error{Code: e.Code, Key: e.Key, Args: e.Args})
	if column == "" {
		return lang.L("recruit.row_rejected", map[string]any{"Row": row, "Reason": reason})
	}
	return lang.L("recruit.row_rejected_col", map[string]any{"Row": row, "Column": column, "Reason": reason})
}

// reasonText says why a row was rejected, as the window says errors: an
// internal one is logged and the text points to the log.
func reasonText(err error) string {
	if errtext.Internal(err) {
		applog.Error("window", err)
	}
	return errtext.WithLog(err, applog.Path())
}

// ContactLines describes the contacts an import leaves out or updates:
// those whose company is not found and the rejected ones, with row and
// reason, and the updates by record ID.
func ContactLines(p *ContactPreview) []string {
	var out []string
	for _, r := range p.Rows {
		switch r.Action {
		case Skip:
			out = append(out, lang.L("imports.contact_unmatched", map[string]any{"Row": r.Num, "Name": r.Contact.Name,
				"Company": orDash(r.Company)}))
		case Reject:
			out = append(out, rejectedText(r.Num, r.Column, r.Err))
		case Update:
			out = append(out, updateLines(r.Num, r.Contact.Name, p.Source, r.Changes)...)
		}
	}
	return out
}

// LeadLines lists the rows of a leads import that are left out: rejected
// ones with their column and reason, repeats with the lead they repeat.
func LeadLines(p *LeadPreview) []string {
	var out []string
	for _, r := range p.Rows {
		switch r.Action {
		case Reject:
			out = append(out, rejectedText(r.Num, r.Column, r.Err))
		case Merge:
			out = append(out, lang.L("imports.leads_repeat", map[string]any{"Row": r.Num, "Name": r.Duplicate}))
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
