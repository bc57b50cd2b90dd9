// Package store defines what dyad keeps and how the pipeline reaches it.
// Implementations live in sub-packages named for their technology
// (store/sqlite now, store/postgres when the team scales out).
package store

import (
	"context"
	"errors"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
)

// ErrNotFound is returned when a requested record does not exist.
var ErrNotFound = errors.New("not found")

// PutResult tells what happened to an article handed to the store.
type PutResult struct {
	ID        int64
	Created   bool  // false: the same content was already stored (ID is the existing one)
	NearDupOf int64 // a stored article with near-identical text (syndicated copy), 0 if none
}

// ArticleFilter selects stored articles.
type ArticleFilter struct {
	Since, Until time.Time // publication window, inclusive; zero = open
	Outlet       string
	Limit        int // 0 = no limit
}

// Articles is what the ingest and listing commands need from a store.
type Articles interface {
	PutArticle(ctx context.Context, a *article.Article) (PutResult, error)
	Article(ctx context.Context, id int64) (*article.Article, error)
	ListArticles(ctx context.Context, f ArticleFilter) ([]article.Article, error)
	CountArticles(ctx context.Context) (int, error)
}

// MentionFilter selects stored mentions.
type MentionFilter struct {
	Actor, Recipient string // country codes; "" = any
	Either           bool   // match the dyad in both directions
	Event            string
	Story            string    // the mentions of one story
	Since, Until     time.Time // on the mention's date window
	// UndatedHistory also selects, whatever Until, history recalled
	// without a date of its own (background, no time phrase) that ends on
	// or after Since: it may tell an event of any earlier day (see merge).
	UndatedHistory bool
	Limit          int
}

// Mentions is what coding and querying need from a store.
type Mentions interface {
	// PutMentions replaces the mentions of an article in one transaction, so
	// re-coding never duplicates them.
	PutMentions(ctx context.Context, articleID int64, ms []event.Mention) error
	ListMentions(ctx context.Context, f MentionFilter) ([]event.Mention, error)
	// RenameStory moves every mention of story from into story to: a new
	// mention that reports the event of two stored stories joins them.
	RenameStory(ctx context.Context, from, to string) error
	// MoveMention moves one stored mention (found by its article, sentence
	// start, type and countries) into story to, saying why: a reference that
	// turned out to recall another story's event than the one it joined.
	MoveMention(ctx context.Context, m *event.Mention, to, why string) error
}

// Store is everything the commands need from a backend: SQLite by default,
// PostgreSQL when the team scales out.
type Store interface {
	Articles
	Mentions
	HasHash(ctx context.Context, hash string) (bool, error)
	// Location names where the data lives (a file path, a server), for
	// messages to the user.
	Location() string
	Close() error
}

// Batch is one transaction holding several units of work (a document and
// its mentions each), so that a bulk load commits once per batch instead
// of once per document.
type Batch interface {
	// Unit runs fn with a view of the store inside the batch's
	// transaction. When fn fails, its writes alone are undone and the
	// error returned; the units before it stay in the batch.
	Unit(ctx context.Context, fn func(ctx context.Context, tx Store) error) error
}

// Batcher is a store that can run batches: fn's units are committed
// together when fn returns nil, and none of them otherwise.
type Batcher interface {
	InBatch(ctx context.Context, fn func(ctx context.Context, b Batch) error) error
}

type batchKey struct{}

type batchOf struct {
	owner Store
	b     Batch
}

// WithBatch returns a context carrying b, the open batch of owner: the
// code storing a document through owner (pipeline.StoreCoded) runs its
// unit in it instead of a transaction of its own.
func WithBatch(ctx context.Context, owner Store, b Batch) context.Context {
	return context.WithValue(ctx, batchKey{}, batchOf{owner, b})
}

// BatchFrom is the batch ctx carries for owner, or nil.
func BatchFrom(ctx context.Context, owner Store) Batch {
	if v, ok := ctx.Value(batchKey{}).(batchOf); ok && v.owner == owner {
		return v.b
	}
	return nil
}
