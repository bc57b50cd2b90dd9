package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
)

var _ store.Analysis = (*DB)(nil)

// mentionQuery is the query of ListMentions for f: the same columns, outlet
// rule (a syndicated copy counts as the outlet it copies), filters and order.
func mentionQuery(f store.MentionFilter) (string, []any) {
	var where []string
	var args []any
	ph := func(v any) string { args = append(args, v); return fmt.Sprintf("$%d", len(args)) }
	switch {
	case f.Either && (f.Actor != "" || f.Recipient != ""):
		a, r := ph(f.Actor), ph(f.Recipient)
		where = append(where, fmt.Sprintf("((actor_code = %s AND recip_code = %s) OR (actor_code = %s AND recip_code = %s))", a, r, r, a))
	default:
		if f.Actor != "" {
			where = append(where, "actor_code = "+ph(f.Actor))
		}
		if f.Recipient != "" {
			where = append(where, "recip_code = "+ph(f.Recipient))
		}
	}
	if f.Event != "" {
		where = append(where, "event = "+ph(f.Event))
	}
	if f.Story != "" {
		where = append(where, "story_id = "+ph(f.Story))
	}
	if !f.Since.IsZero() {
		where = append(where, "date_end >= "+ph(article.Day(f.Since)))
	}
	if !f.Until.IsZero() && f.UndatedHistory {
		where = append(where, "(date_start <= "+ph(article.Day(f.Until))+" OR (background AND date_text = ''))")
	} else if !f.Until.IsZero() {
		where = append(where, "date_start <= "+ph(article.Day(f.Until)))
	}
	q := `SELECT m.id, m.article_id, a.source, a.url,
		CASE WHEN a.dup_of IS NOT NULL THEN o.outlet ELSE a.outlet END,
		event, mode, cameo, quad, score,
		actor_text, actor_entity, actor_name, actor_code, actor_sector,
		recip_text, recip_entity, recip_name, recip_code, recip_sector,
		date_start, date_end, precision, date_text, background, claim, reported_by,
		sentence, sent_start, sent_end, trigger, confidence, location, story_id, story_why, reference, a.date_conflict
		FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY date_start NULLS LAST, m.article_id, m.seq"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	return q, args
}

func scanMention(rows pgx.Rows) (event.Mention, error) {
	var m event.Mention
	var ds, de *time.Time
	err := rows.Scan(&m.ID, &m.ArticleID, &m.Doc, &m.URL, &m.Outlet, &m.Event, &m.Mode, &m.CAMEO, &m.Quad, &m.Score,
		&m.Actor.Text, &m.Actor.EntityID, &m.Actor.Entity, &m.Actor.Code, &m.Actor.Sector,
		&m.Recipient.Text, &m.Recipient.EntityID, &m.Recipient.Entity, &m.Recipient.Code, &m.Recipient.Sector,
		&ds, &de, &m.Precision, &m.DateText, &m.Background, &m.Claim, &m.ReportedBy,
		&m.Sentence, &m.SentStart, &m.SentEnd, &m.Trigger, &m.Confidence, &m.Location, &m.StoryID, &m.StoryWhy, &m.Reference,
		&m.ArticleDateConflict)
	if ds != nil {
		m.DateStart = article.Day(*ds)
	}
	if de != nil {
		m.DateEnd = article.Day(*de)
	}
	return m, err
}

// EachMention streams the mentions matching f in the order ListMentions
// gives them: pgx hands rows over as they arrive, so an export of the whole
// table holds one row at a time. Outside InTx, fn may call the store (its
// calls take other pooled connections); inside InTx it must not, since the
// transaction's connection is busy with the query until the iteration ends.
func (s *DB) EachMention(ctx context.Context, f store.MentionFilter, fn func(*event.Mention) error) error {
	q, args := mentionQuery(f)
	rows, err := s.q.Query(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("iterate mentions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		m, err := scanMention(rows)
		if err != nil {
			return fmt.Errorf("iterate mentions: %w", err)
		}
		if err := fn(&m); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("iterate mentions: %w", err)
	}
	return nil
}

// EachArticle streams the articles matching f in ingest order, with the
// filters of ListArticles (see EachMention for what fn may call).
func (s *DB) EachArticle(ctx context.Context, f store.ArticleFilter, fn func(*article.Article) error) error {
	var where []string
	var args []any
	arg := func(cond string, v any) {
		args = append(args, v)
		where = append(where, fmt.Sprintf(cond, len(args)))
	}
	if !f.Since.IsZero() {
		arg("published >= $%d", article.Day(f.Since))
	}
	if !f.Until.IsZero() {
		arg("published <= $%d", article.Day(f.Until))
	}
	if f.Outlet != "" {
		arg("outlet = $%d", f.Outlet)
	}
	q := `SELECT ` + articleCols + ` FROM articles`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY id"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := s.q.Query(ctx, q, args...)
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
