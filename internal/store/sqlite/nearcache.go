package sqlite

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"time"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
)

// maxCachedPair bounds the mentions kept for one dyad: a dyad busier than
// this is read from the database on every ask, as before, rather than held
// in memory.
const maxCachedPair = 200_000

// maxCached bounds the mentions kept in all: a long-lived writer (dyad
// serve, dyad watch) touching dyad after dyad starts afresh past it rather
// than keeping every dyad it ever wrote.
var maxCached = 500_000

// nearCache holds, for each dyad a writer has asked about inside a
// transaction (pipeline.StoredNear: the stored mentions a new article's
// mentions could join), every stored mention of the dyad either way round,
// in EachMention's order. An ingest asks it for every article, and
// re-reading a busy dyad's mentions from the database each time made
// storing quadratic in the dyad's size (2,000 articles: two thirds of the
// writer's time). The cache is kept in step with the writes made through
// the store (PutMentions, RenameStory, MoveMention), dropped when a
// transaction rolls back, and checked at the start of each transaction
// against SQLite's data_version, which changes when another connection
// (another process) commits: then it is dropped too. It serves only reads
// inside a transaction, where that check has just been made.
type nearCache struct {
	mu    sync.Mutex
	conn  any   // the driver connection the version belongs to
	ver   int64 // PRAGMA data_version when last checked
	pairs map[pairKey]*cachedPair
}

// pairKey is an unordered pair of country codes.
type pairKey struct{ a, b string }

func pairOf(a, b string) pairKey {
	if b < a {
		a, b = b, a
	}
	return pairKey{a, b}
}

type cachedPair struct {
	tooBig bool // more than maxCachedPair mentions: not kept
	// rows are pointers: a new mention is inserted in date order, and
	// moving the mentions after it by value cost more than the merge
	rows []*cachedMention
}

type cachedMention struct {
	m     event.Mention
	dates mentionDates
}

// order is EachMention's: date (undated last), article, then insertion.
func (c *cachedMention) cmp(o *cachedMention) int {
	return cmp.Or(cmp.Compare(c.sortDate(), o.sortDate()), cmp.Compare(c.m.ArticleID, o.m.ArticleID), cmp.Compare(c.m.ID, o.m.ID))
}

func (c *cachedMention) sortDate() string {
	if c.dates.start == "" {
		return "9999"
	}
	return c.dates.start
}

// cacheable reports a filter the cache answers: one dyad either way round,
// optionally within dates or one story.
func cacheable(f store.MentionFilter) bool {
	return f.Either && f.Actor != "" && f.Recipient != "" && f.Event == "" && f.Limit == 0
}

// matches is mentionWhere's date conditions, on the stored text of the
// dates.
func (w *dateFilter) matches(c *cachedMention) bool {
	if w.since != "" && !(c.dates.end != "" && c.dates.end >= w.since) {
		return false
	}
	if w.until == "" {
		return true
	}
	before := c.dates.start != "" && c.dates.start <= w.until
	if w.undatedHistory {
		return before || c.m.Background && c.m.DateText == ""
	}
	return before
}

// dateFilter is a filter's dates as mentionWhere writes them.
type dateFilter struct {
	since, until   string // "" for none
	undatedHistory bool
}

func datesOf(f store.MentionFilter) dateFilter {
	w := dateFilter{undatedHistory: f.UndatedHistory}
	if !f.Since.IsZero() {
		w.since = f.Since.Format(time.DateOnly)
	}
	if !f.Until.IsZero() {
		w.until = f.Until.Format(time.DateOnly)
	}
	return w
}

// size is the number of mentions held; c.mu is held.
func (c *nearCache) size() int {
	n := 0
	for _, p := range c.pairs {
		n += len(p.rows)
	}
	return n
}

// reset drops everything.
func (c *nearCache) reset() {
	c.mu.Lock()
	c.pairs = nil
	c.mu.Unlock()
}

