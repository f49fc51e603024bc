// Package kit makes the partner kit — one workbook per partner that
// travels by e-mail, is filled in by the partner in Excel or LibreOffice
// and comes back — and reads a returned kit under the same rules the app
// applies to what the manager types: deal registrations with conflict
// detection, MDF requests and claims with the ledger checks, plan actuals,
// contact changes and certifications.
//
// A kit shows only shareable data of its own partner. A hidden sheet
// carries a marker (kit ID, partner, program, date, language and the IDs
// of the records the kit lists) signed with a per-database secret, so a
// returned kit is matched to its partner and a kit edited to pose as
// another partner, or one from another database, is refused.
//
// Import works row by row inside one transaction: each row runs in a
// savepoint, so a refused row changes nothing and the preview is the real
// rules applied and rolled back. Every handled row is recorded (kit,
// sheet, row hash), so importing the same kit twice creates nothing.
package kit
