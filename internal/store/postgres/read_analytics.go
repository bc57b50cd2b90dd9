package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/dyad-project/dyad/internal/store"
)

// Text results are ordered with COLLATE "C", byte order, as SQLite orders
// them, so both stores list ties the same way whatever the database's
// collation.

// bucketExpr is the first day of the period holding date_start.
func bucketExpr(bucket string) (string, error) {
	switch bucket {
	case "day":
		return "date_start", nil
	case "week":
		return "date_trunc('week', date_start)::date", nil // ISO weeks start on Monday
	case "", "month":
		return "date_trunc('month', date_start)::date", nil
	}
	return "", fmt.Errorf("bucket %q: want day, week or month", bucket)
}

// DyadSeries counts the mentions between two countries, either direction,
// per period.
func (s *DB) DyadSeries(ctx context.Context, q store.SeriesQuery) ([]store.SeriesPoint, error) {
	b, err := bucketExpr(q.Bucket)
	if err != nil {
		return nil, err
	}
	a, r := strings.ToUpper(q.A), strings.ToUpper(q.B)
	if a == "" || r == "" {
		return nil, fmt.Errorf("dyad series: two country codes needed")
	}
	var w where
	partyCond(&w, [2]string{a, r}, "", "", false)
	w.add("date_start IS NOT NULL AND NOT background AND NOT reference")
	if !q.Since.IsZero() {
		w.add("date_start >= " + w.arg(dayOrEmpty(q.Since)) + "::date")
	}
	if !q.Until.IsZero() {
		w.add("date_start <= " + w.arg(dayOrEmpty(q.Until)) + "::date")
	}
	query := `SELECT ` + b + ` AS b, COUNT(*), COUNT(DISTINCT NULLIF(story_id, '')),
		COUNT(*) FILTER (WHERE quad NOT BETWEEN 1 AND 4), COUNT(*) FILTER (WHERE quad = 1), COUNT(*) FILTER (WHERE quad = 2),
		COUNT(*) FILTER (WHERE quad = 3), COUNT(*) FILTER (WHERE quad = 4), COALESCE(SUM(score), 0)
		FROM mentions WHERE ` + w.sql() + ` GROUP BY 1 ORDER BY 1`
	rows, err := s.q.Query(ctx, query, w.args...)
	if err != nil {
		return nil, fmt.Errorf("dyad series: %w", err)
	}
	defer rows.Close()
	var out []store.SeriesPoint
	for rows.Next() {
		var p store.SeriesPoint
		var day time.Time
		if err := rows.Scan(&day, &p.Mentions, &p.Stories, &p.Quad[0], &p.Quad[1], &p.Quad[2], &p.Quad[3], &p.Quad[4], &p.Score); err != nil {
			return nil, fmt.Errorf("dyad series: %w", err)
		}
		p.Start = dayOf(&day)
		out = append(out, p)
	}
	return out, rows.Err()
}

// periodWhere restricts mentions (unqualified columns) to news of a period.
func periodWhere(since, until time.Time) *where {
	w := &where{}
	w.add("NOT background AND NOT reference AND date_start IS NOT NULL")
	if !since.IsZero() {
		w.add("date_end >= " + w.arg(dayOrEmpty(since)) + "::date")
	}
	if !until.IsZero() {
		w.add("date_start <= " + w.arg(dayOrEmpty(until)) + "::date")
	}
	return w
}

