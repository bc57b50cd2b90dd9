package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
)

// StoryRows are a store's stories table and what a full recompute of every
// story from its mentions gives, each as one line per story in id order
// (every column the reads use: event, quad, countries, dates, mentions,
// outlets, first mention, recalls).
type StoryRows func(ctx context.Context) (stored, recomputed []string, err error)

// Lines reads the one text column of rows (database/sql's or pgx's), for
// a StoryRows.
func Lines(rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}) ([]string, error) {
	var out []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, err
		}
		out = append(out, line)
	}
	return out, rows.Err()
}

// CheckStoryAggregates writes mentions in every way the writers do
// (articles with and without outlets, syndicated copies, reports and
// references, undated mentions, several a story), re-stores articles
// (PutMentions replaces), joins stories (RenameStory), moves mentions
// (MoveMention) and deletes an article's mentions, and after each step
// compares the stories table kept by the store's incremental refresh with
// a full recompute (rows).
func CheckStoryAggregates(ctx context.Context, t *testing.T, s store.Store, rows StoryRows) {
	t.Helper()
	check := func(step string) {
		t.Helper()
		stored, full, err := rows(ctx)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if len(stored) != len(full) {
			t.Fatalf("%s: %d stories stored, %d recomputed\nstored %q\nfull   %q", step, len(stored), len(full), stored, full)
		}
		for i := range stored {
			if stored[i] != full[i] {
				t.Fatalf("%s: story differs from its recompute\nstored %s\nfull   %s", step, stored[i], full[i])
			}
		}
	}
	r := rand.New(rand.NewPCG(16, 2))
	outlets := []string{"", "Agency", "Daily", "Herald", "Wire"}
	stories := []string{"S1", "S2", "S3", "S4", ""}
	var arts []*article.Article
	var stored [][]event.Mention
	mentionsFor := func(a *article.Article, early bool) []event.Mention {
		var ms []event.Mention
		for j := range 1 + r.IntN(4) {
			// types, quads and countries vary within a story: the story
			// takes its first mention's
			m := mention([]string{"THREATEN", "ACCUSE"}[r.IntN(2)], []string{"USA", "IRN"}[r.IntN(2)], "IRQ", "", "",
				fmt.Sprintf("%s %d", a.Source, j))
			m.Quad = r.IntN(4)
			m.SentStart, m.SentEnd = j*10, j*10+5
			if r.IntN(6) > 0 {
				d := day("2031-03-01").AddDate(0, 0, r.IntN(20))
				m.DateStart, m.DateEnd = d, d.AddDate(0, 0, r.IntN(3)*4)
			}
			m.StoryID = stories[r.IntN(len(stories))]
			// S4 is known only from references: its dates are all its
			// mentions', undated ones among them; the others begin with
			// references (early), so that their first mention changes
			// when a report comes
			m.Reference = r.IntN(3) == 0 || m.StoryID == "S4" || early
			ms = append(ms, m)
		}
		return ms
	}
	for i := range 24 {
		a := &article.Article{Source: fmt.Sprintf("https://x%d.example/a", i), Outlet: outlets[r.IntN(len(outlets))],
			Text: fmt.Sprintf("text %d", i), SimHash: r.Uint64()}
		if i%6 == 5 {
			// a syndicated copy of the article before it
			a.SimHash, a.Text = arts[i-1].SimHash^1, arts[i-1].Text+" more"
		}
		if r.IntN(4) > 0 {
			a.Published = day("2031-04-01").AddDate(0, 0, r.IntN(60))
		}
		put(t, s, a)
		arts = append(arts, a)
		ms := mentionsFor(a, i < 4)
		putMentions(t, s, a.ID, ms...)
		stored = append(stored, ms)
		check(fmt.Sprintf("article %d stored", i))
	}
	// re-storing the same mentions changes nothing, new ones replace them
	putMentions(t, s, arts[3].ID, stored[3]...)
	check("article 3 stored again")
	stored[7] = mentionsFor(arts[7], false)
	putMentions(t, s, arts[7].ID, stored[7]...)
	check("article 7 re-coded")
	putMentions(t, s, arts[8].ID)
	check("article 8's mentions deleted")
	for _, step := range [][2]string{{"S2", "S1"}, {"S4", "S9"}, {"S9", "S3"}} {
		if err := s.RenameStory(ctx, step[0], step[1]); err != nil {
			t.Fatal(err)
		}
		check("story " + step[0] + " joined into " + step[1])
	}
	for _, m := range list(t, s, store.MentionFilter{}) {
		if m.StoryID == "S1" && m.Reference {
			if err := s.MoveMention(ctx, &m, "S5", "moved"); err != nil {
				t.Fatal(err)
			}
			check("a reference moved from S1 to S5")
			break
		}
	}
}
