package storetest

import (
	"context"
	"reflect"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/store"
)

// testDateCheck: an article's date check comes back as stored, from every
// way of reading articles, and the mentions of an article whose printed
// date conflicts with its content say so.
func testDateCheck(t *testing.T, s store.Store) {
	ctx := context.Background()
	want := article.DateCheck{Checked: true, Conflict: true, Start: day("2020-05-07"), End: day("2021-01-20"),
		Reasons:      []string{"Mike Pompeo held foreign_minister 2018-04-26…2021-01-20", "Barham Salih held head_of_state 2018-10-02…2022-10-13"},
		Inconsistent: []string{`"Iraq's Foreign Minister Zarif": Mohammad Javad Zarif held that office for another country`}}
	old := &article.Article{Source: "old.txt", Text: "Pompeo warned Baghdad.", Published: day("2025-11-18"), SimHash: 0x1, Check: want}
	fresh := &article.Article{Source: "new.txt", Text: "Rubio called Sudani.", Published: day("2026-01-26"), SimHash: 0xff00ff00,
		Check: article.DateCheck{Checked: true}}
	unknown := &article.Article{Source: "ar.txt", Text: "نص عربي", Language: "ar", SimHash: 0xf0f0f0f0f0f0}
	for _, a := range []*article.Article{old, fresh, unknown} {
		put(t, s, a)
	}
	putMentions(t, s, old.ID, mention("THREATEN", "USA", "IRQ", "2020-05-07", "2021-01-20", "Pompeo warned Baghdad."))
	putMentions(t, s, fresh.ID, mention("CONSULT", "USA", "IRQ", "2026-01-25", "2026-01-25", "Rubio called Sudani."))

	wantOf := map[int64]article.DateCheck{old.ID: want, fresh.ID: {Checked: true}, unknown.ID: {}}
	same := func(how string, id int64, got article.DateCheck) {
		t.Helper()
		w := wantOf[id]
		if got.Checked != w.Checked || got.Conflict != w.Conflict || !got.Start.Equal(w.Start) || !got.End.Equal(w.End) ||
			len(got.Reasons) != len(w.Reasons) || len(got.Inconsistent) != len(w.Inconsistent) ||
			(len(w.Reasons) > 0 && !reflect.DeepEqual(got.Reasons, w.Reasons)) ||
			(len(w.Inconsistent) > 0 && !reflect.DeepEqual(got.Inconsistent, w.Inconsistent)) {
			t.Errorf("%s: article %d check = %+v, want %+v", how, id, got, w)
		}
	}
	for id := range wantOf {
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		same("Article", id, a.Check)
	}
	arts, err := s.ListArticles(ctx, store.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		same("ListArticles", a.ID, a.Check)
	}
	for _, m := range list(t, s, store.MentionFilter{}) {
		if m.ArticleDateConflict != (m.ArticleID == old.ID) {
			t.Errorf("ListMentions: mention of article %d ArticleDateConflict = %v", m.ArticleID, m.ArticleDateConflict)
		}
	}
	r, ok := s.(store.Reader)
	if !ok {
		return
	}
	page, err := r.ArticlePage(ctx, store.ArticleQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range page.Articles {
		same("ArticlePage", a.ID, a.Check)
	}
	evs, err := r.Events(ctx, store.EventQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs.Events) != 2 {
		t.Fatalf("Events: %d rows, want 2", len(evs.Events))
	}
	for _, e := range evs.Events {
		if e.ArticleDateConflict != (e.ArticleID == old.ID) {
			t.Errorf("Events: mention of article %d ArticleDateConflict = %v", e.ArticleID, e.ArticleDateConflict)
		}
	}
	rows, err := r.ArticleEvents(ctx, old.ID)
	if err != nil || len(rows) != 1 || !rows[0].ArticleDateConflict {
		t.Errorf("ArticleEvents(%d) = %+v, %v: want one mention dated by the content", old.ID, rows, err)
	}
}
