package watch

import (
	"context"
	"log/slog"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/coder"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/store"
)

// Coder codes an article's events (coder.Coder).
type Coder interface {
	CodeContext(ctx context.Context, a *article.Article) (coder.Result, error)
}

// ingestOptions are the pipeline options of `dyad ingest`: code in the
// workers, then store each new article with its mentions merged into the
// stored stories in one transaction (pipeline.StoreCoded). A new page the
// relevance gate held back is logged, so a quiet feed can be told from one
// that serves no news.
func ingestOptions(db store.Store, c Coder, workers int, progress pipeline.Progress, log *slog.Logger) pipeline.Options {
	return pipeline.Options{
		Workers:  workers,
		Progress: progress,
		Code: func(ctx context.Context, a *article.Article) (any, error) {
			return pipeline.Code(ctx, c, a)
		},
		Store: func(ctx context.Context, a *article.Article, r any) (store.PutResult, error) {
			var ms []event.Mention
			if r != nil {
				ms = r.(coder.Result).Mentions
			}
			put, err := pipeline.StoreCoded(ctx, db, a, ms)
			if err == nil && put.Created && a.NotNews != "" && log != nil {
				log.Info("page not news-like: stored, not coded", "source", a.Source, "marks", a.NotNews)
			}
			return put, err
		},
	}
}
