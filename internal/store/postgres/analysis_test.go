package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
	"github.com/dyad-project/dyad/internal/store/postgres"
	"github.com/dyad-project/dyad/internal/store/storetest"
)

func openDB(t *testing.T) *postgres.DB {
	t.Helper()
	db, err := postgres.Open(context.Background(), storetest.PostgresURL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// The analysis methods of the view InTx hands out run in its transaction:
// they see its writes, and their own writes roll back with it.
func TestAnalysisInTx(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	errBoom := errors.New("boom")
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	err := db.InTx(ctx, []string{"dyad:IRN:USA"}, func(ctx context.Context, tx store.Store) error {
		an, ok := tx.(store.Analysis)
		if !ok {
			t.Fatal("the InTx view is not a store.Analysis")
		}
		a := &article.Article{Source: "x", Text: "US warned Iran.", SimHash: 1}
		if _, err := an.PutArticle(ctx, a); err != nil {
			return err
		}
		d := at.Truncate(24 * time.Hour)
		ms := []event.Mention{{Event: "THREATEN", Actor: event.Party{Code: "USA"}, Recipient: event.Party{Code: "IRN"},
			DateStart: d, DateEnd: d, Sentence: "US warned Iran."}}
		if err := an.PutMentions(ctx, a.ID, ms); err != nil {
			return err
		}
		if err := an.PutFeedState(ctx, store.FeedState{URL: "u", ETag: "e", LastPoll: at}); err != nil {
			return err
		}
		if _, err := an.PutAlert(ctx, store.AlertRecord{Rule: "r", Key: "IRN:USA", FiredAt: at, Payload: []byte(`{}`)}); err != nil {
			return err
		}
		n := 0
		if err := an.EachMention(ctx, store.MentionFilter{Actor: "USA"}, func(*event.Mention) error { n++; return nil }); err != nil || n != 1 {
			t.Errorf("EachMention in the transaction: %d mentions, %v", n, err)
		}
		n = 0
		if err := an.EachArticle(ctx, store.ArticleFilter{}, func(*article.Article) error { n++; return nil }); err != nil || n != 1 {
			t.Errorf("EachArticle in the transaction: %d articles, %v", n, err)
		}
		if fs, err := an.FeedState(ctx, "u"); err != nil || fs.ETag != "e" {
			t.Errorf("FeedState in the transaction: %+v %v", fs, err)
		}
		if _, err := an.LastAlert(ctx, "r", "IRN:USA"); err != nil {
			t.Errorf("LastAlert in the transaction: %v", err)
		}
		return errBoom
	})
	if !errors.Is(err, errBoom) {
		t.Fatalf("InTx: %v, want the callback's error", err)
	}
	if fs, err := db.FeedState(ctx, "u"); err != nil || fs.ETag != "" {
		t.Errorf("feed state outlived a rollback: %+v %v", fs, err)
	}
	if as, err := db.ListAlerts(ctx, time.Time{}); err != nil || len(as) != 0 {
		t.Errorf("alerts outlived a rollback: %v %v", as, err)
	}
}

// Outside InTx an iteration holds one pooled connection, so fn may call the
// store (export and watch never need to, but a caller may).
func TestEachMentionCallbackUsesStore(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	for i, text := range []string{"one", "two", "three"} {
		a := &article.Article{Source: text, Text: text, SimHash: uint64(i+1) << 20}
		if _, err := db.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		if err := db.PutMentions(ctx, a.ID, []event.Mention{{Event: "AID", Sentence: text}}); err != nil {
			t.Fatal(err)
		}
	}
	var titles []string
	err := db.EachMention(ctx, store.MentionFilter{}, func(m *event.Mention) error {
		a, err := db.Article(ctx, m.ArticleID)
		if err != nil {
			return err
		}
		titles = append(titles, a.Source)
		return nil
	})
	if err != nil || len(titles) != 3 {
		t.Fatalf("store calls inside EachMention: %q %v", titles, err)
	}
}

// BenchmarkEachMention measures how fast an export or a trend reads
// mentions back: 10,000 mentions over 100 articles, streamed.
func BenchmarkEachMention(b *testing.B) {
	ctx := context.Background()
	db, err := postgres.Open(ctx, storetest.PostgresURL(b))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	const articles, per = 100, 100
	d := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	for i := range articles {
		a := &article.Article{Source: "s", Outlet: "Wire", Text: fmt.Sprintf("text %d", i), SimHash: uint64(i+1) << 20}
		if _, err := db.PutArticle(ctx, a); err != nil {
			b.Fatal(err)
		}
		ms := make([]event.Mention, per)
		for j := range ms {
			day := d.AddDate(0, 0, j%30)
			ms[j] = event.Mention{Event: "THREATEN", Actor: event.Party{Code: "USA", Text: "the United States"},
				Recipient: event.Party{Code: "IRN", Text: "Iran"}, DateStart: day, DateEnd: day, Precision: "day",
				Sentence: "The United States threatened Iran with strikes on Saturday, officials said.", ReportedBy: []string{"Wire"}}
		}
		if err := db.PutMentions(ctx, a.ID, ms); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		n := 0
		if err := db.EachMention(ctx, store.MentionFilter{Actor: "USA", Recipient: "IRN", Either: true}, func(*event.Mention) error { n++; return nil }); err != nil || n != articles*per {
			b.Fatalf("%d mentions, %v", n, err)
		}
	}
	b.ReportMetric(float64(articles*per*b.N)/b.Elapsed().Seconds(), "mentions/s")
}
