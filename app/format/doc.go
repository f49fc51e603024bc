// Package format owns locale formatting without a UI: money in minor
// units, numbers, dates and their parsing in English and Russian,
// currency symbols, and the normalised company name and domain that
// duplicate and conflict checks compare.
package format
