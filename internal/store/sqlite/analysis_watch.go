package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/dyad-project/dyad/internal/store"
)

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	// Fixed width, so the strings sort as the instants do: RFC3339Nano drops
	// trailing zeros and would put 10:00:00.5 before 10:00:00.
	return t.UTC().Format(stampLayout)
}

const stampLayout = "2006-01-02T15:04:05.000000000Z07:00"

func unstamp(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

// FeedState returns what watch knows about url; a URL never polled gives a
// FeedState with only URL set.
func (s *DB) FeedState(ctx context.Context, url string) (store.FeedState, error) {
	fs := store.FeedState{URL: url}
	var poll, ok string
	err := s.db.QueryRowContext(ctx, `SELECT etag, last_modified, last_poll, last_ok, last_error, failures
		FROM watch_feeds WHERE url = ?`, url).Scan(&fs.ETag, &fs.LastModified, &poll, &ok, &fs.LastError, &fs.Failures)
	if errors.Is(err, sql.ErrNoRows) {
		return fs, nil
	}
	if err != nil {
		return fs, fmt.Errorf("feed state %s: %w", url, err)
	}
	fs.LastPoll, fs.LastOK = unstamp(poll), unstamp(ok)
	return fs, nil
}

// PutFeedState records the state of one polled URL.
func (s *DB) PutFeedState(ctx context.Context, fs store.FeedState) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO watch_feeds (url, etag, last_modified, last_poll, last_ok, last_error, failures)
		VALUES (?,?,?,?,?,?,?)
		ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
			last_poll = excluded.last_poll, last_ok = excluded.last_ok, last_error = excluded.last_error,
			failures = excluded.failures`,
		fs.URL, fs.ETag, fs.LastModified, stamp(fs.LastPoll), stamp(fs.LastOK), fs.LastError, fs.Failures)
	if err != nil {
		return fmt.Errorf("put feed state %s: %w", fs.URL, err)
	}
	return nil
}

const alertCols = `id, rule, key, fired_at, stories, payload`

func scanAlert(sc interface{ Scan(...any) error }) (store.AlertRecord, error) {
	var a store.AlertRecord
	var fired, stories, payload string
	if err := sc.Scan(&a.ID, &a.Rule, &a.Key, &fired, &stories, &payload); err != nil {
		return a, err
	}
	a.FiredAt = unstamp(fired)
	a.Payload = []byte(payload)
	_ = json.Unmarshal([]byte(stories), &a.Stories)
	return a, nil
}

// LastAlert returns the latest alert of rule for key, or store.ErrNotFound.
func (s *DB) LastAlert(ctx context.Context, rule, key string) (store.AlertRecord, error) {
	a, err := scanAlert(s.db.QueryRowContext(ctx, `SELECT `+alertCols+` FROM watch_alerts
		WHERE rule = ? AND key = ? ORDER BY fired_at DESC, id DESC LIMIT 1`, rule, key))
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("last alert %s/%s: %w", rule, key, store.ErrNotFound)
	}
	if err != nil {
		return a, fmt.Errorf("last alert %s/%s: %w", rule, key, err)
	}
	return a, nil
}

// PutAlert records a fired alert.
func (s *DB) PutAlert(ctx context.Context, a store.AlertRecord) (store.AlertRecord, error) {
	stories, _ := json.Marshal(a.Stories)
	if a.Stories == nil {
		stories = []byte("[]")
	}
	r, err := s.db.ExecContext(ctx, `INSERT INTO watch_alerts (rule, key, fired_at, stories, payload) VALUES (?,?,?,?,?)`,
		a.Rule, a.Key, stamp(a.FiredAt), string(stories), string(a.Payload))
	if err != nil {
		return a, fmt.Errorf("put alert %s/%s: %w", a.Rule, a.Key, err)
	}
	a.ID, err = r.LastInsertId()
	return a, err
}

// ListAlerts returns the alerts fired at or after since, oldest first.
func (s *DB) ListAlerts(ctx context.Context, since time.Time) ([]store.AlertRecord, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+alertCols+` FROM watch_alerts WHERE fired_at >= ? ORDER BY fired_at, id`, stamp(since))
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
