package sqlite

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/dyad-project/dyad/internal/store"
)

var _ store.Reader = (*DB)(nil)

// The paging helpers are the store package's, shared by every backend.
type cursor = store.Cursor

func pageSize(n int) int { return store.PageSize(n) }

func decodeCursor(s string) (*cursor, error) { return store.DecodeCursor(s) }

// phase is one WHERE condition of a keyset page. Dated rows are read first
// through the date index, then undated ones, so that each phase is an index
// range rather than a filter over the whole table.
type phase struct {
	cond string
	args []any
}

func phases(after string, dateCol, idCol string, textID bool) ([]phase, error) {
	c, err := decodeCursor(after)
	if err != nil {
		return nil, err
	}
	var id any
	if c != nil {
		id = c.ID
		if textID {
			id = c.Key
		}
	}
	undated := phase{cond: dateCol + " IS NULL"}
	switch {
	case c == nil:
		return []phase{{cond: dateCol + " IS NOT NULL"}, undated}, nil
	case c.Date == "":
		return []phase{{cond: dateCol + " IS NULL AND " + idCol + " < ?", args: []any{id}}}, nil
	}
	return []phase{{cond: fmt.Sprintf("%s <= ? AND (%s < ? OR %s < ?)", dateCol, dateCol, idCol), args: []any{c.Date, c.Date, id}}, undated}, nil
}

// conds collects the AND-ed terms of a WHERE clause and their arguments.
type conds struct {
	terms []string
	args  []any
}

func (c *conds) add(term string, args ...any) {
	c.terms = append(c.terms, term)
	c.args = append(c.args, args...)
}

func (c *conds) sql() string {
	if len(c.terms) == 0 {
		return "1"
	}
	return strings.Join(c.terms, " AND ")
}

func (c *conds) with(more ...conds) conds {
	out := conds{terms: append([]string(nil), c.terms...), args: append([]any(nil), c.args...)}
	for _, m := range more {
		out.terms = append(out.terms, m.terms...)
		out.args = append(out.args, m.args...)
	}
	return out
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// ftsQuery turns what a user typed into an FTS5 query that cannot be a
// syntax error: every word quoted, all required; a trailing * keeps its
// prefix meaning.
func ftsQuery(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '*' && r != '\''
	})
	var out []string
	for _, w := range words {
		prefix := strings.HasSuffix(w, "*")
		w = strings.Trim(w, "*'")
		if w == "" {
			continue
		}
		q := `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		if prefix {
			q += "*"
		}
		out = append(out, q)
	}
	return strings.Join(out, " ")
}

// isCountry tells a country code (USA, IRQ, IGO) from an entity id.
func isCountry(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

func dayOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func parseDay(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

// outletExpr is an article's independent outlet: a syndicated copy counts
// as the outlet of the article it copies (a, o as in the joins below); ""
// when unknown, never the file path or URL: an unnamed source is not an
// independent outlet (it counts for none in stories.outlets).
const outletExpr = `CASE WHEN a.dup_of IS NOT NULL THEN o.outlet ELSE a.outlet END`
