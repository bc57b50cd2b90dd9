package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
)

func TestEachMentionMatchesList(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	r, err := db.PutArticle(ctx, &article.Article{Source: "x.txt", Outlet: "Wire", Text: "US warned Iran.", SimHash: 1})
	if err != nil {
		t.Fatal(err)
	}
	d := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	ms := []event.Mention{
		{Event: "THREATEN", Actor: event.Party{Code: "USA"}, Recipient: event.Party{Code: "IRN"}, DateStart: d, DateEnd: d,
			Sentence: "US warned Iran.", StoryID: "S1", ReportedBy: []string{"Wire"}},
		{Event: "CONSULT", Actor: event.Party{Code: "IRN"}, Recipient: event.Party{Code: "USA"}, DateStart: d.AddDate(0, 0, 1),
			DateEnd: d.AddDate(0, 0, 1), Sentence: "They met.", StoryID: "S2"},
	}
	if err := db.PutMentions(ctx, r.ID, ms); err != nil {
		t.Fatal(err)
	}
	for _, f := range []store.MentionFilter{{}, {Actor: "IRN", Recipient: "USA", Either: true}, {Event: "CONSULT"}, {Since: d.AddDate(0, 0, 1)}} {
		want, err := db.ListMentions(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var got []event.Mention
		if err := db.EachMention(ctx, f, func(m *event.Mention) error { got = append(got, *m); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%+v: %d mentions, ListMentions %d", f, len(got), len(want))
		}
		for i := range got {
			if got[i].StoryID != want[i].StoryID || got[i].Outlet != "Wire" || !got[i].DateStart.Equal(want[i].DateStart) {
				t.Errorf("%+v: mention %d = %+v, want %+v", f, i, got[i], want[i])
			}
		}
	}
	stop := errors.New("stop")
	n := 0
	if err := db.EachMention(ctx, store.MentionFilter{}, func(*event.Mention) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Fatalf("fn's error should stop the iteration: %v after %d", err, n)
	}
	var arts []string
	if err := db.EachArticle(ctx, store.ArticleFilter{}, func(a *article.Article) error { arts = append(arts, a.Source); return nil }); err != nil || len(arts) != 1 {
		t.Fatalf("articles: %v %v", arts, err)
	}
}

func TestWatchStateSurvivesReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	fs, err := db.FeedState(ctx, "http://x/feed")
	if err != nil || fs.ETag != "" || !fs.LastPoll.IsZero() {
		t.Fatalf("unknown feed: %+v %v", fs, err)
	}
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	fs = store.FeedState{URL: "http://x/feed", ETag: `"v2"`, LastModified: "Mon, 02 Mar 2026 09:00:00 GMT", LastPoll: now, LastOK: now}
	if err := db.PutFeedState(ctx, fs); err != nil {
		t.Fatal(err)
	}
	fs.Failures, fs.LastError = 2, "timeout"
	if err := db.PutFeedState(ctx, fs); err != nil {
		t.Fatal(err)
	}
	if _, err := db.LastAlert(ctx, "r", "IRN:USA"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("no alert yet: %v", err)
	}
	for i, at := range []time.Time{now, now.Add(time.Hour)} {
		a, err := db.PutAlert(ctx, store.AlertRecord{Rule: "r", Key: "IRN:USA", FiredAt: at, Stories: []string{"S1"}, Payload: []byte(`{"n":` + string(rune('0'+i)) + `}`)})
		if err != nil || a.ID == 0 {
			t.Fatal(a, err)
		}
	}
	db.Close()
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got, err := db.FeedState(ctx, "http://x/feed")
	if err != nil || got != fs {
		t.Fatalf("feed state after reopen: %+v %v, want %+v", got, err, fs)
	}
	last, err := db.LastAlert(ctx, "r", "IRN:USA")
	if err != nil || !last.FiredAt.Equal(now.Add(time.Hour)) || string(last.Payload) != `{"n":1}` || len(last.Stories) != 1 {
		t.Fatalf("last alert: %+v %v", last, err)
	}
	all, err := db.ListAlerts(ctx, now.Add(time.Minute))
	if err != nil || len(all) != 1 {
		t.Fatalf("alerts since: %d %v", len(all), err)
	}
}
