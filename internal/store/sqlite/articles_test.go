package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/store"
)

func openTemp(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "sub", "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestPutArticleIdempotent(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	a := &article.Article{Source: "a.txt", Title: "T", Text: "Iraq and Iran met.", SimHash: 0xdeadbeef,
		Published: time.Date(2025, 11, 4, 0, 0, 0, 0, time.UTC), DateFrom: article.DateLine}
	r1, err := db.PutArticle(ctx, a)
	if err != nil || !r1.Created {
		t.Fatalf("first put: %+v %v", r1, err)
	}
	// Same words, other spacing and case: the same content.
	b := &article.Article{Source: "b.txt", Text: "iraq  and IRAN met.", SimHash: 0xdeadbeef}
	r2, err := db.PutArticle(ctx, b)
	if err != nil || r2.Created || r2.ID != r1.ID {
		t.Fatalf("second put should find the first: %+v %v", r2, err)
	}
	if n, _ := db.CountArticles(ctx); n != 1 {
		t.Fatalf("count = %d, want 1", n)
	}
	got, err := db.Article(ctx, r1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.PublishedString() != "2025-11-04" || got.DateFrom != article.DateLine || got.Title != "T" {
		t.Fatalf("round trip lost fields: %+v", got)
	}
	if _, err := db.Article(ctx, 99); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("missing article: %v", err)
	}
}

func TestNearDuplicateLinked(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	orig := &article.Article{Source: "site1", Text: "one", SimHash: 0xffff0000ffff0000}
	copy1 := &article.Article{Source: "site2", Text: "one with other chrome", SimHash: 0xffff0000ffff0007} // 3 bits off
	other := &article.Article{Source: "site3", Text: "different", SimHash: 0x0f0f0f0f0f0f0f0f}
	r0, _ := db.PutArticle(ctx, orig)
	r1, err := db.PutArticle(ctx, copy1)
	if err != nil || !r1.Created || r1.NearDupOf != r0.ID {
		t.Fatalf("syndicated copy not linked: %+v %v", r1, err)
	}
	r2, _ := db.PutArticle(ctx, other)
	if r2.NearDupOf != 0 {
		t.Fatalf("different text linked: %+v", r2)
	}
}

func TestListFilterAndReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range []string{"2020-01-01", "2021-06-01", ""} {
		a := &article.Article{Source: "s", Text: "text " + d + string(rune('a'+i)), SimHash: uint64(i+1) << 20}
		if d != "" {
			a.Published, _ = time.Parse(time.DateOnly, d)
		}
		if _, err := db.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	db, err = Open(ctx, path) // migrations run again: a no-op
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got, err := db.ListArticles(ctx, store.ArticleFilter{Since: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil || len(got) != 1 || got[0].PublishedString() != "2021-06-01" {
		t.Fatalf("since filter: %v %+v", err, got)
	}
	all, _ := db.ListArticles(ctx, store.ArticleFilter{})
	if len(all) != 3 || all[2].HasDate() {
		t.Fatalf("unknown date must stay unknown: %+v", all)
	}
}

func TestRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.db.Exec(`INSERT INTO schema_version(version) VALUES (999)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(ctx, path); err == nil {
		t.Fatal("opened a database from a newer dyad")
	}
}

func TestMigrationGapIsFilled(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	// A database made while migration 4 did not exist yet, but 5 did.
	for _, q := range []string{`DELETE FROM schema_version WHERE version = 4`, `DROP TABLE watch_alerts`, `DROP TABLE watch_feeds`} {
		if _, err := db.db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.db.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE name IN ('watch_feeds', 'watch_alerts')`).Scan(&n); err != nil || n != 2 {
		t.Fatalf("missing migration not applied: %d tables, %v", n, err)
	}
}

// A database from before migration 6 keeps its articles, gains the date
// check columns, and says of its old articles that they were not checked.
func TestDateCheckMigratesOldDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`DELETE FROM schema_version WHERE version = 7`,
		`ALTER TABLE articles DROP COLUMN date_checked`, `ALTER TABLE articles DROP COLUMN date_conflict`,
		`ALTER TABLE articles DROP COLUMN content_start`, `ALTER TABLE articles DROP COLUMN content_end`,
		`ALTER TABLE articles DROP COLUMN date_reasons`, `ALTER TABLE articles DROP COLUMN date_inconsistent`,
		`INSERT INTO articles (source, text, hash, simhash, band0, band1, band2, band3, ingested, published)
		 VALUES ('old.txt', 'Pompeo warned Baghdad.', 'h-old', 1, 1, 0, 0, 0, '2025-11-19T00:00:00Z', '2025-11-18')`,
	} {
		if _, err := db.db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	arts, err := db.ListArticles(ctx, store.ArticleFilter{})
	if err != nil || len(arts) != 1 {
		t.Fatalf("after migration: %d articles, %v", len(arts), err)
	}
	if c := arts[0].Check; c.Checked || c.Conflict || len(c.Reasons) != 0 {
		t.Fatalf("an article stored before the check reads %+v, want unchecked", c)
	}
	a := &article.Article{Source: "new.txt", Text: "Rubio called Sudani.", SimHash: 0xff00,
		Check: article.DateCheck{Checked: true, Conflict: true, Start: time.Date(2020, 5, 7, 0, 0, 0, 0, time.UTC),
			End: time.Date(2021, 1, 20, 0, 0, 0, 0, time.UTC), Reasons: []string{"r"}}}
	if _, err := db.PutArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	got, err := db.Article(ctx, a.ID)
	if err != nil || !got.Check.Conflict || got.Check.Window() != "2020-05-07…2021-01-20" {
		t.Fatalf("new article after migration: %+v, %v", got, err)
	}
}

// A database from before migration 9 keeps its articles, gains the
// relevance gate's verdict, and reads its old articles as not held back.
func TestNotNewsMigratesOldDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`DELETE FROM schema_version WHERE version = 9`,
		`ALTER TABLE articles DROP COLUMN not_news`,
		`INSERT INTO articles (source, text, hash, simhash, band0, band1, band2, band3, ingested, published)
		 VALUES ('old.txt', 'Pompeo warned Baghdad.', 'h-old', 1, 1, 0, 0, 0, '2025-11-19T00:00:00Z', '2025-11-18')`,
	} {
		if _, err := db.db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	arts, err := db.ListArticles(ctx, store.ArticleFilter{})
	if err != nil || len(arts) != 1 || arts[0].NotNews != "" {
		t.Fatalf("after migration: %+v, %v; want one article not held back", arts, err)
	}
	a := &article.Article{Source: "manual.html", Text: "Click Save to keep your work.", SimHash: 0xff00, NotNews: "addressed to the reader (you, your)"}
	if _, err := db.PutArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	got, err := db.Article(ctx, a.ID)
	if err != nil || got.NotNews != a.NotNews {
		t.Fatalf("new article after migration: NotNews %q, %v; want %q", got.NotNews, err, a.NotNews)
	}
}
