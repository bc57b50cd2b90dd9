package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/store"
)

var _ store.Store = (*DB)(nil)

// nearDistance is the largest Hamming distance between two SimHashes that
// still counts as the same text (a syndicated copy with other chrome).
const nearDistance = 3

func bands(h uint64) [4]int64 {
	return [4]int64{int64(h & 0xffff), int64(h >> 16 & 0xffff), int64(h >> 32 & 0xffff), int64(h >> 48 & 0xffff)}
}

// PutArticle stores a, unless an article with the same content hash is
// already there. A near-duplicate is stored and linked to the earliest copy.
func (s *DB) PutArticle(ctx context.Context, a *article.Article) (store.PutResult, error) {
	if a.Hash == "" {
		a.Hash = article.ContentHash(a.Text)
	}
	var res store.PutResult
	err := s.inTxQ(ctx, func(tx querier) error {
		err := tx.QueryRowContext(ctx, `SELECT id, COALESCE(dup_of, 0) FROM articles WHERE hash = ?`, a.Hash).Scan(&res.ID, &res.NearDupOf)
		if err == nil {
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		near, err := findNear(ctx, tx, a.SimHash)
		if err != nil {
			return err
		}
		b := bands(a.SimHash)
		ingested := a.Ingested
		if ingested.IsZero() {
			ingested = time.Now().UTC()
		}
		r, err := tx.ExecContext(ctx, `INSERT INTO articles
			(source, url, outlet, title, author, published, published_from, language, text, hash, simhash,
			 band0, band1, band2, band3, dup_of, ingested,
			 date_checked, date_conflict, content_start, content_end, date_reasons, date_inconsistent, not_news)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			a.Source, a.URL, a.Outlet, a.Title, a.Author, nullDate(a.Published), string(a.DateFrom), a.Language,
			a.Text, a.Hash, int64(a.SimHash), b[0], b[1], b[2], b[3], nullID(near), ingested.Format(time.RFC3339),
			a.Check.Checked, a.Check.Conflict, nullDate(a.Check.Start), nullDate(a.Check.End),
			jsonList(a.Check.Reasons), jsonList(a.Check.Inconsistent), a.NotNews)
		if err != nil {
			return err
		}
		res.ID, err = r.LastInsertId()
		res.Created, res.NearDupOf = true, near
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
func findNear(ctx context.Context, tx querier, h uint64) (int64, error) {
	if h == 0 {
		return 0, nil
	}
	b := bands(h)
	rows, err := tx.QueryContext(ctx, `SELECT id, simhash, COALESCE(dup_of, 0) FROM articles
		WHERE band0 = ? OR band1 = ? OR band2 = ? OR band3 = ? ORDER BY id`, b[0], b[1], b[2], b[3])
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

const articleCols = `id, source, url, outlet, title, author, COALESCE(published, ''), published_from, language, text, hash, simhash, COALESCE(dup_of, 0), ingested, not_news, ` + checkCols

// checkCols are the date check's columns, read by scanCheck.
const checkCols = `date_checked, date_conflict, COALESCE(content_start, ''), COALESCE(content_end, ''), date_reasons, date_inconsistent`

// checkColsA are checkCols of the articles aliased a.
const checkColsA = `a.date_checked, a.date_conflict, COALESCE(a.content_start, ''), COALESCE(a.content_end, ''), a.date_reasons, a.date_inconsistent`

// checkDest returns the scan destinations of checkCols; finish fills c
// from them once scanned.
func checkDest(c *article.DateCheck) (dest []any, finish func()) {
	var start, end, reasons, inconsistent string
	dest = []any{&c.Checked, &c.Conflict, &start, &end, &reasons, &inconsistent}
	return dest, func() {
		c.Start, c.End = parseDay(start), parseDay(end)
		_ = json.Unmarshal([]byte(reasons), &c.Reasons)
		_ = json.Unmarshal([]byte(inconsistent), &c.Inconsistent)
	}
}

// jsonList is a string list as stored: a JSON array, [] when empty.
func jsonList(l []string) string {
	if len(l) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(l)
	return string(b)
}

func scanArticle(sc interface{ Scan(...any) error }) (article.Article, error) {
	var a article.Article
	var pub, from, ingested string
	var sh int64
	check, finish := checkDest(&a.Check)
	err := sc.Scan(append([]any{&a.ID, &a.Source, &a.URL, &a.Outlet, &a.Title, &a.Author, &pub, &from, &a.Language, &a.Text, &a.Hash, &sh, &a.DupOf, &ingested, &a.NotNews}, check...)...)
	if err != nil {
		return a, err
	}
	finish()
	a.SimHash = uint64(sh)
	a.DateFrom = article.DateSource(from)
	if pub != "" {
		a.Published, _ = time.Parse(time.DateOnly, pub)
	}
	a.Ingested, _ = time.Parse(time.RFC3339, ingested)
	return a, nil
}

// Article returns one stored article.
func (s *DB) Article(ctx context.Context, id int64) (*article.Article, error) {
	a, err := scanArticle(s.q.QueryRowContext(ctx, `SELECT `+articleCols+` FROM articles WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
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
	err := s.q.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles`).Scan(&n)
	return n, err
}

func nullDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format(time.DateOnly)
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// HasHash reports whether an article with this content hash is stored.
// Outside a transaction it reads the last commit without waiting for the
// writer's open one (an article in it is found when coded: PutArticle
// then reports it stored).
func (s *DB) HasHash(ctx context.Context, hash string) (bool, error) {
	var q querier = s.q
	if s.tx == nil && s.reads != nil {
		q = s.reads
	}
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles WHERE hash = ?`, hash).Scan(&n)
	return n > 0, err
}
