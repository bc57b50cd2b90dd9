package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
)

var _ store.Analysis = (*DB)(nil)

// mentionWhere builds the WHERE clause of f, as ListMentions reads it.
func mentionWhere(f store.MentionFilter) (string, []any) {
	var where []string
	var args []any
	switch {
	case f.Either && (f.Actor != "" || f.Recipient != ""):
		where = append(where, "((actor_code = ? AND recip_code = ?) OR (actor_code = ? AND recip_code = ?))")
		args = append(args, f.Actor, f.Recipient, f.Recipient, f.Actor)
	default:
		if f.Actor != "" {
			where, args = append(where, "actor_code = ?"), append(args, f.Actor)
		}
		if f.Recipient != "" {
			where, args = append(where, "recip_code = ?"), append(args, f.Recipient)
		}
	}
	if f.Event != "" {
		where, args = append(where, "event = ?"), append(args, f.Event)
	}
	if f.Story != "" {
		where, args = append(where, "story_id = ?"), append(args, f.Story)
	}
	if !f.Since.IsZero() {
		where, args = append(where, "date_end >= ?"), append(args, f.Since.Format(time.DateOnly))
	}
	if !f.Until.IsZero() && f.UndatedHistory {
		where, args = append(where, "(date_start <= ? OR (background <> 0 AND date_text = ''))"), append(args, f.Until.Format(time.DateOnly))
	} else if !f.Until.IsZero() {
		where, args = append(where, "date_start <= ?"), append(args, f.Until.Format(time.DateOnly))
	}
	if len(where) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(where, " AND "), args
}

// EachMention streams the mentions matching f, oldest first (undated
// last); a syndicated copy carries its original's outlet. fn must not call
// the store: the single connection is busy with the query until the
// iteration ends. It reads through the open transaction when there is one.
func (s *DB) EachMention(ctx context.Context, f store.MentionFilter, fn func(*event.Mention) error) error {
	where, args := mentionWhere(f)
	order := " ORDER BY COALESCE(date_start, '9999'), m.article_id, m.seq"
	if f.Limit > 0 {
		order += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	return s.eachMention(ctx, where+order, args, func(m *event.Mention, _ mentionDates) error { return fn(m) })
}

// mentionDates are a mention's dates as stored (YYYY-MM-DD, "" for none),
// which the filters compare as text.
type mentionDates struct{ start, end string }

// eachMention streams the mentions of the query whose WHERE and ORDER BY
// clauses (or either) are tail, with the dates as stored.
func (s *DB) eachMention(ctx context.Context, tail string, args []any, fn func(*event.Mention, mentionDates) error) error {
	q := `SELECT m.id, m.article_id, a.source, a.url,
		CASE WHEN a.dup_of IS NOT NULL THEN o.outlet ELSE a.outlet END,
		event, mode, cameo, quad, score,
		actor_text, actor_entity, actor_name, actor_code, actor_sector,
		recip_text, recip_entity, recip_name, recip_code, recip_sector,
		COALESCE(date_start, ''), COALESCE(date_end, ''), precision, date_text, background, claim, reported_by,
		sentence, sent_start, sent_end, trigger, confidence, location, story_id, story_why, reference, a.date_conflict
		FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of` + tail
	rows, err := s.q.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("iterate mentions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var m event.Mention
		var d mentionDates
		var rb string
		err := rows.Scan(&m.ID, &m.ArticleID, &m.Doc, &m.URL, &m.Outlet, &m.Event, &m.Mode, &m.CAMEO, &m.Quad, &m.Score,
			&m.Actor.Text, &m.Actor.EntityID, &m.Actor.Entity, &m.Actor.Code, &m.Actor.Sector,
			&m.Recipient.Text, &m.Recipient.EntityID, &m.Recipient.Entity, &m.Recipient.Code, &m.Recipient.Sector,
			&d.start, &d.end, &m.Precision, &m.DateText, &m.Background, &m.Claim, &rb,
			&m.Sentence, &m.SentStart, &m.SentEnd, &m.Trigger, &m.Confidence, &m.Location, &m.StoryID, &m.StoryWhy, &m.Reference,
			&m.ArticleDateConflict)
		if err != nil {
			return fmt.Errorf("iterate mentions: %w", err)
		}
		m.DateStart, _ = time.Parse(time.DateOnly, d.start)
		m.DateEnd, _ = time.Parse(time.DateOnly, d.end)
		_ = json.Unmarshal([]byte(rb), &m.ReportedBy)
		if err := fn(&m, d); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("iterate mentions: %w", err)
	}
	return nil
}

// EachArticle streams the articles matching f in ingest order. fn must not
// call the store (see EachMention).
func (s *DB) EachArticle(ctx context.Context, f store.ArticleFilter, fn func(*article.Article) error) error {
	var where []string
	var args []any
	if !f.Since.IsZero() {
		where, args = append(where, "published >= ?"), append(args, f.Since.Format(time.DateOnly))
	}
	if !f.Until.IsZero() {
		where, args = append(where, "published <= ?"), append(args, f.Until.Format(time.DateOnly))
	}
	if f.Outlet != "" {
		where, args = append(where, "outlet = ?"), append(args, f.Outlet)
	}
	q := `SELECT ` + articleCols + ` FROM articles`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY id"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := s.q.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("iterate articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return fmt.Errorf("iterate articles: %w", err)
		}
		if err := fn(&a); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("iterate articles: %w", err)
	}
	return nil
}
