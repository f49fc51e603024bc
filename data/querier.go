package data

import (
	"context"
	"database/sql"
)

// Querier is the one interface for "the database or a transaction": what
// both *sql.DB and *sql.Tx offer. Store functions that may run inside a
// caller's transaction take it; code outside data never needs it, as it
// reaches the database only through Store methods.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// MDFQuerier is the older name of Querier, kept while callers move.
type MDFQuerier = Querier

// The narrower interfaces this package used to have are Querier too.
type (
	querier     = Querier
	tierQuerier = Querier
)
