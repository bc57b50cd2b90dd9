// Package queue distributes extracted articles to workers over NATS
// JetStream. A document is published with its content hash as message id, so
// the stream drops a re-publish; a worker acknowledges a message only after
// its store has committed, so a worker that dies mid-batch leaves its
// messages to be redelivered to another. A document larger than the
// server's max_payload travels through a JetStream object store (large.go).
package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/store"
)

// Config names the server, the stream and the consumer. The zero values of
// the names and durations are replaced by the defaults below.
type Config struct {
	URL        string        // nats://host:port
	Stream     string        // default "DYAD_DOCS"
	Subject    string        // default "dyad.docs"
	Consumer   string        // durable consumer the workers share; default "dyad-workers"
	AckWait    time.Duration // redelivery after this long without an ack; default 30s
	Duplicates time.Duration // how long a message id is remembered; default 24h
	Batch      int           // messages fetched at once per worker; default 16
}

func (c Config) withDefaults() Config {
	def := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	def(&c.Stream, "DYAD_DOCS")
	def(&c.Subject, "dyad.docs")
	def(&c.Consumer, "dyad-workers")
	if c.AckWait <= 0 {
		c.AckWait = 30 * time.Second
	}
	if c.Duplicates <= 0 {
		c.Duplicates = 24 * time.Hour
	}
	if c.Batch <= 0 {
		c.Batch = 16
	}
	return c
}

// Queue is a connection to the document stream.
type Queue struct {
	cfg    Config
	nc     *nats.Conn
	js     jetstream.JetStream
	stream jetstream.Stream
	log    *slog.Logger
}

// ParseURL reads a queue URL: nats://host:port, optionally with query
// parameters stream (a stream of its own: subject dyad.<stream>, consumer
// <stream>-workers) and ack_wait (a duration), so several pipelines can share
// one server.
func ParseURL(raw string) (Config, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "nats" && u.Scheme != "tls" {
		return Config{}, fmt.Errorf("queue %q: want nats://host:port", raw)
	}
	cfg := Config{}
	q := u.Query()
	if s := q.Get("stream"); s != "" {
		cfg.Stream, cfg.Subject, cfg.Consumer = s, "dyad."+s, s+"-workers"
	}
	if d := q.Get("ack_wait"); d != "" {
		if cfg.AckWait, err = time.ParseDuration(d); err != nil {
			return Config{}, fmt.Errorf("queue %q: ack_wait: %w", raw, err)
		}
	}
	u.RawQuery = ""
	cfg.URL = u.String()
	return cfg, nil
}

// Open connects (reconnecting for ever after a loss) and creates the stream
// if it does not exist.
func Open(ctx context.Context, cfg Config) (*Queue, error) {
	cfg = cfg.withDefaults()
	log := slog.With("component", "queue")
	nc, err := nats.Connect(cfg.URL, nats.Name("dyad"), nats.MaxReconnects(-1), nats.ReconnectWait(250*time.Millisecond),
		nats.RetryOnFailedConnect(false),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil { // nil: closed on purpose
				log.Warn("disconnected", "err", err)
			}
		}),
		nats.ReconnectHandler(func(c *nats.Conn) { log.Info("reconnected", "url", c.ConnectedUrlRedacted()) }))
	if err != nil {
		return nil, fmt.Errorf("queue %s: %w", cfg.URL, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue %s: %w", cfg.URL, err)
	}
	// WorkQueue retention: an acknowledged document leaves the stream, so
	// the stream's size is the work left.
	st, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name: cfg.Stream, Subjects: []string{cfg.Subject}, Retention: jetstream.WorkQueuePolicy,
		Storage: jetstream.FileStorage, Duplicates: cfg.Duplicates,
	})
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue %s: stream %s: %w", cfg.URL, cfg.Stream, err)
	}
	return &Queue{cfg: cfg, nc: nc, js: js, stream: st, log: log}, nil
}

// Close drops the connection.
func (q *Queue) Close() { q.nc.Close() }

// Publish sends an extracted article. dup is true when the stream already
// had a document with the same content hash.
func (q *Queue) Publish(ctx context.Context, a *article.Article) (dup bool, err error) {
	if a.Hash == "" {
		a.Hash = article.ContentHash(a.Text)
	}
	body, err := json.Marshal(a)
	if err != nil {
		return false, fmt.Errorf("publish %s: %w", a.Source, err)
	}
	if !q.fits(len(body)) {
		dup, err := q.publishLarge(ctx, a.Hash, body)
		if err != nil {
			return false, fmt.Errorf("publish %s (%d bytes, through the object store): %w", a.Source, len(body), err)
		}
		return dup, nil
	}
	ack, err := q.js.Publish(ctx, q.cfg.Subject, body, jetstream.WithMsgID(a.Hash))
	if err != nil {
		return false, fmt.Errorf("publish %s: %w", a.Source, err)
	}
	return ack.Duplicate, nil
}

// Pending is the number of documents in the stream: published and not yet
// acknowledged by a worker.
func (q *Queue) Pending(ctx context.Context) (uint64, error) {
	info, err := q.stream.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("queue: %w", err)
	}
	return info.State.Msgs, nil
}

// Delete removes the stream and what it holds, with the object store of
// large documents (for tests and resets).
func (q *Queue) Delete(ctx context.Context) error {
	if err := q.js.DeleteObjectStore(ctx, q.Bucket()); err != nil && !errors.Is(err, jetstream.ErrBucketNotFound) &&
		!errors.Is(err, jetstream.ErrStreamNotFound) {
		return fmt.Errorf("queue: delete %s: %w", q.Bucket(), err)
	}
	return q.js.DeleteStream(ctx, q.cfg.Stream)
}

// ErrBadMessage marks a message no worker can ever handle; it is dropped
// instead of redelivered.
var ErrBadMessage = errors.New("bad message")

// PutArticle publishes a, so a queue is the sink of an ingest run that
// leaves coding and storing to the workers. Created is false for a document
// the stream already had.
func (q *Queue) PutArticle(ctx context.Context, a *article.Article) (store.PutResult, error) {
	dup, err := q.Publish(ctx, a)
	return store.PutResult{Created: !dup}, err
}
