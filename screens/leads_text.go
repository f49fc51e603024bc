package screens

import (
	"channeldesk/app/format"
	"channeldesk/app/lead"
	"channeldesk/data"

	"fyne.io/fyne/v2/lang"
)

// leadStateLabel is a lead state in the interface language.
func leadStateLabel(st data.LeadState) string { return lang.L("leads.state." + string(st)) }

// leadSourceLabel is a lead source in the interface language.
func leadSourceLabel(s data.LeadSource) string { return lang.L("leads.source." + string(s)) }

// LeadReasonsText joins a suggestion's warnings and reasons into one line
// (lead.ReasonsText).
func LeadReasonsText(s lead.Suggestion, l format.Lang) string { return lead.ReasonsText(s, l) }

// LeadRoutedLines says, per lead of a batch, the partner it goes to and
// why (lead.RoutedLines, what `channeldesk leads route` prints too).
func LeadRoutedLines(out []lead.Routed, l format.Lang) []string { return lead.RoutedLines(out, l) }
