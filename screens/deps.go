package screens

import (
	"channeldesk/app/format"
	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// What screens are given instead of the whole window (UI): each screen's
// constructor takes the store, the window, a locale, a runner and the
// callbacks it needs, and nothing else.

// runner runs work off the UI goroutine and then done on it; a panic in
// work becomes the internal-error dialog (UI.background is the one the
// window uses, and tests wait for it with UI.Wait).
type runner func(work, done func())

// locale shows dates and money the way the window's language and the
// program currency write them.
type locale struct {
	lang     format.Lang
	currency string
}

// date shows an ISO date in the locale's format.
func (l locale) date(iso string) string { return format.FormatDate(iso, l.lang) }

// money shows minor units of the program currency.
func (l locale) money(minor int64) string { return format.FormatMoney(minor, l.currency, l.lang) }

// filterDate is an optional date entry for a list filter (see
// widgets.NewFilterDate), its calendar marking the store's today.
func (l locale) filterDate(store *data.Store, placeHolder string, changed func()) *widgets.DateEntry {
	return widgets.NewFilterDate(l.lang, store.Now, placeHolder, changed)
}

// locale is the window's language and program currency.
func (u *UI) locale() locale { return locale{lang: u.Lang, currency: u.Settings.Currency} }

// moneyEntry is an amount entry in the program currency.
func (l locale) moneyEntry(field string) *widgets.MoneyEntry {
	return widgets.NewMoneyEntry(field, l.currency, l.lang)
}

// percentEntry is a percentage entry.
func (l locale) percentEntry(field string) *widgets.PercentEntry {
	return widgets.NewPercentEntry(field, l.lang)
}

// dateEntry is a date entry whose calendar marks the store's today.
func (l locale) dateEntry(store *data.Store, field string) *widgets.DateEntry {
	return widgets.NewDateEntry(field, l.lang, store.Now)
}
