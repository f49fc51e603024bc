// Package fiscal owns days and periods: ISO days as the database stores
// them (ISODate, AddDays, DaysBetween), fiscal quarters and years that
// start in any month, and the fiscal period of an MDF fund.
package fiscal
