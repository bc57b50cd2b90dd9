// Package pipeline wires the stages together: sources are read, documents
// extracted in a worker pool, and results written by one writer, so memory
// stays bounded and the store sees one transaction per document, or per
// batch of the documents ready together, each in a savepoint of its own
// (Options.Batch).
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/extract"
	"github.com/dyad-project/dyad/internal/source"
	"github.com/dyad-project/dyad/internal/store"
)

// Failure is one document that could not be ingested.
type Failure struct {
	Source string
	Err    error
}

// Summary counts what an ingest run did.
type Summary struct {
	New, Duplicate, NearDuplicate int
	Failed                        []Failure
}

// Err is non-nil when any document failed, so callers can set the exit status.
func (s Summary) Err() error {
	if len(s.Failed) == 0 {
		return nil
	}
	return fmt.Errorf("%d of %d documents failed", len(s.Failed), s.New+s.Duplicate+len(s.Failed))
}

// Reader streams documents from the command-line sources.
type Reader interface {
	Read(ctx context.Context, args []string, out chan<- source.Doc) error
}

// Sink receives each extracted article; the store is the usual one.
type Sink interface {
	PutArticle(ctx context.Context, a *article.Article) (store.PutResult, error)
}

// Progress is told about every finished document (a progress bar, a log).
type Progress func(source string, res store.PutResult, err error)

// Options tunes an ingest run.
type Options struct {
	Workers  int // extraction workers; 0 = number of CPUs
	Progress Progress
	// Code, when set, runs in the workers right after extraction (CPU-bound
	// work such as event coding); its value is handed to After. It must
	// stop when its context is done.
	Code CodeFunc
	// Budget bounds the time Code may take on one document: past it the
	// document fails ("coding took longer than 10s: skipped") and the run
	// goes on. Zero means DefaultBudget, a negative value no bound.
	Budget time.Duration
	// After, when set, runs on every newly stored article in the single
	// writer goroutine, with what Code returned.
	After func(ctx context.Context, a *article.Article, coded any) error
	// Store, when set, replaces the sink's PutArticle and After: it stores
	// the article with what Code returned in one transaction, so a crash
	// never leaves an article without its mentions. Its errors stop the run.
	Store func(ctx context.Context, a *article.Article, coded any) (store.PutResult, error)
	// NoSimHash skips the near-duplicate signature of each article
	// (extract.Input.NoSimHash), for a sink that never uses it.
	NoSimHash bool
	// Batch, when set with Store, is the store Store writes to. When it
	// can batch (store.Batcher: SQLite), the documents waiting for the
	// writer are stored in one transaction of it (up to MaxBatch, or BatchTime), each in a unit of its own (see
	// store.Batch), which Store finds in its context (pipeline.StoreCoded
	// does). The writer takes only what is ready, so a batch never waits
	// for a document being coded, and a slow source still sees each
	// document stored as soon as it is ready.
	Batch store.Store
}

// MaxBatch and BatchTime bound a batch of the writer (Options.Batch): the
// write lock is held no longer, so other writers of the same database
// (another ingest, the dashboard) wait at most about that long.
const (
	MaxBatch  = 256
	BatchTime = 500 * time.Millisecond
)

// storeBatch stores first and the results ready after it in one batch of
// opt.Batch, then tells about each. A document whose unit fails stops the
// run (like a failing store without batches): the units before it are
// committed, and it and the rest are not stored.
func storeBatch(ctx context.Context, opt Options, batcher store.Batcher, first result, results <-chan result, tell func(result, store.PutResult, error)) error {
	type outcome struct {
		res result
		put store.PutResult
		err error
	}
	var done []outcome
	var fatal error
	start := time.Now()
	err := batcher.InBatch(ctx, func(bctx context.Context, b store.Batch) error {
		bctx = store.WithBatch(bctx, opt.Batch, b)
		res := first
		for {
			o := outcome{res: res, err: res.err}
			if res.err == nil {
				o.put, o.err = opt.Store(bctx, res.art, res.coded)
				if o.err != nil {
					fatal = naming(res.src, o.err) // its unit is undone; the others commit
					return nil
				}
			}
			done = append(done, o)
			if len(done) >= MaxBatch || time.Since(start) > BatchTime {
				return nil
			}
			var ok bool
			select {
			case res, ok = <-results:
				if !ok {
					return nil
				}
			default:
				return nil // nothing ready: commit rather than wait
			}
		}
	})
	if err != nil {
		// nothing of the batch is stored; what was read is not reported
		if cerr := ctx.Err(); cerr != nil {
			// interrupted: the transaction ended with the context, in
			// whatever words database/sql found for it
			return cerr
		}
		return err
	}
	for _, o := range done {
		tell(o.res, o.put, o.err)
	}
	return fatal
}

