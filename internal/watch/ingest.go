package watch

import (
	"context"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/coder"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/merge"
	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/store"
)

// Coder codes an article's events (coder.Coder).
type Coder interface {
	Code(a *article.Article) coder.Result
}

// ingestOptions are the pipeline options of `dyad ingest`: code in the
// workers, then merge each new article's mentions into the stored stories
// and store them in the writer.
// TODO(lead): cmd/dyad/ingest.go has the same After and storedNear; one
// shared copy (in internal/merge or internal/pipeline) would keep them equal.
func ingestOptions(db store.Mentions, c Coder, workers int, progress pipeline.Progress) pipeline.Options {
	return pipeline.Options{
		Workers:  workers,
		Progress: progress,
		Code:     func(a *article.Article) any { return c.Code(a) },
		After: func(ctx context.Context, a *article.Article, r any) error {
			ms := r.(coder.Result).Mentions
			stored, err := storedNear(ctx, db, ms)
			if err != nil {
				return err
			}
			merge.MergeInto(stored, ms)
			return db.PutMentions(ctx, a.ID, ms)
		},
	}
}

// storedNear loads the stored mentions a new article's mentions could join:
// the same two countries, either way round, within the merge slack.
func storedNear(ctx context.Context, db store.Mentions, ms []event.Mention) ([]event.Mention, error) {
	type pair struct{ a, r string }
	win := map[pair][2]time.Time{}
	for _, m := range ms {
		if m.Recipient.Code == "" || m.DateStart.IsZero() {
			continue
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
