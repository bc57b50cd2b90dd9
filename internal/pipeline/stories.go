package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"sync/atomic"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/merge"
	"github.com/dyad-project/dyad/internal/store"
)

// Transactor is a store that runs several calls as one transaction, taking
// the named locks first (PostgreSQL advisory locks; SQLite serializes
// writers anyway).
type Transactor interface {
	InTx(ctx context.Context, locks []string, fn func(ctx context.Context, tx store.Store) error) error
}

// reading is what merging read of stored mentions, kept from one
// StoreCoded to the next (merge.Reading): a writer merges article after
// article against mostly the same stored mentions. A call takes it and
// gives it back; calls meanwhile (concurrent workers) merge without one.
var reading atomic.Pointer[merge.Reading]

func init() { reading.Store(merge.NewReading()) }

// nearBuf is the buffer the stored mentions near an article are read into
// (AppendNear), kept from one StoreCoded to the next like reading: a fresh
// slice per article was half of what `dyad ingest` allocated, hundreds of
// ~400-byte mentions of a busy dyad each time. A buffer larger than
// maxNearBuf mentions is not kept.
var nearBuf atomic.Pointer[[]event.Mention]

const maxNearBuf = 1 << 16

// MentionAppender is a store that appends the mentions a filter selects to
// a buffer instead of returning a new slice (SQLite).
type MentionAppender interface {
	AppendMentions(ctx context.Context, dst []event.Mention, f store.MentionFilter) ([]event.Mention, error)
}

// appendMentions appends to dst what db lists for f.
func appendMentions(ctx context.Context, db store.Mentions, dst []event.Mention, f store.MentionFilter) ([]event.Mention, error) {
	if a, ok := db.(MentionAppender); ok {
		return a.AppendMentions(ctx, dst, f)
	}
	got, err := db.ListMentions(ctx, f)
	if err != nil {
		return nil, err
	}
	if dst == nil {
		return got, nil // no copy
	}
	return append(dst, got...), nil
}

// StoreCoded stores a with its coded mentions merged into the stored
// stories: the article, the load of the stories its mentions could join,
// the merge and the mentions happen in one transaction, under a lock per
// dyad, so concurrent writers never merge against a stale view and a crash
// never leaves an article without its mentions. `dyad ingest`, `dyad
// worker` and `dyad watch` all store through it. When ctx carries a batch
// of db (store.WithBatch), the unit runs in it instead: a savepoint of the
// batch's transaction.
func StoreCoded(ctx context.Context, db store.Store, a *article.Article, ms []event.Mention) (store.PutResult, error) {
	var put store.PutResult
	unit := func(ctx context.Context, tx store.Store) error {
		var err error
		if put, err = tx.PutArticle(ctx, a); err != nil || !put.Created {
			return err
		}
		for i := range ms {
			ms[i].ArticleID = a.ID
		}
		var buf []event.Mention
		if p := nearBuf.Swap(nil); p != nil {
			buf = *p
		}
		near, err := AppendNear(ctx, buf[:0], tx, ms)
		if err != nil {
			return err
		}
		defer func() {
			// nothing holds near past the unit (the stories merged from it
			// are written, not kept); cleared, it pins no sentence
			if cap(near) <= maxNearBuf {
				clear(near)
				nearBuf.Store(&near)
			}
		}()
		r := reading.Swap(nil) // nil while another merge has it
		stories := merge.MergeIntoReading(r, near, ms)
		if r != nil {
			reading.Store(r)
		}
		for _, st := range stories {
			for _, from := range st.Folded {
				// a new mention joined stored stories: move their mentions
				if err := tx.RenameStory(ctx, from, st.ID); err != nil {
					return err
				}
			}
		}
		for _, st := range stories {
			for _, m := range st.Took {
				// a stored reference fits a new report's event better than
				// the one it joined: it moves, alone (after the renames, to
				// its final story)
				if m.ArticleID != a.ID {
					if err := tx.MoveMention(ctx, m, m.StoryID, m.StoryWhy); err != nil {
						return err
					}
				}
			}
		}
		return tx.PutMentions(ctx, a.ID, ms)
	}
	if b := store.BatchFrom(ctx, db); b != nil {
		// the writer of a bulk load batches documents (see Options.Batch)
		err := b.Unit(ctx, unit)
		return put, err
	}
	t, ok := db.(Transactor)
	if !ok {
		slog.Warn("store without transactions: article and mentions stored apart", "store", db.Location())
		return put, unit(ctx, db)
	}
	err := t.InTx(ctx, DyadLocks(ms), unit)
	return put, err
}