// check drops the cache unless the connection and its data_version are
// those last seen: another connection committed in between.
func (c *nearCache) check(conn any, ver int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if conn != c.conn || ver != c.ver {
		c.pairs = nil
	}
	c.conn, c.ver = conn, ver
}

// appendTo answers f (see cacheable) from the cache, appending to dst,
// loading the dyad through the transaction's view s the first time it is
// asked.
func (c *nearCache) appendTo(ctx context.Context, s *DB, dst []event.Mention, f store.MentionFilter) ([]event.Mention, error) {
	k := pairOf(f.Actor, f.Recipient)
	c.mu.Lock()
	p := c.pairs[k]
	c.mu.Unlock()
	if p == nil {
		p = &cachedPair{}
		where, args := mentionWhere(store.MentionFilter{Actor: f.Actor, Recipient: f.Recipient, Either: true})
		err := s.eachMention(ctx, where+" ORDER BY COALESCE(date_start, '9999'), m.article_id, m.seq", args,
			func(m *event.Mention, d mentionDates) error {
				if !p.tooBig {
					p.rows = append(p.rows, &cachedMention{*m, d})
				}
				if len(p.rows) > maxCachedPair {
					p.tooBig, p.rows = true, nil
				}
				return nil
			})
		if err != nil {
			return nil, err
		}
		c.mu.Lock()
		if c.pairs == nil || c.size()+len(p.rows) > maxCached {
			c.pairs = map[pairKey]*cachedPair{}
		}
		c.pairs[k] = p
		c.mu.Unlock()
	}
	if p.tooBig {
		return nil, errTooBig
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	out := dst
	w := datesOf(f)
	for i := range p.rows {
		if w.matches(p.rows[i]) && (f.Story == "" || p.rows[i].m.StoryID == f.Story) {
			out = append(out, p.rows[i].m)
		}
	}
	return out, nil
}

// errTooBig sends a read to the database.
var errTooBig = &tooBigError{}

type tooBigError struct{}

func (*tooBigError) Error() string { return "dyad too busy to cache" }

// cached reports whether the dyad of a and b is held.
func (c *nearCache) cached(a, b string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	p := c.pairs[pairOf(a, b)]
	return p != nil && !p.tooBig
}

// dropArticle forgets the mentions of an article (they were replaced).
func (c *nearCache) dropArticle(id int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range c.pairs {
		p.rows = slices.DeleteFunc(p.rows, func(r *cachedMention) bool { return r.m.ArticleID == id })
	}
}

// add puts newly stored mentions in their place, in the dyads held.
func (c *nearCache) add(rows []*cachedMention) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, r := range rows {
		p := c.pairs[pairOf(r.m.Actor.Code, r.m.Recipient.Code)]
		if p == nil || p.tooBig {
			continue
		}
		i, _ := slices.BinarySearchFunc(p.rows, r, func(e, t *cachedMention) int { return e.cmp(t) })
		p.rows = slices.Insert(p.rows, i, r)
		if len(p.rows) > maxCachedPair {
			p.tooBig, p.rows = true, nil
		}
	}
}

// rename is RenameStory on the cache.
func (c *nearCache) rename(from, to string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range c.pairs {
		for i := range p.rows {
			if p.rows[i].m.StoryID == from {
				p.rows[i].m.StoryID = to
			}
		}
	}
}

// move is MoveMention on the cache.
func (c *nearCache) move(m *event.Mention, to, why string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p := c.pairs[pairOf(m.Actor.Code, m.Recipient.Code)]
	if p == nil {
		return
	}
	for i := range p.rows {
		r := &p.rows[i].m
		if r.ArticleID == m.ArticleID && r.SentStart == m.SentStart && r.Event == m.Event &&
			r.Actor.Code == m.Actor.Code && r.Recipient.Code == m.Recipient.Code {
			r.StoryID, r.StoryWhy = to, why
		}
	}
}
