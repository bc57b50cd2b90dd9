package store

import (
	"context"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
)

// MentionIterator streams stored mentions, so exports and series never hold
// a whole table in memory. fn sees mentions in the order ListMentions gives;
// an error from fn stops the iteration and is returned.
type MentionIterator interface {
	EachMention(ctx context.Context, f MentionFilter, fn func(*event.Mention) error) error
}

// ArticleIterator streams stored articles in ingest order.
type ArticleIterator interface {
	EachArticle(ctx context.Context, f ArticleFilter, fn func(*article.Article) error) error
}

// FeedState is what `dyad watch` remembers about one polled URL.
type FeedState struct {
	URL          string
	ETag         string
	LastModified string
	LastPoll     time.Time // zero: never polled
	LastOK       time.Time // last poll that fetched and expanded without error
	LastError    string    // "" after a good poll
	Failures     int       // consecutive failed polls
}

// AlertRecord is one alert as fired: the rule, the key it fired for (a dyad),
// when, and the alert itself as JSON, so a restart knows what was already said.
type AlertRecord struct {
	ID      int64
	Rule    string
	Key     string
	FiredAt time.Time
	Stories []string // story ids the alert listed
	Payload []byte   // the alert as sent (JSON)
}

// WatchState keeps `dyad watch` state across restarts: validators of polled
// URLs and the alerts already fired (for cool-downs).
type WatchState interface {
	FeedState(ctx context.Context, url string) (FeedState, error) // zero FeedState{URL} when unknown
	PutFeedState(ctx context.Context, s FeedState) error
	// LastAlert is the latest alert of rule for key; ErrNotFound when none.
	LastAlert(ctx context.Context, rule, key string) (AlertRecord, error)
	// PutAlert records an alert and returns it with its ID.
	PutAlert(ctx context.Context, a AlertRecord) (AlertRecord, error)
	ListAlerts(ctx context.Context, since time.Time) ([]AlertRecord, error)
}

// Analysis is what the analysis commands (export, trend, watch) need from a
// backend on top of Store.
type Analysis interface {
	Store
	MentionIterator
	ArticleIterator
	WatchState
}
