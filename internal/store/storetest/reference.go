package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/store"
)

// testStoredReferences stores an invented event reported on its day by two
// outlets and recalled by three later articles (with a year, a month, no
// date), and a different attack in the same city and year, one article at
// a time through pipeline.StoreCoded as `dyad ingest`, the worker and watch
// do, in several orders: one story of two reports and three references, its
// date the reports', recalled by three articles, counted once in the series.
func testStoredReferences(t *testing.T, s ReadStore) {
	ctx := context.Background()
	type art struct {
		name, outlet, published string
		m                       event.Mention
	}
	ment := func(actor, from, to, text, sentence string, background bool, trigger string) event.Mention {
		return event.Mention{Event: "ASSAULT", Quad: 4, Score: -9, Actor: event.Party{Code: actor}, Recipient: event.Party{Code: "XBE"},
			DateStart: day(from), DateEnd: day(to), DateText: text, Background: background, Claim: event.Asserted,
			Sentence: sentence, Trigger: trigger}
	}
	arts := func(actor string) []art {
		return []art{
			{"a", "Outlet A", "2031-03-04", ment(actor, "2031-03-03", "2031-03-03", "on Monday",
				"Gunmen stormed the Beltanian consulate in Vardo on Monday, killing the consul, Ilse Brandt.", false, "stormed")},
			{"b", "Outlet B", "2031-03-05", ment(actor, "2031-03-04", "2031-03-04", "",
				"The consulate of Beltania in Vardo was overrun by gunmen who killed consul Ilse Brandt.", false, "overrun")},
			{"c", "Outlet C", "2032-02-01", ment(actor, "2031-01-01", "2031-12-31", "in 2031",
				"The militia took part in the 2031 attack on the Beltanian consulate in Vardo, officials say.", true, "attack")},
			{"d", "Outlet D", "2031-05-02", ment(actor, "2031-03-01", "2031-03-31", "last March",
				"Since the attack on the consulate in Vardo last March, the embassy has stayed closed.", true, "attack")},
			{"e", "Outlet E", "2032-06-10", ment(actor, "2032-06-10", "2032-06-10", "",
				"Officials still mourn Ilse Brandt, the consul killed when gunmen attacked the mission.", true, "attacked")},
			{"f", "Outlet F", "2031-07-20", ment(actor, "2031-07-19", "2031-07-19", "on Saturday",
				"A car bomb exploded outside a hotel in Vardo on Saturday, killing nine guests.", false, "exploded")},
		}
	}
	orders := [][]int{{0, 1, 2, 3, 4, 5}, {5, 4, 3, 2, 1, 0}, {2, 3, 4, 5, 0, 1}, {5, 2, 0, 4, 3, 1}, {4, 1, 5, 3, 0, 2}}
	for n, order := range orders {
		actor := fmt.Sprintf("XA%d", n) // each order its own dyad, so they do not meet
		as := arts(actor)
		for _, i := range order {
			a := as[i]
			storeOne(ctx, t, s, actor, a.name, a.outlet, a.published, a.m)
		}
		got, err := s.ListMentions(ctx, store.MentionFilter{Actor: actor, Recipient: "XBE"})
		if err != nil {
			t.Fatal(err)
		}
		story := map[string]string{}
		refs := 0
		for _, m := range got {
			story[m.Sentence] = m.StoryID
			if m.Reference {
				refs++
			}
		}
		want := story[as[0].m.Sentence]
		for _, a := range as[:5] {
			if story[a.m.Sentence] != want {
				t.Errorf("order %v: %s's mention is in story %s, the attack's is %s", order, a.name, story[a.m.Sentence], want)
			}
		}
		if story[as[5].m.Sentence] == want {
			t.Errorf("order %v: the hotel bombing joined the consulate attack", order)
		}
		if refs != 3 {
			t.Errorf("order %v: %d references stored, want 3", order, refs)
		}
		st, err := s.Story(ctx, want)
		if err != nil {
			t.Fatal(err)
		}
		if st.Start != day("2031-03-03") || st.End != day("2031-03-04") || st.Recalled != 3 || st.Mentions != 5 ||
			st.Evidence != as[0].m.Sentence && st.Evidence != as[1].m.Sentence {
			t.Errorf("order %v: story %+v, want 2031-03-03…2031-03-04, 5 mentions, recalled by 3, a report as evidence", order, st)
		}
		if st.RecallStart != day("2031-05-02") || st.RecallEnd != day("2032-06-10") {
			t.Errorf("order %v: recalled %v…%v, want by articles of 2031-05-02…2032-06-10", order, st.RecallStart, st.RecallEnd)
		}
		series, err := s.DyadSeries(ctx, store.SeriesQuery{A: actor, B: "XBE", Bucket: "month"})
		if err != nil {
			t.Fatal(err)
		}
		counted := 0
		for _, p := range series {
			counted += p.Stories
		}
		if counted != 2 { // the consulate attack once, the hotel bombing once
			t.Errorf("order %v: the series counts %d stories, want 2: %+v", order, counted, series)
		}
	}
}

