package postgres

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/store"
)

var _ store.Reader = (*DB)(nil)

const (
	defaultPage = 50
	maxPage     = 500
)

func pageSize(n int) int {
	switch {
	case n <= 0:
		return defaultPage
	case n > maxPage:
		return maxPage
	}
	return n
}

// cursor is where a page ended: the day and id of its last row. Lists are
// ordered by day, newest first, then by id, descending; rows without a day
// come after all dated rows. The encoding is the SQLite store's, so a
// client's cursor means the same on either store.
type cursor struct {
	Date string `json:"d,omitempty"`
	ID   int64  `json:"i,omitempty"`
	Key  string `json:"k,omitempty"` // text ids (stories)
}

func (c cursor) encode() string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string) (*cursor, error) {
	if s == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("bad cursor %q", s)
	}
	var c cursor
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("bad cursor %q", s)
	}
	if c.Date != "" {
		if _, err := time.Parse(time.DateOnly, c.Date); err != nil {
			return nil, fmt.Errorf("bad cursor %q", s)
		}
	}
	return &c, nil
}

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
// as the outlet of the article it copies (a, o as in the joins below).
const outletExpr = `CASE WHEN a.dup_of IS NOT NULL THEN COALESCE(NULLIF(o.outlet, ''), o.source) ELSE COALESCE(NULLIF(a.outlet, ''), a.source) END`
