package sqlite

import (
	"context"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
)

func TestMentionsReplaceAndFilter(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	a := &article.Article{Source: "x.txt", Text: "US warned Iraq.", SimHash: 1}
	r, err := db.PutArticle(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	d := time.Date(2025, 11, 2, 0, 0, 0, 0, time.UTC)
	ms := []event.Mention{
		{Event: "THREATEN", Actor: event.Party{Code: "USA", Text: "US"}, Recipient: event.Party{Code: "IRQ", Text: "Iraq"},
			DateStart: d, DateEnd: d, Precision: "day", Claim: event.Reported, ReportedBy: []string{"The Cradle", "Abbasi"},
			Sentence: "US warned Iraq.", SentEnd: 15},
		{Event: "CONSULT", Actor: event.Party{Code: "IRQ"}, Recipient: event.Party{Code: "USA"}, Sentence: "s"},
	}
	if err := db.PutMentions(ctx, r.ID, ms); err != nil {
		t.Fatal(err)
	}
	// Re-coding replaces, never duplicates.
	if err := db.PutMentions(ctx, r.ID, ms); err != nil {
		t.Fatal(err)
	}
	all, err := db.ListMentions(ctx, store.MentionFilter{})
	if err != nil || len(all) != 2 {
		t.Fatalf("got %d mentions (%v), want 2", len(all), err)
	}
	got, _ := db.ListMentions(ctx, store.MentionFilter{Actor: "USA", Recipient: "IRQ", Event: "THREATEN", Since: d})
	if len(got) != 1 || got[0].Doc != "x.txt" || len(got[0].ReportedBy) != 2 || !got[0].DateStart.Equal(d) {
		t.Fatalf("filtered: %+v", got)
	}
	either, _ := db.ListMentions(ctx, store.MentionFilter{Actor: "USA", Recipient: "IRQ", Either: true})
	if len(either) != 2 {
		t.Fatalf("either direction: %d, want 2", len(either))
	}
}
