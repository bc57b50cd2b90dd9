package sqlite

import (
	"context"
	"encoding/json"
	"time"

	"github.com/dyad-project/dyad/internal/event"
)

// cacheArticle puts the article's newly stored mentions in the mention
// cache, as EachMention reads them back, when their dyad is held. They are
// made from what was written (ms, with the ids the rows took and their
// attribution chains as stored, rbs) and the article's row, rather than
// read back: reading back every article's mentions cost as much as
// writing them. When the ids are not those of the rows (checked on the
// first and the last), they are read back.
func (s *DB) cacheArticle(ctx context.Context, tx querier, articleID int64, ms []event.Mention, ids []int64, rbs []string) error {
	held := false
	for i := range ms {
		held = held || s.near.cached(ms[i].Actor.Code, ms[i].Recipient.Code)
	}
	if !held {
		return nil
	}
	var doc, url, outlet string
	var conflict bool
	if err := tx.QueryRowContext(ctx, `SELECT a.source, a.url, CASE WHEN a.dup_of IS NOT NULL THEN o.outlet ELSE a.outlet END, a.date_conflict
		FROM articles a LEFT JOIN articles o ON o.id = a.dup_of WHERE a.id = ?`, articleID).Scan(&doc, &url, &outlet, &conflict); err != nil {
		return err
	}
	ok, err := idsHold(ctx, tx, articleID, ids)
	if err != nil {
		return err
	}
	if !ok {
		return s.cacheReadBack(ctx, tx, articleID)
	}
	rows := make([]*cachedMention, len(ms))
	for i := range ms {
		m := &ms[i]
		c := &cachedMention{dates: mentionDates{start: textDate(m.DateStart), end: textDate(m.DateEnd)}}
		c.m = event.Mention{ID: ids[i], ArticleID: articleID, Doc: doc, URL: url, Outlet: outlet,
			Event: m.Event, Mode: m.Mode, CAMEO: m.CAMEO, Quad: m.Quad, Score: m.Score,
			Actor:     event.Party{Text: m.Actor.Text, EntityID: m.Actor.EntityID, Entity: m.Actor.Entity, Code: m.Actor.Code, Sector: m.Actor.Sector},
			Recipient: event.Party{Text: m.Recipient.Text, EntityID: m.Recipient.EntityID, Entity: m.Recipient.Entity, Code: m.Recipient.Code, Sector: m.Recipient.Sector},
			Precision: m.Precision, DateText: m.DateText, Background: m.Background, Claim: m.Claim,
			Sentence: m.Sentence, SentStart: m.SentStart, SentEnd: m.SentEnd, Trigger: m.Trigger, Confidence: m.Confidence,
			Location: m.Location, StoryID: m.StoryID, StoryWhy: m.StoryWhy, Reference: m.Reference || m.Background,
			ArticleDateConflict: conflict}
		// as eachMention parses the stored text
		c.m.DateStart, _ = time.Parse(time.DateOnly, c.dates.start)
		c.m.DateEnd, _ = time.Parse(time.DateOnly, c.dates.end)
		_ = json.Unmarshal([]byte(rbs[i]), &c.m.ReportedBy)
		rows[i] = c
	}
	s.near.add(rows)
	return nil
}

// idsHold reports whether ids are those of the article's mentions in
// order: its first and last rows by seq have the first and last.
func idsHold(ctx context.Context, tx querier, articleID int64, ids []int64) (bool, error) {
	if len(ids) == 0 {
		return true, nil
	}
	var first, last int64
	if err := tx.QueryRowContext(ctx, `SELECT MIN(id), MAX(id) FROM mentions WHERE article_id = ?`, articleID).Scan(&first, &last); err != nil {
		return false, err
	}
	return first == ids[0] && last == ids[len(ids)-1] && last-first == int64(len(ids)-1), nil
}

// cacheReadBack puts the article's stored mentions in the cache as
// EachMention reads them.
func (s *DB) cacheReadBack(ctx context.Context, tx querier, articleID int64) error {
	var rows []*cachedMention
	view := &DB{db: s.db, q: tx, tx: s.tx, path: s.path}
	err := view.eachMention(ctx, " WHERE m.article_id = ? ORDER BY m.seq", []any{articleID}, func(m *event.Mention, d mentionDates) error {
		rows = append(rows, &cachedMention{*m, d})
		return nil
	})
	if err != nil {
		return err
	}
	s.near.add(rows)
	return nil
}

// textDate is a date as stored, "" for none (see nullDate).
func textDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
