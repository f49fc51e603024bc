// Package deals holds the rules of deal registration that are not the
// store's: the customer key that lets registrations of the same customer
// by different partners meet, and how far ahead "expiring soon" looks.
package deals
