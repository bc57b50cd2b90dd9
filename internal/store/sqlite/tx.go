package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"github.com/dyad-project/dyad/internal/store"
)

// querier is what a database and a transaction have in common.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// InTx runs fn with a view of the store whose every call runs in one
// transaction, committed when fn returns nil and rolled back otherwise, so
// an article and its mentions are stored together or not at all (a crash
// between two transactions would leave an article whose mentions a re-run
// never writes, since it skips stored articles). SQLite serializes writers,
// so the lock names are not needed here; they are accepted so that SQLite
// and PostgreSQL serve the same callers.
func (s *DB) InTx(ctx context.Context, _ []string, fn func(ctx context.Context, tx store.Store) error) error {
	if s.tx != nil {
		return errors.New("store: nested transaction")
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return fn(ctx, &DB{db: s.db, q: tx, tx: tx, path: s.path})
	})
}
