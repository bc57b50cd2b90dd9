package postgres

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/store"
)

var _ store.Reader = (*DB)(nil)

// The paging helpers are the store package's, shared by every backend.
type cursor = store.Cursor

func pageSize(n int) int { return store.PageSize(n) }

func decodeCursor(s string) (*cursor, error) { return store.DecodeCursor(s) }

// where collects the AND-ed terms of a WHERE clause and numbers their
// arguments.
type where struct {
	terms []string
	args  []any
}

// arg adds an argument and returns its placeholder.
func (w *where) arg(v any) string {
	w.args = append(w.args, v)
	return fmt.Sprintf("$%d", len(w.args))
}

func (w *where) add(term string) { w.terms = append(w.terms, term) }

func (w *where) sql() string {
	if len(w.terms) == 0 {
		return "true"
	}
	return strings.Join(w.terms, " AND ")
}

// keyset adds the condition of rows after cursor c in the order
// "dateCol DESC NULLS LAST, idCol DESC".
func (w *where) keyset(c *cursor, dateCol, idCol string, textID bool) {
	if c == nil {
		return
	}
	var id string
	if textID {
		id = w.arg(c.Key) + ` COLLATE "C"`
		idCol += ` COLLATE "C"`
	} else {
		id = w.arg(c.ID)
	}
	if c.Date == "" {
		w.add(fmt.Sprintf("%s IS NULL AND %s < %s", dateCol, idCol, id))
		return
	}
	d := w.arg(c.Date) + "::date"
	w.add(fmt.Sprintf("(%s IS NULL OR %s < %s OR (%s = %s AND %s < %s))", dateCol, dateCol, d, dateCol, d, idCol, id))
}

// tsQuery turns what a user typed into a tsquery expression that cannot be
// a syntax error: every word required, and a trailing * keeps its prefix
// meaning. The words go to plainto_tsquery; prefixes, reduced to letters
// and digits, to to_tsquery with :*. ok is false when nothing searchable
// is left (only punctuation).
func (w *where) tsQuery(s string) (expr string, ok bool) {
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '*' && r != '\''
	})
	var plain, prefix []string
	for _, word := range words {
		isPrefix := strings.HasSuffix(word, "*")
		parts := strings.FieldsFunc(word, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if len(parts) == 0 {
			continue
		}
		if isPrefix {
			prefix = append(prefix, parts[len(parts)-1]+":*")
			parts = parts[:len(parts)-1]
		}
		plain = append(plain, parts...)
	}
	var qs []string
	if len(plain) > 0 {
		qs = append(qs, "plainto_tsquery('simple', "+w.arg(strings.Join(plain, " "))+")")
	}
	if len(prefix) > 0 {
		qs = append(qs, "to_tsquery('simple', "+w.arg(strings.Join(prefix, " & "))+")")
	}
	if len(qs) == 0 {
		return "", false
	}
	return "(" + strings.Join(qs, " && ") + ")", true
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

func dayOf(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return article.Day(*t)
}

// outletExpr is an article's independent outlet: a syndicated copy counts
// as the outlet of the article it copies (a, o as in the joins below); ""
// when unknown, never the file path or URL: an unnamed source is not an
// independent outlet (it counts for none in stories.outlets).
const outletExpr = `CASE WHEN a.dup_of IS NOT NULL THEN o.outlet ELSE a.outlet END`