// readyResults is how many coded documents may wait, in order, for the
// writer. They hold no slot of the window, so the workers go on while the
// writer stores a batch, and the next batch takes all that got ready
// meanwhile: with room for 4 (2 per worker), a bulk load committed about
// every 9 documents, and each commit wrote the full-text index's new
// segment and the touched index pages again (2,000 articles: 221 commits;
// with 64, 63 commits and a quarter less of the writer's commit and
// full-text time).
const readyResults = 64

type result struct {
	seq   int // the document's place in the reader's order
	src   string
	art   *article.Article
	coded any
	err   error
}

// Ingest reads args through r, extracts each document and stores it in sink.
// A bad document is recorded in the summary and the run goes on; only a
// cancelled context or a failing store stops it early.
func Ingest(ctx context.Context, r Reader, sink Sink, args []string, opt Options) (Summary, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Documents are numbered in the order the reader gives them and handed
	// to the writer in that order, whatever order the workers finish in:
	// which of two identical documents is stored (the first), the ids and
	// the order of the progress lines do not depend on the scheduling. A
	// window of numbered documents bounds what waits for a slow one.
	window := workers * 8
	raw := make(chan source.Doc, workers*2)
	docs := make(chan numbered, workers*2)
	done := make(chan result, workers*2)
	slots := make(chan struct{}, window)
	var readErr error
	go func() {
		defer close(raw)
		readErr = r.Read(ctx, args, raw)
	}()
	go func() {
		defer close(docs)
		seq := 0
		for d := range raw {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				continue // interrupted: drain the reader, hand nothing on
			}
			docs <- numbered{seq: seq, doc: d}
			seq++
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range docs {
				res := extractDoc(ctx, n.doc, opt.NoSimHash)
				res.seq = n.seq
				if res.err == nil && opt.Code != nil && !known(ctx, sink, res.art) {
					res.coded, res.err = CodeWithin(ctx, opt.Budget, res.art, opt.Code)
				}
				if ctx.Err() != nil {
					<-slots
					continue // interrupted: nothing half-done is handed on
				}
				done <- res
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()
	results := make(chan result, readyResults)
	go inOrder(done, results, slots)

	var sum Summary
	var fatal error
	tell := func(res result, put store.PutResult, err error) {
		switch {
		case err != nil:
			sum.Failed = append(sum.Failed, Failure{Source: res.src, Err: err})
		case !put.Created:
			sum.Duplicate++
		default:
			sum.New++
			if put.NearDupOf != 0 {
				sum.NearDuplicate++
			}
		}
		if opt.Progress != nil {
			opt.Progress(res.src, put, err)
		}
	}
	for res := range results {
		if fatal != nil {
			continue // drain so the workers can finish
		}
		if batcher, ok := opt.Batch.(store.Batcher); ok && opt.Store != nil {
			fatal = storeBatch(ctx, opt, batcher, res, results, tell)
			if fatal != nil {
				cancel()
			}
			continue
		}
		put, err := store.PutResult{}, res.err
		if err == nil {
			if opt.Store != nil {
				put, err = opt.Store(ctx, res.art, res.coded)
			} else {
				put, err = sink.PutArticle(ctx, res.art)
			}
			if err != nil {
				fatal = naming(res.src, err)
				cancel()
				continue
			}
			if put.Created && opt.After != nil && opt.Store == nil {
				if aerr := opt.After(ctx, res.art, res.coded); aerr != nil {
					err = aerr
				}
			}
		}
		tell(res, put, err)
	}
	if fatal != nil {
		return sum, fatal
	}
	if readErr != nil && !errors.Is(readErr, context.Canceled) {
		return sum, readErr
	}
	return sum, ctx.Err()
}

// numbered is a document with its place in the reader's order.
type numbered struct {
	seq int
	doc source.Doc
}

// inOrder passes results on to out in the order of their numbers, freeing a
// slot of the window for each, and closes out after the last. A number
// that never comes (an interrupted document) is skipped once in is closed.
func inOrder(in <-chan result, out chan<- result, slots <-chan struct{}) {
	defer close(out)
	waiting := map[int]result{}
	next := 0
	flush := func() {
		for {
			r, ok := waiting[next]
			if !ok {
				return
			}
			delete(waiting, next)
			next++
			<-slots
			out <- r
		}
	}
	for r := range in {
		waiting[r.seq] = r
		flush()
	}
	seqs := slices.Sorted(maps.Keys(waiting))
	for _, seq := range seqs {
		next = seq
		flush()
	}
}

// naming is err with the document it stopped at named, when it does not
// say already.
func naming(src string, err error) error {
	if strings.Contains(err.Error(), src) {
		return err
	}
	return fmt.Errorf("%s: %w", src, err)
}

// CodeFunc codes one extracted article; it stops when ctx is done.
type CodeFunc func(ctx context.Context, a *article.Article) (any, error)

// DefaultBudget is the time one document may take to code. A news article
// codes in milliseconds; the bound is a safety net against inputs no
// length cap foresaw, so that one document cannot hold up a batch.
const DefaultBudget = 10 * time.Second

// BudgetError is a document whose coding took longer than its budget.
type BudgetError struct{ Budget time.Duration }

func (e *BudgetError) Error() string {
	return fmt.Sprintf("coding took longer than %s: skipped", e.Budget)
}

// CodeWithin runs code on a under a time budget (see Options.Budget). A
// document past its budget fails with an error naming it and the budget;
// when the parent context is done, its error is returned unchanged.
func CodeWithin(ctx context.Context, budget time.Duration, a *article.Article, code CodeFunc) (any, error) {
	if budget == 0 {
		budget = DefaultBudget
	}
	cctx := ctx
	if budget > 0 {
		var cancel context.CancelFunc
		cctx, cancel = context.WithTimeout(ctx, budget)
		defer cancel()
	}
	coded, err := interruptible(cctx, func() (any, error) { return code(cctx, a) })
	switch {
	case err == nil:
		return coded, nil
	case ctx.Err() != nil:
		return nil, ctx.Err()
	case errors.Is(err, context.DeadlineExceeded):
		return nil, fmt.Errorf("code %s: %w", a.Source, &BudgetError{Budget: budget})
	default:
		return nil, fmt.Errorf("code %s: %w", a.Source, err)
	}
}

// interruptible returns fn's result, or ctx's error as soon as ctx is
// done. Extraction and the coder's whole-document passes look at ctx only
// between steps; an interrupt or a spent budget must not wait for the end
// of a long step. An abandoned fn runs on in the background until its next
// check of ctx (or its end) and its result is dropped.
func interruptible[T any](ctx context.Context, fn func() (T, error)) (T, error) {
	type out struct {
		v   T
		err error
	}
	done := make(chan out, 1) // never blocks the abandoned fn
	go func() {
		v, err := fn()
		done <- out{v, err}
	}()
	select {
	case o := <-done:
		return o.v, o.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

func extractDoc(ctx context.Context, d source.Doc, noSimHash bool) result {
	if d.Err != nil {
		return result{src: d.Source, err: d.Err}
	}
	a, err := interruptible(ctx, func() (*article.Article, error) {
		return extract.Extract(ctx, extract.Input{Source: d.Source, URL: d.URL, Body: d.Body, ContentType: d.ContentType, Hint: d.Hint,
			NoSimHash: noSimHash})
	})
	return result{src: d.Source, art: a, err: err}
}

// HashChecker is implemented by sinks that can tell cheaply whether a
// content hash is already stored, so re-ingesting skips coding it.
type HashChecker interface {
	HasHash(ctx context.Context, hash string) (bool, error)
}

func known(ctx context.Context, sink Sink, a *article.Article) bool {
	hc, ok := sink.(HashChecker)
	if !ok {
		return false
	}
	if a.Hash == "" {
		a.Hash = article.ContentHash(a.Text)
	}
	has, err := hc.HasHash(ctx, a.Hash)
	return err == nil && has
}
