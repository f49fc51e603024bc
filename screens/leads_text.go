package screens

import (
	"fmt"
	"strings"

	"channeldesk/app/format"
	"channeldesk/app/importer"
	"channeldesk/app/lead"
	"channeldesk/data"
	"fyne.io/fyne/v2/lang"
)

// leadStateLabel is a lead state in the interface language.
func leadStateLabel(st data.LeadState) string { return lang.L("leads.state." + string(st)) }

// leadSourceLabel is a lead source in the interface language.
func leadSourceLabel(s data.LeadSource) string { return lang.L("leads.source." + string(s)) }

// LeadReasonText is one routing reason in the interface language, with
// the points it gave ("Sells the product +30"), dates as the locale
// writes them.
func LeadReasonText(r lead.Reason, l format.Lang) string {
	args := map[string]any{}
	for k, v := range r.Args {
		if s, ok := v.(string); ok && data.IsDate(s) {
			v = format.FormatDate(s, l)
		}
		args[k] = v
	}
	text := lang.L(r.Key, args)
	switch {
	case r.Points > 0:
		text += fmt.Sprintf(" +%d", r.Points)
	case r.Points < 0:
		text += fmt.Sprintf(" -%d", -r.Points)
	}
	return text
}

// LeadReasonsText joins a suggestion's warnings and reasons into one line.
func LeadReasonsText(s lead.Suggestion, l format.Lang) string {
	var parts []string
	for _, w := range s.Warnings {
		parts = append(parts, "! "+LeadReasonText(w, l))
	}
	for _, r := range s.Reasons {
		parts = append(parts, LeadReasonText(r, l))
	}
	return strings.Join(parts, "; ")
}

// LeadRoutedLines says, per lead of a batch, the partner it goes to (or
// that none can take it) and why: what `channeldesk leads route` prints.
func LeadRoutedLines(out []lead.Routed, l format.Lang) []string {
	lines := make([]string, 0, len(out))
	for _, rt := range out {
		if rt.Suggestion == nil {
			lines = append(lines, lang.L("leads.route_none", map[string]any{"Lead": rt.Lead.Company}))
			continue
		}
		lines = append(lines, lang.L("leads.route_line", map[string]any{"Lead": rt.Lead.Company,
			"Partner": rt.Suggestion.Name, "Score": rt.Suggestion.Score, "Why": LeadReasonsText(*rt.Suggestion, l)}))
	}
	return lines
}

// LeadImportLines lists the rows of a leads import that are left out:
// rejected ones with their column and reason, repeats with the lead they
// repeat.
func LeadImportLines(p *importer.LeadPreview) []string {
	var out []string
	for _, r := range p.Rows {
		switch r.Action {
		case importer.Reject:
			out = append(out, ImportRowText(importer.Row{Num: r.Num, Action: importer.Reject, Column: r.Column, Err: r.Err}))
		case importer.Merge:
			out = append(out, lang.L("imports.leads_repeat", map[string]any{"Row": r.Num, "Name": r.Duplicate}))
		}
	}
	return out
}
