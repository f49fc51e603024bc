package data

import (
	"context"
	"fmt"
)

// RowCounts is how many rows each named table holds — what an import
// that must create nothing twice is checked by. A name that is not a
// table of the schema is an error.
func (s *Store) RowCounts(ctx context.Context, tables ...string) (map[string]int, error) {
	out := map[string]int{}
	for _, t := range tables {
		var known int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, t).Scan(&known); err != nil {
			return nil, err
		}
		if known == 0 {
			return nil, fmt.Errorf("RowCounts: no table %q", t)
		}
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM "`+t+`"`).Scan(&n); err != nil {
			return nil, err
		}
		out[t] = n
	}
	return out, nil
}
