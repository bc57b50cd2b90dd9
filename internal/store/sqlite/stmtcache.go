package sqlite

import (
	"context"
	"database/sql"
	"log/slog"
	"sync"
)

// stmtCache keeps, prepared on the database, the statements the writer's
// transactions ran, so that the next transaction reuses them on the
// connection instead of compiling them again. Compiling a statement that
// fires the story and full-text triggers compiles the triggers too, and a
// writer that keeps up with the coders commits a batch of one or two
// documents at a time: compiling once per transaction cost a tenth of an
// ingest. A statement is prepared on the database between transactions
// (prepare), when the single connection is free; inside one, a transaction
// asks database/sql for its copy (Tx.StmtContext), which reuses the
// connection's compiled statement.
type stmtCache struct {
	mu     sync.Mutex
	stmts  map[string]*sql.Stmt
	wanted []string
}

// get returns the cached statement of q, or nil.
func (c *stmtCache) get(q string) *sql.Stmt {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stmts[q]
}

// want notes q for the next prepare.
func (c *stmtCache) want(q string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.wanted = append(c.wanted, q)
}

// prepare prepares the statements wanted since the last call on db. It
// runs outside any transaction of db. Past maxPrepared statements the
// cache starts afresh. A statement that does not prepare is left out: its
// transaction compiles it, as without a cache.
func (c *stmtCache) prepare(ctx context.Context, db *sql.DB) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, q := range c.wanted {
		if _, ok := c.stmts[q]; ok {
			continue
		}
		if len(c.stmts) >= maxPrepared {
			c.closeLocked()
		}
		st, err := db.PrepareContext(ctx, q)
		if err != nil {
			slog.Debug("statement not cached", "err", err)
			continue
		}
		if c.stmts == nil {
			c.stmts = map[string]*sql.Stmt{}
		}
		c.stmts[q] = st
	}
	c.wanted = c.wanted[:0]
}

// close releases the statements.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closeLocked()
}

func (c *stmtCache) closeLocked() {
	for q, st := range c.stmts {
		st.Close()
		delete(c.stmts, q)
	}
}
