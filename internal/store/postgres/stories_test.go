package postgres

import (
	"context"
	"testing"

	"github.com/dyad-project/dyad/internal/store/storetest"
)

// storyLine renders a stories row (or a recompute's) as one line, NULLs
// shown as such.
const storyLine = `format('%L %L %L %L %L %L %L %L %L %L %L %L %L', id, event, quad, actor_code, recip_code, date_start,
	date_end, mentions, outlets, first_mention, recalled, recall_start, recall_end)`

// fullRecompute is 00006's recompute of every story from its mentions: what
// the incremental refresh of 00008 must keep the stories table equal to.
const fullRecompute = `SELECT g.story_id id, f.event, f.quad, f.actor_code, f.recip_code, g.ds date_start, g.de date_end,
		g.n mentions, g.o outlets, g.first first_mention, g.r recalled, g.rs recall_start, g.re recall_end
	FROM (SELECT m.story_id, COALESCE(MIN(m.date_start) FILTER (WHERE NOT m.reference), MIN(m.date_start)) ds,
	             COALESCE(MAX(m.date_end) FILTER (WHERE NOT m.reference), MAX(m.date_end)) de,
	             COUNT(*) n, COALESCE(MIN(m.id) FILTER (WHERE NOT m.reference), MIN(m.id)) first,
	             COUNT(DISTINCT CASE WHEN a.dup_of IS NOT NULL THEN NULLIF(o.outlet, '')
	                                 ELSE NULLIF(a.outlet, '') END) o,
	             COUNT(DISTINCT m.article_id) FILTER (WHERE m.reference) r,
	             MIN(a.published) FILTER (WHERE m.reference) rs, MAX(a.published) FILTER (WHERE m.reference) re
	      FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of
	      WHERE m.story_id <> '' GROUP BY m.story_id) g
	JOIN mentions f ON f.id = g.first`

func (s *DB) storyRows(ctx context.Context) (stored, full []string, err error) {
	read := func(q string) ([]string, error) {
		rows, err := s.pool.Query(ctx, `SELECT `+storyLine+` FROM (`+q+`) x ORDER BY id COLLATE "C"`)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		return storetest.Lines(rows)
	}
	if stored, err = read(`SELECT * FROM stories`); err != nil {
		return nil, nil, err
	}
	full, err = read(fullRecompute)
	return stored, full, err
}

// The stories table kept incrementally equals a full recompute after
// inserts, re-stores, deletes, joins and moves (migration 00008).
func TestStoryAggregates(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, storetest.PostgresURL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	storetest.CheckStoryAggregates(ctx, t, db, db.storyRows)
}