// testStoredReferenceMoves stores, in every order, a recall that fits two
// attacks of its year and the reports of both: the recall ends with the
// attack it shares most with, moved there when it had joined the other.
func testStoredReferenceMoves(t *testing.T, s ReadStore) {
	ctx := context.Background()
	type art struct {
		name, published string
		m               event.Mention
	}
	arts := func(actor string) []art {
		m := func(from, to, text, sentence string, background bool, trigger string) event.Mention {
			return event.Mention{Event: "ASSAULT", Quad: 4, Actor: event.Party{Code: actor}, Recipient: event.Party{Code: "XBE"},
				DateStart: day(from), DateEnd: day(to), DateText: text, Background: background, Claim: event.Asserted,
				Sentence: sentence, Trigger: trigger}
		}
		return []art{
			{"hotel", "2031-07-13", m("2031-07-12", "2031-07-12", "on 12 July",
				"Gunmen attacked the Grand Hotel in Vardo on 12 July.", false, "attacked")},
			{"recall", "2032-02-01", m("2031-01-01", "2031-12-31", "in 2031",
				"The militia took part in the 2031 attack on the Beltanian consulate in Vardo, which the gunmen had watched for weeks.", true, "attack")},
			{"consulate", "2031-03-04", m("2031-03-03", "2031-03-03", "on Monday",
				"Gunmen stormed the Beltanian consulate in Vardo on Monday.", false, "stormed")},
		}
	}
	orders := [][]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}
	for n, order := range orders {
		actor := fmt.Sprintf("XM%d", n)
		as := arts(actor)
		for _, i := range order {
			a := as[i]
			storeOne(ctx, t, s, actor, a.name, a.name, a.published, a.m)
		}
		got, err := s.ListMentions(ctx, store.MentionFilter{Actor: actor, Recipient: "XBE"})
		if err != nil {
			t.Fatal(err)
		}
		story := map[string]string{}
		why := ""
		for _, m := range got {
			story[m.Trigger] = m.StoryID
			if m.Trigger == "attack" {
				why = m.StoryWhy
			}
		}
		if story["attack"] != story["stormed"] || story["attacked"] == story["stormed"] {
			t.Errorf("order %v: the recall is not with the consulate attack alone: %v (%s)", order, story, why)
		}
		hotel, err := s.Story(ctx, story["attacked"])
		if err != nil || hotel.Mentions != 1 || hotel.Recalled != 0 {
			t.Errorf("order %v: the hotel attack's story %+v %v, want its report alone", order, hotel, err)
		}
	}
}

// storeOne stores one invented article of the dyad's actor holding the
// mention m, through pipeline.StoreCoded as ingest, the worker and watch do.
func storeOne(ctx context.Context, t *testing.T, s store.Store, actor, name, outlet, published string, m event.Mention) {
	t.Helper()
	doc := &article.Article{Source: fmt.Sprintf("%s-%s.html", actor, name), Outlet: outlet, Published: day(published),
		Language: "en", Text: actor + ": " + m.Sentence}
	m.Doc = doc.Source
	if _, err := pipeline.StoreCoded(ctx, s, doc, []event.Mention{m}); err != nil {
		t.Fatal(err)
	}
}

// CheckReferencesMigrated checks a store opened on a database written before
// the reference migration, holding story S1 of three mentions ("Gunmen
// stormed it." on 2031-03-03, "The 2031 attack." recalled on 2032-02-01,
// "They plan more."): the migration flags the recall as a reference and the
// story keeps the report's day, one recall and its evidence.
func CheckReferencesMigrated(ctx context.Context, t *testing.T, db ReadStore) {
	t.Helper()
	ms, err := db.ListMentions(ctx, store.MentionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	flags := map[string]bool{}
	for _, m := range ms {
		flags[m.Sentence] = m.Reference
	}
	if !flags["The 2031 attack."] || flags["Gunmen stormed it."] || flags["They plan more."] {
		t.Errorf("reference flags after migration: %v", flags)
	}
	st, err := db.Story(ctx, "S1")
	if err != nil || st.Start != day("2031-03-03") || st.End != day("2031-03-03") || st.Recalled != 1 ||
		st.Evidence != "Gunmen stormed it." || st.RecallStart != day("2032-02-01") {
		t.Errorf("story after migration: %+v %v", st, err)
	}
}
