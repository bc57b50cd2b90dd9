package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/store"
)

// Two writers and a reader on one file, each with a connection of its own as
// two `dyad ingest` processes and the dashboard have: every write waits its
// turn instead of failing with SQLITE_BUSY, and each article is stored once
// although both writers put all of them. The writers read before they write
// in one transaction (is the hash stored? then insert), the pattern that a
// deferred transaction cannot upgrade while another holds the write lock.
func TestConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	const n = 150
	arts := func() []*article.Article {
		out := make([]*article.Article, n)
		for i := range out {
			out[i] = &article.Article{Source: fmt.Sprintf("doc%03d.txt", i),
				Text: fmt.Sprintf("Report number %d: the ministers of Iraq and Iran met for talks.", i)}
		}
		return out
	}
	open := func() *DB {
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	// Opened at once as well: two processes creating the same new file must
	// not both apply the migrations.
	dbs := make([]*DB, 3)
	var wg sync.WaitGroup
	for i := range dbs {
		wg.Go(func() { dbs[i] = open() })
	}
	wg.Wait()
	if t.Failed() {
		return
	}

	errs := make(chan error, 3)
	created := make([]int, 2)
	var writers sync.WaitGroup
	for w := range 2 {
		writers.Go(func() {
			as := arts()
			for k := range as {
				if w == 1 {
					k = n - 1 - k // the second writer goes the other way
				}
				a := as[k]
				err := dbs[w].InTx(ctx, nil, func(ctx context.Context, tx store.Store) error {
					res, err := tx.PutArticle(ctx, a)
					if err == nil && res.Created {
						created[w]++
					}
					return err
				})
				if err != nil {
					errs <- fmt.Errorf("writer %d, %s: %w", w, a.Source, err)
					return
				}
			}
		})
	}
	done := make(chan struct{})
	wg.Go(func() {
		for {
			select {
			case <-done:
				return
			default:
			}
			if _, err := dbs[2].ListArticles(ctx, store.ArticleFilter{}); err != nil {
				errs <- fmt.Errorf("reader: %w", err)
				return
			}
		}
	})
	writers.Wait()
	close(done)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got := created[0] + created[1]; got != n {
		t.Errorf("writers created %d + %d articles, want %d in all", created[0], created[1], n)
	}
	if c, err := dbs[2].CountArticles(ctx); err != nil || c != n {
		t.Errorf("stored %d articles (%v), want %d", c, err, n)
	}
}
