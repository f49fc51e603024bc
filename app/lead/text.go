package lead

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/lang"

	"channeldesk/app/format"
	"channeldesk/data"
)

// ReasonText is one routing reason in the interface language, with the
// points it gave ("Sells the product +30"), dates as the locale writes
// them.
func ReasonText(r Reason, l format.Lang) string {
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

// ReasonsText joins a suggestion's warnings and reasons into one line.
func ReasonsText(s Suggestion, l format.Lang) string {
	var parts []string
	for _, w := range s.Warnings {
		parts = append(parts, "! "+ReasonText(w, l))
	}
	for _, r := range s.Reasons {
		parts = append(parts, ReasonText(r, l))
	}
	return strings.Join(parts, "; ")
}

// RoutedLines says, per lead of a batch, the partner it goes to (or that
// none can take it) and why: what the Leads screen shows after routing
// and `channeldesk leads route` prints.
func RoutedLines(out []Routed, l format.Lang) []string {
	lines := make([]string, 0, len(out))
	for _, rt := range out {
		if rt.Suggestion == nil {
			lines = append(lines, lang.L("leads.route_none", map[string]any{"Lead": rt.Lead.Company}))
			continue
		}
		lines = append(lines, lang.L("leads.route_line", map[string]any{"Lead": rt.Lead.Company,
			"Partner": rt.Suggestion.Name, "Score": rt.Suggestion.Score, "Why": ReasonsText(*rt.Suggestion, l)}))
	}
	return lines
}
