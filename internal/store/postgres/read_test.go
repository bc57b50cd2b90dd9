package postgres_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store/postgres"
	"github.com/dyad-project/dyad/internal/store/storetest"
)

// Writers adding mentions of one story at once, each in its own
// transaction and without the workers' dyad locks, must leave the stories
// table counting all of them: the refresh trigger serialises on the story.
func TestStoriesConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	db, err := postgres.Open(ctx, storetest.PostgresURL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const writers, rounds = 8, 5
	for round := range rounds {
		story := fmt.Sprintf("race%d", round)
		var wg sync.WaitGroup
		errs := make(chan error, writers)
		for i := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				src := fmt.Sprintf("%s-%d", story, i)
				r, err := db.PutArticle(ctx, &article.Article{Source: src, Hash: src, Outlet: src, Text: src,
					SimHash: uint64(round*writers+i+1) * 0x9E3779B97F4A7C15}) // far apart: not near-duplicates
				if err != nil {
					errs <- err
					return
				}
				d := time.Date(2025, 1, 1+i, 0, 0, 0, 0, time.UTC)
				errs <- db.PutMentions(ctx, r.ID, []event.Mention{{Event: "CONSULT", Actor: event.Party{Code: "USA"},
					Recipient: event.Party{Code: "IRQ"}, DateStart: d, DateEnd: d, Sentence: src, StoryID: story}})
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		st, err := db.Story(ctx, story)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mentions != writers || st.Outlets != writers || st.Start.Day() != 1 || st.End.Day() != writers {
			t.Fatalf("round %d: story %+v, want %d mentions and outlets", round, st, writers)
		}
	}
}
