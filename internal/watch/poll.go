package watch

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/dyad-project/dyad/internal/source"
	"github.com/dyad-project/dyad/internal/store"
)

// FeedError is a polled URL that failed this round; it is polled again the
// next round.
type FeedError struct {
	URL      string
	Err      error
	Failures int // consecutive failed rounds
}

func (e FeedError) Error() string {
	return fmt.Sprintf("%s: %v (failed %d rounds in a row)", e.URL, e.Err, e.Failures)
}

// poller is the pipeline's reader for one round: every URL is fetched
// conditionally, concurrently (the source reader keeps one request at a time
// per host), and what changed is expanded into its documents.
type poller struct {
	reader *source.Reader
	now    time.Time
	mu     sync.Mutex
	states map[string]store.FeedState
	errs   []FeedError
	polled int
	same   int // 304 Not Modified
}

// Read implements pipeline.Reader for the URLs in args.
func (p *poller) Read(ctx context.Context, args []string, out chan<- source.Doc) error {
	var wg sync.WaitGroup
	for _, u := range args {
		wg.Go(func() { p.poll(ctx, u, out) })
	}
	wg.Wait()
	return ctx.Err()
}

func (p *poller) poll(ctx context.Context, url string, out chan<- source.Doc) {
	p.mu.Lock()
	st := p.states[url]
	p.mu.Unlock()
	st.URL, st.LastPoll = url, p.now
	d, etag, lm, same, err := p.reader.FetchConditional(ctx, url, st.ETag, st.LastModified)
	if err == nil && !same {
		err = p.expand(ctx, d, out)
	}
	if ctx.Err() != nil {
		return // cancelled mid-poll: keep the old state, poll it again next time
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.polled++
	if err != nil {
		st.Failures++
		st.LastError = err.Error()
		p.errs = append(p.errs, FeedError{URL: url, Err: err, Failures: st.Failures})
	} else {
		// Validators are kept only after a good poll, so a feed that
		// failed half-way is fetched whole next time.
		st.ETag, st.LastModified, st.LastOK, st.LastError, st.Failures = etag, lm, p.now, "", 0
		if same {
			p.same++
		}
	}
	p.states[url] = st
}

// expand forwards d's documents and returns the error of the URL itself (a
// feed that does not parse); failures of single items travel as failed
// documents and are reported by the pipeline.
func (p *poller) expand(ctx context.Context, d source.Doc, out chan<- source.Doc) error {
	docs := make(chan source.Doc)
	var feedErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		for doc := range docs {
			if doc.Err != nil && doc.Source == d.Source {
				feedErr = doc.Err
				continue
			}
			select {
			case out <- doc:
			case <-ctx.Done():
			}
		}
	}()
	p.reader.Expand(ctx, d, docs)
	close(docs)
	<-done
	return feedErr
}
