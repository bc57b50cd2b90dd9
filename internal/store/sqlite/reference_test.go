package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"github.com/dyad-project/dyad/internal/store/storetest"
	"path/filepath"
	"testing"
)

// A database made before references (migrations 1–5) gets the flag on its
// recalls (background, or a window of a week or more) and its stories the
// dates of their reports and a recall count when it is opened.
func TestReferenceMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for v := 1; v <= 5; v++ {
		names, _ := migrations.ReadDir("migrations")
		for _, n := range names {
			if n.Name()[:4] != fmt.Sprintf("%04d", v) {
				continue
			}
			body, err := migrations.ReadFile("migrations/" + n.Name())
			if err != nil {
				t.Fatal(err)
			}
			if _, err := raw.Exec(string(body)); err != nil {
				t.Fatalf("%s: %v", n.Name(), err)
			}
		}
	}
	stmts := []string{
		`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`,
		`INSERT INTO schema_version VALUES (1), (2), (3), (4), (5)`,
		`INSERT INTO articles (id, source, published, text, hash, simhash, band0, band1, band2, band3, ingested) VALUES
			(1, 'a', '2031-03-04', 'x', 'h1', 1, 1, 0, 0, 0, '2031-03-04'),
			(2, 'b', '2032-02-01', 'y', 'h2', 2, 2, 0, 0, 0, '2032-02-01')`,
		`INSERT INTO mentions (article_id, seq, event, actor_code, recip_code, date_start, date_end, background, claim,
			sentence, sent_start, sent_end, story_id) VALUES
			(2, 0, 'ASSAULT', 'XAR', 'XBE', '2031-01-01', '2031-12-31', 1, 'asserted', 'The 2031 attack.', 0, 16, 'S1'),
			(1, 0, 'ASSAULT', 'XAR', 'XBE', '2031-03-03', '2031-03-03', 0, 'asserted', 'Gunmen stormed it.', 0, 18, 'S1'),
			(1, 1, 'ASSAULT', 'XAR', 'XBE', '2031-03-01', '2031-04-30', 0, 'planned', 'They plan more.', 19, 34, 'S2')`,
	}
	for _, q := range stmts {
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
	storetest.CheckReferencesMigrated(ctx, t, db)
}
