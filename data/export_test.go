package data

import (
	"context"
	"database/sql"
)

// PrepareInTx prepares a statement in tx, for tests that need one open
// while the transaction is cancelled (no code outside data prepares its
// own statements).
func PrepareInTx(ctx context.Context, tx *Tx, query string) (*sql.Stmt, error) {
	return tx.q.PrepareContext(ctx, query)
}
