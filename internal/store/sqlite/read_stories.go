package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/dyad-project/dyad/internal/store"
)

const storyCols = `s.date_start AS ds, s.id AS sid, s.event, s.quad, s.actor_code, s.recip_code,
	COALESCE(s.date_end, ''), s.mentions, s.outlets, s.first_mention, COALESCE(f.sentence, ''), s.recalled,
	COALESCE(s.recall_start, ''), COALESCE(s.recall_end, '')`

const storyFrom = ` FROM stories s LEFT JOIN mentions f ON f.id = s.first_mention`

func scanStory(sc interface{ Scan(...any) error }) (store.Story, error) {
	var st store.Story
	var ds sql.NullString
	var de, rs, re string
	err := sc.Scan(&ds, &st.ID, &st.Event, &st.Quad, &st.Actor, &st.Recipient, &de, &st.Mentions, &st.Outlets,
		&st.FirstMention, &st.Evidence, &st.Recalled, &rs, &re)
	st.Start, st.End = parseDay(ds.String), parseDay(de)
	st.RecallStart, st.RecallEnd = parseDay(rs), parseDay(re)
	return st, err
}

func storyArms(q store.StoryQuery) []conds {
	a, b := strings.ToUpper(q.Dyad[0]), strings.ToUpper(q.Dyad[1])
	switch {
	case a != "" && b != "" && a == b:
		return []conds{{terms: []string{"s.actor_code = ? AND s.recip_code = ?"}, args: []any{a, a}}}
	case a != "" && b != "":
		return []conds{
			{terms: []string{"s.actor_code = ? AND s.recip_code = ?"}, args: []any{a, b}},
			{terms: []string{"s.actor_code = ? AND s.recip_code = ?"}, args: []any{b, a}},
		}
	case q.Actor != "":
		return []conds{
			{terms: []string{"s.actor_code = ?"}, args: []any{q.Actor}},
			{terms: []string{"s.recip_code = ? AND s.actor_code <> ?"}, args: []any{q.Actor, q.Actor}},
		}
	}
	return []conds{{}}
}

func storyConds(q store.StoryQuery) conds {
	var c conds
	if !q.Since.IsZero() {
		c.add("s.date_end >= ?", dayOrEmpty(q.Since))
	}
	if !q.Until.IsZero() {
		c.add("s.date_start <= ?", dayOrEmpty(q.Until))
	}
	if len(q.Types) > 0 {
		c.add("s.event IN ("+placeholders(len(q.Types))+")", anys(q.Types)...)
	}
	if q.Quad > 0 {
		c.add("s.quad = ?", q.Quad)
	}
	if q.MinOutlets > 1 {
		c.add("s.outlets >= ?", q.MinOutlets)
	}
	if q.Claim != "" {
		c.add("EXISTS (SELECT 1 FROM mentions x WHERE x.story_id = s.id AND x.claim = ?)", q.Claim)
	}
	if fq := ftsQuery(q.Text); fq != "" {
		c.add("s.id IN (SELECT x.story_id FROM mentions x WHERE x.id IN (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?))", fq)
	}
	return c
}

// Stories returns one page of stories matching q, newest first.
func (s *DB) Stories(ctx context.Context, q store.StoryQuery) (store.StoryPage, error) {
	limit := pageSize(q.Limit)
	ps, err := phases(q.After, "s.date_start", "s.id", true)
	if err != nil {
		return store.StoryPage{}, fmt.Errorf("stories: %w", err)
	}
	if strings.TrimSpace(q.Text) != "" && ftsQuery(q.Text) == "" {
		return store.StoryPage{}, nil
	}
	base, arms := storyConds(q), storyArms(q)
	var page store.StoryPage
	for _, p := range ps {
		want := limit + 1 - len(page.Stories)
		if want <= 0 {
			break
		}
		var parts []string
		var args []any
		for _, arm := range arms {
			c := base.with(arm, conds{terms: []string{p.cond}, args: p.args})
			parts = append(parts, "SELECT "+storyCols+storyFrom+" WHERE "+c.sql())
			args = append(args, c.args...)
		}
		query := strings.Join(parts, " UNION ALL ") + " ORDER BY ds DESC, sid DESC LIMIT ?"
		if err := s.scanStories(ctx, &page.Stories, query, append(args, want)...); err != nil {
			return store.StoryPage{}, err
		}
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

func (s *DB) scanStories(ctx context.Context, dst *[]store.Story, query string, args ...any) error {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("stories: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		st, err := scanStory(rows)
		if err != nil {
			return fmt.Errorf("stories: %w", err)
		}
		*dst = append(*dst, st)
	}
	return rows.Err()
}

// Story returns one story.
func (s *DB) Story(ctx context.Context, id string) (store.Story, error) {
	st, err := scanStory(s.db.QueryRowContext(ctx, "SELECT "+storyCols+storyFrom+" WHERE s.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return st, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return st, fmt.Errorf("story %s: %w", id, err)
	}
	one := []store.Story{st}
	err = s.nameStoryOutlets(ctx, one)
	return one[0], err
}
