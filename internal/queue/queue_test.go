package queue_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/queue"
	"github.com/dyad-project/dyad/internal/queue/queuetest"
)

func open(t *testing.T, cfg queue.Config) *queue.Queue {
	t.Helper()
	q, err := queue.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(q.Close)
	return q
}

func doc(i int) *article.Article {
	return &article.Article{Source: fmt.Sprintf("doc%03d", i), Text: fmt.Sprintf("text of document %d", i)}
}

// seen counts what handlers were given, by source.
type seen struct {
	mu sync.Mutex
	n  map[string]int
}

func (s *seen) add(src string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.n == nil {
		s.n = map[string]int{}
	}
	s.n[src]++
	return s.n[src]
}

func TestPublishDropsDuplicatesAndConsumeAcks(t *testing.T) {
	ctx := context.Background()
	cfg := queuetest.Config(t)
	q := open(t, cfg)
	for i := range 10 {
		if dup, err := q.Publish(ctx, doc(i)); err != nil || dup {
			t.Fatalf("publish %d: dup=%v err=%v", i, dup, err)
		}
	}
	// The same text under another name is the same document.
	again := doc(3)
	again.Source = "elsewhere"
	if dup, err := q.Publish(ctx, again); err != nil || !dup {
		t.Fatalf("re-publish: dup=%v err=%v, want a duplicate", dup, err)
	}
	if n, _ := q.Pending(ctx); n != 10 {
		t.Fatalf("pending = %d, want 10", n)
	}
	var s seen
	failed := map[string]bool{}
	// The first try of doc005 fails: it must come back, and nothing else twice.
	h := func(_ context.Context, a *article.Article) error {
		if s.add(a.Source) == 1 && a.Source == "doc005" {
			failed[a.Source] = true
			return errors.New("store down")
		}
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := q.Consume(ctx, h, queue.ConsumeOptions{UntilEmpty: true}); err != nil || ctx.Err() != nil {
		t.Fatalf("consume: %v (ctx %v)", err, ctx.Err())
	}
	for i := range 10 {
		src := doc(i).Source
		want := 1
		if failed[src] {
			want = 2
		}
		if s.n[src] != want {
			t.Errorf("%s handled %d times, want %d", src, s.n[src], want)
		}
	}
	if n, _ := q.Pending(ctx); n != 0 {
		t.Errorf("pending after consume = %d", n)
	}
}

// Two workers share the stream: every document is handled, by one of them.
func TestWorkersShareTheStream(t *testing.T) {
	ctx := context.Background()
	cfg := queuetest.Config(t)
	cfg.Batch = 3
	q := open(t, cfg)
	for i := range 50 {
		if _, err := q.Publish(ctx, doc(i)); err != nil {
			t.Fatal(err)
		}
	}
	var s seen
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := open(t, cfg)
			_ = w.Consume(ctx, func(context.Context, *article.Article) error { s.add(""); return nil },
				queue.ConsumeOptions{UntilEmpty: true})
		}()
	}
	wg.Wait()
	if ctx.Err() != nil || s.n[""] != 50 {
		t.Fatalf("handled %d of 50 (%v)", s.n[""], ctx.Err())
	}
}

// NATS restarted under load: publisher and worker reconnect, no document is
// lost.
func TestServerRestartUnderLoad(t *testing.T) {
	srv := queuetest.Embedded(t)
	cfg := queue.Config{URL: srv.URL(), Stream: "R", Subject: "r", AckWait: 2 * time.Second, Batch: 4}
	pub := open(t, cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var s seen
	done := make(chan error, 1)
	go func() {
		w := open(t, cfg)
		done <- w.Consume(ctx, func(context.Context, *article.Article) error {
			s.add("")
			time.Sleep(2 * time.Millisecond) // keep a batch in flight across the restart
			return nil
		}, queue.ConsumeOptions{})
	}()
	const n = 300
	for i := range n {
		if i == n/2 {
			srv.Stop()
			time.Sleep(300 * time.Millisecond)
			srv.Start()
		}
		for {
			_, err := pub.Publish(ctx, doc(i))
			if err == nil {
				break
			}
			if ctx.Err() != nil {
				t.Fatalf("publish %d: %v", i, err)
			}
			time.Sleep(50 * time.Millisecond) // reconnecting
		}
	}
	var left uint64
	var lastErr error
	for {
		// each look at the stream gets its own deadline: one request lost
		// in the reconnection must not use up the test's minute
		pctx, pcancel := context.WithTimeout(ctx, 5*time.Second)
		l, err := pub.Pending(pctx)
		pcancel()
		if err == nil && l == 0 {
			break
		}
		if err == nil {
			left = l
		} else {
			lastErr = err
		}
		if ctx.Err() != nil {
			t.Fatalf("documents left after the restart: %d (last error: %v)", left, lastErr)
		}
		time.Sleep(100 * time.Millisecond)
	}
	cancel()
	<-done
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.n[""] < n {
		t.Fatalf("handled %d of %d documents", s.n[""], n)
	}
}

func TestParseURL(t *testing.T) {
	cfg, err := queue.ParseURL("nats://127.0.0.1:4222?stream=T1&ack_wait=2s")
	if err != nil || cfg.URL != "nats://127.0.0.1:4222" || cfg.Stream != "T1" || cfg.Subject != "dyad.T1" ||
		cfg.Consumer != "T1-workers" || cfg.AckWait != 2*time.Second {
		t.Fatalf("%+v %v", cfg, err)
	}
	if cfg, err := queue.ParseURL("nats://h:1"); err != nil || cfg.Stream != "" || cfg.URL != "nats://h:1" {
		t.Fatalf("plain: %+v %v", cfg, err)
	}
	for _, bad := range []string{"postgres://x", "nats://h?ack_wait=soon", "h:4222"} {
		if _, err := queue.ParseURL(bad); err == nil {
			t.Errorf("ParseURL(%q) accepted", bad)
		}
	}
}
