package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/source"
	"github.com/dyad-project/dyad/internal/store"
)

// docsReader emits fixed documents, whatever the arguments.
type docsReader []source.Doc

func (r docsReader) Read(ctx context.Context, _ []string, out chan<- source.Doc) error {
	for _, d := range r {
		select {
		case out <- d:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// memSink stores by content hash; failOn makes PutArticle fail for one source.
type memSink struct {
	mu     sync.Mutex
	byHash map[string]int64
	failOn string
}

func (s *memSink) PutArticle(_ context.Context, a *article.Article) (store.PutResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a.Source == s.failOn {
		return store.PutResult{}, errors.New("disk full")
	}
	if id, ok := s.byHash[a.Hash]; ok {
		return store.PutResult{ID: id}, nil
	}
	id := int64(len(s.byHash) + 1)
	s.byHash[a.Hash] = id
	a.ID = id
	return store.PutResult{ID: id, Created: true}, nil
}

func text(i int) []byte {
	return []byte(fmt.Sprintf("Report %d\n\n12 May 2024\n\nThe foreign minister of Oman met the Iranian "+
		"ambassador in Muscat on Sunday for talks on shipping in the Strait of Hormuz, number %d.\n", i, i))
}

func TestIngestCounts(t *testing.T) {
	docs := docsReader{
		{Source: "a.txt", Body: text(1)},
		{Source: "b.txt", Body: text(2)},
		{Source: "a-copy.txt", Body: text(1)},
		{Source: "empty.txt", Body: nil},
		{Source: "gone.txt", Err: errors.New("stat gone.txt: no such file")},
		{Source: "c.txt", Body: text(3)},
	}
	var mu sync.Mutex
	progress := map[string]error{}
	coded := map[string]any{}
	opt := pipeline.Options{
		Workers: 3,
		Progress: func(src string, _ store.PutResult, err error) {
			mu.Lock()
			defer mu.Unlock()
			if _, dup := progress[src]; dup {
				t.Errorf("progress told twice about %s", src)
			}
			progress[src] = err
		},
		Code: func(_ context.Context, a *article.Article) (any, error) { return "coded " + a.Source, nil },
		After: func(_ context.Context, a *article.Article, v any) error {
			coded[a.Source] = v
			if a.Source == "c.txt" {
				return errors.New("store mentions: constraint failed")
			}
			return nil
		},
	}
	sum, err := pipeline.Ingest(context.Background(), docs, &memSink{byHash: map[string]int64{}}, nil, opt)
	if err != nil {
		t.Fatalf("Ingest: %v", err)
	}
	if sum.New != 2 || sum.Duplicate != 1 || len(sum.Failed) != 3 {
		t.Errorf("summary = %+v, want 2 new, 1 duplicate, 3 failed", sum)
	}
	if sum.Err() == nil || !strings.Contains(sum.Err().Error(), "3 of") {
		t.Errorf("Summary.Err() = %v", sum.Err())
	}
	failed := map[string]string{}
	for _, f := range sum.Failed {
		failed[f.Source] = f.Err.Error()
	}
	for src, want := range map[string]string{"empty.txt": "empty", "gone.txt": "no such file", "c.txt": "constraint"} {
		if !strings.Contains(failed[src], want) {
			t.Errorf("failure of %s = %q, want %q", src, failed[src], want)
		}
	}
	if len(progress) != len(docs) {
		t.Errorf("progress told about %d documents, want %d", len(progress), len(docs))
	}
	// After runs on new articles only, with what Code returned for them.
	dupSeen := coded["a.txt"] != nil && coded["a-copy.txt"] != nil
	if len(coded) != 3 || dupSeen || coded["b.txt"] != "coded b.txt" {
		t.Errorf("After saw %v", coded)
	}
}

func TestIngestStopsOnStoreFailure(t *testing.T) {
	var docs docsReader
	for i := range 50 {
		docs = append(docs, source.Doc{Source: fmt.Sprintf("d%02d.txt", i), Body: text(i)})
	}
	sink := &memSink{byHash: map[string]int64{}, failOn: "d05.txt"}
	sum, err := pipeline.Ingest(context.Background(), docs, sink, nil, pipeline.Options{Workers: 2})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err = %v, want the store's error", err)
	}
	if sum.New >= len(docs)-1 {
		t.Errorf("stored %d of %d after the store failed", sum.New, len(docs))
	}
}

func TestIngestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	docs := docsReader{{Source: "a.txt", Body: text(1)}}
	_, err := pipeline.Ingest(ctx, docs, &memSink{byHash: map[string]int64{}}, nil, pipeline.Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// slowCoder codes instantly, except the documents named slow, which code
// until their context is done (an input no length cap foresaw).
func slowCoder(slow string) pipeline.CodeFunc {
	return func(ctx context.Context, a *article.Article) (any, error) {
		if a.Source != slow {
			return "coded", nil
		}
		<-ctx.Done()
		return nil, ctx.Err()
	}
}

func TestIngestBudget(t *testing.T) {
	docs := docsReader{
		{Source: "a.txt", Body: text(1)},
		{Source: "endless.txt", Body: text(2)},
		{Source: "c.txt", Body: text(3)},
	}
	opt := pipeline.Options{Workers: 2, Budget: 50 * time.Millisecond, Code: slowCoder("endless.txt")}
	sum, err := pipeline.Ingest(context.Background(), docs, &memSink{byHash: map[string]int64{}}, nil, opt)
	if err != nil {
		t.Fatalf("Ingest: %v", err)
	}
	if sum.New != 2 || len(sum.Failed) != 1 || sum.Failed[0].Source != "endless.txt" {
		t.Fatalf("summary = %+v, want 2 new and endless.txt failed", sum)
	}
	msg := sum.Failed[0].Err.Error()
	var be *pipeline.BudgetError
	if !errors.As(sum.Failed[0].Err, &be) || !strings.Contains(msg, "endless.txt") || !strings.Contains(msg, "coding took longer than 50ms: skipped") {
		t.Errorf("failure = %q, want the document named and the budget", msg)
	}
}

// TestIngestInterrupted cancels a run while a document is being coded: the
// run ends promptly with context.Canceled and the interrupted document is
// neither stored nor reported as a failure.
func TestIngestInterrupted(t *testing.T) {
	docs := docsReader{{Source: "a.txt", Body: text(1)}, {Source: "endless.txt", Body: text(2)}}
	ctx, cancel := context.WithCancel(context.Background())
	sink := &memSink{byHash: map[string]int64{}}
	opt := pipeline.Options{Workers: 1, Budget: -1, Code: slowCoder("endless.txt"),
		Progress: func(src string, _ store.PutResult, _ error) {
			if src == "a.txt" {
				cancel() // Ctrl-C while endless.txt codes
			}
		}}
	done := make(chan struct{})
	var sum pipeline.Summary
	var err error
	go func() { sum, err = pipeline.Ingest(ctx, docs, sink, nil, opt); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Ingest did not return after cancel")
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if sum.New != 1 || len(sum.Failed) != 0 || len(sink.byHash) != 1 {
		t.Errorf("summary = %+v with %d stored, want a.txt alone stored and no failure", sum, len(sink.byHash))
	}
}

// TestIngestOrderIndependent codes documents on several workers with the
// first ones slowest, so they finish in the reverse of the reader's order:
// the writer still sees them in the reader's order, so of two identical
// documents the first is the one stored, and every run stores the same.
func TestIngestOrderIndependent(t *testing.T) {
	var docs docsReader
	for i := range 8 {
		docs = append(docs, source.Doc{Source: fmt.Sprintf("%d.txt", i), Body: text(i)})
	}
	docs = append(docs, source.Doc{Source: "0-copy.txt", Body: text(0)}, source.Doc{Source: "3-copy.txt", Body: text(3)})
	slowFirst := func(_ context.Context, a *article.Article) (any, error) {
		for i, d := range docs {
			if d.Source == a.Source {
				time.Sleep(time.Duration(len(docs)-i) * 5 * time.Millisecond)
			}
		}
		return a.Source, nil
	}
	run := func() (stored, told []string) {
		opt := pipeline.Options{Workers: 4, Code: slowFirst,
			After: func(_ context.Context, a *article.Article, _ any) error {
				stored = append(stored, fmt.Sprintf("%d:%s", a.ID, a.Source))
				return nil
			},
			Progress: func(src string, _ store.PutResult, _ error) { told = append(told, src) }}
		if _, err := pipeline.Ingest(context.Background(), docs, &memSink{byHash: map[string]int64{}}, nil, opt); err != nil {
			t.Fatalf("Ingest: %v", err)
		}
		return stored, told
	}
	want := []string{"1:0.txt", "2:1.txt", "3:2.txt", "4:3.txt", "5:4.txt", "6:5.txt", "7:6.txt", "8:7.txt"}
	for range 3 {
		stored, told := run()
		if !slices.Equal(stored, want) {
			t.Fatalf("stored %v, want %v (the first of identical documents, in the reader's order)", stored, want)
		}
		var order []string
		for _, d := range docs {
			order = append(order, d.Source)
		}
		if !slices.Equal(told, order) {
			t.Fatalf("progress told %v, want the reader's order %v", told, order)
		}
	}
}
