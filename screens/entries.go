package screens

import "channeldesk/screens/widgets"

// The entries of the widgets package, set up for this window's currency,
// language and clock.

func newDateEntry(u *UI, field string) *widgets.DateEntry {
	return u.locale().dateEntry(u.Store, field)
}