// Network returns the strongest directed edges between actors in a period.
func (s *DB) Network(ctx context.Context, q store.NetworkQuery) ([]store.Edge, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 200
	}
	src, srcl, dst, dstl := "actor_code", "actor_code", "recip_code", "recip_code"
	if q.Entities {
		src = "CASE WHEN actor_entity <> '' THEN actor_entity ELSE actor_code END"
		srcl = "CASE WHEN actor_entity <> '' THEN actor_name ELSE actor_code END"
		dst = "CASE WHEN recip_entity <> '' THEN recip_entity ELSE recip_code END"
		dstl = "CASE WHEN recip_entity <> '' THEN recip_name ELSE recip_code END"
	}
	w := periodWhere(q.Since, q.Until)
	w.add("actor_code <> '' AND recip_code <> ''")
	query := `SELECT src, dst, MAX(srcl COLLATE "C"), MAX(dstl COLLATE "C"), COUNT(*),
		COUNT(*) FILTER (WHERE quad IN (3, 4)), COUNT(*) FILTER (WHERE quad IN (1, 2)) FROM (
		SELECT ` + src + ` AS src, ` + srcl + ` AS srcl, ` + dst + ` AS dst, ` + dstl + ` AS dstl, quad
		FROM mentions WHERE ` + w.sql() + `) e WHERE src <> dst GROUP BY src, dst
		ORDER BY COUNT(*) DESC, src COLLATE "C", dst COLLATE "C" LIMIT ` + w.arg(limit)
	rows, err := s.q.Query(ctx, query, w.args...)
	if err != nil {
		return nil, fmt.Errorf("network: %w", err)
	}
	defer rows.Close()
	out, err := store.Collect(rows, store.ScanEdge)
	if err != nil {
		return nil, fmt.Errorf("network: %w", err)
	}
	return out, nil
}

// Intensity counts the news mentions involving each country in a period.
func (s *DB) Intensity(ctx context.Context, since, until time.Time) ([]store.CountryIntensity, error) {
	w := periodWhere(since, until)
	// the same numbered arguments serve both arms
	query := `SELECT c, COUNT(*), COUNT(*) FILTER (WHERE quad IN (3, 4)), COUNT(*) FILTER (WHERE quad IN (1, 2)) FROM (
		SELECT actor_code AS c, quad FROM mentions WHERE actor_code <> '' AND ` + w.sql() + `
		UNION ALL
		SELECT recip_code, quad FROM mentions WHERE recip_code <> '' AND recip_code <> actor_code AND ` + w.sql() + `
	) x GROUP BY c ORDER BY c COLLATE "C"`
	rows, err := s.q.Query(ctx, query, w.args...)
	if err != nil {
		return nil, fmt.Errorf("intensity: %w", err)
	}
	defer rows.Close()
	out, err := store.Collect(rows, store.ScanIntensity)
	if err != nil {
		return nil, fmt.Errorf("intensity: %w", err)
	}
	return out, nil
}

// BusiestDyads returns the pairs of countries with the most stories in a
// period, either direction counted together.
func (s *DB) BusiestDyads(ctx context.Context, since, until time.Time, limit int) ([]store.DyadCount, error) {
	if limit <= 0 {
		limit = 10
	}
	var w where
	w.add("actor_code <> '' AND recip_code <> '' AND actor_code <> recip_code")
	if !since.IsZero() {
		w.add("date_end >= " + w.arg(dayOrEmpty(since)) + "::date")
	}
	if !until.IsZero() {
		w.add("date_start <= " + w.arg(dayOrEmpty(until)) + "::date")
	}
	query := `SELECT LEAST(actor_code COLLATE "C", recip_code COLLATE "C") AS x,
		GREATEST(actor_code COLLATE "C", recip_code COLLATE "C") AS y, COUNT(*), MAX(outlets)
		FROM stories WHERE ` + w.sql() + ` GROUP BY x, y ORDER BY COUNT(*) DESC, x, y LIMIT ` + w.arg(limit)
	rows, err := s.q.Query(ctx, query, w.args...)
	if err != nil {
		return nil, fmt.Errorf("busiest dyads: %w", err)
	}
	defer rows.Close()
	out, err := store.Collect(rows, store.ScanDyadCount)
	if err != nil {
		return nil, fmt.Errorf("busiest dyads: %w", err)
	}
	return out, nil
}

// Span returns the first and last start day of the stored stories; the
// last is at most today, as a planned event can be dated in the future.
func (s *DB) Span(ctx context.Context) (first, last time.Time, err error) {
	var lo, hi *time.Time
	err = s.q.QueryRow(ctx, `SELECT (SELECT MIN(date_start) FROM stories),
		(SELECT MAX(date_start) FROM stories WHERE date_start <= $1::date)`,
		time.Now().UTC().Format(time.DateOnly)).Scan(&lo, &hi)
	if err != nil {
		return first, last, fmt.Errorf("span: %w", err)
	}
	return dayOf(lo), dayOf(hi), nil
}
