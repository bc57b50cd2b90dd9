// Package sqlite is the embedded store: one SQLite file in a data directory,
// pure Go (modernc.org/sqlite), WAL mode, migrations embedded.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations/*.sql
var migrations embed.FS

// busyTimeoutMS is how long a writer waits for another's transaction. Each
// transaction holds one document (coding happens before it), so a minute is
// far beyond any real wait and short enough to report a stuck writer.
const busyTimeoutMS = 60_000

// cacheKiB is the page cache of the connection (SQLite's default is 2 MB):
// an ingest re-reads the mention and story indexes of the busy dyads for
// every article, and a cache smaller than them sends each read to the file.
const cacheKiB = 16 << 10

// walPages is the size of the write-ahead log, in pages of 4 KB, past which
// a commit copies it back into the database file (32 MB; SQLite's default
// is 1,000 pages). The log is removed when the last connection closes.
const walPages = 8192

// DB is a dyad store in one SQLite file.
type DB struct {
	db   *sql.DB
	q    querier // db, or tx in the view InTx hands out
	tx   *sql.Tx
	path string
	near *nearCache // shared by the views InTx hands out
	// stmts are the statements of the writer's transactions (see
	// stmtCache), shared by the views InTx hands out
	stmts *stmtCache
	// reads is a second connection for the reads that must not wait for
	// the writer's transaction: HasHash, which the extraction workers ask
	// while the writer holds a batch (WAL lets it read the last commit).
	reads *sql.DB
}

// Open opens (creating if needed) the database at path and brings its schema
// up to date. It refuses a database written by a newer dyad.
func Open(ctx context.Context, path string) (*DB, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
	}
	// Transactions begin IMMEDIATE (_txlock): a deferred one that reads and
	// then writes cannot wait for another process's write lock (SQLite
	// answers SQLITE_BUSY at once, busy_timeout or not, since waiting could
	// deadlock), so a second `dyad ingest` or the dashboard's ingest beside
	// a CLI ingest failed. Taking the write lock at BEGIN makes it wait its
	// turn, up to busy_timeout. The pragmas run in order: busy_timeout first,
	// so switching a new file to WAL also waits. For bulk loads: statement
	// journals (each insert firing the story and full-text triggers opens
	// one) stay in memory instead of temporary files, and the page cache
	// holds the indexes a batch touches (pages are allocated as used, so a
	// small database costs no more). The write-ahead log is copied back
	// into the file every walPages pages instead of SQLite's 1,000: a bulk
	// load rewrites the same index pages batch after batch, and each
	// checkpoint copied (and synced) them again.
	dsn := "file:" + path + "?_txlock=immediate&_pragma=busy_timeout(" + strconv.Itoa(busyTimeoutMS) +
		")&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)" +
		"&_pragma=temp_store(MEMORY)&_pragma=cache_size(" + strconv.Itoa(-cacheKiB) + ")" +
		"&_pragma=wal_autocheckpoint(" + strconv.Itoa(walPages) + ")"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	// One writer at a time is SQLite's model; a single connection also keeps
	// transactions from tripping over each other's locks.
	db.SetMaxOpenConns(1)
	s := &DB{db: db, q: db, path: path, near: &nearCache{}, stmts: &stmtCache{}}
	if err := s.migrateWaiting(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	reads, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout("+strconv.Itoa(busyTimeoutMS)+")&_pragma=query_only(1)")
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	reads.SetMaxOpenConns(1)
	s.reads = reads
	return s, nil
}

// migrateWaiting runs migrate, again while SQLite answers busy. Processes
// opening one new file at once race to switch it to WAL, and SQLite answers
// that switch busy at once rather than calling the busy handler (waiting
// could deadlock), so busy_timeout does not cover it. Migrations are
// idempotent (each is checked again under the write lock), so a retry is
// safe.
func (s *DB) migrateWaiting(ctx context.Context) error {
	deadline := time.Now().Add(busyTimeoutMS * time.Millisecond)
	wait := 10 * time.Millisecond
	for {
		err := s.migrate(ctx)
		if !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait + time.Duration(rand.Int64N(int64(wait)))):
		}
		wait = min(2*wait, time.Second)
	}
}

// isBusy reports SQLITE_BUSY (with any extended code).
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// Close releases the database.
func (s *DB) Close() error {
	if s.tx != nil {
		return nil // the view InTx hands out; the transaction ends with InTx
	}
	if s.reads != nil {
		s.reads.Close()
	}
	s.stmts.close()
	return s.db.Close()
}

// Path is the file the store lives in.
func (s *DB) Path() string { return s.path }

// Location is the file the store lives in.
func (s *DB) Location() string { return s.path }

func (s *DB) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var cur int
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&cur); err != nil {
		return fmt.Errorf("migrate: read version: %w", err)
	}
	// Apply every migration not yet recorded, not only those above the
	// highest: a database made while a lower-numbered migration did not
	// exist yet still gets it.
	applied := map[int]bool{}
	rows, err := s.db.QueryContext(ctx, `SELECT version FROM schema_version`)
	if err != nil {
		return fmt.Errorf("migrate: read versions: %w", err)
	}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return fmt.Errorf("migrate: read versions: %w", err)
		}
		applied[v] = true
	}
	rows.Close()
	files, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	sort.Strings(files)
	latest := 0
	for _, f := range files {
		n, err := strconv.Atoi(strings.SplitN(filepath.Base(f), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migrate: bad migration name %s", f)
		}
		latest = n
		if applied[n] {
			continue
		}
		body, err := migrations.ReadFile(f)
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		if err := s.inTx(ctx, func(tx *sql.Tx) error {
			// Asked again under the write lock: another process opening
			// the same new file may have applied it while this one waited.
			var done int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_version WHERE version = ?`, n).Scan(&done); err != nil {
				return err
			}
			if done > 0 {
				return nil
			}
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return fmt.Errorf("%s: %w", f, err)
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_version(version) VALUES (?)`, n)
			return err
		}); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	}
	if cur > latest {
		return fmt.Errorf("schema version %d is newer than this dyad knows (%d): upgrade dyad", cur, latest)
	}
	return nil
}

// inTxQ is inTx for statements that may be prepared once per transaction:
// in a view of InTx or InBatch, fn gets the view's querier, which keeps
// each statement it prepares until the transaction ends (a batch stores
// many documents with the same few statements, and preparing one that
// fires the story and full-text triggers compiles them too).
func (s *DB) inTxQ(ctx context.Context, fn func(querier) error) error {
	if s.tx != nil {
		return fn(s.q)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error { return fn(tx) })
}

// inTx runs fn in a transaction, committing on success and rolling back on
// error, so a crash or a failure never leaves half a write behind.
func (s *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	if s.tx != nil {
		return fn(s.tx)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
