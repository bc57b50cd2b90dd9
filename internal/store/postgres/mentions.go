package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
)

var mentionCols = []string{"article_id", "seq", "event", "mode", "cameo", "quad", "score",
	"actor_text", "actor_entity", "actor_name", "actor_code", "actor_sector",
	"recip_text", "recip_entity", "recip_name", "recip_code", "recip_sector",
	"date_start", "date_end", "precision", "date_text", "background", "claim", "reported_by",
	"sentence", "sent_start", "sent_end", "trigger", "confidence", "location", "story_id", "story_why", "reference"}

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
				m.Sentence, m.SentStart, m.SentEnd, m.Trigger, m.Confidence, m.Location, m.StoryID, m.StoryWhy,
				m.Reference || m.Background} // history is recalled, whoever coded it
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

// RenameStory moves the mentions of story from into story to.
func (s *DB) RenameStory(ctx context.Context, from, to string) error {
	err := s.inTx(ctx, func(q querier) error {
		_, err := q.Exec(ctx, `UPDATE mentions SET story_id = $1 WHERE story_id = $2`, to, from)
		return err
	})
	if err != nil {
		return fmt.Errorf("join story %s into %s: %w", from, to, err)
	}
	return nil
}

// ListMentions returns the mentions matching f, oldest first (undated last).
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

// MoveMention moves one stored mention into story to.
func (s *DB) MoveMention(ctx context.Context, m *event.Mention, to, why string) error {
	err := s.inTx(ctx, func(q querier) error {
		_, err := q.Exec(ctx, `UPDATE mentions SET story_id = $1, story_why = $2
			WHERE article_id = $3 AND sent_start = $4 AND event = $5 AND actor_code = $6 AND recip_code = $7`,
			to, why, m.ArticleID, m.SentStart, m.Event, m.Actor.Code, m.Recipient.Code)
		return err
	})
	if err != nil {
		return fmt.Errorf("move a mention of article %d into story %s: %w", m.ArticleID, to, err)
	}
	return nil
}
