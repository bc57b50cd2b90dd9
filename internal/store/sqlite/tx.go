package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

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
	return s.write(ctx, func(view *DB) error { return fn(ctx, view) })
}

// write runs fn with a view of the store in one transaction, committed
// when fn returns nil and rolled back otherwise.
func (s *DB) write(ctx context.Context, fn func(view *DB) error) error {
	if s.tx != nil {
		return errors.New("store: nested transaction")
	}
	s.stmts.prepare(ctx, s.db) // while the connection is free
	// The transaction runs on a connection of its own asking, so that the
	// mention cache can tell whether another connection wrote since it
	// last looked (see nearCache).
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	var id any
	if err := conn.Raw(func(dc any) error { id = dc; return nil }); err != nil {
		return err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	var ver int64
	if err := tx.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&ver); err != nil {
		tx.Rollback()
		return err
	}
	s.near.check(id, ver)
	q := &prepared{tx: tx, cache: s.stmts}
	if err := holdFTS(ctx, q); err != nil {
		tx.Rollback()
		return err
	}
	if err := fn(&DB{db: s.db, q: q, tx: tx, path: s.path, near: s.near, stmts: s.stmts}); err != nil {
		tx.Rollback()
		s.near.reset() // it followed writes now undone
		return err
	}
	if err := flushFTS(ctx, q); err != nil {
		tx.Rollback()
		s.near.reset()
		return err
	}
	if err := tx.Commit(); err != nil {
		s.near.reset()
		return err
	}
	return nil
}

// InBatch runs fn in one transaction whose units (see batch.Unit) are
// savepoints: a unit that fails is undone alone, and the others are
// committed together when fn returns nil. SQLite serializes writers, so a
// batch takes no lock names; PostgreSQL stores one document per
// transaction, under its dyads' locks (no Batcher there).
func (s *DB) InBatch(ctx context.Context, fn func(ctx context.Context, b store.Batch) error) error {
	return s.write(ctx, func(view *DB) error {
		b := &batch{view: view}
		if err := fn(ctx, b); err != nil {
			return err
		}
		return b.broken
	})
}

var _ store.Batcher = (*DB)(nil)

type batch struct {
	view   *DB
	broken error // a unit could not be undone: the batch must not commit
}

// Unit runs fn in a savepoint of the batch's transaction.
func (b *batch) Unit(ctx context.Context, fn func(ctx context.Context, tx store.Store) error) error {
	if b.broken != nil {
		return b.broken
	}
	if _, err := b.view.tx.ExecContext(ctx, `SAVEPOINT unit`); err != nil {
		return err
	}
	err := fn(ctx, b.view)
	// the savepoint ends even when ctx is done: an interrupted unit is
	// undone, and the batch's fate is then its transaction's
	end := context.WithoutCancel(ctx)
	if err != nil {
		b.view.near.reset() // it may hold the undone writes
		if _, rerr := b.view.tx.ExecContext(end, `ROLLBACK TO unit`); rerr != nil {
			b.broken = fmt.Errorf("undo a failed unit: %w", rerr)
			return errors.Join(err, b.broken)
		}
	}
	if _, rerr := b.view.tx.ExecContext(end, `RELEASE unit`); rerr != nil {
		b.broken = fmt.Errorf("end a unit: %w", rerr)
		return errors.Join(err, b.broken)
	}
	return err
}

// prepared is a transaction that prepares each statement once and keeps
// it until the transaction ends (database/sql closes a transaction's
// statements then). A statement the writer's earlier transactions ran is
// not compiled again: it comes from the store's cache (see stmtCache).
type prepared struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	cache *stmtCache // nil: none
	fresh int        // statements compiled for this transaction
}

// maxPrepared bounds the statements one transaction keeps, and those the
// store's cache keeps.
const maxPrepared = 64

func (p *prepared) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := p.stmts[q]; ok {
		return st, nil
	}
	var st *sql.Stmt
	if parent := p.cache.get(q); parent != nil {
		// prepared on this connection already: database/sql reuses it
		st = p.tx.StmtContext(ctx, parent)
	} else {
		var err error
		if st, err = p.tx.PrepareContext(ctx, q); err != nil {
			return nil, err
		}
		p.fresh++
		p.cache.want(q)
	}
	if p.stmts == nil {
		p.stmts = map[string]*sql.Stmt{}
	}
	if len(p.stmts) >= maxPrepared {
		for k, old := range p.stmts {
			old.Close()
			delete(p.stmts, k)
		}
	}
	p.stmts[q] = st
	return st, nil
}

func (p *prepared) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	st, err := p.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (p *prepared) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	st, err := p.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (p *prepared) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	st, err := p.stmt(ctx, q)
	if err != nil {
		// a Row carrying the error, as database/sql gives for a bad query
		return p.tx.QueryRowContext(ctx, q, args...)
	}
	return st.QueryRowContext(ctx, args...)
}
