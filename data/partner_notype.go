package data

import "context"

// PartnersWithoutType counts the partners stored without a type.
func (s *Store) PartnersWithoutType(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM partners WHERE type = ''`).Scan(&n)
	return n, err
}
