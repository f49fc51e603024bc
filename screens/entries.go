package screens

import "channeldesk/screens/widgets"

// The entries of the widgets package, set up for this window's currency,
// language and clock.

func newMoneyEntry(u *UI, field string) *widgets.MoneyEntry {
	return widgets.NewMoneyEntry(field, u.Settings.Currency, u.Lang)
}

func newCountEntry(u *UI, field string) *widgets.MoneyEntry {
	return widgets.NewCountEntry(field, u.Lang)
}

func newPercentEntry(u *UI, field string) *widgets.PercentEntry {
	return widgets.NewPercentEntry(field, u.Lang)
}

func newDateEntry(u *UI, field string) *widgets.DateEntry {
	return widgets.NewDateEntry(field, u.Lang, u.Store.Now)
}

func newFilterDate(u *UI, placeHolder string, changed func()) *widgets.DateEntry {
	return u.locale().filterDate(u.Store, placeHolder, changed)
}
