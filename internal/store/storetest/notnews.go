package storetest

import (
	"context"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/store"
)

// testNotNews: the relevance gate's verdict on a page it held back comes
// back as stored from every way of reading articles; a coded article reads
// "".
func testNotNews(t *testing.T, s store.Store) {
	ctx := context.Background()
	const why = "encyclopedic (citation marks, life years, coordinates)"
	held := &article.Article{Source: "wiki.html", Text: "Baghdad is the capital of Iraq.[1]", SimHash: 0x1, NotNews: why}
	coded := &article.Article{Source: "news.txt", Text: "Rubio called Sudani.", SimHash: 0xff00ff00ff00,
		Check: article.DateCheck{Checked: true}}
	put(t, s, held)
	put(t, s, coded)
	wantOf := map[int64]string{held.ID: why, coded.ID: ""}
	for id, want := range wantOf {
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if a.NotNews != want {
			t.Errorf("Article(%d).NotNews = %q, want %q", id, a.NotNews, want)
		}
	}
	arts, err := s.ListArticles(ctx, store.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		if a.NotNews != wantOf[a.ID] {
			t.Errorf("ListArticles: article %d NotNews = %q, want %q", a.ID, a.NotNews, wantOf[a.ID])
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
	if len(page.Articles) != 2 {
		t.Fatalf("ArticlePage: %d articles, want 2", len(page.Articles))
	}
	for _, a := range page.Articles {
		if a.NotNews != wantOf[a.ID] {
			t.Errorf("ArticlePage: article %d NotNews = %q, want %q", a.ID, a.NotNews, wantOf[a.ID])
		}
	}
}
