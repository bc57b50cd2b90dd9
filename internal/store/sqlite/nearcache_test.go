package sqlite

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
)

// nearMention is a mention of a dyad for the cache tests.
func nearMention(actor, recip, start, end, story string, background bool, dateText string) event.Mention {
	return event.Mention{Event: "ACCUSE", Actor: event.Party{Code: actor}, Recipient: event.Party{Code: recip},
		DateStart: day(start), DateEnd: day(end), Background: background, DateText: dateText,
		Sentence: actor + " accused " + recip + " " + start, StoryID: story, StoryWhy: "first report"}
}

// putNear stores an article with ms and returns its id.
func putNear(t *testing.T, s store.Store, src string, ms ...event.Mention) int64 {
	t.Helper()
	ctx := context.Background()
	a := &article.Article{Source: src, Outlet: "outlet " + src, Text: "text of " + src, SimHash: uint64(len(src)) << 40}
	r, err := s.PutArticle(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PutMentions(ctx, r.ID, ms); err != nil {
		t.Fatal(err)
	}
	return r.ID
}

// nearFilters are the asks StoredNear makes, and some it does not.
var nearFilters = []store.MentionFilter{
	{Actor: "USA", Recipient: "IRQ", Either: true},
	{Actor: "IRQ", Recipient: "USA", Either: true, Since: day("2025-01-02"), Until: day("2025-01-09"), UndatedHistory: true},
	{Actor: "USA", Recipient: "IRQ", Either: true, Since: day("2025-01-05"), Until: day("2025-01-05")},
	{Actor: "USA", Recipient: "IRQ", Either: true, Until: day("2025-01-03"), UndatedHistory: true},
	{Actor: "USA", Recipient: "IRN", Either: true, Since: day("2024-12-01"), Until: day("2025-02-01"), UndatedHistory: true},
	{Actor: "IRN", Recipient: "IRQ", Either: true},
	// a story within its dyad (StoredNear's whole stories)
	{Actor: "IRQ", Recipient: "USA", Either: true, Story: "S1"},
	{Actor: "USA", Recipient: "IRQ", Either: true, Story: "S7"},
	{Actor: "USA", Recipient: "IRN", Either: true, Story: "S4"},
}

// checkNear compares, inside a transaction, what ListMentions answers
// (from the cache for the dyad asks) with what the database holds.
func checkNear(t *testing.T, db *DB, when string) {
	t.Helper()
	ctx := context.Background()
	err := db.InTx(ctx, nil, func(ctx context.Context, tx store.Store) error {
		for _, f := range nearFilters {
			got, err := tx.ListMentions(ctx, f)
			if err != nil {
				return err
			}
			var want []event.Mention
			if err := tx.(*DB).EachMention(ctx, f, func(m *event.Mention) error { want = append(want, *m); return nil }); err != nil {
				return err
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %+v: got %d mentions %v, the database holds %d %v", when, f, len(got), ids(got), len(want), ids(want))
			}
			// appended to a buffer that holds one already: kept, then the same
			app, err := tx.(*DB).AppendMentions(ctx, []event.Mention{{Event: "KEPT"}}, f)
			if err != nil {
				return err
			}
			if len(app) != 1+len(want) || app[0].Event != "KEPT" || len(want) > 0 && !reflect.DeepEqual(app[1:], want) {
				t.Errorf("%s: %+v: AppendMentions gave %d mentions %v after the one kept, the database holds %d %v",
					when, f, len(app)-1, ids(app[1:]), len(want), ids(want))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func ids(ms []event.Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%d:%s:%s", m.ID, m.StoryID, m.StoryWhy))
	}
	return out
}

// The mention cache answers what the database holds, in its order, through
// the writes the merge makes (new mentions, joined stories, moved
// references), a rolled-back transaction and a replaced article.
func TestNearCacheFollowsWrites(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	putNear(t, db, "a.txt",
		nearMention("USA", "IRQ", "2025-01-05", "2025-01-05", "S1", false, "on Sunday"),
		nearMention("IRQ", "USA", "2025-01-06", "2025-01-06", "S2", false, "on Monday"),
		nearMention("USA", "IRQ", "", "", "", false, ""),
		nearMention("USA", "IRQ", "2020-01-01", "2025-01-04", "S3", true, ""))
	putNear(t, db, "b.txt",
		nearMention("USA", "IRN", "2025-01-05", "2025-01-05", "S4", false, "on Sunday"),
		nearMention("USA", "IRQ", "2025-01-01", "2025-01-31", "S5", false, "in January"))
	checkNear(t, db, "loaded")

	var moved event.Mention
	err := db.InTx(ctx, nil, func(ctx context.Context, tx store.Store) error {
		if _, err := tx.ListMentions(ctx, nearFilters[0]); err != nil { // held from here
			return err
		}
		putNear(t, tx, "c.txt", nearMention("USA", "IRQ", "2025-01-05", "2025-01-05", "S1", false, "on Sunday"),
			nearMention("IRQ", "USA", "2025-01-02", "2025-01-02", "S6", false, "on Thursday"))
		if err := tx.RenameStory(ctx, "S2", "S1"); err != nil {
			return err
		}
		got, err := tx.ListMentions(ctx, store.MentionFilter{Actor: "USA", Recipient: "IRQ", Either: true, Since: day("2025-01-01")})
		if err != nil {
			return err
		}
		for _, m := range got {
			if m.StoryID == "S5" {
				moved = m
			}
		}
		return tx.MoveMention(ctx, &moved, "S1", "joined as a reference")
	})
	if err != nil {
		t.Fatal(err)
	}
	if moved.StoryID != "S5" {
		t.Fatalf("the reference to move was not listed")
	}
	checkNear(t, db, "after new mentions, a rename and a move")

	err = db.InTx(ctx, nil, func(ctx context.Context, tx store.Store) error {
		putNear(t, tx, "d.txt", nearMention("USA", "IRQ", "2025-01-07", "2025-01-07", "S7", false, "on Tuesday"))
		if err := tx.RenameStory(ctx, "S1", "S7"); err != nil {
			return err
		}
		return errors.New("undone")
	})
	if err == nil {
		t.Fatal("the transaction did not fail")
	}
	checkNear(t, db, "after a rollback")

	// an article's mentions replaced outside a transaction
	a, err := db.ListArticles(ctx, store.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.PutMentions(ctx, a[0].ID, []event.Mention{nearMention("IRQ", "USA", "2025-01-08", "2025-01-08", "S8", false, "on Wednesday")}); err != nil {
		t.Fatal(err)
	}
	checkNear(t, db, "after an article's mentions were replaced")
}

// Another connection's writes (another dyad ingest, the dashboard) are
// seen by the next transaction: the cache is dropped when the database's
// data_version says someone else committed.
func TestNearCacheSeesOtherWriters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	one, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer one.Close()
	other, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	putNear(t, one, "a.txt", nearMention("USA", "IRQ", "2025-01-05", "2025-01-05", "S1", false, "on Sunday"))
	checkNear(t, one, "loaded")
	putNear(t, other, "b.txt", nearMention("IRQ", "USA", "2025-01-05", "2025-01-05", "S2", false, "on Sunday"))
	if err := other.RenameStory(ctx, "S1", "S2"); err != nil {
		t.Fatal(err)
	}
	checkNear(t, one, "after another connection wrote")
	var n int
	_ = one.InTx(ctx, nil, func(ctx context.Context, tx store.Store) error {
		got, err := tx.ListMentions(ctx, nearFilters[0])
		for _, m := range got {
			if m.StoryID == "S2" {
				n++
			}
		}
		return err
	})
	if n != 2 {
		t.Errorf("%d mentions in story S2 seen by the first connection, want 2", n)
	}
}

// A transaction's view prepares each statement once and keeps at most
// maxPrepared of them, whatever number of distinct statements it runs.
func TestPreparedOncePerTransaction(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	err := db.InTx(ctx, nil, func(ctx context.Context, tx store.Store) error {
		p, ok := tx.(*DB).q.(*prepared)
		if !ok {
			t.Fatalf("the view's querier is %T, want *prepared", tx.(*DB).q)
		}
		before := len(p.stmts) // the transaction's own (holdFTS)
		for range 3 {
			if _, err := tx.HasHash(ctx, "h"); err != nil {
				return err
			}
		}
		if len(p.stmts) != before+1 {
			t.Errorf("%d statements kept after one asked three times, want %d", len(p.stmts), before+1)
		}
		first := p.stmts[`SELECT COUNT(*) FROM articles WHERE hash = ?`]
		if _, err := tx.HasHash(ctx, "h"); err != nil || p.stmts[`SELECT COUNT(*) FROM articles WHERE hash = ?`] != first {
			t.Errorf("the statement was prepared again (%v)", err)
		}
		for i := range 2 * maxPrepared {
			var n int
			if err := p.QueryRowContext(ctx, fmt.Sprintf("SELECT %d", i)).Scan(&n); err != nil || n != i {
				t.Fatalf("SELECT %d = %d, %v", i, n, err)
			}
		}
		if len(p.stmts) > maxPrepared {
			t.Errorf("%d statements kept, want at most %d", len(p.stmts), maxPrepared)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A statement a transaction ran is not compiled again by the next one: it
// comes prepared from the store's cache, on the same connection.
func TestPreparedOncePerStore(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	for i := range 3 {
		err := db.InTx(ctx, nil, func(ctx context.Context, tx store.Store) error {
			p := tx.(*DB).q.(*prepared)
			for range 2 {
				if _, err := tx.HasHash(ctx, "h"); err != nil {
					return err
				}
			}
			if i > 0 && p.fresh != 0 {
				t.Errorf("transaction %d compiled %d statements, want none", i+1, p.fresh)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// what a cached statement reads is today's data
	if err := db.InTx(ctx, nil, func(ctx context.Context, tx store.Store) error {
		_, err := tx.PutArticle(ctx, &article.Article{Source: "a.txt", Text: "Officials met in Baghdad on Monday."})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	a := &article.Article{Text: "Officials met in Baghdad on Monday."}
	if err := db.InTx(ctx, nil, func(ctx context.Context, tx store.Store) error {
		has, err := tx.HasHash(ctx, article.ContentHash(a.Text))
		if err == nil && !has {
			t.Error("the cached statement did not find the article stored")
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
}

// Past maxCached mentions in all, the cache starts afresh with the dyad
// asked about, and still answers what the database holds.
func TestNearCacheBounded(t *testing.T) {
	defer func(n int) { maxCached = n }(maxCached)
	maxCached = 3
	db := openTemp(t)
	putNear(t, db, "a.txt",
		nearMention("USA", "IRQ", "2025-01-05", "2025-01-05", "S1", false, "on Sunday"),
		nearMention("IRQ", "USA", "2025-01-06", "2025-01-06", "S2", false, "on Monday"),
		nearMention("USA", "IRN", "2025-01-05", "2025-01-05", "S3", false, "on Sunday"),
		nearMention("IRN", "USA", "2025-01-05", "2025-01-05", "S4", false, "on Sunday"))
	checkNear(t, db, "loaded")
	db.near.mu.Lock()
	held := db.near.size()
	db.near.mu.Unlock()
	if held > maxCached {
		t.Errorf("%d mentions held, want at most %d", held, maxCached)
	}
	if !db.near.cached("USA", "IRN") || db.near.cached("USA", "IRQ") {
		t.Errorf("the cache holds USA–IRQ %v and USA–IRN %v, want the last asked alone", db.near.cached("USA", "IRQ"), db.near.cached("USA", "IRN"))
	}
}

// The mentions an article adds to a held dyad are cached as the database
// reads them back: the columns stored, the article's (a near-duplicate's
// outlet is its original's), the dates and attribution chains parsed from
// their stored text, and nothing that is not stored.
func TestNearCacheAddsAsStored(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	putNear(t, db, "a.txt", nearMention("USA", "IRQ", "2025-01-05", "2025-01-05", "S1", false, "on Sunday"))
	at := func(s string) time.Time {
		d, _ := time.Parse(time.RFC3339, s)
		return d
	}
	rich := []event.Mention{
		{Event: "THREATEN", Mode: "verbal", Contexts: []string{"military"}, CAMEO: "138", Quad: 3, Score: -7.25,
			Actor:     event.Party{Text: "Secretary Vell", EntityID: "p-vell", Entity: "Ana Vell", Code: "USA", Sector: "GOV", Office: "secretary", Start: 3, End: 17},
			Recipient: event.Party{Text: "Iraq", Code: "IRQ", Start: 30, End: 34},
			DateStart: at("2025-01-04T18:30:00-05:00"), DateEnd: at("2025-01-05T23:00:00+03:00"), Precision: "day",
			Background: true, Claim: "asserted", ReportedBy: []string{"Wire", "bad \xff byte"},
			Sentence: "Secretary Vell threatened Iraq \xfe.", SentStart: 3, SentEnd: 40, Trigger: "threatened",
			Confidence: 0.8125, Location: "IRQ", StoryID: "S9", StoryWhy: "first report"},
		{Event: "ACCUSE", Actor: event.Party{Code: "IRQ"}, Recipient: event.Party{Code: "USA"}, ReportedBy: []string{},
			Sentence: "Iraq accused Washington.", StoryID: "S1", StoryWhy: "same", Reference: true},
	}
	for _, a := range []*article.Article{
		{Source: "b.txt", Outlet: "Daily B", Text: "text of b", Check: article.DateCheck{Checked: true, Conflict: true}},
		{Source: "c.txt", Outlet: "Copy C", Text: "text of b, again", SimHash: 1}, // stored as a near-duplicate below
	} {
		err := db.InTx(ctx, nil, func(ctx context.Context, tx store.Store) error {
			if _, err := tx.ListMentions(ctx, nearFilters[0]); err != nil { // held from here
				return err
			}
			r, err := tx.PutArticle(ctx, a)
			if err != nil {
				return err
			}
			return tx.PutMentions(ctx, r.ID, append([]event.Mention(nil), rich...))
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.db.ExecContext(ctx, `UPDATE articles SET dup_of = (SELECT id FROM articles WHERE source = 'b.txt') WHERE source = 'c.txt'`); err != nil {
		t.Fatal(err)
	}
	// the copy's outlet is read from its original: cache c.txt's mentions again
	err := db.InTx(ctx, nil, func(ctx context.Context, tx store.Store) error {
		if _, err := tx.ListMentions(ctx, nearFilters[0]); err != nil {
			return err
		}
		var id int64
		if err := tx.(*DB).q.QueryRowContext(ctx, `SELECT id FROM articles WHERE source = 'c.txt'`).Scan(&id); err != nil {
			return err
		}
		return tx.PutMentions(ctx, id, append([]event.Mention(nil), rich...))
	})
	if err != nil {
		t.Fatal(err)
	}
	db.near.mu.Lock()
	var cached []cachedMention
	for _, r := range db.near.pairs[pairOf("USA", "IRQ")].rows {
		cached = append(cached, *r)
	}
	db.near.mu.Unlock()
	var stored []cachedMention
	err = db.eachMention(ctx, " WHERE m.actor_code IN ('USA', 'IRQ') ORDER BY COALESCE(date_start, '9999'), m.article_id, m.seq", nil,
		func(m *event.Mention, d mentionDates) error {
			stored = append(stored, cachedMention{*m, d})
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if len(cached) != 5 || !reflect.DeepEqual(cached, stored) {
		t.Errorf("cached %d mentions:\n%+v\nthe database reads %d:\n%+v", len(cached), cached, len(stored), stored)
	}
}
