package pipeline_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/source"
	"github.com/dyad-project/dyad/internal/store"
	"github.com/dyad-project/dyad/internal/store/sqlite"
)

// batchOptions stores through StoreCoded in batches of db, each document
// with one USA→IRQ mention; the first document takes a while to store, so
// the next ones are ready and join its batch.
func batchOptions(db store.Store, told map[string]error) pipeline.Options {
	return pipeline.Options{
		Workers: 1,
		Batch:   db,
		Code: func(_ context.Context, a *article.Article) (any, error) {
			d := time.Date(2025, 1, 5, 0, 0, 0, 0, time.UTC)
			return []event.Mention{{Event: "ACCUSE", Doc: a.Source, Actor: event.Party{Code: "USA"}, Recipient: event.Party{Code: "IRQ"},
				DateStart: d, DateEnd: d, Sentence: "The United States accused Iraq " + a.Source}}, nil
		},
		Store: func(ctx context.Context, a *article.Article, coded any) (store.PutResult, error) {
			if a.Source == "d00.txt" {
				time.Sleep(300 * time.Millisecond)
			}
			ms, _ := coded.([]event.Mention)
			return pipeline.StoreCoded(ctx, db, a, ms)
		},
		Progress: func(src string, _ store.PutResult, err error) { told[src] = err },
	}
}

// A document failing in the store inside a batch stops the run, as a
// failing store does without batches: the documents of the batch before it
// are stored whole (article and mentions), it leaves nothing behind, and a
// bad input met before it is reported while the batch goes on. A re-run
// stores the rest, none twice.
func TestIngestFailureInsideBatch(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	// d03.txt fails after its article is written, inside its unit
	if _, err := raw.ExecContext(ctx, `CREATE TRIGGER fail_d03 BEFORE INSERT ON mentions
		WHEN (SELECT source FROM articles WHERE id = new.article_id) = 'd03.txt'
		BEGIN SELECT RAISE(ABORT, 'disk full'); END`); err != nil {
		t.Fatal(err)
	}
	var docs docsReader
	for i := range 12 {
		body := text(i)
		if i == 1 {
			body = nil // bad input: empty
		}
		docs = append(docs, source.Doc{Source: fmt.Sprintf("d%02d.txt", i), Body: body})
	}
	told := map[string]error{}
	sum, err := pipeline.Ingest(ctx, docs, db, nil, batchOptions(db, told))
	if err == nil || !strings.Contains(err.Error(), "disk full") || !strings.Contains(err.Error(), "d03.txt") {
		t.Fatalf("err = %v, want the store's error naming d03.txt", err)
	}
	if sum.New != 2 || len(sum.Failed) != 1 || sum.Failed[0].Source != "d01.txt" {
		t.Errorf("summary = %+v, want d00 and d02 new and d01 failed", sum)
	}
	if told["d00.txt"] != nil || told["d02.txt"] != nil || told["d01.txt"] == nil || len(told) != 3 {
		t.Errorf("progress told %v, want d00 and d02 stored, d01 failed and nothing else", told)
	}
	stored := func() map[string]int {
		out := map[string]int{}
		rows, err := raw.QueryContext(ctx, `SELECT a.source, COUNT(m.id) FROM articles a LEFT JOIN mentions m ON m.article_id = a.id GROUP BY a.id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var src string
			var n int
			if err := rows.Scan(&src, &n); err != nil {
				t.Fatal(err)
			}
			out[src] = n
		}
		return out
	}
	if got := stored(); len(got) != 2 || got["d00.txt"] != 1 || got["d02.txt"] != 1 {
		t.Errorf("stored %v, want d00.txt and d02.txt with one mention each", got)
	}

	if _, err := raw.ExecContext(ctx, `DROP TRIGGER fail_d03`); err != nil {
		t.Fatal(err)
	}
	clear(told)
	sum, err = pipeline.Ingest(ctx, docs, db, nil, batchOptions(db, told))
	if err != nil {
		t.Fatalf("re-run: %v", err)
	}
	if sum.New != 9 || sum.Duplicate != 2 || len(sum.Failed) != 1 {
		t.Errorf("re-run summary = %+v, want 9 new, 2 already stored, d01 failed", sum)
	}
	got := stored()
	if len(got) != 11 {
		t.Errorf("%d articles stored, want 11", len(got))
	}
	for src, n := range got {
		if n != 1 {
			t.Errorf("%s has %d mentions, want 1", src, n)
		}
	}
	var stories, inStory int
	if err := raw.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(mentions), 0) FROM stories`).Scan(&stories, &inStory); err != nil {
		t.Fatal(err)
	}
	if inStory != 11 {
		t.Errorf("stories hold %d mentions, want 11", inStory)
	}
}

// An interrupt while the writer holds a batch ends the run as an interrupt
// (context.Canceled: exit status 130), whatever words the transaction ended
// in, and leaves no article without its mentions.
func TestIngestInterruptedInsideBatch(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var docs docsReader
	for i := range 12 {
		docs = append(docs, source.Doc{Source: fmt.Sprintf("d%02d.txt", i), Body: text(i)})
	}
	told := map[string]error{}
	opt := batchOptions(db, told)
	put := opt.Store
	opt.Store = func(sctx context.Context, a *article.Article, coded any) (store.PutResult, error) {
		if a.Source == "d02.txt" {
			cancel() // Ctrl-C while d00 and d01 wait in the batch for their commit
			// database/sql rolls the transaction back on its own when it
			// sees the context done: let it, so the commit finds it ended
			time.Sleep(100 * time.Millisecond)
		}
		return put(sctx, a, coded)
	}
	_, err = pipeline.Ingest(ctx, docs, db, nil, opt)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var bare int
	if err := raw.QueryRow(`SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id)`).Scan(&bare); err != nil {
		t.Fatal(err)
	}
	if bare != 0 {
		t.Errorf("%d articles stored without their mentions", bare)
	}
}
