// Package postgres is the server store: the same data as store/sqlite in a
// PostgreSQL database, reached with pgx, its schema migrated by goose from
// embedded SQL, so several workers on several machines can share it.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"net/url"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	"github.com/dyad-project/dyad/internal/store"
)

//go:embed migrations/*.sql
var migrations embed.FS

var _ store.Store = (*DB)(nil)

// querier is what a pool and a transaction have in common.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// DB is a dyad store in a PostgreSQL database. The value returned by Open
// runs each call in its own transaction; the one InTx hands to its
// callback runs every call in the callback's transaction.
type DB struct {
	pool *pgxpool.Pool
	q    querier
	tx   pgx.Tx // nil outside InTx
	loc  string
}

// IsURL reports whether s names a PostgreSQL database rather than a file.
func IsURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql")
}

// Open connects to the database named by the URL dsn and brings its schema
// up to date. It refuses a schema written by a newer dyad.
func Open(ctx context.Context, dsn string) (*DB, error) {
	loc := dsn
	if u, err := url.Parse(dsn); err == nil {
		loc = u.Redacted()
	}
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", loc, err)
	}
	if err := createSchema(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open store %s: %w", loc, err)
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open store %s: %w", loc, err)
	}
	return &DB{pool: pool, q: pool, loc: loc}, nil
}

// createSchema creates the first schema of the URL's search_path
// (?search_path=dyad) when it does not exist yet, so that one database can
// hold several dyad stores without a step by hand.
func createSchema(ctx context.Context, pool *pgxpool.Pool) error {
	path := pool.Config().ConnConfig.RuntimeParams["search_path"]
	schema := strings.TrimSpace(strings.Split(path, ",")[0])
	if schema == "" || schema == "public" || strings.HasPrefix(schema, "$") {
		return nil
	}
	if _, err := pool.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+pgx.Identifier{strings.Trim(schema, `"`)}.Sanitize()); err != nil {
		return fmt.Errorf("create schema %s: %w", schema, err)
	}
	return nil
}

// migrate applies the embedded migrations under goose's session lock, so
// workers starting together do not race to create the schema.
func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	sqlDB := stdlib.OpenDBFromPool(pool)
	defer sqlDB.Close()
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectPostgres, sqlDB, fsys,
		goose.WithSessionLocker(locker), goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	current, target, err := p.GetVersions(ctx)
	if err != nil {
		return fmt.Errorf("migrate: read version: %w", err)
	}
	if current > target {
		return fmt.Errorf("schema version %d is newer than this dyad knows (%d): upgrade dyad", current, target)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// Close releases the connections (a no-op on the view InTx hands out).
func (s *DB) Close() error {
	if s.tx == nil {
		s.pool.Close()
	}
	return nil
}

// Location names the database, without its password.
func (s *DB) Location() string { return s.loc }

// InTx runs fn with a view of the store whose every call runs in one
// transaction, committed when fn returns nil. Before fn runs it takes a
// transaction-scoped advisory lock for each name in locks (sorted, so two
// transactions never wait on each other in a cycle): workers that name the
// same dyad take turns at loading, merging and storing its stories.
func (s *DB) InTx(ctx context.Context, locks []string, fn func(ctx context.Context, tx store.Store) error) error {
	if s.tx != nil {
		return errors.New("store: nested transaction")
	}
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if err := advisoryLock(ctx, tx, lockKeys(locks)); err != nil {
			return err
		}
		return fn(ctx, &DB{pool: s.pool, q: tx, tx: tx, loc: s.loc})
	})
}

// lockKeys maps lock names to sorted, distinct 64-bit advisory lock keys.
func lockKeys(names []string) []int64 {
	seen := map[int64]bool{}
	var keys []int64
	for _, n := range names {
		h := fnv.New64a()
		h.Write([]byte("dyad:" + n))
		k := int64(h.Sum64())
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

func advisoryLock(ctx context.Context, q querier, keys []int64) error {
	for _, k := range keys {
		if _, err := q.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, k); err != nil {
			return fmt.Errorf("advisory lock: %w", err)
		}
	}
	return nil
}

// inTx runs fn in the current transaction, or in a new one outside InTx.
func (s *DB) inTx(ctx context.Context, fn func(q querier) error) error {
	if s.tx != nil {
		return fn(s.tx)
	}
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error { return fn(tx) })
}
