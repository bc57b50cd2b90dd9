package sqlite

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
)

func day(s string) time.Time { return parseDay(s) }

// readFixture stores three articles: two outlets reporting one USA→IRQ
// threat (story s1) and a syndicated copy of the first, plus an IRQ→USA
// consultation (s2) and an IRN→ISR attack told as history.
func readFixture(t *testing.T) *DB {
	t.Helper()
	ctx := context.Background()
	db := openTemp(t)
	put := func(src, outlet, text string, sim uint64, ms ...event.Mention) int64 {
		r, err := db.PutArticle(ctx, &article.Article{Source: src, Outlet: outlet, Title: "T " + src, Text: text, SimHash: sim,
			Published: day("2025-11-02")})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.PutMentions(ctx, r.ID, ms); err != nil {
			t.Fatal(err)
		}
		return r.ID
	}
	threat := func(story, sent, claim string) event.Mention {
		return event.Mention{Event: "THREATEN", Quad: 3, Score: -4, Actor: event.Party{Code: "USA", Text: "Washington"},
			Recipient: event.Party{Code: "IRQ", Text: "Baghdad", EntityID: "irq-gov"}, DateStart: day("2025-11-01"),
			DateEnd: day("2025-11-01"), Claim: claim, Sentence: sent, StoryID: story}
	}
	put("a.html", "Reuters", "Washington warned Baghdad over militias.", 0x0f0f,
		threat("s1", "Washington warned Baghdad over militias.", event.Asserted))
	put("b.html", "AP", "Officials said Washington threatened Baghdad.", 0xf0f0f0f0,
		threat("s1", "Officials said Washington threatened Baghdad.", event.Reported),
		event.Mention{Event: "CONSULT", Quad: 1, Score: 1, Actor: event.Party{Code: "IRQ"}, Recipient: event.Party{Code: "USA"},
			DateStart: day("2025-10-20"), DateEnd: day("2025-10-20"), Claim: event.Asserted, Sentence: "Iraq consulted the US envoy.", StoryID: "s2"})
	// a syndicated copy of a.html: its SimHash is one bit away
	put("c.html", "Yahoo", "Washington warned Baghdad over militias!", 0x0f0e,
		threat("s1", "Washington warned Baghdad over militias!", event.Asserted))
	put("d.html", "Haaretz", "In 2019 Iran attacked Israel.", 0xff00ff00ff,
		event.Mention{Event: "ASSAULT", Quad: 4, Score: -9, Actor: event.Party{Code: "IRN"}, Recipient: event.Party{Code: "ISR"},
			DateStart: day("2019-05-01"), DateEnd: day("2019-05-31"), Background: true, Sentence: "In 2019 Iran attacked Israel.", StoryID: "s3"})
	return db
}

func TestStoriesTableFollowsMentions(t *testing.T) {
	ctx := context.Background()
	db := readFixture(t)
	st, err := db.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	// three mentions, but the Yahoo copy counts as Reuters: two outlets
	if st.Mentions != 3 || st.Outlets != 2 || st.Actor != "USA" || st.Recipient != "IRQ" || st.Evidence != "Washington warned Baghdad over militias." {
		t.Fatalf("s1 = %+v", st)
	}
	// re-coding b.html without the threat drops AP from the story
	if err := db.PutMentions(ctx, 2, nil); err != nil {
		t.Fatal(err)
	}
	st, _ = db.Story(ctx, "s1")
	if st.Mentions != 2 || st.Outlets != 1 {
		t.Fatalf("after re-coding: %+v", st)
	}
	if _, err := db.Story(ctx, "s2"); err == nil {
		t.Fatal("s2 lost its only mention but is still listed")
	}
}

