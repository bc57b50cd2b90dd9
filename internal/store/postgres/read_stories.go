package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/dyad-project/dyad/internal/store"
)

const storyCols = `s.date_start, s.id, s.event, s.quad, s.actor_code, s.recip_code,
	s.date_end, s.mentions, s.outlets, s.first_mention, COALESCE(f.sentence, ''), s.recalled,
	s.recall_start, s.recall_end`

const storyFrom = ` FROM stories s LEFT JOIN mentions f ON f.id = s.first_mention`

func scanStory(sc pgx.Row) (store.Story, error) {
	var st store.Story
	var ds, de, rs, re *time.Time
	err := sc.Scan(&ds, &st.ID, &st.Event, &st.Quad, &st.Actor, &st.Recipient, &de, &st.Mentions, &st.Outlets,
		&st.FirstMention, &st.Evidence, &st.Recalled, &rs, &re)
	st.Start, st.End = dayOf(ds), dayOf(de)
	st.RecallStart, st.RecallEnd = dayOf(rs), dayOf(re)
	return st, err
}

// Stories returns one page of stories matching q, newest first.
func (s *DB) Stories(ctx context.Context, q store.StoryQuery) (store.StoryPage, error) {
	limit := pageSize(q.Limit)
	c, err := decodeCursor(q.After)
	if err != nil {
		return store.StoryPage{}, fmt.Errorf("stories: %w", err)
	}
	var w where
	partyCond(&w, q.Dyad, q.Actor, "s.", false)
	if !q.Since.IsZero() {
		w.add("s.date_end >= " + w.arg(dayOrEmpty(q.Since)) + "::date")
	}
	if !q.Until.IsZero() {
		w.add("s.date_start <= " + w.arg(dayOrEmpty(q.Until)) + "::date")
	}
	if len(q.Types) > 0 {
		w.add("s.event = ANY (" + w.arg(q.Types) + ")")
	}
	if q.Quad > 0 {
		w.add("s.quad = " + w.arg(q.Quad))
	}
	if q.MinOutlets > 1 {
		w.add("s.outlets >= " + w.arg(q.MinOutlets))
	}
	if q.Claim != "" {
		w.add("EXISTS (SELECT 1 FROM mentions x WHERE x.story_id = s.id AND x.claim = " + w.arg(q.Claim) + ")")
	}
	if strings.TrimSpace(q.Text) != "" {
		tq, ok := w.tsQuery(q.Text)
		if !ok {
			return store.StoryPage{}, nil
		}
		w.add("EXISTS (SELECT 1 FROM mentions x WHERE x.story_id = s.id AND x.sentence_tsv @@ " + tq + ")")
	}
	w.keyset(c, "s.date_start", "s.id", true)
	query := "SELECT " + storyCols + storyFrom + " WHERE " + w.sql() +
		` ORDER BY s.date_start DESC NULLS LAST, s.id COLLATE "C" DESC LIMIT ` + w.arg(limit+1)
	rows, err := s.q.Query(ctx, query, w.args...)
	if err != nil {
		return store.StoryPage{}, fmt.Errorf("stories: %w", err)
	}
	defer rows.Close()
	var page store.StoryPage
	for rows.Next() {
		st, err := scanStory(rows)
		if err != nil {
			return store.StoryPage{}, fmt.Errorf("stories: %w", err)
		}
		page.Stories = append(page.Stories, st)
	}
	if err := rows.Err(); err != nil {
		return store.StoryPage{}, fmt.Errorf("stories: %w", err)
	}
	if len(page.Stories) > limit {
		page.Stories = page.Stories[:limit]
		last := page.Stories[limit-1]
		page.Next = cursor{Date: dayOrEmpty(last.Start), Key: last.ID}.Encode()
	}
	if err := s.nameStoryOutlets(ctx, page.Stories); err != nil {
		return store.StoryPage{}, err
	}
	return page, nil
}

// Story returns one story.
func (s *DB) Story(ctx context.Context, id string) (store.Story, error) {
	st, err := scanStory(s.q.QueryRow(ctx, "SELECT "+storyCols+storyFrom+" WHERE s.id = $1", id))
	if errors.Is(err, pgx.ErrNoRows) {
		return st, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return st, fmt.Errorf("story %s: %w", id, err)
	}
	one := []store.Story{st}
	err = s.nameStoryOutlets(ctx, one)
	return one[0], err
}
