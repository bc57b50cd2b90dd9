package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/coder"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/queue"
	"github.com/dyad-project/dyad/internal/store"
)

func init() { registerCommand(newWorkerCmd) }

type workerOptions struct {
	queue      string
	loops      int
	untilEmpty bool
	budget     time.Duration
}

func newWorkerCmd(g *globals) *cobra.Command {
	o := &workerOptions{}
	cmd := &cobra.Command{
		Use:   "worker --queue nats://HOST:4222 --db postgres://…",
		Short: "Code, merge and store the documents `dyad ingest --queue` published",
		Long: `Consume documents from the NATS JetStream stream that "dyad ingest --queue" fills: code
each one, merge its events into the stored stories and store both in one transaction, then
acknowledge it. A worker that dies leaves its unacknowledged documents to be redelivered.
Run as many workers as you like against one PostgreSQL database: workers that touch the
same pair of countries take turns (an advisory lock per dyad), so the stories are the same
as with one worker.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runWorker(cmd.Context(), g, o, cmd.ErrOrStderr())
		},
	}
	cmd.Flags().StringVar(&o.queue, "queue", "", "NATS server of the document stream (nats://host:port)")
	cmd.Flags().IntVar(&o.loops, "workers", 1, "documents handled at once in this process")
	cmd.Flags().BoolVar(&o.untilEmpty, "until-empty", false, "exit once the stream holds no document")
	cmd.Flags().DurationVar(&o.budget, "doc-timeout", pipeline.DefaultBudget, "longest time coding one document may take before it is dropped as failed (0: no limit)")
	_ = cmd.MarkFlagRequired("queue")
	return cmd
}

func runWorker(ctx context.Context, g *globals, o *workerOptions, stderr io.Writer) error {
	db, err := g.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	c, err := loadCoder()
	if err != nil {
		return err
	}
	cfg, err := queue.ParseURL(o.queue)
	if err != nil {
		return err
	}
	q, err := queue.Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer q.Close()
	var stored, known, failed, notNews atomic.Int64
	handle := func(ctx context.Context, a *article.Article) error {
		// A redelivered document that was stored before its ack got lost
		// needs no coding.
		if has, err := db.HasHash(ctx, article.ContentHash(a.Text)); err == nil && has {
			known.Add(1)
			return nil
		}
		res, err := pipeline.CodeWithin(ctx, cliBudget(o.budget), a, codeFunc(c))
		if err != nil {
			if ctx.Err() != nil {
				return err // interrupted: the document is redelivered
			}
			// no worker would do better: dropped, and said so
			return fmt.Errorf("%w: %w", queue.ErrBadMessage, err)
		}
		put, err := storeCoded(ctx, db, a, res.(coder.Result).Mentions)
		switch {
		case err != nil:
			failed.Add(1)
		case put.Created:
			stored.Add(1)
			if a.NotNews != "" {
				notNews.Add(1)
			}
		default:
			known.Add(1)
		}
		return err
	}
	var wg sync.WaitGroup
	errs := make([]error, max(o.loops, 1))
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = q.Consume(ctx, handle, queue.ConsumeOptions{UntilEmpty: o.untilEmpty})
		}()
	}
	wg.Wait()
	if !g.quiet {
		fmt.Fprintf(stderr, "worker stored into %s: %d new, %d already stored, %d failed attempts (redelivered)\n",
			db.Location(), stored.Load(), known.Load(), failed.Load())
		reportNotNews(stderr, int(notNews.Load()), "stored, not coded")
	}
	return errors.Join(errs...)
}

// cliBudget maps --doc-timeout, where 0 means no limit, to the pipeline's
// Budget, where 0 means the default.
func cliBudget(d time.Duration) time.Duration {
	if d <= 0 {
		return -1
	}
	return d
}

// codeFunc is the coder as the pipeline calls it.
func codeFunc(c *coder.Coder) pipeline.CodeFunc {
	return func(ctx context.Context, a *article.Article) (any, error) { return pipeline.Code(ctx, c, a) }
}

// storeCoded and dyadLocks are the pipeline's (shared with dyad ingest and
// dyad watch).
func storeCoded(ctx context.Context, db store.Store, a *article.Article, ms []event.Mention) (store.PutResult, error) {
	return pipeline.StoreCoded(ctx, db, a, ms)
}

func dyadLocks(ms []event.Mention) []string { return pipeline.DyadLocks(ms) }
