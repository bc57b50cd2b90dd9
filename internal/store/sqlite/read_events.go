package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dyad-project/dyad/internal/store"
)

// eventCols are the columns scanEvent reads; m.date_start and m.id come
// first so a compound SELECT can be ordered by them.
const eventCols = `m.date_start AS ds, m.id AS mid, m.article_id, a.source, ` + outletExpr + `, a.title,
	m.event, m.mode, m.cameo, m.quad, m.score,
	m.actor_text, m.actor_entity, m.actor_name, m.actor_code, m.actor_sector,
	m.recip_text, m.recip_entity, m.recip_name, m.recip_code, m.recip_sector,
	COALESCE(m.date_end, ''), m.precision, m.date_text, m.background, m.claim, m.reported_by,
	m.sentence, m.sent_start, m.sent_end, m.trigger, m.confidence, m.location, m.story_id, m.story_why, m.reference,
	COALESCE(s.outlets, 1), a.date_conflict`

const eventFrom = ` FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of
	LEFT JOIN stories s ON s.id = m.story_id AND m.story_id <> ''`

func scanEvent(rows *sql.Rows) (store.EventRow, error) {
	var r store.EventRow
	m := &r.Mention
	var ds sql.NullString
	var de, rb string
	err := rows.Scan(&ds, &r.ID, &m.ArticleID, &m.Doc, &m.Outlet, &r.Title, &m.Event, &m.Mode, &m.CAMEO, &m.Quad, &m.Score,
		&m.Actor.Text, &m.Actor.EntityID, &m.Actor.Entity, &m.Actor.Code, &m.Actor.Sector,
		&m.Recipient.Text, &m.Recipient.EntityID, &m.Recipient.Entity, &m.Recipient.Code, &m.Recipient.Sector,
		&de, &m.Precision, &m.DateText, &m.Background, &m.Claim, &rb,
		&m.Sentence, &m.SentStart, &m.SentEnd, &m.Trigger, &m.Confidence, &m.Location, &m.StoryID, &m.StoryWhy, &m.Reference,
		&r.Outlets, &m.ArticleDateConflict)
	if err != nil {
		return r, err
	}
	m.DateStart, m.DateEnd = parseDay(ds.String), parseDay(de)
	m.ID = r.ID
	_ = json.Unmarshal([]byte(rb), &m.ReportedBy)
	return r, nil
}

// eventArms are the alternatives of the dyad or actor filter times those
// of the type filter. Each becomes one SELECT of a UNION ALL, so that each
// reads one index in date order and SQLite merges them, stopping at the
// page's end, where an OR or IN would make it sort every match first.
func eventArms(q store.EventQuery) []conds {
	parties := partyArms(q)
	if len(q.Types) == 0 {
		return parties
	}
	var out []conds
	for _, p := range parties {
		for _, t := range q.Types {
			out = append(out, p.with(conds{terms: []string{"m.event = ?"}, args: []any{t}}))
		}
	}
	return out
}

func partyArms(q store.EventQuery) []conds {
	a, b := strings.ToUpper(q.Dyad[0]), strings.ToUpper(q.Dyad[1])
	switch {
	case a != "" && b != "" && a == b:
		return []conds{{terms: []string{"m.actor_code = ? AND m.recip_code = ?"}, args: []any{a, a}}}
	case a != "" && b != "":
		return []conds{
			{terms: []string{"m.actor_code = ? AND m.recip_code = ?"}, args: []any{a, b}},
			{terms: []string{"m.actor_code = ? AND m.recip_code = ?"}, args: []any{b, a}},
		}
	case q.Actor != "" && isCountry(q.Actor):
		return []conds{
			{terms: []string{"m.actor_code = ?"}, args: []any{q.Actor}},
			{terms: []string{"m.recip_code = ? AND m.actor_code <> ?"}, args: []any{q.Actor, q.Actor}},
		}
	case q.Actor != "":
		return []conds{
			{terms: []string{"m.actor_entity = ?"}, args: []any{q.Actor}},
			{terms: []string{"m.recip_entity = ? AND m.actor_entity <> ?"}, args: []any{q.Actor, q.Actor}},
		}
	}
	return []conds{{}}
}

func eventConds(q store.EventQuery) conds {
	var c conds
	if !q.Since.IsZero() {
		c.add("m.date_end >= ?", dayOrEmpty(q.Since))
	}
	if !q.Until.IsZero() {
		c.add("m.date_start <= ?", dayOrEmpty(q.Until))
	}
	if q.Quad > 0 {
		c.add("m.quad = ?", q.Quad)
	}
	if q.Claim != "" {
		c.add("m.claim = ?", q.Claim)
	}
	if q.MinOutlets > 1 {
		c.add("s.outlets >= ?", q.MinOutlets)
	}
	if q.NoHistory {
		c.add("m.background = 0")
	}
	return c
}

