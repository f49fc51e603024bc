package check

import (
	"context"

	"channeldesk/data"
)

// Finding is one thing `channeldesk check` found wrong.
type Finding struct {
	Check   string // the name of the check that found it
	Message string // what is wrong, naming the records
}

// String is the finding as the command line prints it.
func (f Finding) String() string { return f.Check + ": " + f.Message }

// Check is one named invariant of the database; Run computes its findings.
type Check struct {
	Name string
	Run  func(ctx context.Context, s *data.Store) ([]Finding, error)
}

// Checks lists the invariants of the database, area by area: the tables'
// invariants data.Invariants lists, then the MDF ledger's. SQLite's own
// integrity and foreign key checks always run first (RunChecks adds them).
func Checks() []Check {
	var all []Check
	for _, inv := range data.Invariants() {
		all = append(all, invariantCheck(inv))
	}
	return append(all, Check{Name: "mdf", Run: CheckMDF})
}

// invariantCheck turns one of data's invariants into a check whose
// findings name the columns of each row its query selects.
func invariantCheck(inv data.Invariant) Check {
	return Check{Name: inv.Name, Run: func(ctx context.Context, s *data.Store) ([]Finding, error) {
		rows, err := s.Violations(ctx, inv)
		var out []Finding
		for _, msg := range rows {
			out = append(out, Finding{Check: inv.Name, Message: msg})
		}
		return out, err
	}}
}

// RunChecks runs the integrity check, the foreign key check and every
// registered invariant, and returns what they found. A check that cannot
// run (on a damaged file) is reported as a finding; the error is only the
// context's.
func RunChecks(ctx context.Context, s *data.Store) ([]Finding, error) {
	all := append([]Check{
		{Name: "integrity", Run: integrityCheck},
		invariantCheck(data.ForeignKeyInvariant),
	}, Checks()...)
	var found []Finding
	for _, c := range all {
		if err := ctx.Err(); err != nil {
			return found, err
		}
		fs, err := c.findings(ctx, s)
		if err != nil {
			// A check that cannot run on this file is itself a finding.
			fs = []Finding{{Check: c.Name, Message: "could not run: " + err.Error()}}
		}
		found = append(found, fs...)
	}
	return found, nil
}

func (c Check) findings(ctx context.Context, s *data.Store) ([]Finding, error) {
	return c.Run(ctx, s)
}

func integrityCheck(ctx context.Context, s *data.Store) ([]Finding, error) {
	msgs, err := s.IntegrityProblems(ctx)
	var out []Finding
	for _, msg := range msgs {
		out = append(out, Finding{Check: "integrity", Message: msg})
	}
	return out, err
}
