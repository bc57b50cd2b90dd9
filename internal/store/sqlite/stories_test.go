package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"

	"github.com/dyad-project/dyad/internal/store/storetest"
)

// storyLine renders a stories row (or a recompute's) as one line, NULLs
// shown as such.
const storyLine = `quote(id) || ' ' || quote(event) || ' ' || quote(quad) || ' ' || quote(actor_code) || ' ' ||
	quote(recip_code) || ' ' || quote(date_start) || ' ' || quote(date_end) || ' ' || quote(mentions) || ' ' ||
	quote(outlets) || ' ' || quote(first_mention) || ' ' || quote(recalled) || ' ' || quote(recall_start) || ' ' ||
	quote(recall_end)`

// fullRecompute is 0008's recompute of every story from its mentions: what
// the incremental refresh of 0010 must keep the stories table equal to.
const fullRecompute = `SELECT g.story_id id, f.event, f.quad, f.actor_code, f.recip_code, g.ds date_start, g.de date_end,
		g.n mentions, g.o outlets, g.first first_mention, g.r recalled, g.rs recall_start, g.re recall_end
	FROM (SELECT m.story_id,
	             COALESCE(MIN(CASE WHEN m.reference = 0 THEN m.date_start END), MIN(m.date_start)) ds,
	             COALESCE(MAX(CASE WHEN m.reference = 0 THEN m.date_end END), MAX(m.date_end)) de,
	             COUNT(*) n, COALESCE(MIN(CASE WHEN m.reference = 0 THEN m.id END), MIN(m.id)) first,
	             COUNT(DISTINCT CASE WHEN a.dup_of IS NOT NULL THEN NULLIF(o.outlet, '')
	                                 ELSE NULLIF(a.outlet, '') END) o,
	             COUNT(DISTINCT CASE WHEN m.reference <> 0 THEN m.article_id END) r,
	             MIN(CASE WHEN m.reference <> 0 THEN a.published END) rs, MAX(CASE WHEN m.reference <> 0 THEN a.published END) re
	      FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of
	      WHERE m.story_id <> '' GROUP BY m.story_id) g
	JOIN mentions f ON f.id = g.first`

