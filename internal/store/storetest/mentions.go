package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
)

// mention builds a minimal dated mention.
func mention(typ, actor, recip, start, end, sentence string) event.Mention {
	m := event.Mention{Event: typ, Actor: event.Party{Code: actor}, Recipient: event.Party{Code: recip},
		Sentence: sentence, SentEnd: len(sentence)}
	if start != "" {
		m.DateStart, m.DateEnd, m.Precision = day(start), day(end), "day"
	}
	return m
}

func putMentions(t *testing.T, s store.Store, id int64, ms ...event.Mention) {
	t.Helper()
	if err := s.PutMentions(context.Background(), id, ms); err != nil {
		t.Fatalf("PutMentions %d: %v", id, err)
	}
}

func list(t *testing.T, s store.Store, f store.MentionFilter) []event.Mention {
	t.Helper()
	ms, err := s.ListMentions(context.Background(), f)
	if err != nil {
		t.Fatalf("ListMentions %+v: %v", f, err)
	}
	return ms
}

func testMentionsRoundTrip(t *testing.T, s store.Store) {
	a := &article.Article{Source: "x.txt", Outlet: "The Cradle", Text: "US warned Iraq.", SimHash: 1}
	put(t, s, a)
	want := event.Mention{ArticleID: a.ID, Doc: "x.txt", Outlet: "The Cradle", Event: "THREATEN", Mode: "MIL",
		CAMEO: "138", Quad: 3, Score: -7.5,
		Actor:     event.Party{Text: "US", EntityID: "USA", Entity: "United States", Code: "USA", Sector: "GOV"},
		Recipient: event.Party{Text: "Iraq", EntityID: "IRQ", Entity: "Iraq", Code: "IRQ", Sector: "GOV"},
		DateStart: day("2025-11-01"), DateEnd: day("2025-11-30"), Precision: "month", DateText: "in November",
		Background: true, Reference: true, Claim: event.Reported, ReportedBy: []string{"The Cradle", "Abbasi"},
		Sentence: "US warned Iraq.", SentStart: 3, SentEnd: 18, Trigger: "warned", Confidence: 0.75,
		Location: "IRQ", StoryID: "S0123456789ab", StoryWhy: "first report"}
	putMentions(t, s, a.ID, want)
	got := list(t, s, store.MentionFilter{})
	if len(got) != 1 {
		t.Fatalf("got %d mentions, want 1", len(got))
	}
	// the store numbers the mention: one id in every output
	if got[0].ID == 0 {
		t.Errorf("round trip: the stored mention has no id")
	}
	want.ID = got[0].ID
	if !reflect.DeepEqual(got[0], want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got[0], want)
	}
}

func testPutMentionsReplaces(t *testing.T, s store.Store) {
	a := &article.Article{Source: "a", Text: "a", SimHash: 1}
	b := &article.Article{Source: "b", Text: "b", SimHash: 1 << 40}
	put(t, s, a)
	put(t, s, b)
	putMentions(t, s, a.ID, mention("THREATEN", "USA", "IRQ", "2025-11-02", "2025-11-02", "one"),
		mention("CONSULT", "IRQ", "USA", "", "", "two"))
	putMentions(t, s, b.ID, mention("AID", "USA", "IRQ", "2025-11-03", "2025-11-03", "b's"))
	// Re-coding replaces, never duplicates, and leaves other articles alone.
	putMentions(t, s, a.ID, mention("ACCUSE", "IRN", "USA", "2025-11-05", "2025-11-05", "new"))
	got := list(t, s, store.MentionFilter{})
	if len(got) != 2 || got[0].Sentence != "b's" || got[1].Sentence != "new" {
		t.Fatalf("after replace: %v", sentences(got))
	}
	putMentions(t, s, a.ID) // none: the article keeps no mentions
	if got := list(t, s, store.MentionFilter{}); len(got) != 1 || got[0].ArticleID != b.ID {
		t.Fatalf("after clearing: %v", sentences(got))
	}
}

func testRenameStory(t *testing.T, s store.Store) {
	a := &article.Article{Source: "a", Text: "a", SimHash: 1}
	b := &article.Article{Source: "b", Text: "b", SimHash: 1 << 40}
	put(t, s, a)
	put(t, s, b)
	m1 := mention("ASSAULT", "PSE", "ISR", "2017-12-18", "2017-12-18", "one")
	m2 := mention("ASSAULT", "PSE", "ISR", "2017-12-24", "2017-12-24", "two")
	m3 := mention("ASSAULT", "PSE", "ISR", "2017-12-24", "2017-12-24", "other")
	m1.StoryID, m2.StoryID, m3.StoryID = "S1", "S2", "S3"
	putMentions(t, s, a.ID, m1, m3)
	putMentions(t, s, b.ID, m2)
	if err := s.RenameStory(context.Background(), "S2", "S1"); err != nil {
		t.Fatal(err)
	}
	stories := map[string]string{}
	for _, m := range list(t, s, store.MentionFilter{}) {
		stories[m.Sentence] = m.StoryID
	}
	if stories["one"] != "S1" || stories["two"] != "S1" || stories["other"] != "S3" {
		t.Errorf("after joining S2 into S1: %v", stories)
	}
}

func sentences(ms []event.Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Sentence)
	}
	return out
}

