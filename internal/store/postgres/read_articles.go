package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/store"
)

// ArticlePage returns one page of articles matching q, latest ingested
// first.
func (s *DB) ArticlePage(ctx context.Context, q store.ArticleQuery) (store.ArticlePage, error) {
	limit := pageSize(q.Limit)
	c, err := decodeCursor(q.After)
	if err != nil {
		return store.ArticlePage{}, fmt.Errorf("articles: %w", err)
	}
	var w where
	if c != nil {
		w.add("a.id < " + w.arg(c.ID))
	}
	if !q.Since.IsZero() {
		w.add("a.published >= " + w.arg(dayOrEmpty(q.Since)) + "::date")
	}
	if !q.Until.IsZero() {
		w.add("a.published <= " + w.arg(dayOrEmpty(q.Until)) + "::date")
	}
	if q.Outlet != "" {
		w.add("a.outlet = " + w.arg(q.Outlet))
	}
	if strings.TrimSpace(q.Text) != "" {
		tq, ok := w.tsQuery(q.Text)
		if !ok {
			return store.ArticlePage{}, nil
		}
		w.add("a.text_tsv @@ " + tq)
	}
	query := `SELECT a.id, a.source, a.url, a.outlet, a.title, a.published, a.published_from, a.language,
		COALESCE(a.dup_of, 0), (SELECT COUNT(*) FROM mentions x WHERE x.article_id = a.id), a.not_news, ` + checkColsA + `
		FROM articles a WHERE ` + w.sql() + ` ORDER BY a.id DESC LIMIT ` + w.arg(limit+1)
	rows, err := s.q.Query(ctx, query, w.args...)
	if err != nil {
		return store.ArticlePage{}, fmt.Errorf("articles: %w", err)
	}
	defer rows.Close()
	var page store.ArticlePage
	for rows.Next() {
		var a store.ArticleSummary
		var pub *time.Time
		var from string
		check, finish := checkDest(&a.Check)
		if err := rows.Scan(append([]any{&a.ID, &a.Source, &a.URL, &a.Outlet, &a.Title, &pub, &from, &a.Language, &a.DupOf, &a.Mentions, &a.NotNews}, check...)...); err != nil {
			return store.ArticlePage{}, fmt.Errorf("articles: %w", err)
		}
		finish()
		a.Published, a.DateFrom = dayOf(pub), article.DateSource(from)
		page.Articles = append(page.Articles, a)
	}
	if err := rows.Err(); err != nil {
		return store.ArticlePage{}, fmt.Errorf("articles: %w", err)
	}
	if len(page.Articles) > limit {
		page.Articles = page.Articles[:limit]
		page.Next = cursor{ID: page.Articles[limit-1].ID}.Encode()
	}
	return page, nil
}
