package pipeline

import (
	"context"
	"log/slog"
	"sort"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/merge"
	"github.com/dyad-project/dyad/internal/store"
)

// Transactor is a store that runs several calls as one transaction, taking
// the named locks first (PostgreSQL advisory locks; SQLite serializes
// writers anyway).
type Transactor interface {
	InTx(ctx context.Context, locks []string, fn func(ctx context.Context, tx store.Store) error) error
}

// StoreCoded stores a with its coded mentions merged into the stored
// stories: the article, the load of the stories its mentions could join,
// the merge and the mentions happen in one transaction, under a lock per
// dyad, so concurrent writers never merge against a stale view and a crash
// never leaves an article without its mentions. `dyad ingest`, `dyad
// worker` and `dyad watch` all store through it.
func StoreCoded(ctx context.Context, db store.Store, a *article.Article, ms []event.Mention) (store.PutResult, error) {
	var put store.PutResult
	unit := func(ctx context.Context, tx store.Store) error {
		var err error
		if put, err = tx.PutArticle(ctx, a); err != nil || !put.Created {
			return err
		}
		for i := range ms {
			ms[i].ArticleID = a.ID
		}
		near, err := StoredNear(ctx, tx, ms)
		if err != nil {
			return err
		}
		for _, st := range merge.MergeInto(near, ms) {
			for _, from := range st.Folded {
				// a new mention joined stored stories: move their mentions
				if err := tx.RenameStory(ctx, from, st.ID); err != nil {
					return err
				}
			}
		}
		return tx.PutMentions(ctx, a.ID, ms)
	}
	t, ok := db.(Transactor)
	if !ok {
		slog.Warn("store without transactions: article and mentions stored apart", "store", db.Location())
		return put, unit(ctx, db)
	}
	err := t.InTx(ctx, DyadLocks(ms), unit)
	return put, err
}

// DyadLocks names the unordered country pairs whose stories ms can join.
func DyadLocks(ms []event.Mention) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range ms {
		if m.Actor.Code == "" || m.Recipient.Code == "" || m.DateStart.IsZero() {
			continue // never merged with stored stories (see merge.compatible)
		}
		p := []string{m.Actor.Code, m.Recipient.Code}
		sort.Strings(p)
		k := "dyad:" + p[0] + ":" + p[1]
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// StoredNear loads the stored mentions new mentions could join: the same
// two countries, either way round, within the merge slack of their dates.
func StoredNear(ctx context.Context, db store.Mentions, ms []event.Mention) ([]event.Mention, error) {
	type pair struct{ a, r string }
	win := map[pair][2]time.Time{}
	for _, m := range ms {
		if m.Actor.Code == "" || m.Recipient.Code == "" || m.DateStart.IsZero() {
			continue // a name without a country is looked up by no dyad
		}
		k := pair{m.Actor.Code, m.Recipient.Code}
		w, ok := win[k]
		if !ok || m.DateStart.Before(w[0]) {
			w[0] = m.DateStart
		}
		if !ok || m.DateEnd.After(w[1]) {
			w[1] = m.DateEnd
		}
		win[k] = w
	}
	var out []event.Mention
	for k, w := range win {
		got, err := db.ListMentions(ctx, store.MentionFilter{Actor: k.a, Recipient: k.r, Either: true,
			Since: w[0].Add(-merge.Slack), Until: w[1].Add(merge.Slack)})
		if err != nil {
			return nil, err
		}
		out = append(out, got...)
	}
	return out, nil
}