func testListMentions(t *testing.T, s store.Store) {
	a := &article.Article{Source: "a", Text: "a", SimHash: 1}
	put(t, s, a)
	putMentions(t, s, a.ID,
		mention("THREATEN", "USA", "IRQ", "2025-11-02", "2025-11-02", "m1"),
		mention("CONSULT", "IRQ", "USA", "2025-11-01", "2025-11-30", "m2"),
		mention("THREATEN", "USA", "IRN", "2025-10-20", "2025-10-20", "m3"),
		mention("ACCUSE", "IRN", "", "", "", "m4"),
		mention("THREATEN", "USA", "IRQ", "2026-01-05", "2026-01-05", "m5"),
	)
	cases := []struct {
		f    store.MentionFilter
		want []string
	}{
		// oldest first by start; undated last
		{store.MentionFilter{}, []string{"m3", "m2", "m1", "m5", "m4"}},
		{store.MentionFilter{Actor: "USA"}, []string{"m3", "m1", "m5"}},
		{store.MentionFilter{Recipient: "USA"}, []string{"m2"}},
		{store.MentionFilter{Actor: "USA", Recipient: "IRQ"}, []string{"m1", "m5"}},
		{store.MentionFilter{Actor: "USA", Recipient: "IRQ", Either: true}, []string{"m2", "m1", "m5"}},
		{store.MentionFilter{Actor: "IRQ", Recipient: "USA", Either: true, Event: "CONSULT"}, []string{"m2"}},
		{store.MentionFilter{Event: "THREATEN"}, []string{"m3", "m1", "m5"}},
		// windows overlap the filter: m2 (all November) is on the 15th
		{store.MentionFilter{Since: day("2025-11-15"), Until: day("2025-11-15")}, []string{"m2"}},
		{store.MentionFilter{Since: day("2025-11-02")}, []string{"m2", "m1", "m5"}},
		{store.MentionFilter{Until: day("2025-11-01")}, []string{"m3", "m2"}},
		{store.MentionFilter{Actor: "USA", Limit: 2}, []string{"m3", "m1"}},
		{store.MentionFilter{Actor: "CHN"}, nil},
	}
	for _, c := range cases {
		if got := sentences(list(t, s, c.f)); !equal(got, c.want) {
			t.Errorf("%+v: %q, want %q", c.f, got, c.want)
		}
	}
}

// testSyndicatedOutlet: a mention from a near-duplicate copy carries the
// outlet of the article it copies, "" (unknown) when that has none: never
// its source, which is a file path or an address, not an outlet.
func testSyndicatedOutlet(t *testing.T, s store.Store) {
	orig := &article.Article{Source: "https://a.example/x", Outlet: "Agency", Text: "one", SimHash: 0xffff0000ffff0000}
	cp := &article.Article{Source: "https://b.example/x", Outlet: "Reprinter", Text: "one more", SimHash: 0xffff0000ffff0001}
	bare := &article.Article{Source: "https://c.example/y", Text: "two", SimHash: 0x0f0f0f0f0f0f0f0f}
	bareCopy := &article.Article{Source: "https://d.example/y", Outlet: "D", Text: "two more", SimHash: 0x0f0f0f0f0f0f0f0e}
	for _, a := range []*article.Article{orig, cp, bare, bareCopy} {
		put(t, s, a)
		putMentions(t, s, a.ID, mention("THREATEN", "USA", "IRQ", "2025-11-02", "2025-11-02", a.Source))
	}
	got := map[string]string{}
	for _, m := range list(t, s, store.MentionFilter{}) {
		got[m.Doc] = m.Outlet
	}
	want := map[string]string{orig.Source: "Agency", cp.Source: "Agency", bare.Source: "", bareCopy.Source: ""}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("outlets %v, want %v", got, want)
	}
}

// testTransaction: an article and its mentions written in one InTx are
// both kept, or neither when the callback fails.
func testTransaction(t *testing.T, s store.Store) {
	tr, ok := s.(Transactor)
	if !ok {
		t.Skip("store has no InTx")
	}
	ctx := context.Background()
	errBoom := errors.New("boom")
	write := func(text string, fail bool) error {
		return tr.InTx(ctx, []string{"IRQ:USA"}, func(ctx context.Context, tx store.Store) error {
			a := &article.Article{Source: text, Text: text, SimHash: uint64(len(text)) << 30}
			if _, err := tx.PutArticle(ctx, a); err != nil {
				return err
			}
			if err := tx.PutMentions(ctx, a.ID, []event.Mention{mention("AID", "USA", "IRQ", "2025-01-01", "2025-01-01", text)}); err != nil {
				return err
			}
			// Reads inside see the transaction's own writes.
			if ms, err := tx.ListMentions(ctx, store.MentionFilter{Event: "AID"}); err != nil || len(ms) == 0 {
				return fmt.Errorf("own write invisible: %v %v", ms, err)
			}
			if fail {
				return errBoom
			}
			return nil
		})
	}
	if err := write("kept", false); err != nil {
		t.Fatal(err)
	}
	if err := write("rolled back", true); !errors.Is(err, errBoom) {
		t.Fatalf("failing callback: %v, want its error", err)
	}
	if n, _ := s.CountArticles(ctx); n != 1 {
		t.Errorf("%d articles after a rollback, want 1", n)
	}
	if got := sentences(list(t, s, store.MentionFilter{})); !equal(got, []string{"kept"}) {
		t.Errorf("mentions after a rollback: %q", got)
	}
}