func TestEventsFilters(t *testing.T) {
	ctx := context.Background()
	db := readFixture(t)
	tests := []struct {
		name string
		q    store.EventQuery
		want []string // sentences' first words, newest first
	}{
		{"all", store.EventQuery{}, []string{"Washington!", "Officials", "Washington", "Iraq", "In"}},
		{"dyad either way", store.EventQuery{Dyad: [2]string{"irq", "usa"}}, []string{"Washington!", "Officials", "Washington", "Iraq"}},
		{"country either side", store.EventQuery{Actor: "ISR"}, []string{"In"}},
		{"entity", store.EventQuery{Actor: "irq-gov"}, []string{"Washington!", "Officials", "Washington"}},
		{"type and quad", store.EventQuery{Types: []string{"CONSULT"}, Quad: 1}, []string{"Iraq"}},
		{"claim", store.EventQuery{Claim: event.Reported}, []string{"Officials"}},
		{"corroborated", store.EventQuery{MinOutlets: 2}, []string{"Washington!", "Officials", "Washington"}},
		{"window", store.EventQuery{Since: day("2025-10-01"), Until: day("2025-10-31")}, []string{"Iraq"}},
		{"history overlaps", store.EventQuery{Since: day("2019-05-20"), Until: day("2019-06-30")}, []string{"In"}},
		{"no history", store.EventQuery{NoHistory: true, Actor: "IRN"}, nil},
		{"search", store.EventQuery{Text: "militias"}, []string{"Washington!", "Washington"}},
		{"search prefix", store.EventQuery{Text: "threat*"}, []string{"Officials"}},
		{"search syntax is inert", store.EventQuery{Text: `militias")(* ^:`}, []string{"Washington!", "Washington"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := db.Events(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range page.Events {
				w := e.Sentence
				for i, r := range w {
					if r == ' ' {
						w = w[:i]
						break
					}
				}
				if w == "Washington" && e.Sentence[len(e.Sentence)-1] == '!' {
					w += "!"
				}
				got = append(got, w)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestEventPagesCoverEverythingOnce(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	r, err := db.PutArticle(ctx, &article.Article{Source: "x", Text: "x", SimHash: 1})
	if err != nil {
		t.Fatal(err)
	}
	var ms []event.Mention
	for i := range 23 {
		m := event.Mention{Event: "CONSULT", Actor: event.Party{Code: "USA"}, Recipient: event.Party{Code: "IRQ"}, Sentence: fmt.Sprint(i)}
		if i%4 != 0 { // some undated, several on one day
			m.DateStart = day("2025-01-01").AddDate(0, 0, i/3)
			m.DateEnd = m.DateStart
		}
		ms = append(ms, m)
	}
	if err := db.PutMentions(ctx, r.ID, ms); err != nil {
		t.Fatal(err)
	}
	for _, q := range []store.EventQuery{{Limit: 5}, {Limit: 5, Dyad: [2]string{"USA", "IRQ"}}} {
		seen := map[int64]bool{}
		var last time.Time
		undated := false
		for pages := 0; ; pages++ {
			page, err := db.Events(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range page.Events {
				if seen[e.ID] {
					t.Fatalf("mention %d listed twice", e.ID)
				}
				seen[e.ID] = true
				switch {
				case e.DateStart.IsZero():
					undated = true
				case undated || (!last.IsZero() && e.DateStart.After(last)):
					t.Fatalf("out of order at %d: %v after %v", e.ID, e.DateStart, last)
				default:
					last = e.DateStart
				}
			}
			if page.Next == "" {
				break
			}
			q.After = page.Next
		}
		if len(seen) != 23 {
			t.Fatalf("pages covered %d mentions, want 23", len(seen))
		}
	}
	if _, err := db.Events(ctx, store.EventQuery{After: "!!"}); err == nil {
		t.Fatal("a bad cursor was accepted")
	}
}

func TestStoriesAndAnalytics(t *testing.T) {
	ctx := context.Background()
	db := readFixture(t)
	page, err := db.Stories(ctx, store.StoryQuery{Dyad: [2]string{"USA", "IRQ"}, MinOutlets: 2})
	if err != nil || len(page.Stories) != 1 || page.Stories[0].ID != "s1" {
		t.Fatalf("stories: %+v %v", page, err)
	}
	page, _ = db.Stories(ctx, store.StoryQuery{Claim: event.Reported})
	if len(page.Stories) != 1 || page.Stories[0].ID != "s1" {
		t.Fatalf("stories with a reported mention: %+v", page)
	}
	series, err := db.DyadSeries(ctx, store.SeriesQuery{A: "IRQ", B: "USA", Bucket: "month"})
	if err != nil {
		t.Fatal(err)
	}
	if len(series) != 2 || series[0].Start != day("2025-10-01") || series[0].Cooperation() != 1 ||
		series[1].Mentions != 3 || series[1].Stories != 1 || series[1].Conflict() != 3 || series[1].Score != -12 {
		t.Fatalf("series: %+v", series)
	}
	week, _ := db.DyadSeries(ctx, store.SeriesQuery{A: "USA", B: "IRQ", Bucket: "week"})
	if len(week) != 2 || week[1].Start != day("2025-10-27") { // 2025-11-01 is a Saturday
		t.Fatalf("weekly: %+v", week)
	}
	edges, err := db.Network(ctx, store.NetworkQuery{Entities: true})
	if err != nil || len(edges) != 2 || edges[0].Source != "USA" || edges[0].Target != "irq-gov" || edges[0].Events != 3 {
		t.Fatalf("network: %+v %v", edges, err)
	}
	in, err := db.Intensity(ctx, time.Time{}, time.Time{})
	if err != nil || fmt.Sprint(in) != "[{IRQ 4 3 1} {USA 4 3 1}]" { // the history of IRN and ISR is left out
		t.Fatalf("intensity: %v %v", in, err)
	}
	busy, err := db.BusiestDyads(ctx, time.Time{}, time.Time{}, 5)
	if err != nil || fmt.Sprint(busy) != "[{IRQ USA 2 2} {IRN ISR 1 1}]" {
		t.Fatalf("busiest: %+v %v", busy, err)
	}
	first, last, err := db.Span(ctx)
	if err != nil || first != day("2019-05-01") || last != day("2025-11-01") {
		t.Fatalf("span %v %v %v", first, last, err)
	}
	arts, err := db.ArticlePage(ctx, store.ArticleQuery{Text: "officials", Limit: 1})
	if err != nil || len(arts.Articles) != 1 || arts.Articles[0].Source != "b.html" || arts.Articles[0].Mentions != 2 || arts.Next != "" {
		t.Fatalf("articles: %+v %v", arts, err)
	}
}
