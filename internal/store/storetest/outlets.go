package storetest

import (
	"context"
	"reflect"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
)

// testOutletNames: a story's outlets come by name beside their count, from
// every read of stories and events; a syndicated copy is named by the
// outlet it copies and an unknown outlet is left out, as the count does.
func testOutletNames(t *testing.T, s ReadStore) {
	ctx := context.Background()
	readFixture(t, s) // s1: Reuters, AP and Yahoo's copy of Reuters; s2: AP
	r := put(t, s, &article.Article{Source: "notes/x.txt", Text: "Washington warned Baghdad, notes say.", SimHash: 0x5a5a5a5a5a5a5a})
	m := event.Mention{Event: "THREATEN", Quad: 3, Actor: event.Party{Code: "USA"}, Recipient: event.Party{Code: "IRQ"},
		DateStart: day("2025-11-01"), DateEnd: day("2025-11-01"), Claim: event.Asserted, Sentence: "Washington warned Baghdad.", StoryID: "s1"}
	if err := s.PutMentions(ctx, r.ID, []event.Mention{m}); err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{"s1": {"AP", "Reuters"}, "s2": {"AP"}, "s3": {"Haaretz"}}
	same := func(how, id string, outlets int, names []string) {
		t.Helper()
		if names == nil || !reflect.DeepEqual(names, want[id]) || outlets != len(names) {
			t.Errorf("%s: story %s has %d outlets named %q, want %q", how, id, outlets, names, want[id])
		}
	}
	st, err := s.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	same("Story", "s1", st.Outlets, st.OutletNames)
	page, err := s.Stories(ctx, store.StoryQuery{})
	if err != nil || len(page.Stories) != 3 {
		t.Fatalf("Stories: %+v, %v", page, err)
	}
	for _, st := range page.Stories {
		same("Stories", st.ID, st.Outlets, st.OutletNames)
	}
	evs, err := s.Events(ctx, store.EventQuery{})
	if err != nil || len(evs.Events) != 6 {
		t.Fatalf("Events: %d rows, %v", len(evs.Events), err)
	}
	for _, e := range evs.Events {
		same("Events", e.StoryID, e.Outlets, e.OutletNames)
	}
	rows, err := s.StoryEvents(ctx, "s1")
	if err != nil || len(rows) != 4 {
		t.Fatalf("StoryEvents: %d rows, %v", len(rows), err)
	}
	for _, e := range rows {
		same("StoryEvents", e.StoryID, e.Outlets, e.OutletNames)
	}
	rows, err = s.ArticleEvents(ctx, r.ID)
	if err != nil || len(rows) != 1 {
		t.Fatalf("ArticleEvents: %d rows, %v", len(rows), err)
	}
	same("ArticleEvents", "s1", rows[0].Outlets, rows[0].OutletNames)
}

// testStorySides: a story names the person on each side from the first
// mention that resolved one there with the story's country on that side
// ("the minister" resolved to a person counts), from every read of
// stories.
func testStorySides(t *testing.T, s ReadStore) {
	ctx := context.Background()
	party := func(text, code, id, name string) event.Party {
		return event.Party{Text: text, Code: code, EntityID: id, Entity: name}
	}
	hegseth := party("US Secretary of War Pete Hegseth", "USA", "pete-hegseth", "Pete Hegseth")
	minister := party("the minister", "IRQ", "thabet-al-abbasi", "Thabet al-Abbasi")
	r := put(t, s, &article.Article{Source: "a.txt", Outlet: "Wire", Text: "The minister said he had a call with Hegseth.", SimHash: 0x1})
	ms := []event.Mention{
		// first, in the other direction: its names are not the story's sides
		mention("CONSULT", "USA", "IRQ", "2025-11-02", "2025-11-02", "Hegseth called his Iraqi counterpart."),
		mention("CONSULT", "IRQ", "USA", "2025-11-03", "2025-11-03", "The minister said he had a call with Hegseth."),
	}
	ms[0].Actor, ms[0].Recipient, ms[0].StoryID = hegseth, party("his Iraqi counterpart", "IRQ", "", ""), "c1"
	ms[1].Actor, ms[1].Recipient, ms[1].StoryID = minister, hegseth, "c1"
	if err := s.PutMentions(ctx, r.ID, ms); err != nil {
		t.Fatal(err)
	}
	st, err := s.Story(ctx, "c1")
	if err != nil {
		t.Fatal(err)
	}
	actor, recip := "Pete Hegseth", "Thabet al-Abbasi" // the story is told first as USA→IRQ
	if st.ActorName != actor || st.RecipientName != recip {
		t.Errorf("Story: %s (%s) → %s (%s), want %s → %s", st.Actor, st.ActorName, st.Recipient, st.RecipientName, actor, recip)
	}
	page, err := s.Stories(ctx, store.StoryQuery{})
	if err != nil || len(page.Stories) != 1 {
		t.Fatalf("Stories: %+v, %v", page, err)
	}
	if got := page.Stories[0]; got.ActorName != actor || got.RecipientName != recip {
		t.Errorf("Stories: %s (%s) → %s (%s)", got.Actor, got.ActorName, got.Recipient, got.RecipientName)
	}
}
