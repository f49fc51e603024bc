// Package mdf owns the market development funds ledger: funds,
// allocations and accruals, requests, claims with proofs, payments,
// expiry, the balance of a partner or fund (Balance), and the views
// the MDF screen shows (summaries, work queue, ledger, ROI).
package mdf
