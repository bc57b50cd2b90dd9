package storetest

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
)

// RunAnalysis checks the promises of the analysis interfaces (streaming
// iteration, watch state) that `dyad export`, `trend` and `watch` rely on.
// fresh returns the location of a new, empty store; open opens the store at
// a location. One test opens a location twice, closing the first store
// before the second open, to check that watch state survives a restart.
func RunAnalysis(t *testing.T, fresh func(t *testing.T) string, open func(t *testing.T, loc string) store.Analysis) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Analysis)
	}{
		{"EachMentionMatchesList", testEachMention},
		{"EachArticleMatchesList", testEachArticle},
		{"IterationStopsOnError", testIterationStops},
		{"FeedStateRoundTrip", testFeedState},
		{"AlertsLatestAndSince", testAlerts},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t, fresh(t))
			t.Cleanup(func() { s.Close() })
			tc.fn(t, s)
		})
	}
	t.Run("WatchStateSurvivesReopen", func(t *testing.T) { testWatchReopen(t, fresh(t), open) })
}

func eachMention(t *testing.T, s store.Analysis, f store.MentionFilter) []event.Mention {
	t.Helper()
	var out []event.Mention
	if err := s.EachMention(context.Background(), f, func(m *event.Mention) error { out = append(out, *m); return nil }); err != nil {
		t.Fatalf("EachMention %+v: %v", f, err)
	}
	return out
}

// testEachMention: every filter streams exactly what ListMentions returns,
// field for field, in its order (oldest first, undated last).
func testEachMention(t *testing.T, s store.Analysis) {
	orig := &article.Article{Source: "https://a.example/x", Outlet: "Wire", Text: "orig", SimHash: 0xffff0000ffff0000}
	cp := &article.Article{Source: "https://b.example/x", Outlet: "Reprinter", Text: "copy", SimHash: 0xffff0000ffff0001}
	put(t, s, orig)
	put(t, s, cp)
	full := mention("THREATEN", "USA", "IRQ", "2025-11-02", "2025-11-02", "m1")
	full.Mode, full.CAMEO, full.Quad, full.Score, full.Claim = "MIL", "138", 3, -7.5, event.Reported
	full.Actor.Text, full.Actor.Entity, full.Recipient.Sector = "US", "United States", "GOV"
	full.ReportedBy, full.Trigger, full.Confidence, full.StoryID, full.StoryWhy = []string{"Wire", "Abbasi"}, "warned", 0.75, "S1", "first report"
	putMentions(t, s, orig.ID, full,
		mention("CONSULT", "IRQ", "USA", "2025-11-01", "2025-11-30", "m2"),
		mention("THREATEN", "USA", "IRN", "2025-10-20", "2025-10-20", "m3"),
		mention("ACCUSE", "IRN", "", "", "", "m4"))
	putMentions(t, s, cp.ID, mention("THREATEN", "USA", "IRQ", "2026-01-05", "2026-01-05", "m5"))
	cases := []struct {
		f    store.MentionFilter
		want []string
	}{
		{store.MentionFilter{}, []string{"m3", "m2", "m1", "m5", "m4"}},
		{store.MentionFilter{Actor: "USA", Recipient: "IRQ"}, []string{"m1", "m5"}},
		{store.MentionFilter{Actor: "USA", Recipient: "IRQ", Either: true}, []string{"m2", "m1", "m5"}},
		{store.MentionFilter{Recipient: "USA"}, []string{"m2"}},
		{store.MentionFilter{Event: "THREATEN", Since: day("2025-11-02")}, []string{"m1", "m5"}},
		{store.MentionFilter{Since: day("2025-11-15"), Until: day("2025-11-15")}, []string{"m2"}},
		{store.MentionFilter{Until: day("2025-11-01")}, []string{"m3", "m2"}},
		{store.MentionFilter{Limit: 2}, []string{"m3", "m2"}},
		{store.MentionFilter{Actor: "CHN"}, nil},
	}
	for _, c := range cases {
		got := eachMention(t, s, c.f)
		if g := sentences(got); !equal(g, c.want) {
			t.Errorf("%+v: %q, want %q", c.f, g, c.want)
		}
		if want := list(t, s, c.f); len(got) > 0 && !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: EachMention differs from ListMentions:\n got %+v\nwant %+v", c.f, got, want)
		}
	}
	// The copy's mention carries the outlet it copies, as in ListMentions.
	if got := eachMention(t, s, store.MentionFilter{Since: day("2026-01-01")}); len(got) != 1 || got[0].Outlet != "Wire" || got[0].Doc != cp.Source {
		t.Errorf("syndicated copy: %+v", got)
	}
}

