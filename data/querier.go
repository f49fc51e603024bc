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

// Tx is one transaction on the store. Code outside data runs several store
// calls atomically through Store.WithTx and passes the *Tx it is given to
// every store call that takes one; it never sees the database/sql
// transaction underneath, so every query still lives in this package.
type Tx struct{ q *sql.Tx }

// QueryContext, QueryRowContext and ExecContext make *Tx a Querier for this
// package's functions.
func (t *Tx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return t.q.QueryContext(ctx, query, args...)
}

func (t *Tx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return t.q.QueryRowContext(ctx, query, args...)
}

func (t *Tx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return t.q.ExecContext(ctx, query, args...)
}
