package screens

import "channeldesk/screens/widgets"

// The entries of the widgets package, set up for this window's currency,
// language and clock.

func newMoneyEntry(u *UI, field string) *widgets.MoneyEntry {
	return u.locale().moneyEntry(field)
}

func newPercentEntry(u *UI, field string) *widgets.PercentEntry {
	return u.locale().percentEntry(field)
}

func newDateEntry(u *UI, field string) *widgets.DateEntry {
	return u.locale().dateEntry(u.Store, field)
}

func newFilterDate(u *UI, placeHolder string, changed func()) *widgets.DateEntry {
	return u.locale().filterDate(u.Store, placeHolder, changed)
}
