package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyad-project/dyad/internal/article"
)

// Handler stores one article. It returns only after the store has
// committed; an error sends the message back for redelivery.
type Handler func(ctx context.Context, a *article.Article) error

// ConsumeOptions tune a worker's loop.
type ConsumeOptions struct {
	// UntilEmpty ends the loop once the stream holds no document (every one
	// acknowledged, by this worker or another); otherwise it runs until ctx
	// ends.
	UntilEmpty bool
	// Processed, when set, is told about each message handled.
	Processed func(a *article.Article, err error)
}

// retryDelay is how long a failed message waits before redelivery, and how
// long the loop waits after a failed fetch (the server restarting).
const retryDelay = 500 * time.Millisecond

// Consume fetches documents in batches and hands each to h, acknowledging
// after h succeeds. It returns when ctx ends (nil) or, with UntilEmpty,
// when the work is done.
func (q *Queue) Consume(ctx context.Context, h Handler, opt ConsumeOptions) error {
	var cons jetstream.Consumer
	for {
		var err error
		cons, err = q.stream.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
			Durable: q.cfg.Consumer, AckPolicy: jetstream.AckExplicitPolicy, AckWait: q.cfg.AckWait,
			MaxAckPending: 1024,
		})
		if err == nil {
			break
		}
		if ctx.Err() != nil {
			return nil
		}
		q.log.Warn("consumer not ready, retrying", "err", err)
		sleep(ctx, retryDelay)
	}
	for ctx.Err() == nil {
		n, err := q.fetch(ctx, cons, h, opt)
		if err != nil && ctx.Err() == nil {
			q.log.Warn("fetch failed, retrying", "err", err)
			sleep(ctx, retryDelay)
			continue
		}
		if n == 0 && opt.UntilEmpty {
			if left, err := q.Pending(ctx); err == nil && left == 0 {
				return nil
			}
		}
	}
	return nil
}

func (q *Queue) fetch(ctx context.Context, cons jetstream.Consumer, h Handler, opt ConsumeOptions) (int, error) {
	batch, err := cons.Fetch(q.cfg.Batch, jetstream.FetchMaxWait(time.Second))
	if err != nil {
		return 0, err
	}
	n := 0
	for msg := range batch.Messages() {
		n++
		q.handle(ctx, msg, h, opt)
	}
	if err := batch.Error(); err != nil && !errors.Is(err, jetstream.ErrNoMessages) && !errors.Is(err, context.DeadlineExceeded) {
		return n, err
	}
	return n, nil
}

func (q *Queue) handle(ctx context.Context, msg jetstream.Msg, h Handler, opt ConsumeOptions) {
	var a article.Article
	body, err := q.body(ctx, msg)
	if err == nil {
		if err = json.Unmarshal(body, &a); err != nil {
			err = fmt.Errorf("%w: %v", ErrBadMessage, err)
		}
	}
	if err == nil {
		err = h(ctx, &a)
	}
	switch {
	case err == nil:
		// Acknowledged after the commit: if the ack is lost the document
		// comes back and the store finds it already there.
		if aerr := msg.DoubleAck(ctx); aerr != nil {
			q.log.Warn("ack lost; the document will be redelivered", "source", a.Source, "err", aerr)
			break
		}
		q.dropBody(ctx, msg)
	case errors.Is(err, ErrBadMessage):
		q.log.Error("dropping a message no worker can handle", "err", err)
		_ = msg.Term()
		q.dropBody(ctx, msg)
	default:
		q.log.Warn("handling failed; redelivering", "source", a.Source, "err", err)
		_ = msg.NakWithDelay(retryDelay)
	}
	if opt.Processed != nil {
		opt.Processed(&a, err)
	}
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