// ftsListMax is where a full-text search switches from the list of its
// matches to testing each row: a rare word is fastest as a short list of
// ids; a common one is fastest checked row by row while the page is read in
// date order, as the page fills long before the table ends.
const ftsListMax = 20000

// textCond is the full-text part of a query; none reports that nothing can
// match.
func (s *DB) textCond(ctx context.Context, text string) (c conds, none bool, err error) {
	if strings.TrimSpace(text) == "" {
		return c, false, nil
	}
	fq := ftsQuery(text)
	if fq == "" {
		return c, true, nil // only punctuation
	}
	rows, err := s.db.QueryContext(ctx, `SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ? LIMIT ?`, fq, ftsListMax+1)
	if err != nil {
		return c, false, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return c, false, err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return c, false, err
	}
	switch {
	case len(ids) == 0:
		return c, true, nil
	case len(ids) <= ftsListMax:
		list, _ := json.Marshal(ids)
		c.add("m.id IN (SELECT value FROM json_each(?))", string(list))
	default:
		c.add("EXISTS (SELECT 1 FROM mentions_fts f WHERE mentions_fts MATCH ? AND f.rowid = m.id)", fq)
	}
	return c, false, nil
}

// Events returns one page of mentions matching q, newest first.
func (s *DB) Events(ctx context.Context, q store.EventQuery) (store.EventPage, error) {
	limit := pageSize(q.Limit)
	ps, err := phases(q.After, "m.date_start", "m.id", false)
	if err != nil {
		return store.EventPage{}, fmt.Errorf("events: %w", err)
	}
	text, none, err := s.textCond(ctx, q.Text)
	if err != nil {
		return store.EventPage{}, fmt.Errorf("events: %w", err)
	}
	if none {
		return store.EventPage{}, nil
	}
	base := eventConds(q)
	base, arms := base.with(text), eventArms(q)
	storyJoin := ""
	if q.MinOutlets > 1 {
		storyJoin = " JOIN stories s ON s.id = m.story_id"
	}
	var page store.EventPage
	for _, p := range ps {
		want := limit + 1 - len(page.Events)
		if want <= 0 {
			break
		}
		// The page's ids are chosen first, from mentions (and stories) alone;
		// only those rows are then joined with their articles.
		var parts []string
		var args []any
		for _, arm := range arms {
			c := base.with(arm, conds{terms: []string{p.cond}, args: p.args})
			parts = append(parts, "SELECT m.date_start AS ds, m.id AS mid FROM mentions m"+storyJoin+" WHERE "+c.sql())
			args = append(args, c.args...)
		}
		query := "SELECT " + eventCols + " FROM (" + strings.Join(parts, " UNION ALL ") +
			" ORDER BY ds DESC, mid DESC LIMIT ?) k JOIN mentions m ON m.id = k.mid" +
			strings.TrimPrefix(eventFrom, " FROM mentions m") + " ORDER BY ds DESC, mid DESC"
		rows, err := s.db.QueryContext(ctx, query, append(args, want)...)
		if err != nil {
			return store.EventPage{}, fmt.Errorf("events: %w", err)
		}
		for rows.Next() {
			r, err := scanEvent(rows)
			if err != nil {
				rows.Close()
				return store.EventPage{}, fmt.Errorf("events: %w", err)
			}
			page.Events = append(page.Events, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return store.EventPage{}, fmt.Errorf("events: %w", err)
		}
	}
	if len(page.Events) > limit {
		page.Events = page.Events[:limit]
		last := page.Events[limit-1]
		page.Next = cursor{Date: dayOrEmpty(last.DateStart), ID: last.ID}.Encode()
	}
	if err := s.nameEventOutlets(ctx, page.Events); err != nil {
		return store.EventPage{}, err
	}
	return page, nil
}

// StoryEvents returns every mention of a story, oldest first.
func (s *DB) StoryEvents(ctx context.Context, storyID string) ([]store.EventRow, error) {
	return s.eventList(ctx, "m.story_id = ?", "COALESCE(m.date_start, '9999'), m.id", storyID)
}

// ArticleEvents returns every mention of an article in text order.
func (s *DB) ArticleEvents(ctx context.Context, articleID int64) ([]store.EventRow, error) {
	return s.eventList(ctx, "m.article_id = ?", "m.seq", articleID)
}

func (s *DB) eventList(ctx context.Context, where, order string, arg any) ([]store.EventRow, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+eventCols+eventFrom+" WHERE "+where+" ORDER BY "+order, arg)
	if err != nil {
		return nil, fmt.Errorf("events of %v: %w", arg, err)
	}
	defer rows.Close()
	var out []store.EventRow
	for rows.Next() {
		r, err := scanEvent(rows)
		if err != nil {
			return nil, fmt.Errorf("events of %v: %w", arg, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("events of %v: %w", arg, err)
	}
	return out, s.nameEventOutlets(ctx, out)
}
