package sqlite

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
)

var _ store.Mentions = (*DB)(nil)

// mentionCols are the columns PutMentions writes, in its order.
const mentionCols = `article_id, seq, event, mode, cameo, quad, score,
	actor_text, actor_entity, actor_name, actor_code, actor_sector,
	recip_text, recip_entity, recip_name, recip_code, recip_sector,
	date_start, date_end, precision, date_text, background, claim, reported_by,
	sentence, sent_start, sent_end, trigger, confidence, location, story_id, story_why, reference`

const nMentionCols = 33

// mentionsPerInsert is how many mentions one INSERT writes (33 values
// each, under SQLite's limit of 32,766).
const mentionsPerInsert = 256

// PutMentions replaces the article's mentions atomically.
//
// It deletes only when the article has mentions, and writes them with one
// statement per up to mentionsPerInsert: each statement that fires the
// full-text triggers inside a transaction opens a savepoint, and FTS5
// writes its pending index to disk at every savepoint, so a statement per
// mention (and a DELETE of nothing before them) wrote one small index
// segment per mention for SQLite to merge again.
func (s *DB) PutMentions(ctx context.Context, articleID int64, ms []event.Mention) error {
	err := s.inTxQ(ctx, func(tx querier) error {
		var had bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM mentions WHERE article_id = ?)`, articleID).Scan(&had); err != nil {
			return err
		}
		if had {
			if err := holdStories(ctx, tx, `SELECT DISTINCT story_id FROM mentions WHERE article_id = ?`, []any{articleID},
				`DELETE FROM mentions WHERE article_id = ?`, articleID); err != nil {
				return err
			}
			s.near.dropArticle(articleID)
		}
		rbs := make([]string, len(ms))
		ids := make([]int64, 0, len(ms))
		for from := 0; from < len(ms); from += mentionsPerInsert {
			to := min(from+mentionsPerInsert, len(ms))
			var q strings.Builder
			q.WriteString(`INSERT INTO mentions (` + mentionCols + `) VALUES `)
			args := make([]any, 0, (to-from)*nMentionCols)
			for i := from; i < to; i++ {
				m := &ms[i]
				if i > from {
					q.WriteByte(',')
				}
				q.WriteString("(?" + strings.Repeat(",?", nMentionCols-1) + ")")
				rb, _ := json.Marshal(m.ReportedBy)
				if m.ReportedBy == nil {
					rb = []byte("[]")
				}
				rbs[i] = string(rb)
				args = append(args, articleID, i, m.Event, m.Mode, m.CAMEO, m.Quad, m.Score,
					m.Actor.Text, m.Actor.EntityID, m.Actor.Entity, m.Actor.Code, m.Actor.Sector,
					m.Recipient.Text, m.Recipient.EntityID, m.Recipient.Entity, m.Recipient.Code, m.Recipient.Sector,
					nullDate(m.DateStart), nullDate(m.DateEnd), m.Precision, m.DateText, m.Background, m.Claim, rbs[i],
					m.Sentence, m.SentStart, m.SentEnd, m.Trigger, m.Confidence, m.Location, m.StoryID, m.StoryWhy,
					m.Reference || m.Background) // history is recalled, whoever coded it
			}
			r, err := tx.ExecContext(ctx, q.String(), args...)
			if err != nil {
				return err
			}
			// the rows of one INSERT take the ids after the largest
			// (SQLite's rowids), the last one's known: cacheArticle checks
			last, err := r.LastInsertId()
			if err != nil {
				return err
			}
			for id := last - int64(to-from) + 1; id <= last; id++ {
				ids = append(ids, id)
			}
		}
		return s.cacheArticle(ctx, tx, articleID, ms, ids, rbs)
	})
	if err != nil {
		if s.tx == nil {
			s.near.reset() // its own transaction rolled back (InTx resets for its own)
		}
		return fmt.Errorf("store mentions of article %d: %w", articleID, err)
	}
	return nil
}

// RenameStory moves the mentions of story from into story to.
func (s *DB) RenameStory(ctx context.Context, from, to string) error {
	err := s.inTxQ(ctx, func(tx querier) error {
		return holdStories(ctx, tx, `SELECT ? UNION SELECT ?`, []any{from, to},
			`UPDATE mentions SET story_id = ? WHERE story_id = ?`, to, from)
	})
	if err != nil {
		return fmt.Errorf("join story %s into %s: %w", from, to, err)
	}
	s.near.rename(from, to)
	return nil
}

// holdStories runs a statement that deletes or moves many mentions with
// the per-mention story triggers held (migration 0010: each would
// recompute a whole story, once per mention), then recomputes once each
// story that ids (a query with its args) names, read before the statement.
// tx must be a transaction, so that no other writer ever sees the hold.
func holdStories(ctx context.Context, tx querier, ids string, idArgs []any, stmt string, args ...any) error {
	rows, err := tx.QueryContext(ctx, ids, idArgs...)
	if err != nil {
		return err
	}
	var stories []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		if id != "" {
			stories = append(stories, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO story_hold (held) VALUES (1)`); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, stmt, args...); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM story_hold`); err != nil {
		return err
	}
	for _, id := range stories {
		if _, err := tx.ExecContext(ctx, `INSERT INTO story_refresh (id) VALUES (?)`, id); err != nil {
			return err
		}
	}
	return nil
}

// MoveMention moves one stored mention into story to.
func (s *DB) MoveMention(ctx context.Context, m *event.Mention, to, why string) error {
	_, err := s.q.ExecContext(ctx, `UPDATE mentions SET story_id = ?, story_why = ?
		WHERE article_id = ? AND sent_start = ? AND event = ? AND actor_code = ? AND recip_code = ?`,
		to, why, m.ArticleID, m.SentStart, m.Event, m.Actor.Code, m.Recipient.Code)
	if err != nil {
		return fmt.Errorf("move a mention of article %d into story %s: %w", m.ArticleID, to, err)
	}
	s.near.move(m, to, why)
	return nil
}

// ListMentions returns the mentions matching f, oldest first.
func (s *DB) ListMentions(ctx context.Context, f store.MentionFilter) ([]event.Mention, error) {
	return s.AppendMentions(ctx, nil, f)
}

// AppendMentions is ListMentions appending to dst (pipeline's
// MentionAppender). The writer asks for the stored mentions near every
// new article, hundreds of ~400-byte mentions of a busy dyad each time, and
// a fresh slice per ask was half of what a bulk load allocated: it passes
// the same buffer every time.
func (s *DB) AppendMentions(ctx context.Context, dst []event.Mention, f store.MentionFilter) ([]event.Mention, error) {
	if s.tx != nil && cacheable(f) {
		// inside a transaction, the cache has just been checked (InTx)
		out, err := s.near.appendTo(ctx, s, dst, f)
		if !errors.Is(err, errTooBig) {
			return out, err
		}
	}
	out := dst
	err := s.EachMention(ctx, f, func(m *event.Mention) error {
		out = append(out, *m)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list mentions: %w", err)
	}
	return out, nil
}
