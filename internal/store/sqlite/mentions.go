package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

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
			sentence, sent_start, sent_end, trigger, confidence, location, story_id, story_why, reference)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
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
				m.Sentence, m.SentStart, m.SentEnd, m.Trigger, m.Confidence, m.Location, m.StoryID, m.StoryWhy,
				m.Reference || m.Background) // history is recalled, whoever coded it
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

// RenameStory moves the mentions of story from into story to.
func (s *DB) RenameStory(ctx context.Context, from, to string) error {
	if _, err := s.q.ExecContext(ctx, `UPDATE mentions SET story_id = ? WHERE story_id = ?`, to, from); err != nil {
		return fmt.Errorf("join story %s into %s: %w", from, to, err)
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
	return nil
}

// ListMentions returns the mentions matching f, oldest first.
func (s *DB) ListMentions(ctx context.Context, f store.MentionFilter) ([]event.Mention, error) {
	var out []event.Mention
	err := s.EachMention(ctx, f, func(m *event.Mention) error {
		out = append(out, *m)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list mentions: %w", err)
	}
	return out, nil
}
