package check

import (
	"context"

	"channeldesk/data"
)

// RunInvariants runs the foreign key check and every registered invariant,
// without SQLite's page-by-page integrity check (which only a damaged
// disk fails): what a team sync verifies after merging others' changes.
func RunInvariants(ctx context.Context, s *data.Store) ([]Finding, error) {
	all := append([]Check{invariantCheck(data.ForeignKeyInvariant)}, Checks()...)
	var found []Finding
	for _, c := range all {
		if err := ctx.Err(); err != nil {
			return found, err
		}
		fs, err := c.findings(ctx, s)
		if err != nil {
			fs = []Finding{{Check: c.Name, Message: "could not run: " + err.Error()}}
		}
		found = append(found, fs...)
	}
	return found, nil
}