func (s *DB) storyRows(ctx context.Context) (stored, full []string, err error) {
	read := func(q string) ([]string, error) {
		rows, err := s.db.QueryContext(ctx, `SELECT `+storyLine+` FROM (`+q+`) ORDER BY id`)
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
// inserts, re-stores, deletes, joins and moves (migration 0010).
func TestStoryAggregates(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	storetest.CheckStoryAggregates(ctx, t, db, db.storyRows)
}

// A database made before 0010 gets its stories recomputed with the new
// counts when opened, and later inserts keep them equal to a recompute.
func TestStoryIncrementalMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	raw, err := sql.Open("sqlite", path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	names, _ := migrations.ReadDir("migrations")
	for _, n := range names {
		v, _ := strconv.Atoi(n.Name()[:4])
		if v >= 10 {
			continue
		}
		body, _ := migrations.ReadFile("migrations/" + n.Name())
		if _, err := raw.Exec(string(body)); err != nil {
			t.Fatalf("%s: %v", n.Name(), err)
		}
		if _, err := raw.Exec(`INSERT INTO schema_version VALUES (?)`, v); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{
		`INSERT INTO articles (id, source, outlet, published, text, hash, simhash, band0, band1, band2, band3, ingested) VALUES
			(1, 'a', 'Agency', '2031-03-04', 'x', 'h1', 1, 1, 0, 0, 0, '2031-03-04'),
			(2, 'b', '', '2032-02-01', 'y', 'h2', 2, 2, 0, 0, 0, '2032-02-01'),
			(3, 'c', 'Daily', NULL, 'z', 'h3', 3, 3, 0, 0, 0, '2032-02-01')`,
		`INSERT INTO mentions (article_id, seq, event, actor_code, recip_code, date_start, date_end, background, reference,
			claim, sentence, sent_start, sent_end, story_id) VALUES
			(2, 0, 'ASSAULT', 'XAR', 'XBE', '2031-01-01', '2031-12-31', 1, 1, 'asserted', 'The 2031 attack.', 0, 16, 'S1'),
			(1, 0, 'ASSAULT', 'XAR', 'XBE', '2031-03-03', '2031-03-03', 0, 0, 'asserted', 'Gunmen stormed it.', 0, 18, 'S1'),
			(3, 0, 'ASSAULT', 'XAR', 'XBE', NULL, NULL, 0, 1, 'asserted', 'Once.', 0, 5, 'S2'),
			(1, 1, 'ASSAULT', 'XAR', 'XBE', '2031-03-01', '2031-04-30', 0, 0, 'planned', 'They plan more.', 19, 34, 'S2')`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stored, full, err := db.storyRows(ctx)
	if err != nil || len(stored) != 2 || strings.Join(stored, "\n") != strings.Join(full, "\n") {
		t.Fatalf("after migration (%v):\nstored %q\nfull   %q", err, stored, full)
	}
	if _, err := db.db.ExecContext(ctx, `INSERT INTO mentions (article_id, seq, event, actor_code, recip_code, date_start,
		date_end, reference, sentence, sent_start, sent_end, story_id) VALUES
		(3, 1, 'ASSAULT', 'XAR', 'XBE', '2031-02-01', '2031-02-02', 0, 'Again.', 6, 12, 'S2')`); err != nil {
		t.Fatal(err)
	}
	stored, full, err = db.storyRows(ctx)
	if err != nil || strings.Join(stored, "\n") != strings.Join(full, "\n") {
		t.Fatalf("an insert after migration (%v):\nstored %q\nfull   %q", err, stored, full)
	}
}

// BenchmarkStoryInsert stores articles of five mentions of one busy story,
// with the incremental triggers of 0010 and with 0008's recompute at every
// mention (old), side by side: ns/mention must stay flat as the story grows.
//
//	go test ./internal/store/sqlite -run '^$' -bench StoryInsert -benchtime 1x
func BenchmarkStoryInsert(b *testing.B) {
	ctx := context.Background()
	for _, old := range []bool{false, true} {
		for _, n := range []int{1000, 4000} {
			name := fmt.Sprintf("incremental/%d", n)
			if old {
				name = fmt.Sprintf("old/%d", n)
			}
			b.Run(name, func(b *testing.B) {
				for range b.N {
					b.StopTimer()
					db, err := Open(ctx, filepath.Join(b.TempDir(), "dyad.db"))
					if err != nil {
						b.Fatal(err)
					}
					if old {
						body, _ := migrations.ReadFile("migrations/0008_unknown_outlet.sql")
						if _, err := db.db.ExecContext(ctx, string(body)); err != nil {
							b.Fatal(err)
						}
					}
					day, _ := time.Parse(time.DateOnly, "2031-03-01")
					b.StartTimer()
					for i := 0; i < n/5; i++ {
						a := &article.Article{Source: fmt.Sprintf("a%d", i), Outlet: fmt.Sprintf("outlet %d", i%50),
							Text: fmt.Sprintf("text %d", i), SimHash: uint64(i) * 0x9E3779B97F4A7C15}
						if _, err := db.PutArticle(ctx, a); err != nil {
							b.Fatal(err)
						}
						ms := make([]event.Mention, 5)
						for j := range ms {
							ms[j] = event.Mention{Event: "ACCUSE", Actor: event.Party{Code: "USA"}, Recipient: event.Party{Code: "IRN"},
								DateStart: day.AddDate(0, 0, i%30), DateEnd: day.AddDate(0, 0, i%30), Sentence: "Washington accused Tehran.",
								SentStart: j * 30, SentEnd: j*30 + 26, StoryID: "S1", Reference: j == 4}
						}
						if err := db.PutMentions(ctx, a.ID, ms); err != nil {
							b.Fatal(err)
						}
					}
					b.StopTimer()
					db.Close()
					b.StartTimer()
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/mention")
			})
		}
	}
}
