package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
)

var _ store.Mentions = (*DB)(nil)

// PutMentions replaces the article's mentions atomically.
func (s *DB) PutMentions(ctx context.Context, articleID int64, ms []event.Mention) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM mentions WHERE article_id = ?`, articleID); err != nil {
			return err
		}
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO mentions (article_id, seq, event, mode, cameo, quad, score,
			actor_text, actor_entity, actor_name, actor_code, actor_sector,
			recip_text, recip_entity, recip_name, recip_code, recip_sector,
			date_start, date_end, precision, date_text, background, claim, reported_by,
			sentence, sent_start, sent_end, trigger, confidence, location, story_id, story_why)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for i, m := range ms {
			rb, _ := json.Marshal(m.ReportedBy)
			if m.ReportedBy == nil {
				rb = []byte("[]")
			}
			_, err := stmt.ExecContext(ctx, articleID, i, m.Event, m.Mode, m.CAMEO, m.Quad, m.Score,
				m.Actor.Text, m.Actor.EntityID, m.Actor.Entity, m.Actor.Code, m.Actor.Sector,
				m.Recipient.Text, m.Recipient.EntityID, m.Recipient.Entity, m.Recipient.Code, m.Recipient.Sector,
				nullDate(m.DateStart), nullDate(m.DateEnd), m.Precision, m.DateText, m.Background, m.Claim, string(rb),
				m.Sentence, m.SentStart, m.SentEnd, m.Trigger, m.Confidence, m.Location, m.StoryID, m.StoryWhy)
			if err != nil {
				return err
			}
		}
		return nil
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
	if !f.Since.IsZero() {
		where, args = append(where, "date_end >= ?"), append(args, f.Since.Format(time.DateOnly))
	}
	if !f.Until.IsZero() {
		where, args = append(where, "date_start <= ?"), append(args, f.Until.Format(time.DateOnly))
	}
	// A syndicated copy (dup_of) counts as the outlet of the article it
	// copies, so one story carried by two sites is one source.
	q := `SELECT m.article_id, a.source,
		CASE WHEN a.dup_of IS NOT NULL THEN COALESCE(NULLIF(o.outlet, ''), o.source) ELSE COALESCE(NULLIF(a.outlet, ''), a.source) END,
		event, mode, cameo, quad, score,
		actor_text, actor_entity, actor_name, actor_code, actor_sector,
		recip_text, recip_entity, recip_name, recip_code, recip_sector,
		COALESCE(date_start, ''), COALESCE(date_end, ''), precision, date_text, background, claim, reported_by,
		sentence, sent_start, sent_end, trigger, confidence, location, story_id, story_why
		FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY COALESCE(date_start, '9999'), m.article_id, m.seq"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := s.q.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list mentions: %w", err)
	}
	defer rows.Close()
	var out []event.Mention
	for rows.Next() {
		var m event.Mention
		var ds, de, rb string
		err := rows.Scan(&m.ArticleID, &m.Doc, &m.Outlet, &m.Event, &m.Mode, &m.CAMEO, &m.Quad, &m.Score,
			&m.Actor.Text, &m.Actor.EntityID, &m.Actor.Entity, &m.Actor.Code, &m.Actor.Sector,
			&m.Recipient.Text, &m.Recipient.EntityID, &m.Recipient.Entity, &m.Recipient.Code, &m.Recipient.Sector,
			&ds, &de, &m.Precision, &m.DateText, &m.Background, &m.Claim, &rb,
			&m.Sentence, &m.SentStart, &m.SentEnd, &m.Trigger, &m.Confidence, &m.Location, &m.StoryID, &m.StoryWhy)
		if err != nil {
			return nil, fmt.Errorf("list mentions: %w", err)
		}
		m.DateStart, _ = time.Parse(time.DateOnly, ds)
		m.DateEnd, _ = time.Parse(time.DateOnly, de)
		_ = json.Unmarshal([]byte(rb), &m.ReportedBy)
		out = append(out, m)
	}
	return out, rows.Err()
}
