package sqlite

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
)

// ftsRows answers a full-text query on table (mentions_fts, articles_fts)
// with the rowids found, after SQLite's own check of the index against
// its content.
func ftsRows(t *testing.T, db *DB, table, query string) []int64 {
	t.Helper()
	ctx := context.Background()
	if _, err := db.db.ExecContext(ctx, fmt.Sprintf(`INSERT INTO %[1]s(%[1]s) VALUES ('integrity-check')`, table)); err != nil {
		t.Fatalf("%s: %v", table, err)
	}
	rows, err := db.db.QueryContext(ctx, fmt.Sprintf(`SELECT rowid FROM %[1]s WHERE %[1]s MATCH ? ORDER BY rowid`, table), query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		out = append(out, id)
	}
	return out
}

// The full-text indexes filled at the end of a write transaction (migration
// 0011) hold what the tables hold: rows inserted, replaced within the
// transaction, undone with a failed unit, and rows of earlier transactions
// replaced later; nothing is left noted or held.
func TestFTSFilledAtCommit(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	sentence := func(w string) []event.Mention {
		return []event.Mention{{Event: "ACCUSE", Actor: event.Party{Code: "USA"}, Recipient: event.Party{Code: "IRQ"},
			Sentence: "Officials " + w + " the ministry."}}
	}
	var kept, undone int64
	err := db.InBatch(ctx, func(ctx context.Context, b store.Batch) error {
		if err := b.Unit(ctx, func(ctx context.Context, tx store.Store) error {
			r, err := tx.PutArticle(ctx, &article.Article{Source: "a.txt", Title: "Quarrynote", Text: "Officials scolded the ministry."})
			kept = r.ID
			if err != nil {
				return err
			}
			if err := tx.PutMentions(ctx, r.ID, sentence("scolded")); err != nil {
				return err
			}
			// replaced before the commit: only the second is indexed
			return tx.PutMentions(ctx, r.ID, sentence("berated"))
		}); err != nil {
			return err
		}
		err := b.Unit(ctx, func(ctx context.Context, tx store.Store) error {
			r, err := tx.PutArticle(ctx, &article.Article{Source: "b.txt", Title: "Quarrynote", Text: "Officials lauded the ministry."})
			undone = r.ID
			if err != nil {
				return err
			}
			if err := tx.PutMentions(ctx, r.ID, sentence("lauded")); err != nil {
				return err
			}
			return errors.New("fails: undone")
		})
		if err == nil {
			t.Error("the failing unit did not fail")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := ftsRows(t, db, "articles_fts", "quarrynote"); !slices.Equal(got, []int64{kept}) {
		t.Errorf("articles found %v, want [%d] (not the undone %d)", got, kept, undone)
	}
	for w, want := range map[string]int{"scolded": 0, "berated": 1, "lauded": 0} {
		if got := ftsRows(t, db, "mentions_fts", w); len(got) != want {
			t.Errorf("mentions with %q found %v, want %d", w, got, want)
		}
	}
	// replaced in a later transaction: the indexed row leaves the index
	if err := db.InTx(ctx, nil, func(ctx context.Context, tx store.Store) error {
		return tx.PutMentions(ctx, kept, sentence("rebuked"))
	}); err != nil {
		t.Fatal(err)
	}
	// and outside any transaction, as before 0011
	if err := db.PutMentions(ctx, kept, append(sentence("chided"), sentence("rebuked")...)); err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]int{"berated": 0, "rebuked": 1, "chided": 1} {
		if got := ftsRows(t, db, "mentions_fts", w); len(got) != want {
			t.Errorf("after replacing: mentions with %q found %v, want %d", w, got, want)
		}
	}
	for _, table := range []string{"fts_hold", "fts_pending_mentions", "fts_pending_articles"} {
		var n int
		if err := db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s holds %d rows (%v), want none", table, n, err)
		}
	}
}
