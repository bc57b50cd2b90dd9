package queue_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/queue"
	"github.com/dyad-project/dyad/internal/queue/queuetest"
)

// A document twice the server's max_payload among small ones: it is
// published (through the object store) instead of failing the run, the
// worker gets its whole text, also after a failed first try, a re-publish
// is a duplicate, and no object is left behind once the work is done.
func TestLargeDocument(t *testing.T) {
	ctx := context.Background()
	cfg := queuetest.Config(t)
	q := open(t, cfg)
	big := &article.Article{Source: "big.txt",
		Text: strings.Repeat("The minister met the envoy in Baghdad. ", int(2*q.MaxPayload())/39+1)}
	var docs []*article.Article
	for i := range 20 {
		docs = append(docs, doc(i))
		if i == 10 {
			docs = append(docs, big)
		}
	}
	for _, a := range docs {
		if dup, err := q.Publish(ctx, a); err != nil || dup {
			t.Fatalf("publish %s: dup=%v err=%v", a.Source, dup, err)
		}
	}
	again := *big
	again.Source = "big-again.txt"
	if dup, err := q.Publish(ctx, &again); err != nil || !dup {
		t.Fatalf("re-publish of the large document: dup=%v err=%v, want a duplicate", dup, err)
	}
	var mu sync.Mutex
	got := map[string]string{}
	tries := 0
	// The first try of the large document fails (the store was down): it
	// comes back with its object still there.
	h := func(_ context.Context, a *article.Article) error {
		mu.Lock()
		defer mu.Unlock()
		if a.Source == big.Source {
			if tries++; tries == 1 {
				return errors.New("store down")
			}
		}
		got[a.Source] = a.Text
		return nil
	}
	cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := q.Consume(cctx, h, queue.ConsumeOptions{UntilEmpty: true}); err != nil || cctx.Err() != nil {
		t.Fatalf("consume: %v (ctx %v)", err, cctx.Err())
	}
	if len(got) != len(docs) {
		t.Errorf("worker got %d documents, want %d", len(got), len(docs))
	}
	if tries != 2 {
		t.Errorf("large document handled %d times, want 2 (one failure, one redelivery)", tries)
	}
	if got[big.Source] != big.Text {
		t.Errorf("large document: got %d bytes of text, want %d", len(got[big.Source]), len(big.Text))
	}
	if n := objectsLeft(t, cfg, q.Bucket()); n != 0 {
		t.Errorf("%d objects left in %s after the work was done", n, q.Bucket())
	}
}

func objectsLeft(t *testing.T, cfg queue.Config, bucket string) int {
	t.Helper()
	nc, err := nats.Connect(cfg.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	obs, err := js.ObjectStore(ctx, bucket)
	if err != nil {
		t.Fatalf("object store %s: %v", bucket, err)
	}
	list, err := obs.List(ctx)
	if err == jetstream.ErrNoObjectsFound {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}