// testEachArticle: articles stream in ingest order with ListArticles' filters.
func testEachArticle(t *testing.T, s store.Analysis) {
	ctx := context.Background()
	for i, a := range []struct{ date, outlet string }{
		{"2021-06-30", "A"}, {"2020-01-01", "B"}, {"", "A"}, {"2021-06-01", "A"},
	} {
		art := &article.Article{Source: "s" + string(rune('0'+i)), Outlet: a.outlet, Text: "text " + string(rune('a'+i)),
			SimHash: uint64(i+1) << 20, Language: "en", DateFrom: article.DateMetadata}
		if a.date != "" {
			art.Published = day(a.date)
		}
		put(t, s, art)
	}
	cases := []struct {
		f    store.ArticleFilter
		want []string
	}{
		{store.ArticleFilter{}, []string{"s0", "s1", "s2", "s3"}},
		{store.ArticleFilter{Since: day("2021-06-01")}, []string{"s0", "s3"}},
		{store.ArticleFilter{Until: day("2021-06-01")}, []string{"s1", "s3"}},
		{store.ArticleFilter{Outlet: "A", Since: day("2021-06-15")}, []string{"s0"}},
		{store.ArticleFilter{Outlet: "A", Limit: 2}, []string{"s0", "s2"}},
		{store.ArticleFilter{Outlet: "C"}, nil},
	}
	for _, c := range cases {
		var got []article.Article
		var srcs []string
		err := s.EachArticle(ctx, c.f, func(a *article.Article) error {
			got, srcs = append(got, *a), append(srcs, a.Source)
			return nil
		})
		if err != nil {
			t.Fatalf("EachArticle %+v: %v", c.f, err)
		}
		if !equal(srcs, c.want) {
			t.Errorf("%+v: %q, want %q", c.f, srcs, c.want)
		}
		want, err := s.ListArticles(ctx, c.f)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) > 0 && !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: EachArticle differs from ListArticles:\n got %+v\nwant %+v", c.f, got, want)
		}
	}
}

// testIterationStops: an error from fn ends the iteration and is returned.
func testIterationStops(t *testing.T, s store.Analysis) {
	ctx := context.Background()
	for i := range 3 {
		a := &article.Article{Source: "s", Text: "text " + string(rune('a'+i)), SimHash: uint64(i+1) << 20}
		put(t, s, a)
		putMentions(t, s, a.ID, mention("AID", "USA", "IRQ", "2025-01-01", "2025-01-01", "x"), mention("AID", "USA", "IRQ", "", "", "y"))
	}
	stop := errors.New("stop")
	n := 0
	if err := s.EachMention(ctx, store.MentionFilter{}, func(*event.Mention) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("EachMention: %v after %d calls, want stop after 1", err, n)
	}
	n = 0
	if err := s.EachArticle(ctx, store.ArticleFilter{}, func(*article.Article) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("EachArticle: %v after %d calls, want stop after 1", err, n)
	}
	// The store is usable after an interrupted iteration.
	if got := eachMention(t, s, store.MentionFilter{}); len(got) != 6 {
		t.Errorf("after a stopped iteration: %d mentions, want 6", len(got))
	}
}
