package postgres

import (
	"context"
	"errors"
	"fmt"
	"math/bits"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/store"
)

// nearDistance is the largest Hamming distance between two SimHashes that
// still counts as the same text (a syndicated copy with other chrome).
const nearDistance = 3

func bands(h uint64) [4]int32 {
	return [4]int32{int32(h & 0xffff), int32(h >> 16 & 0xffff), int32(h >> 32 & 0xffff), int32(h >> 48 & 0xffff)}
}

// PutArticle stores a, unless an article with the same content hash is
// already there. A near-duplicate is stored and linked to the earliest copy.
func (s *DB) PutArticle(ctx context.Context, a *article.Article) (store.PutResult, error) {
	if a.Hash == "" {
		a.Hash = article.ContentHash(a.Text)
	}
	var res store.PutResult
	err := s.inTx(ctx, func(q querier) error {
		// Two workers storing near-identical texts at once would both miss
		// the other; a lock per SimHash band makes them take turns.
		b := bands(a.SimHash)
		if a.SimHash != 0 {
			names := make([]string, 4)
			for i, v := range b {
				names[i] = fmt.Sprintf("band%d:%d", i, v)
			}
			if err := advisoryLock(ctx, q, lockKeys(names)); err != nil {
				return err
			}
		}
		err := q.QueryRow(ctx, `SELECT id, COALESCE(dup_of, 0) FROM articles WHERE hash = $1`, a.Hash).Scan(&res.ID, &res.NearDupOf)
		if err == nil || !errors.Is(err, pgx.ErrNoRows) {
			return err
		}
		near, err := findNear(ctx, q, a.SimHash)
		if err != nil {
			return err
		}
		ingested := a.Ingested
		if ingested.IsZero() {
			ingested = time.Now().UTC()
		}
		// ON CONFLICT: a worker given the same document concurrently (a
		// redelivery) waits for the other's commit and then finds its row.
		err = q.QueryRow(ctx, `INSERT INTO articles
			(source, url, outlet, title, author, published, published_from, language, text, hash, simhash,
			 band0, band1, band2, band3, dup_of, ingested,
			 date_checked, date_conflict, content_start, content_end, date_reasons, date_inconsistent, not_news)
			VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24)
			ON CONFLICT (hash) DO NOTHING RETURNING id`,
			a.Source, a.URL, a.Outlet, a.Title, a.Author, nullDate(a.Published), string(a.DateFrom), a.Language,
			a.Text, a.Hash, int64(a.SimHash), b[0], b[1], b[2], b[3], nullID(near), ingested,
			a.Check.Checked, a.Check.Conflict, nullDate(a.Check.Start), nullDate(a.Check.End),
			list(a.Check.Reasons), list(a.Check.Inconsistent), a.NotNews).Scan(&res.ID)
		if errors.Is(err, pgx.ErrNoRows) {
			return q.QueryRow(ctx, `SELECT id, COALESCE(dup_of, 0) FROM articles WHERE hash = $1`, a.Hash).Scan(&res.ID, &res.NearDupOf)
		}
		res.Created, res.NearDupOf = err == nil, near
		return err
	})
	if err != nil {
		return store.PutResult{}, fmt.Errorf("store article %s: %w", a.Source, err)
	}
	a.ID, a.DupOf = res.ID, res.NearDupOf
	return res, nil
}

// findNear returns the earliest stored article whose SimHash is within
// nearDistance of h, or 0.
func findNear(ctx context.Context, q querier, h uint64) (int64, error) {
	if h == 0 {
		return 0, nil
	}
	b := bands(h)
	rows, err := q.Query(ctx, `SELECT id, simhash, COALESCE(dup_of, 0) FROM articles
		WHERE band0 = $1 OR band1 = $2 OR band2 = $3 OR band3 = $4 ORDER BY id`, b[0], b[1], b[2], b[3])
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, sh, dup int64
		if err := rows.Scan(&id, &sh, &dup); err != nil {
			return 0, err
		}
		if bits.OnesCount64(uint64(sh)^h) <= nearDistance {
			if dup != 0 {
				return dup, nil
			}
			return id, nil
		}
	}
	return 0, rows.Err()
}

const articleCols = `id, source, url, outlet, title, author, published, published_from, language, text, hash, simhash, COALESCE(dup_of, 0), ingested, not_news, ` + checkCols

// checkCols are the date check's columns, read through checkDest.
const checkCols = `date_checked, date_conflict, content_start, content_end, date_reasons, date_inconsistent`

// checkColsA are checkCols of the articles aliased a.
const checkColsA = `a.date_checked, a.date_conflict, a.content_start, a.content_end, a.date_reasons, a.date_inconsistent`

// checkDest returns the scan destinations of checkCols; finish fills c
// from them once scanned.
func checkDest(c *article.DateCheck) (dest []any, finish func()) {
	var start, end *time.Time
	dest = []any{&c.Checked, &c.Conflict, &start, &end, &c.Reasons, &c.Inconsistent}
	return dest, func() { c.Start, c.End = dayOf(start), dayOf(end) }
}

// list is a string list as stored: a JSON array, [] rather than null.
func list(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

func scanArticle(sc pgx.Row) (article.Article, error) {
	var a article.Article
	var pub *time.Time
	var from string
	var sh int64
	check, finish := checkDest(&a.Check)
	err := sc.Scan(append([]any{&a.ID, &a.Source, &a.URL, &a.Outlet, &a.Title, &a.Author, &pub, &from, &a.Language, &a.Text, &a.Hash, &sh, &a.DupOf, &a.Ingested, &a.NotNews}, check...)...)
	if err != nil {
		return a, err
	}
	finish()
	a.SimHash = uint64(sh)
	a.DateFrom = article.DateSource(from)
	if pub != nil {
		a.Published = article.Day(*pub)
	}
	a.Ingested = a.Ingested.UTC()
	return a, nil
}

// Article returns one stored article.
func (s *DB) Article(ctx context.Context, id int64) (*article.Article, error) {
	a, err := scanArticle(s.q.QueryRow(ctx, `SELECT `+articleCols+` FROM articles WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("article %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}
	return &a, nil
}

// ListArticles returns stored articles in ingest order.
func (s *DB) ListArticles(ctx context.Context, f store.ArticleFilter) ([]article.Article, error) {
	var out []article.Article
	err := s.EachArticle(ctx, f, func(a *article.Article) error {
		out = append(out, *a)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return out, nil
}

// CountArticles returns how many articles are stored.
func (s *DB) CountArticles(ctx context.Context) (int, error) {
	var n int
	err := s.q.QueryRow(ctx, `SELECT COUNT(*) FROM articles`).Scan(&n)
	return n, err
}

// HasHash reports whether an article with this content hash is stored.
func (s *DB) HasHash(ctx context.Context, hash string) (bool, error) {
	var ok bool
	err := s.q.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE hash = $1)`, hash).Scan(&ok)
	return ok, err
}

func nullDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return article.Day(t)
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
