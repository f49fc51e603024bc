package check

import (
	"context"
	"fmt"
	"strings"

	"channeldesk/data"
)

// Finding is one thing `channeldesk check` found wrong.
type Finding struct {
	Check   string // the name of the check that found it
	Message string // what is wrong, naming the records
}

// String is the finding as the command line prints it.
func (f Finding) String() string { return f.Check + ": " + f.Message }

// Check is one named invariant of the database. Either Query selects one
// row per violation (every column is printed as name=value), or Run
// computes the findings itself.
type Check struct {
	Name  string
	Query string
	Run   func(ctx context.Context, s *data.Store) ([]Finding, error)
}

// Checks lists the invariants of the database, area by area; a new area
// adds its list here. SQLite's own integrity and foreign key checks always
// run first (RunChecks adds them).
func Checks() []Check {
	var all []Check
	all = append(all, onboardingChecks...)
	all = append(all, planChecks...)
	all = append(all, attributionChecks...)
	all = append(all, tierChangeChecks...)
	all = append(all, coreChecks...)
	// The MDF ledger invariants.
	return append(all, Check{Name: "mdf", Run: CheckMDF})
}

// RunChecks runs the integrity check, the foreign key check and every
// registered invariant, and returns what they found. A check that cannot
// run (on a damaged file) is reported as a finding; the error is only the
// context's.
func RunChecks(ctx context.Context, s *data.Store) ([]Finding, error) {
	all := append([]Check{
		{Name: "integrity", Run: integrityCheck},
		{Name: "foreign_keys", Query: `SELECT "table", rowid, parent FROM pragma_foreign_key_check`},
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
	if c.Run != nil {
		return c.Run(ctx, s)
	}
	rows, err := s.DB().QueryContext(ctx, c.Query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []Finding
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		parts := make([]string, len(cols))
		for i, col := range cols {
			v := vals[i]
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			parts[i] = fmt.Sprintf("%s=%v", col, v)
		}
		out = append(out, Finding{Check: c.Name, Message: strings.Join(parts, " ")})
	}
	return out, rows.Err()
}

func integrityCheck(ctx context.Context, s *data.Store) ([]Finding, error) {
	rows, err := s.DB().QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return []Finding{{Check: "integrity", Message: err.Error()}}, nil
	}
	defer rows.Close()
	var out []Finding
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			return nil, err
		}
		if msg != "ok" {
			out = append(out, Finding{Check: "integrity", Message: msg})
		}
	}
	if err := rows.Err(); err != nil {
		out = append(out, Finding{Check: "integrity", Message: err.Error()})
	}
	return out, nil
}
