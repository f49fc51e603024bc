// Package check holds the invariants of the database that `channeldesk
// check` runs: SQLite's integrity and foreign key checks, then the list
// Checks returns, area by area (shared tables, onboarding, plans, deal
// attribution, tier changes, the MDF ledger and its proof files). A new
// area adds its list in Checks; nothing registers itself.
package check
