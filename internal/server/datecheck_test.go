package server

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
)

// withConflict adds to the fixture a 2020 story printed under a 2025 date,
// as the coder's date check found it (seed 002), and returns its id.
func withConflict(t *testing.T) (*Server, int64) {
	t.Helper()
	db := fixture(t)
	ctx := context.Background()
	text := "Secretary of State Mike Pompeo warned Iraqi President Barham Salih."
	a := &article.Article{Source: "002.txt", Outlet: "Arab Press", Title: "Top Iraqi diplomat in Iran", Text: text, SimHash: 0xabcdef,
		Published: day("2025-11-18"), DateFrom: article.DateLine,
		Check: article.DateCheck{Checked: true, Conflict: true, Start: day("2020-05-07"), End: day("2021-01-20"),
			Reasons:      []string{"Mike Pompeo held foreign_minister 2018-04-26…2021-01-20"},
			Inconsistent: []string{`"Iraq's Foreign Minister Zarif": Mohammad Javad Zarif held that office for another country`}}}
	r, err := db.PutArticle(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	m := event.Mention{Event: "THREATEN", Quad: 3, Score: -4, Actor: event.Party{Code: "USA", Text: "Mike Pompeo"},
		Recipient: event.Party{Code: "IRQ", Text: "Barham Salih"}, DateStart: day("2020-05-07"), DateEnd: day("2021-01-20"),
		Precision: "span", Claim: event.Asserted, Sentence: text, SentEnd: len(text), StoryID: "S9", Trigger: "warned"}
	if err := db.PutMentions(ctx, r.ID, []event.Mention{m}); err != nil {
		t.Fatal(err)
	}
	return newServer(t, Config{Store: db}), r.ID
}

func TestAPIDateCheck(t *testing.T) {
	s, id := withConflict(t)
	var a map[string]any
	getJSON(t, s, "/api/articles/4", &a)
	if a["id"] != float64(id) || a["published"] != "2025-11-18" || a["date_checked"] != true || a["date_conflict"] != true ||
		a["content_date_start"] != "2020-05-07" || a["content_date_end"] != "2021-01-20" {
		t.Fatalf("article: %v", a)
	}
	if rs := a["date_reasons"].([]any); len(rs) != 1 || !strings.Contains(rs[0].(string), "Pompeo") {
		t.Fatalf("date_reasons: %v", a["date_reasons"])
	}
	if in := a["inconsistencies"].([]any); len(in) != 1 || !strings.Contains(in[0].(string), "Zarif") {
		t.Fatalf("inconsistencies: %v", a["inconsistencies"])
	}
	if evs := a["events"].([]any); len(evs) != 1 || evs[0].(map[string]any)["article_date_conflict"] != true {
		t.Fatalf("events of the article: %v", a["events"])
	}
	var list struct{ Items []map[string]any }
	getJSON(t, s, "/api/articles", &list)
	for _, it := range list.Items {
		if (it["date_conflict"] == true) != (it["id"] == float64(id)) {
			t.Errorf("listed article %v: date_conflict %v", it["id"], it["date_conflict"])
		}
		// stored without a check (the fixture's others): unknown, not passed
		if it["id"] != float64(id) && it["date_checked"] != false {
			t.Errorf("listed article %v: date_checked %v", it["id"], it["date_checked"])
		}
	}
	var evs eventsResp
	getJSON(t, s, "/api/events?dyad=USA:IRQ", &evs)
	n := 0
	for _, e := range evs.Items {
		if e["article_date_conflict"] == true {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d events marked as dated by the content, want 1: %v", n, evs.Items)
	}
}

func TestPagesShowDateCheck(t *testing.T) {
	s, _ := withConflict(t)
	for _, tc := range []struct{ path, want string }{
		{"/articles/4", "the content belongs to 2020-05-07…2021-01-20, not to the printed date"},
		{"/articles/4", "Mike Pompeo held foreign_minister 2018-04-26…2021-01-20"},
		{"/articles/4", "Zarif held that office for another country"},
		{"/articles", "content 2020-05-07…2021-01-20"},
		{"/timeline", `class="tag datedby"`},
		{"/stories/S9", "dated by content"},
	} {
		code, body := get(t, s, tc.path)
		if code != 200 || !strings.Contains(body, tc.want) {
			t.Errorf("GET %s: %d, lacks %q", tc.path, code, tc.want)
		}
	}
	// the fixture's other articles are not marked
	if _, body := get(t, s, "/articles/1"); strings.Contains(body, "datecheck") {
		t.Errorf("/articles/1 shows a date check it does not have")
	}
}

// A plan dated after today is on the timeline but not among the overview's
// latest stories (issue 17: "2027-04-01 topped Latest stories").
func TestOverviewLatestStoriesHaveBegun(t *testing.T) {
	db := fixture(t)
	ctx := context.Background()
	text := "The United States and Iraq will hold talks in Washington on April 1, 2027."
	r, err := db.PutArticle(ctx, &article.Article{Source: "plan.txt", Title: "Talks set", Text: text, SimHash: 0x123456,
		Published: day("2025-11-05")})
	if err != nil {
		t.Fatal(err)
	}
	plan := event.Mention{Event: "CONSULT", Quad: 1, Score: 1, Actor: event.Party{Code: "USA", Text: "The United States"},
		Recipient: event.Party{Code: "IRQ", Text: "Iraq"}, DateStart: day("2027-04-01"), DateEnd: day("2027-04-01"),
		Precision: "day", Claim: event.Planned, Sentence: text, SentEnd: len(text), StoryID: "S-plan", Trigger: "talks"}
	if err := db.PutMentions(ctx, r.ID, []event.Mention{plan}); err != nil {
		t.Fatal(err)
	}
	s := newServer(t, Config{Store: db, Now: func() time.Time { return day("2026-12-07").Add(13 * time.Hour) }})
	_, body := get(t, s, "/")
	if strings.Contains(body, "S-plan") || !strings.Contains(body, "/stories/S1") {
		t.Errorf("overview: the plan of 2027 is among the latest stories, or S1 is not")
	}
	if _, body := get(t, s, "/timeline"); !strings.Contains(body, "will hold talks") {
		t.Errorf("timeline: the plan is not listed")
	}
}

// A series has a zero for every period without events between its first
// and last (or From and To), so the chart does not draw a line across
// empty months; the dyad page's stories are those of From–To (issue 17).
func TestSeriesZeroFilledAndStoriesOfThePeriod(t *testing.T) {
	s := newServer(t, Config{Now: func() time.Time { return day("2026-12-07") }})
	var sr struct {
		Points []struct {
			Start    string
			Mentions int
		}
	}
	getJSON(t, s, "/api/dyads/USA/IRQ/series?bucket=day", &sr)
	// USA–IRQ events on 2025-10-15, 2025-11-01 and 2025-11-04
	if len(sr.Points) != 21 || sr.Points[0].Start != "2025-10-15" || sr.Points[20].Start != "2025-11-04" {
		t.Fatalf("daily series: %d points %+v", len(sr.Points), sr.Points)
	}
	busy := 0
	for i, p := range sr.Points {
		if want := day("2025-10-15").AddDate(0, 0, i).Format(time.DateOnly); p.Start != want {
			t.Errorf("point %d starts %s, want %s", i, p.Start, want)
		}
		if p.Mentions > 0 {
			busy++
		}
	}
	if busy != 3 {
		t.Errorf("%d days with events, want 3", busy)
	}
	getJSON(t, s, "/api/dyads/USA/IRQ/series?bucket=month&since=2025-09-01&until=2025-12-31", &sr)
	if len(sr.Points) != 4 || sr.Points[0].Start != "2025-09-01" || sr.Points[0].Mentions != 0 || sr.Points[3].Start != "2025-12-01" {
		t.Errorf("monthly series over Sep–Dec: %+v", sr.Points)
	}

	_, all := get(t, s, "/dyads/USA/IRQ")
	_, nov := get(t, s, "/dyads/USA/IRQ?since=2025-11-01&until=2025-11-30")
	if !strings.Contains(all, "/stories/S2") || strings.Contains(nov, "/stories/S2") || !strings.Contains(nov, "/stories/S1") {
		t.Errorf("the dyad page's stories ignore From/To (S2 is of October)")
	}
	if !strings.Contains(nov, "Stories from 2025-11-01 to 2025-11-30") {
		t.Errorf("the dyad page does not say which period its stories are of")
	}
}
