package eval

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Gold is one gold folder: events.jsonl and the optional docs.jsonl
// (format in gold/README.md).
type Gold struct {
	Events []GoldEvent
	Docs   []GoldDoc
}

// GoldEvent is one line of events.jsonl. Fields the scorer does not read
// (mode, claim, entity, note…) are kept for readers of the gold.
type GoldEvent struct {
	ID         string
	Doc        string
	Core       bool
	Event      []string // acceptable PLOVER types
	Mode       string
	Actor      *GoldParty // nil: any actor
	Recipient  *GoldParty // nil: any recipient
	Reciprocal bool
	Date       []string // [from, to], ISO dates as written
	Background bool
	Claim      string
	Story      string // "" when the event is in no cross-document story
	Evidence   string
	Note       string

	from, to date
}

// GoldParty is a gold actor or recipient.
type GoldParty struct {
	Text   string
	Entity string
	// Country lists the acceptable codes; nil accepts any party, and a nil
	// element accepts an empty (absent) predicted party.
	Country []*string
	Sector  []*string
	// empty marks the JSON object {}, which the script prints as "{}".
	empty bool
}

// GoldDoc is one line of docs.jsonl.
type GoldDoc struct {
	Doc           string
	Outlet        string
	Published     []string // [from, to]
	ContentWindow []string // [from, to] where DateConflict, else nil
	DateConflict  bool
	Note          string

	pubFrom, pubTo, winFrom, winTo date
}

// LoadGold reads dir/events.jsonl and, when present, dir/docs.jsonl. It
// refuses lines the script could not score (it would stop on them).
func LoadGold(dir string) (*Gold, error) {
	g := &Gold{}
	path := filepath.Join(dir, "events.jsonl")
	err := readJSONLFile(path, func(n int, m map[string]any) error {
		e, err := goldEvent(m)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
		g.Events = append(g.Events, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	path = filepath.Join(dir, "docs.jsonl")
	err = readJSONLFile(path, func(n int, m map[string]any) error {
		d, err := goldDoc(m)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
		g.Docs = append(g.Docs, d)
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return g, nil
}

func readJSONLFile(path string, fn func(int, map[string]any) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	err = readJSONL(f, fn)
	var le *lineError
	if errors.As(err, &le) {
		return fmt.Errorf("%s:%d: %w", path, le.n, le.err)
	}
	return err
}

func goldEvent(m map[string]any) (GoldEvent, error) {
	var e GoldEvent
	var err error
	if e.ID, err = reqString(m, "id"); err != nil {
		return e, err
	}
	if e.Doc, err = reqString(m, "doc"); err != nil {
		return e, err
	}
	core, ok := m["core"]
	if !ok {
		return e, errors.New(`no "core"`)
	}
	e.Core = truthy(core)
	if e.Event, err = stringList(m, "event"); err != nil {
		return e, err
	}
	if e.Event == nil {
		return e, errors.New(`no "event" list`)
	}
	if e.Date, e.from, e.to, err = window(m, "date"); err != nil {
		return e, err
	}
	if e.Actor, err = goldParty(m, "actor"); err != nil {
		return e, err
	}
	if e.Recipient, err = goldParty(m, "recipient"); err != nil {
		return e, err
	}
	if story := m["story"]; truthy(story) {
		if e.Story, ok = story.(string); !ok {
			return e, errors.New(`"story" is not a string`)
		}
	}
	e.Reciprocal, e.Background = truthy(m["reciprocal"]), truthy(m["background"])
	e.Mode, e.Claim, e.Note = optString(m, "mode"), optString(m, "claim"), optString(m, "note")
	e.Evidence = optString(m, "evidence")
	return e, nil
}

func goldParty(m map[string]any, key string) (*GoldParty, error) {
	v := m[key]
	if v == nil {
		return nil, nil
	}
	o, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%q is neither an object nor null", key)
	}
	p := &GoldParty{Text: optString(o, "text"), Entity: optString(o, "entity"), empty: len(o) == 0}
	var err error
	if p.Country, err = codeList(o, "country", key+".country"); err != nil {
		return nil, err
	}
	if p.Sector, err = codeList(o, "sector", key+".sector"); err != nil {
		return nil, err
	}
	return p, nil
}

// codeList reads a list of codes that may hold nulls; nil when null or absent.
func codeList(o map[string]any, key, name string) ([]*string, error) {
	v := o[key]
	if v == nil {
		return nil, nil
	}
	l, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("%q is neither a list nor null", name)
	}
	out := make([]*string, len(l))
	for i, x := range l {
		if x == nil {
			continue
		}
		s, ok := x.(string)
		if !ok {
			return nil, fmt.Errorf("%q holds %s, not a code or null", name, pyRepr(x))
		}
		out[i] = &s
	}
	return out, nil
}

func goldDoc(m map[string]any) (GoldDoc, error) {
	var d GoldDoc
	var err error
	if d.Doc, err = reqString(m, "doc"); err != nil {
		return d, err
	}
	if d.Published, d.pubFrom, d.pubTo, err = window(m, "published"); err != nil {
		return d, err
	}
	d.DateConflict = truthy(m["date_conflict"])
	if d.DateConflict {
		if d.ContentWindow, d.winFrom, d.winTo, err = window(m, "content_window"); err != nil {
			return d, fmt.Errorf("date_conflict is set: %w", err)
		}
	}
	d.Outlet, d.Note = optString(m, "outlet"), optString(m, "note")
	return d, nil
}

// window reads a [from, to] list of ISO dates; like the script it reads the
// first two elements.
func window(m map[string]any, key string) ([]string, date, date, error) {
	l, err := stringList(m, key)
	if err != nil {
		return nil, 0, 0, err
	}
	if len(l) < 2 {
		return nil, 0, 0, fmt.Errorf("%q is not a [from, to] list of dates", key)
	}
	from, ok1 := isoDay(l[0])
	to, ok2 := isoDay(l[1])
	if !ok1 || !ok2 {
		return nil, 0, 0, fmt.Errorf("%q holds a date that is not YYYY-MM-DD: %s", key, pyRepr(toAny(l)))
	}
	return l, from, to, nil
}

func stringList(m map[string]any, key string) ([]string, error) {
	v, ok := m[key].([]any)
	if !ok {
		if m[key] == nil {
			return nil, nil
		}
		return nil, fmt.Errorf("%q is not a list", key)
	}
	out := make([]string, len(v))
	for i, x := range v {
		s, ok := x.(string)
		if !ok {
			return nil, fmt.Errorf("%q holds %s, not a string", key, pyRepr(x))
		}
		out[i] = s
	}
	return out, nil
}

func toAny(l []string) []any {
	out := make([]any, len(l))
	for i, s := range l {
		out[i] = s
	}
	return out
}

func reqString(m map[string]any, key string) (string, error) {
	s, ok := m[key].(string)
	if !ok {
		return "", fmt.Errorf("%q is missing or not a string", key)
	}
	return s, nil
}

func optString(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}
