package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/dyad-project/dyad/internal/store"
)

// nullTime maps the zero time (never) to NULL.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

// utc turns a scanned timestamptz (pgx gives local time) into UTC, NULL
// into the zero time.
func utc(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

// FeedState returns what watch knows about url; a URL never polled gives a
// FeedState with only URL set.
func (s *DB) FeedState(ctx context.Context, url string) (store.FeedState, error) {
	fs := store.FeedState{URL: url}
	var poll, ok *time.Time
	err := s.q.QueryRow(ctx, `SELECT etag, last_modified, last_poll, last_ok, last_error, failures
		FROM watch_feeds WHERE url = $1`, url).Scan(&fs.ETag, &fs.LastModified, &poll, &ok, &fs.LastError, &fs.Failures)
	if errors.Is(err, pgx.ErrNoRows) {
		return fs, nil
	}
	if err != nil {
		return fs, fmt.Errorf("feed state %s: %w", url, err)
	}
	fs.LastPoll, fs.LastOK = utc(poll), utc(ok)
	return fs, nil
}

// PutFeedState records the state of one polled URL, replacing the last.
func (s *DB) PutFeedState(ctx context.Context, fs store.FeedState) error {
	_, err := s.q.Exec(ctx, `INSERT INTO watch_feeds (url, etag, last_modified, last_poll, last_ok, last_error, failures)
		VALUES ($1,$2,$3,$4,$5,$6,$7)
		ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
			last_poll = excluded.last_poll, last_ok = excluded.last_ok, last_error = excluded.last_error,
			failures = excluded.failures`,
		fs.URL, fs.ETag, fs.LastModified, nullTime(fs.LastPoll), nullTime(fs.LastOK), fs.LastError, fs.Failures)
	if err != nil {
		return fmt.Errorf("put feed state %s: %w", fs.URL, err)
	}
	return nil
}

// The payload is read as text so that it comes back byte for byte.
const alertCols = `id, rule, key, fired_at, stories, payload::text`

func scanAlert(row pgx.Row) (store.AlertRecord, error) {
	var a store.AlertRecord
	var payload *string
	if err := row.Scan(&a.ID, &a.Rule, &a.Key, &a.FiredAt, &a.Stories, &payload); err != nil {
		return a, err
	}
	a.FiredAt = a.FiredAt.UTC()
	if payload != nil {
		a.Payload = []byte(*payload)
	}
	return a, nil
}

// LastAlert returns the latest alert of rule for key, or store.ErrNotFound.
func (s *DB) LastAlert(ctx context.Context, rule, key string) (store.AlertRecord, error) {
	a, err := scanAlert(s.q.QueryRow(ctx, `SELECT `+alertCols+` FROM watch_alerts
		WHERE rule = $1 AND key = $2 ORDER BY fired_at DESC, id DESC LIMIT 1`, rule, key))
	if errors.Is(err, pgx.ErrNoRows) {
		return a, fmt.Errorf("last alert %s/%s: %w", rule, key, store.ErrNotFound)
	}
	if err != nil {
		return a, fmt.Errorf("last alert %s/%s: %w", rule, key, err)
	}
	return a, nil
}

// PutAlert records a fired alert and returns it with its ID. FiredAt is
// kept to the microsecond (PostgreSQL's resolution); an empty payload is
// stored as NULL.
func (s *DB) PutAlert(ctx context.Context, a store.AlertRecord) (store.AlertRecord, error) {
	stories := a.Stories
	if stories == nil {
		stories = []string{}
	}
	var payload any
	if len(a.Payload) > 0 {
		payload = string(a.Payload)
	}
	err := s.q.QueryRow(ctx, `INSERT INTO watch_alerts (rule, key, fired_at, stories, payload)
		VALUES ($1,$2,$3,$4,$5::text::json) RETURNING id`,
		a.Rule, a.Key, a.FiredAt, stories, payload).Scan(&a.ID)
	if err != nil {
		return a, fmt.Errorf("put alert %s/%s: %w", a.Rule, a.Key, err)
	}
	return a, nil
}

// ListAlerts returns the alerts fired at or after since, oldest first.
func (s *DB) ListAlerts(ctx context.Context, since time.Time) ([]store.AlertRecord, error) {
	rows, err := s.q.Query(ctx, `SELECT `+alertCols+` FROM watch_alerts
		WHERE $1::timestamptz IS NULL OR fired_at >= $1 ORDER BY fired_at, id`, nullTime(since))
	if err != nil {
		return nil, fmt.Errorf("list alerts: %w", err)
	}
	defer rows.Close()
	var out []store.AlertRecord
	for rows.Next() {
		a, err := scanAlert(rows)
		if err != nil {
			return nil, fmt.Errorf("list alerts: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
