package postgres_test

import (
	"context"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/store"
	"github.com/dyad-project/dyad/internal/store/postgres"
	"github.com/dyad-project/dyad/internal/store/storetest"
)

func TestIsURL(t *testing.T) {
	for s, want := range map[string]bool{
		"postgres://u@h/db": true, "postgresql://h/db?sslmode=disable": true,
		"dyad.db": false, "/tmp/postgres/dyad.db": false, "": false,
	} {
		if got := postgres.IsURL(s); got != want {
			t.Errorf("IsURL(%q) = %v, want %v", s, got, want)
		}
	}
}

// Workers starting together migrate once, under goose's lock.
func TestConcurrentOpenAndNewerSchema(t *testing.T) {
	ctx := context.Background()
	dsn := storetest.PostgresURL(t)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := postgres.Open(ctx, dsn)
			if err == nil {
				db.Close()
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("concurrent open: %v", err)
		}
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `INSERT INTO goose_db_version (version_id, is_applied) VALUES (999, true)`); err != nil {
		t.Fatal(err)
	}
	_, err = postgres.Open(ctx, dsn)
	if err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("opened a schema from a newer dyad: %v", err)
	}
}

// Two transactions naming the same lock take turns; other names do not wait.
func TestInTxLocksSerialize(t *testing.T) {
	ctx := context.Background()
	db, err := postgres.Open(ctx, storetest.PostgresURL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	hold := func(locks []string, inside chan<- struct{}, release <-chan struct{}) error {
		return db.InTx(ctx, locks, func(ctx context.Context, _ store.Store) error {
			inside <- struct{}{}
			<-release
			return nil
		})
	}
	firstIn, release := make(chan struct{}, 1), make(chan struct{})
	errs := make(chan error, 3)
	go func() { errs <- hold([]string{"dyad:IRQ:USA", "dyad:IRN:USA"}, firstIn, release) }()
	<-firstIn
	// A transaction on another dyad goes ahead while the first holds its locks.
	otherIn, otherRelease := make(chan struct{}, 1), make(chan struct{})
	close(otherRelease)
	go func() { errs <- hold([]string{"dyad:ISR:LBN"}, otherIn, otherRelease) }()
	select {
	case <-otherIn:
	case <-time.After(5 * time.Second):
		t.Fatal("a transaction on another dyad waited")
	}
	secondIn, secondRelease := make(chan struct{}, 1), make(chan struct{})
	close(secondRelease)
	go func() { errs <- hold([]string{"dyad:IRN:USA"}, secondIn, secondRelease) }()
	select {
	case <-secondIn:
		t.Fatal("a transaction on a locked dyad did not wait")
	case <-time.After(300 * time.Millisecond):
	}
	close(release)
	select {
	case <-secondIn:
	case <-time.After(5 * time.Second):
		t.Fatal("the waiting transaction never ran")
	}
	for range 3 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}

// A search_path naming a schema that does not exist yet: Open creates it
// and the store's tables live there.
func TestOpenCreatesSchema(t *testing.T) {
	ctx := context.Background()
	base := storetest.PostgresURL(t) // skips without a server
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	schema := u.Query().Get("search_path") + "_new"
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	db, err := postgres.Open(ctx, u.String())
	if err != nil {
		t.Fatalf("open with a new schema: %v", err)
	}
	db.Close()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	defer func() { _, _ = conn.Exec(ctx, `DROP SCHEMA `+schema+` CASCADE`) }()
	var n int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'articles'`, schema).Scan(&n); err != nil || n != 1 {
		t.Errorf("articles table in %s: %d (%v)", schema, n, err)
	}
}

// A schema from before migration 4 keeps its articles, gains the date check
// columns, and says of its old articles that they were not checked.
func TestDateCheckMigratesOldSchema(t *testing.T) {
	ctx := context.Background()
	dsn := storetest.PostgresURL(t)
	db, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, q := range []string{
		`DELETE FROM goose_db_version WHERE version_id >= 5`, // later migrations re-run: they are idempotent
		`ALTER TABLE articles DROP COLUMN date_checked, DROP COLUMN date_conflict, DROP COLUMN content_start,
		 DROP COLUMN content_end, DROP COLUMN date_reasons, DROP COLUMN date_inconsistent`,
		`INSERT INTO articles (source, text, hash, simhash, band0, band1, band2, band3, ingested, published)
		 VALUES ('old.txt', 'Pompeo warned Baghdad.', 'h-old', 1, 1, 0, 0, 0, now(), '2025-11-18')`,
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db, err = postgres.Open(ctx, dsn)
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
}

// A schema from before migration 7 keeps its articles, gains the relevance
// gate's verdict, and reads its old articles as not held back.
func TestNotNewsMigratesOldSchema(t *testing.T) {
	ctx := context.Background()
	dsn := storetest.PostgresURL(t)
	db, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, q := range []string{
		`DELETE FROM goose_db_version WHERE version_id >= 7`,
		`ALTER TABLE articles DROP COLUMN not_news`,
		`INSERT INTO articles (source, text, hash, simhash, band0, band1, band2, band3, ingested, published)
		 VALUES ('old.txt', 'Pompeo warned Baghdad.', 'h-old', 1, 1, 0, 0, 0, now(), '2025-11-18')`,
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db, err = postgres.Open(ctx, dsn)
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
