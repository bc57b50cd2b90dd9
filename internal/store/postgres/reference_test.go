package postgres

import (
	"context"
	"io/fs"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store/storetest"
)

// A database made before references (migration 3) gets the flag on its
// recalls and its stories the dates of their reports and a recall count
// when it is opened; the down migration gives the old schema back.
func TestReferenceMigration(t *testing.T) {
	ctx := context.Background()
	dsn := storetest.PostgresURL(t)
	db, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	put := func(src, published string, ms ...event.Mention) {
		r, err := db.PutArticle(ctx, &article.Article{Source: src, Text: src, Published: day(published), SimHash: uint64(len(src)) << 40})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.PutMentions(ctx, r.ID, ms); err != nil {
			t.Fatal(err)
		}
	}
	m := func(from, to string, background bool, claim, sentence, story string) event.Mention {
		return event.Mention{Event: "ASSAULT", Actor: event.Party{Code: "XAR"}, Recipient: event.Party{Code: "XBE"},
			DateStart: day(from), DateEnd: day(to), Background: background, Claim: claim, Sentence: sentence, StoryID: story}
	}
	put("b", "2032-02-01", m("2031-01-01", "2031-12-31", true, event.Asserted, "The 2031 attack.", "S1"))
	put("a", "2031-03-04", m("2031-03-03", "2031-03-03", false, event.Asserted, "Gunmen stormed it.", "S1"),
		m("2031-03-01", "2031-04-30", false, event.Planned, "They plan more.", "S2"))
	// back to the schema before references
	sqlDB := stdlib.OpenDBFromPool(db.pool)
	fsys, _ := fs.Sub(migrations, "migrations")
	p, err := goose.NewProvider(goose.DialectPostgres, sqlDB, fsys, goose.WithDisableGlobalRegistry(true))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.DownTo(ctx, 3); err != nil {
		t.Fatalf("down to 3: %v", err)
	}
	sqlDB.Close()
	db.Close()

	db, err = Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	storetest.CheckReferencesMigrated(ctx, t, db)
}
