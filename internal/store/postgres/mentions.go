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

var mentionCols = []string{"article_id", "seq", "event", "mode", "cameo", "quad", "score",
	"actor_text", "actor_entity", "actor_name", "actor_code", "actor_sector",
	"recip_text", "recip_entity", "recip_name", "recip_code", "recip_sector",
	"date_start", "date_end", "precision", "date_text", "background", "claim", "reported_by",
	"sentence", "sent_start", "sent_end", "trigger", "confidence", "location", "story_id", "story_why"}

// PutMentions replaces the article's mentions atomically.
func (s *DB) PutMentions(ctx context.Context, articleID int64, ms []event.Mention) error {
	err := s.inTx(ctx, func(q querier) error {
		if _, err := q.Exec(ctx, `DELETE FROM mentions WHERE article_id = $1`, articleID); err != nil {
			return err
		}
		if len(ms) == 0 {
			return nil
		}
		rows := make([][]any, len(ms))
		for i, m := range ms {
			rb := m.ReportedBy
			if rb == nil {
				rb = []string{}
			}
			rows[i] = []any{articleID, i, m.Event, m.Mode, m.CAMEO, m.Quad, m.Score,
				m.Actor.Text, m.Actor.EntityID, m.Actor.Entity, m.Actor.Code, m.Actor.Sector,
				m.Recipient.Text, m.Recipient.EntityID, m.Recipient.Entity, m.Recipient.Code, m.Recipient.Sector,
				nullDate(m.DateStart), nullDate(m.DateEnd), m.Precision, m.DateText, m.Background, m.Claim, rb,
				m.Sentence, m.SentStart, m.SentEnd, m.Trigger, m.Confidence, m.Location, m.StoryID, m.StoryWhy}
		}
		// COPY is the bulk path; it needs the transaction's connection.
		tx, ok := q.(pgx.Tx)
		if !ok {
			return fmt.Errorf("mentions: not in a transaction")
		}
		_, err := tx.CopyFrom(ctx, pgx.Identifier{"mentions"}, mentionCols, pgx.CopyFromRows(rows))
		return err
	})
	if err != nil {
		return fmt.Errorf("store mentions of article %d: %w", articleID, err)
	}
	return nil
}

// ListMentions returns mentions matching f, oldest first.
func (s *DB) ListMentions(ctx context.Context, f store.MentionFilter) ([]event.Mention, error) {
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
	if !f.Since.IsZero() {
		where = append(where, "date_end >= "+ph(article.Day(f.Since)))
	}
	if !f.Until.IsZero() {
		where = append(where, "date_start <= "+ph(article.Day(f.Until)))
	}
	// A syndicated copy (dup_of) counts as the outlet of the article it
	// copies, so one story carried by two sites is one source.
	q := `SELECT m.article_id, a.source,
		CASE WHEN a.dup_of IS NOT NULL THEN COALESCE(NULLIF(o.outlet, ''), o.source) ELSE COALESCE(NULLIF(a.outlet, ''), a.source) END,
		event, mode, cameo, quad, score,
		actor_text, actor_entity, actor_name, actor_code, actor_sector,
		recip_text, recip_entity, recip_name, recip_code, recip_sector,
		date_start, date_end, precision, date_text, background, claim, reported_by,
		sentence, sent_start, sent_end, trigger, confidence, location, story_id, story_why
		FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY date_start NULLS LAST, m.article_id, m.seq"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := s.q.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list mentions: %w", err)
	}
	defer rows.Close()
	var out []event.Mention
	for rows.Next() {
		var m event.Mention
		var ds, de *time.Time
		err := rows.Scan(&m.ArticleID, &m.Doc, &m.Outlet, &m.Event, &m.Mode, &m.CAMEO, &m.Quad, &m.Score,
			&m.Actor.Text, &m.Actor.EntityID, &m.Actor.Entity, &m.Actor.Code, &m.Actor.Sector,
			&m.Recipient.Text, &m.Recipient.EntityID, &m.Recipient.Entity, &m.Recipient.Code, &m.Recipient.Sector,
			&ds, &de, &m.Precision, &m.DateText, &m.Background, &m.Claim, &m.ReportedBy,
			&m.Sentence, &m.SentStart, &m.SentEnd, &m.Trigger, &m.Confidence, &m.Location, &m.StoryID, &m.StoryWhy)
		if err != nil {
			return nil, fmt.Errorf("list mentions: %w", err)
		}
		if ds != nil {
			m.DateStart = article.Day(*ds)
		}
		if de != nil {
			m.DateEnd = article.Day(*de)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
