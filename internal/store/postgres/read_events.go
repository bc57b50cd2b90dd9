package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/dyad-project/dyad/internal/store"
)

// eventCols are the columns scanEvent reads.
const eventCols = `m.date_start, m.id, m.article_id, a.source, ` + outletExpr + `, a.title,
	m.event, m.mode, m.cameo, m.quad, m.score,
	m.actor_text, m.actor_entity, m.actor_name, m.actor_code, m.actor_sector,
	m.recip_text, m.recip_entity, m.recip_name, m.recip_code, m.recip_sector,
	m.date_end, m.precision, m.date_text, m.background, m.claim, m.reported_by,
	m.sentence, m.sent_start, m.sent_end, m.trigger, m.confidence, m.location, m.story_id, m.story_why, m.reference,
	COALESCE(s.outlets, 1), a.date_conflict`

const eventJoins = ` JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of
	LEFT JOIN stories s ON s.id = m.story_id AND m.story_id <> ''`

func scanEvent(rows pgx.Rows) (store.EventRow, error) {
	var r store.EventRow
	m := &r.Mention
	var ds, de *time.Time
	err := rows.Scan(&ds, &r.ID, &m.ArticleID, &m.Doc, &m.Outlet, &r.Title, &m.Event, &m.Mode, &m.CAMEO, &m.Quad, &m.Score,
		&m.Actor.Text, &m.Actor.EntityID, &m.Actor.Entity, &m.Actor.Code, &m.Actor.Sector,
		&m.Recipient.Text, &m.Recipient.EntityID, &m.Recipient.Entity, &m.Recipient.Code, &m.Recipient.Sector,
		&de, &m.Precision, &m.DateText, &m.Background, &m.Claim, &m.ReportedBy,
		&m.Sentence, &m.SentStart, &m.SentEnd, &m.Trigger, &m.Confidence, &m.Location, &m.StoryID, &m.StoryWhy, &m.Reference,
		&r.Outlets, &m.ArticleDateConflict)
	m.DateStart, m.DateEnd = dayOf(ds), dayOf(de)
	m.ID = r.ID
	return r, err
}

// partyCond is the dyad or actor filter of q: the pair either way, or the
// country or entity on either side.
func partyCond(w *where, dyad [2]string, actor, prefix string, entities bool) {
	a, b := strings.ToUpper(dyad[0]), strings.ToUpper(dyad[1])
	switch {
	case a != "" && b != "":
		pa, pb := w.arg(a), w.arg(b)
		w.add(fmt.Sprintf("((%[1]sactor_code = %[2]s AND %[1]srecip_code = %[3]s) OR (%[1]sactor_code = %[3]s AND %[1]srecip_code = %[2]s))", prefix, pa, pb))
	case actor != "" && (!entities || isCountry(actor)):
		p := w.arg(actor)
		w.add(fmt.Sprintf("(%[1]sactor_code = %[2]s OR %[1]srecip_code = %[2]s)", prefix, p))
	case actor != "":
		p := w.arg(actor)
		w.add(fmt.Sprintf("(%[1]sactor_entity = %[2]s OR %[1]srecip_entity = %[2]s)", prefix, p))
	}
}

// Events returns one page of mentions matching q, newest first.
func (s *DB) Events(ctx context.Context, q store.EventQuery) (store.EventPage, error) {
	limit := pageSize(q.Limit)
	c, err := decodeCursor(q.After)
	if err != nil {
		return store.EventPage{}, fmt.Errorf("events: %w", err)
	}
	var w where
	if strings.TrimSpace(q.Text) != "" {
		tq, ok := w.tsQuery(q.Text)
		if !ok {
			return store.EventPage{}, nil // only punctuation
		}
		w.add("m.sentence_tsv @@ " + tq)
	}
	partyCond(&w, q.Dyad, q.Actor, "m.", true)
	if len(q.Types) > 0 {
		w.add("m.event = ANY (" + w.arg(q.Types) + ")")
	}
	if !q.Since.IsZero() {
		w.add("m.date_end >= " + w.arg(dayOrEmpty(q.Since)) + "::date")
	}
	if !q.Until.IsZero() {
		w.add("m.date_start <= " + w.arg(dayOrEmpty(q.Until)) + "::date")
	}
	if q.Quad > 0 {
		w.add("m.quad = " + w.arg(q.Quad))
	}
	if q.Claim != "" {
		w.add("m.claim = " + w.arg(q.Claim))
	}
	if q.MinOutlets > 1 {
		w.add("s.outlets >= " + w.arg(q.MinOutlets))
	}
	if q.NoHistory {
		w.add("NOT m.background")
	}
	w.keyset(c, "m.date_start", "m.id", false)
	query := "SELECT " + eventCols + " FROM mentions m" + eventJoins + " WHERE " + w.sql() +
		" ORDER BY m.date_start DESC NULLS LAST, m.id DESC LIMIT " + w.arg(limit+1)
	rows, err := s.q.Query(ctx, query, w.args...)
	if err != nil {
		return store.EventPage{}, fmt.Errorf("events: %w", err)
	}
	var page store.EventPage
	page.Events, err = collectEvents(rows)
	if err != nil {
		return store.EventPage{}, fmt.Errorf("events: %w", err)
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

func collectEvents(rows pgx.Rows) ([]store.EventRow, error) {
	defer rows.Close()
	var out []store.EventRow
	for rows.Next() {
		r, err := scanEvent(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// StoryEvents returns every mention of a story, oldest first.
func (s *DB) StoryEvents(ctx context.Context, storyID string) ([]store.EventRow, error) {
	return s.eventList(ctx, "m.story_id = $1", "m.date_start NULLS LAST, m.id", storyID)
}

// ArticleEvents returns every mention of an article in text order.
func (s *DB) ArticleEvents(ctx context.Context, articleID int64) ([]store.EventRow, error) {
	return s.eventList(ctx, "m.article_id = $1", "m.seq", articleID)
}

func (s *DB) eventList(ctx context.Context, cond, order string, arg any) ([]store.EventRow, error) {
	rows, err := s.q.Query(ctx, "SELECT "+eventCols+" FROM mentions m"+eventJoins+" WHERE "+cond+" ORDER BY "+order, arg)
	if err != nil {
		return nil, fmt.Errorf("events of %v: %w", arg, err)
	}
	out, err := collectEvents(rows)
	if err != nil {
		return nil, fmt.Errorf("events of %v: %w", arg, err)
	}
	return out, s.nameEventOutlets(ctx, out)
}
