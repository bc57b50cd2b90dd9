package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/dyad-project/dyad/internal/store"
)

// bucketExpr is the first day of the period holding m.date_start.
func bucketExpr(bucket string) (string, error) {
	switch bucket {
	case "day":
		return "date_start", nil
	case "week":
		return "date(date_start, '-6 days', 'weekday 1')", nil
	case "", "month":
		return "substr(date_start, 1, 7) || '-01'", nil
	}
	return "", fmt.Errorf("bucket %q: want day, week or month", bucket)
}

// DyadSeries counts the mentions between two countries, either direction,
// per period. It reads only the mentions_series index.
func (s *DB) DyadSeries(ctx context.Context, q store.SeriesQuery) ([]store.SeriesPoint, error) {
	b, err := bucketExpr(q.Bucket)
	if err != nil {
		return nil, err
	}
	a, r := strings.ToUpper(q.A), strings.ToUpper(q.B)
	if a == "" || r == "" {
		return nil, fmt.Errorf("dyad series: two country codes needed")
	}
	var w conds
	w.add("date_start IS NOT NULL AND background = 0 AND reference = 0")
	if !q.Since.IsZero() {
		w.add("date_start >= ?", dayOrEmpty(q.Since))
	}
	if !q.Until.IsZero() {
		w.add("date_start <= ?", dayOrEmpty(q.Until))
	}
	arm := "SELECT " + b + " AS b, quad, score, story_id FROM mentions INDEXED BY mentions_series WHERE actor_code = ? AND recip_code = ? AND " + w.sql()
	inner, args := arm, append([]any{a, r}, w.args...)
	if a != r {
		inner += " UNION ALL " + arm
		args = append(append(args, r, a), w.args...)
	}
	query := `SELECT b, COUNT(*), COUNT(DISTINCT NULLIF(story_id, '')),
		SUM(quad NOT BETWEEN 1 AND 4), SUM(quad = 1), SUM(quad = 2), SUM(quad = 3), SUM(quad = 4), TOTAL(score)
		FROM (` + inner + `) GROUP BY b ORDER BY b`
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("dyad series: %w", err)
	}
	defer rows.Close()
	var out []store.SeriesPoint
	for rows.Next() {
		var p store.SeriesPoint
		var day string
		if err := rows.Scan(&day, &p.Mentions, &p.Stories, &p.Quad[0], &p.Quad[1], &p.Quad[2], &p.Quad[3], &p.Quad[4], &p.Score); err != nil {
			return nil, fmt.Errorf("dyad series: %w", err)
		}
		p.Start = parseDay(day)
		out = append(out, p)
	}
	return out, rows.Err()
}

// periodConds restricts mentions (unqualified columns) to news of a period.
func periodConds(since, until time.Time) conds {
	var w conds
	w.add("background = 0 AND reference = 0 AND date_start IS NOT NULL")
	if !since.IsZero() {
		w.add("date_end >= ?", dayOrEmpty(since))
	}
	if !until.IsZero() {
		w.add("date_start <= ?", dayOrEmpty(until))
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
	w := periodConds(q.Since, q.Until)
	w.add("actor_code <> '' AND recip_code <> ''")
	query := `SELECT src, dst, MAX(srcl), MAX(dstl), COUNT(*), SUM(quad IN (3, 4)), SUM(quad IN (1, 2)) FROM (
		SELECT ` + src + ` AS src, ` + srcl + ` AS srcl, ` + dst + ` AS dst, ` + dstl + ` AS dstl, quad
		FROM mentions WHERE ` + w.sql() + `) WHERE src <> dst GROUP BY src, dst ORDER BY COUNT(*) DESC, src, dst LIMIT ?`
	rows, err := s.db.QueryContext(ctx, query, append(w.args, limit)...)
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
	w := periodConds(since, until)
	query := `SELECT c, COUNT(*), SUM(quad IN (3, 4)), SUM(quad IN (1, 2)) FROM (
		SELECT actor_code AS c, quad FROM mentions WHERE actor_code <> '' AND ` + w.sql() + `
		UNION ALL
		SELECT recip_code, quad FROM mentions WHERE recip_code <> '' AND recip_code <> actor_code AND ` + w.sql() + `
	) GROUP BY c ORDER BY c`
	rows, err := s.db.QueryContext(ctx, query, append(append([]any(nil), w.args...), w.args...)...)
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
	var w conds
	w.add("actor_code <> '' AND recip_code <> '' AND actor_code <> recip_code")
	if !since.IsZero() {
		w.add("date_end >= ?", dayOrEmpty(since))
	}
	if !until.IsZero() {
		w.add("date_start <= ?", dayOrEmpty(until))
	}
	query := `SELECT MIN(actor_code, recip_code) AS x, MAX(actor_code, recip_code) AS y, COUNT(*), MAX(outlets)
		FROM stories WHERE ` + w.sql() + ` GROUP BY x, y ORDER BY COUNT(*) DESC, x, y LIMIT ?`
	rows, err := s.db.QueryContext(ctx, query, append(w.args, limit)...)
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
	var lo, hi sql.NullString
	err = s.db.QueryRowContext(ctx, `SELECT (SELECT MIN(date_start) FROM stories),
		(SELECT date_start FROM stories WHERE date_start <= ? ORDER BY date_start DESC LIMIT 1)`,
		time.Now().UTC().Format(time.DateOnly)).Scan(&lo, &hi)
	if err != nil {
		return first, last, fmt.Errorf("span: %w", err)
	}
	return parseDay(lo.String), parseDay(hi.String), nil
}
