package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
)

// ReadStore is a store with the read side the dashboard and API use.
type ReadStore interface {
	store.Store
	store.Reader
}

// RunRead checks the read side (store.Reader) of the stores open returns:
// filters, search, pagination, stories and aggregates. open must return an
// empty store that also implements store.Reader.
func RunRead(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s ReadStore)
	}{
		{"StoriesFollowMentions", testStoriesFollowMentions},
		{"EventsFilters", testEventsFilters},
		{"EventPagesCoverEverythingOnce", testEventPages},
		{"StoryPages", testStoryPages},
		{"StoriesAndAnalytics", testStoriesAndAnalytics},
		{"StoryAndArticleEvents", testStoryAndArticleEvents},
		{"OutletNames", testOutletNames},
		{"StorySides", testStorySides},
		{"StoredReferences", testStoredReferences},
		{"StoredReferenceMoves", testStoredReferenceMoves},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			r, ok := s.(ReadStore)
			if !ok {
				t.Fatalf("%T does not implement store.Reader", s)
			}
			tc.fn(t, r)
		})
	}
}

// readFixture stores four articles: two outlets reporting one USA→IRQ
// threat (story s1) and a syndicated copy of the first, an IRQ→USA
// consultation (s2), and an IRN→ISR attack told as history (s3). It
// returns the article ids in that order.
func readFixture(t *testing.T, s store.Store) []int64 {
	t.Helper()
	ctx := context.Background()
	var ids []int64
	add := func(src, outlet, text string, sim uint64, ms ...event.Mention) {
		r := put(t, s, &article.Article{Source: src, Hash: "h-" + src, Outlet: outlet, Title: "T " + src, Text: text, SimHash: sim,
			Published: day("2025-11-02")})
		if err := s.PutMentions(ctx, r.ID, ms); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	threat := func(story, sent, claim string) event.Mention {
		return event.Mention{Event: "THREATEN", Quad: 3, Score: -4, Actor: event.Party{Code: "USA", Text: "Washington"},
			Recipient: event.Party{Code: "IRQ", Text: "Baghdad", EntityID: "irq-gov"}, DateStart: day("2025-11-01"),
			DateEnd: day("2025-11-01"), Claim: claim, Sentence: sent, StoryID: story}
	}
	add("a.html", "Reuters", "Washington warned Baghdad over militias.", 0x0f0f,
		threat("s1", "Washington warned Baghdad over militias.", event.Asserted))
	add("b.html", "AP", "Officials said Washington threatened Baghdad.", 0xf0f0f0f0,
		threat("s1", "Officials said Washington threatened Baghdad.", event.Reported),
		event.Mention{Event: "CONSULT", Quad: 1, Score: 1, Actor: event.Party{Code: "IRQ"}, Recipient: event.Party{Code: "USA"},
			DateStart: day("2025-10-20"), DateEnd: day("2025-10-20"), Claim: event.Asserted, Sentence: "Iraq consulted the US envoy.", StoryID: "s2"})
	// a syndicated copy of a.html: its SimHash is one bit away
	add("c.html", "Yahoo", "Washington warned Baghdad over militias!", 0x0f0e,
		threat("s1", "Washington warned Baghdad over militias!", event.Asserted))
	add("d.html", "Haaretz", "In 2019 Iran attacked Israel.", 0xff00ff00ff,
		event.Mention{Event: "ASSAULT", Quad: 4, Score: -9, Actor: event.Party{Code: "IRN"}, Recipient: event.Party{Code: "ISR"},
			DateStart: day("2019-05-01"), DateEnd: day("2019-05-31"), Background: true, Sentence: "In 2019 Iran attacked Israel.", StoryID: "s3"})
	return ids
}

func testStoriesFollowMentions(t *testing.T, s ReadStore) {
	ctx := context.Background()
	ids := readFixture(t, s)
	st, err := s.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	// three mentions, but the Yahoo copy counts as Reuters: two outlets
	if st.Mentions != 3 || st.Outlets != 2 || st.Actor != "USA" || st.Recipient != "IRQ" ||
		st.Evidence != "Washington warned Baghdad over militias." || st.Start != day("2025-11-01") || st.End != day("2025-11-01") {
		t.Fatalf("s1 = %+v", st)
	}
	// re-coding b.html without the threat drops AP from the story
	if err := s.PutMentions(ctx, ids[1], nil); err != nil {
		t.Fatal(err)
	}
	st, _ = s.Story(ctx, "s1")
	if st.Mentions != 2 || st.Outlets != 1 {
		t.Fatalf("after re-coding: %+v", st)
	}
	if _, err := s.Story(ctx, "s2"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("s2 lost its only mention: err = %v, want ErrNotFound", err)
	}
	// Two sources without an outlet (files named by their path) are no
	// independent outlet: s4 counts only the one named outlet and fails
	// min_outlets=2 (issue 17: each path counted as an outlet of its own).
	for i, src := range []struct{ name, outlet string }{{"notes/x.txt", ""}, {"notes/y.txt", ""}, {"z.html", "Wire"}} {
		r := put(t, s, &article.Article{Source: src.name, Outlet: src.outlet, Text: "Iran warned Israel " + src.name,
			SimHash: uint64(0x5a5a5a5a) << (8 * i)})
		m := event.Mention{Event: "THREATEN", Quad: 3, Actor: event.Party{Code: "IRN"}, Recipient: event.Party{Code: "ISR"},
			DateStart: day("2025-12-01"), DateEnd: day("2025-12-01"), Claim: event.Asserted, Sentence: "Iran warned Israel.", StoryID: "s4"}
		if err := s.PutMentions(ctx, r.ID, []event.Mention{m}); err != nil {
			t.Fatal(err)
		}
	}
	if st, err := s.Story(ctx, "s4"); err != nil || st.Mentions != 3 || st.Outlets != 1 {
		t.Fatalf("s4 (two unnamed files and one outlet) = %+v, %v; want 3 mentions, 1 outlet", st, err)
	}
	if page, err := s.Stories(ctx, store.StoryQuery{MinOutlets: 2, Dyad: [2]string{"IRN", "ISR"}}); err != nil || len(page.Stories) != 0 {
		t.Fatalf("min_outlets=2 lets through %+v (%v)", page, err)
	}
}

// firstWord names a fixture sentence by its first word, "Washington!" for
// the syndicated copy.
func firstWord(sentence string) string {
	w, _, _ := strings.Cut(sentence, " ")
	if w == "Washington" && strings.HasSuffix(sentence, "!") {
		w += "!"
	}
	return w
}

func testEventsFilters(t *testing.T, s ReadStore) {
	ctx := context.Background()
	readFixture(t, s)
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
		{"types", store.EventQuery{Types: []string{"CONSULT", "ASSAULT"}}, []string{"Iraq", "In"}},
		{"claim", store.EventQuery{Claim: event.Reported}, []string{"Officials"}},
		{"corroborated", store.EventQuery{MinOutlets: 2}, []string{"Washington!", "Officials", "Washington"}},
		{"window", store.EventQuery{Since: day("2025-10-01"), Until: day("2025-10-31")}, []string{"Iraq"}},
		{"history overlaps", store.EventQuery{Since: day("2019-05-20"), Until: day("2019-06-30")}, []string{"In"}},
		{"no history", store.EventQuery{NoHistory: true, Actor: "IRN"}, nil},
		{"search", store.EventQuery{Text: "militias"}, []string{"Washington!", "Washington"}},
		{"search all words", store.EventQuery{Text: "Baghdad officials"}, []string{"Officials"}},
		{"search case", store.EventQuery{Text: "MILITIAS"}, []string{"Washington!", "Washington"}},
		{"search prefix", store.EventQuery{Text: "threat*"}, []string{"Officials"}},
		{"search syntax is inert", store.EventQuery{Text: `militias")(* ^:`}, []string{"Washington!", "Washington"}},
		{"search only punctuation", store.EventQuery{Text: `")(*`}, nil},
		{"search no match", store.EventQuery{Text: "zanzibar"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := s.Events(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range page.Events {
				got = append(got, firstWord(e.Sentence))
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
	// the row carries its article and story
	page, _ := s.Events(ctx, store.EventQuery{Claim: event.Reported})
	if len(page.Events) != 1 {
		t.Fatalf("reported: %+v", page)
	}
	e := page.Events[0]
	if e.Title != "T b.html" || e.Outlet != "AP" || e.Outlets != 2 || e.StoryID != "s1" || e.Actor.Text != "Washington" ||
		e.Recipient.EntityID != "irq-gov" || e.DateStart != day("2025-11-01") || e.DateEnd != day("2025-11-01") || e.Score != -4 {
		t.Fatalf("row = %+v", e)
	}
	page, _ = s.Events(ctx, store.EventQuery{Text: "militias!"})
	if len(page.Events) != 2 || page.Events[0].Outlet != "Reuters" {
		t.Fatalf("a syndicated copy's outlet is the original's: %+v", page.Events)
	}
}

func testEventPages(t *testing.T, s ReadStore) {
	ctx := context.Background()
	r := put(t, s, &article.Article{Source: "x", Hash: "h-x", Text: "x", SimHash: 1})
	var ms []event.Mention
	for i := range 23 {
		m := event.Mention{Event: "CONSULT", Actor: event.Party{Code: "USA"}, Recipient: event.Party{Code: "IRQ"}, Sentence: fmt.Sprint(i)}
		if i%4 != 0 { // some undated, several on one day
			m.DateStart = day("2025-01-01").AddDate(0, 0, i/3)
			m.DateEnd = m.DateStart
		}
		ms = append(ms, m)
	}
	if err := s.PutMentions(ctx, r.ID, ms); err != nil {
		t.Fatal(err)
	}
	for _, q := range []store.EventQuery{{Limit: 5}, {Limit: 5, Dyad: [2]string{"USA", "IRQ"}}, {Limit: 1}, {Limit: 23}} {
		seen := map[int64]bool{}
		var last time.Time
		var lastID int64
		undated := false
		for pages := 0; ; pages++ {
			if pages > 30 {
				t.Fatal("pagination does not end")
			}
			page, err := s.Events(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if len(page.Events) > q.Limit {
				t.Fatalf("page of %d, limit %d", len(page.Events), q.Limit)
			}
			for _, e := range page.Events {
				if seen[e.ID] {
					t.Fatalf("mention %d listed twice", e.ID)
				}
				seen[e.ID] = true
				switch {
				case e.DateStart.IsZero():
					if undated && e.ID > lastID {
						t.Fatalf("undated out of order: %d after %d", e.ID, lastID)
					}
					undated = true
				case undated || (!last.IsZero() && e.DateStart.After(last)):
					t.Fatalf("out of order at %d: %v after %v", e.ID, e.DateStart, last)
				case e.DateStart.Equal(last) && e.ID > lastID:
					t.Fatalf("same day out of id order: %d after %d", e.ID, lastID)
				default:
					last = e.DateStart
				}
				lastID = e.ID
			}
			if page.Next == "" {
				break
			}
			q.After = page.Next
		}
		if len(seen) != 23 {
			t.Fatalf("limit %d: pages covered %d mentions, want 23", q.Limit, len(seen))
		}
	}
	if _, err := s.Events(ctx, store.EventQuery{After: "!!"}); err == nil {
		t.Fatal("a bad cursor was accepted")
	}
}

func testStoryPages(t *testing.T, s ReadStore) {
	ctx := context.Background()
	r := put(t, s, &article.Article{Source: "x", Hash: "h-x", Text: "x", SimHash: 1})
	var ms []event.Mention
	for i := range 11 {
		m := event.Mention{Event: "CONSULT", Actor: event.Party{Code: "USA"}, Recipient: event.Party{Code: "IRQ"},
			Sentence: fmt.Sprint(i), StoryID: fmt.Sprintf("st%02d", i)}
		if i%3 != 0 {
			m.DateStart = day("2025-01-01").AddDate(0, 0, i/4)
			m.DateEnd = m.DateStart
		}
		ms = append(ms, m)
	}
	if err := s.PutMentions(ctx, r.ID, ms); err != nil {
		t.Fatal(err)
	}
	var got []string
	q := store.StoryQuery{Limit: 3}
	for pages := 0; ; pages++ {
		if pages > 10 {
			t.Fatal("pagination does not end")
		}
		page, err := s.Stories(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range page.Stories {
			got = append(got, st.ID)
		}
		if page.Next == "" {
			break
		}
		q.After = page.Next
	}
	// newest first, ties by id descending, undated last
	want := "[st10 st08 st07 st05 st04 st02 st01 st09 st06 st03 st00]"
	if fmt.Sprint(got) != want {
		t.Fatalf("story pages: %v, want %s", got, want)
	}
}

func testStoriesAndAnalytics(t *testing.T, s ReadStore) {
	ctx := context.Background()
	readFixture(t, s)
	page, err := s.Stories(ctx, store.StoryQuery{Dyad: [2]string{"USA", "IRQ"}, MinOutlets: 2})
	if err != nil || len(page.Stories) != 1 || page.Stories[0].ID != "s1" {
		t.Fatalf("stories: %+v %v", page, err)
	}
	for _, c := range []struct {
		q    store.StoryQuery
		want string
	}{
		{store.StoryQuery{}, "[s1 s2 s3]"},
		{store.StoryQuery{Claim: event.Reported}, "[s1]"},
		{store.StoryQuery{Actor: "IRQ"}, "[s1 s2]"},
		{store.StoryQuery{Types: []string{"CONSULT", "ASSAULT"}}, "[s2 s3]"},
		{store.StoryQuery{Quad: 4}, "[s3]"},
		{store.StoryQuery{Text: "consulted envoy"}, "[s2]"},
		{store.StoryQuery{Text: "attack*"}, "[s3]"},
		{store.StoryQuery{Text: "?!"}, "[]"},
		{store.StoryQuery{Since: day("2025-10-25")}, "[s1]"},
		{store.StoryQuery{Until: day("2020-01-01")}, "[s3]"},
	} {
		page, err := s.Stories(ctx, c.q)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, st := range page.Stories {
			got = append(got, st.ID)
		}
		if fmt.Sprint(got) != c.want && !(c.want == "[]" && got == nil) {
			t.Errorf("stories %+v: %v, want %s", c.q, got, c.want)
		}
	}
	series, err := s.DyadSeries(ctx, store.SeriesQuery{A: "IRQ", B: "USA", Bucket: "month"})
	if err != nil {
		t.Fatal(err)
	}
	if len(series) != 2 || series[0].Start != day("2025-10-01") || series[0].Cooperation() != 1 ||
		series[1].Mentions != 3 || series[1].Stories != 1 || series[1].Conflict() != 3 || series[1].Score != -12 {
		t.Fatalf("series: %+v", series)
	}
	week, _ := s.DyadSeries(ctx, store.SeriesQuery{A: "USA", B: "IRQ", Bucket: "week"})
	if len(week) != 2 || week[1].Start != day("2025-10-27") { // 2025-11-01 is a Saturday
		t.Fatalf("weekly: %+v", week)
	}
	days, _ := s.DyadSeries(ctx, store.SeriesQuery{A: "USA", B: "IRQ", Bucket: "day", Since: day("2025-10-21")})
	if len(days) != 1 || days[0].Start != day("2025-11-01") || days[0].Mentions != 3 {
		t.Fatalf("daily: %+v", days)
	}
	if _, err := s.DyadSeries(ctx, store.SeriesQuery{A: "USA", B: "IRQ", Bucket: "year"}); err == nil {
		t.Fatal("bucket year accepted")
	}
	edges, err := s.Network(ctx, store.NetworkQuery{Entities: true})
	if err != nil || len(edges) != 2 || edges[0].Source != "USA" || edges[0].Target != "irq-gov" || edges[0].Events != 3 ||
		edges[0].Conflict != 3 {
		t.Fatalf("network: %+v %v", edges, err)
	}
	edges, err = s.Network(ctx, store.NetworkQuery{})
	if err != nil || fmt.Sprint(edges) != "[{USA IRQ USA IRQ 3 3 0} {IRQ USA IRQ USA 1 0 1}]" {
		t.Fatalf("country network: %v %v", edges, err)
	}
	in, err := s.Intensity(ctx, time.Time{}, time.Time{})
	if err != nil || fmt.Sprint(in) != "[{IRQ 4 3 1} {USA 4 3 1}]" { // the history of IRN and ISR is left out
		t.Fatalf("intensity: %v %v", in, err)
	}
	busy, err := s.BusiestDyads(ctx, time.Time{}, time.Time{}, 5)
	if err != nil || fmt.Sprint(busy) != "[{IRQ USA 2 2} {IRN ISR 1 1}]" {
		t.Fatalf("busiest: %+v %v", busy, err)
	}
	first, last, err := s.Span(ctx)
	if err != nil || first != day("2019-05-01") || last != day("2025-11-01") {
		t.Fatalf("span %v %v %v", first, last, err)
	}
	arts, err := s.ArticlePage(ctx, store.ArticleQuery{Text: "officials", Limit: 1})
	if err != nil || len(arts.Articles) != 1 || arts.Articles[0].Source != "b.html" || arts.Articles[0].Mentions != 2 || arts.Next != "" {
		t.Fatalf("articles: %+v %v", arts, err)
	}
	var sources []string
	q := store.ArticleQuery{Limit: 3}
	for {
		arts, err := s.ArticlePage(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts.Articles {
			sources = append(sources, a.Source)
		}
		if arts.Next == "" {
			break
		}
		q.After = arts.Next
	}
	if fmt.Sprint(sources) != "[d.html c.html b.html a.html]" {
		t.Fatalf("article pages: %v", sources)
	}
	arts, _ = s.ArticlePage(ctx, store.ArticleQuery{Outlet: "Yahoo"})
	if len(arts.Articles) != 1 || arts.Articles[0].DupOf == 0 || arts.Articles[0].Published != day("2025-11-02") {
		t.Fatalf("syndicated article: %+v", arts)
	}
}

func testStoryAndArticleEvents(t *testing.T, s ReadStore) {
	ctx := context.Background()
	ids := readFixture(t, s)
	evs, err := s.StoryEvents(ctx, "s1")
	if err != nil || len(evs) != 3 || evs[0].ID >= evs[1].ID || evs[1].ID >= evs[2].ID {
		t.Fatalf("story events: %+v %v", evs, err)
	}
	evs, err = s.ArticleEvents(ctx, ids[1])
	if err != nil || len(evs) != 2 || firstWord(evs[0].Sentence) != "Officials" || firstWord(evs[1].Sentence) != "Iraq" ||
		evs[1].Outlets != 1 {
		t.Fatalf("article events: %+v %v", evs, err)
	}
	if evs, err := s.StoryEvents(ctx, "nope"); err != nil || len(evs) != 0 {
		t.Fatalf("unknown story: %v %v", evs, err)
	}
}
