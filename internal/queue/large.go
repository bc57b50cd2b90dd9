package queue

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// A document whose message would pass the server's max_payload (1 MB by
// default, well under ingest's 10 MiB --max-bytes) cannot be published as
// one message: the server refuses it. Its body goes to a JetStream object
// store instead (stored in chunks under the limit), and the message in the
// stream carries only the object's name in this header. The worker reads
// the body from there and deletes the object once its store has committed.
const bodyHeader = "Dyad-Body-Object"

// headroom is left under max_payload for the subject, the headers and the
// protocol line of a message.
const headroom = 4 << 10

// MaxPayload is the largest message the server takes.
func (q *Queue) MaxPayload() int64 { return q.nc.MaxPayload() }

// Bucket names the object store that carries documents too large for one
// message.
func (q *Queue) Bucket() string { return q.cfg.Stream + "_BODIES" }

// fits reports whether a message body of n bytes can be published as is.
// While the connection is down the server's limit is unknown (0): the
// message is then published as usual and fails or waits like any other,
// rather than every document being sent through the object store.
func (q *Queue) fits(n int) bool {
	mp := q.MaxPayload()
	return mp <= 0 || int64(n) <= mp-headroom
}

func (q *Queue) bodies(ctx context.Context) (jetstream.ObjectStore, error) {
	obs, err := q.js.ObjectStore(ctx, q.Bucket())
	if errors.Is(err, jetstream.ErrBucketNotFound) {
		obs, err = q.js.CreateOrUpdateObjectStore(ctx, jetstream.ObjectStoreConfig{
			Bucket: q.Bucket(), Storage: jetstream.FileStorage,
			Description: "dyad documents larger than the server's max_payload",
		})
	}
	if err != nil {
		return nil, fmt.Errorf("object store %s: %w", q.Bucket(), err)
	}
	return obs, nil
}

// publishLarge stores body as an object and publishes a message naming it.
// Each publish gets an object of its own (hash plus a random suffix), so a
// re-publish the stream drops as a duplicate can delete its object without
// touching the one the first message names.
func (q *Queue) publishLarge(ctx context.Context, hash string, body []byte) (dup bool, err error) {
	obs, err := q.bodies(ctx)
	if err != nil {
		return false, err
	}
	var r [6]byte
	_, _ = rand.Read(r[:])
	name := hash + "-" + hex.EncodeToString(r[:])
	if _, err := obs.PutBytes(ctx, name, body); err != nil {
		return false, fmt.Errorf("object store %s: put: %w", q.Bucket(), err)
	}
	msg := &nats.Msg{Subject: q.cfg.Subject, Header: nats.Header{}}
	msg.Header.Set(bodyHeader, name)
	ack, err := q.js.PublishMsg(ctx, msg, jetstream.WithMsgID(hash))
	if err != nil || ack.Duplicate {
		_ = obs.Delete(ctx, name) // no message names it
	}
	if err != nil {
		return false, err
	}
	return ack.Duplicate, nil
}

// body is a message's document: its data, or the object its header names.
func (q *Queue) body(ctx context.Context, msg jetstream.Msg) ([]byte, error) {
	name := msg.Headers().Get(bodyHeader)
	if name == "" {
		return msg.Data(), nil
	}
	obs, err := q.bodies(ctx)
	if err != nil {
		return nil, err
	}
	b, err := obs.GetBytes(ctx, name)
	if errors.Is(err, jetstream.ErrObjectNotFound) {
		// Only deleted after a commit: this is a redelivery of a
		// document already stored whose ack was lost.
		return nil, fmt.Errorf("%w: object %s is gone (the document was stored before)", ErrBadMessage, name)
	}
	if err != nil {
		return nil, fmt.Errorf("object store %s: get %s: %w", q.Bucket(), name, err)
	}
	return b, nil
}

// dropBody deletes the object a handled message names, if any.
func (q *Queue) dropBody(ctx context.Context, msg jetstream.Msg) {
	name := msg.Headers().Get(bodyHeader)
	if name == "" {
		return
	}
	obs, err := q.bodies(ctx)
	if err == nil {
		err = obs.Delete(ctx, name)
	}
	if err != nil && !errors.Is(err, jetstream.ErrObjectNotFound) {
		q.log.Warn("object left in the store", "bucket", q.Bucket(), "object", name, "err", err)
	}
}