// DyadLocks names the unordered country pairs whose stories ms can join.
func DyadLocks(ms []event.Mention) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range ms {
		if m.Actor.Code == "" || m.Recipient.Code == "" || m.DateStart.IsZero() {
			continue // never merged with stored stories (see merge.compatible)
		}
		p := []string{m.Actor.Code, m.Recipient.Code}
		sort.Strings(p)
		k := "dyad:" + p[0] + ":" + p[1]
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// StoredNear loads the stored mentions new mentions could join: the same
// two countries, either way round, within the merge slack of their dates.
// A mention's window is what it allows its event (a reference "in 2012"
// looks through the year; history recalled with no date of its own, through
// everything before it), and recalls stored without a date are loaded
// whatever their day, since they may tell any earlier event.
func StoredNear(ctx context.Context, db store.Mentions, ms []event.Mention) ([]event.Mention, error) {
	return AppendNear(ctx, nil, db, ms)
}

// AppendNear is StoredNear appending to dst, which it may overwrite.
func AppendNear(ctx context.Context, dst []event.Mention, db store.Mentions, ms []event.Mention) ([]event.Mention, error) {
	type pair struct{ a, r string }
	type span struct {
		from, to time.Time
		open     bool // no lower bound
	}
	win := map[pair]span{}
	for _, m := range ms {
		if m.Actor.Code == "" || m.Recipient.Code == "" || m.DateStart.IsZero() {
			continue // a name without a country is looked up by no dyad
		}
		k := pair{m.Actor.Code, m.Recipient.Code}
		if k.r < k.a {
			// asked in both directions (Either): A–B and B–A are one
			// window, or a stored mention would be read twice
			k = pair{k.r, k.a}
		}
		w, ok := win[k]
		if !ok || m.DateStart.Before(w.from) {
			w.from = m.DateStart
		}
		if !ok || m.DateEnd.After(w.to) {
			w.to = m.DateEnd
		}
		w.open = w.open || m.Background && m.DateText == ""
		win[k] = w
	}
	out := dst[:0]
	dyads := make([]pair, 0, len(win))
	for k := range win {
		dyads = append(dyads, k)
	}
	// in a fixed order, so merging reads stored mentions the same way on
	// every run
	sort.Slice(dyads, func(i, j int) bool {
		return dyads[i].a < dyads[j].a || dyads[i].a == dyads[j].a && dyads[i].r < dyads[j].r
	})
	for _, k := range dyads {
		w := win[k]
		f := store.MentionFilter{Actor: k.a, Recipient: k.r, Either: true,
			Since: w.from.Add(-merge.Slack), Until: w.to.Add(merge.Slack), UndatedHistory: true}
		if w.open {
			f.Since = time.Time{}
		}
		var err error
		if out, err = appendMentions(ctx, db, out, f); err != nil {
			return nil, fmt.Errorf("stored mentions near %s–%s: %w", k.a, k.r, err)
		}
	}
	// A reference in the window may belong to a story reported on a day
	// outside it: without that story's reports, merging would take it for
	// a story known only from references and let a report of another day
	// absorb it. Its whole story is loaded.
	type mkey struct {
		article          int64
		start, end       int
		event, story, ar string
	}
	seen := map[mkey]bool{}
	key := func(m *event.Mention) mkey {
		return mkey{m.ArticleID, m.SentStart, m.SentEnd, m.Event, m.StoryID, m.Actor.Code + ">" + m.Recipient.Code}
	}
	// Every mention of a story has its dyad (merging joins only mentions
	// of one dyad), so the story is asked for within it: a store that
	// holds the dyad's mentions (SQLite's cache) answers without a query.
	whole := map[string]pair{}
	for i := range out {
		seen[key(&out[i])] = true
		if m := &out[i]; (m.Reference || m.Background) && m.StoryID != "" {
			if _, ok := whole[m.StoryID]; !ok {
				whole[m.StoryID] = pair{m.Actor.Code, m.Recipient.Code}
			}
		}
	}
	ids := make([]string, 0, len(whole))
	for id := range whole {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		p := whole[id]
		// read after what out holds, then only the mentions not seen kept
		n := len(out)
		var err error
		out, err = appendMentions(ctx, db, out, store.MentionFilter{Actor: p.a, Recipient: p.r, Either: true, Story: id})
		if err != nil {
			return nil, fmt.Errorf("stored mentions of story %s: %w", id, err)
		}
		kept := n
		for i := n; i < len(out); i++ {
			if k := key(&out[i]); !seen[k] {
				seen[k] = true
				out[kept] = out[i]
				kept++
			}
		}
		clear(out[kept:])
		out = out[:kept]
	}
	return out, nil
}
