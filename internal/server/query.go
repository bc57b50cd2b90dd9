package server

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-project/dyad/internal/codes"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
)

// errBadRequest marks errors in what the client sent (HTTP 400).
var errBadRequest = errors.New("bad request")

func badRequest(format string, a ...any) error {
	return fmt.Errorf("%w: %s", errBadRequest, fmt.Sprintf(format, a...))
}

var claims = []string{event.Asserted, event.Reported, event.Alleged, event.Denied, event.Planned, event.Hypothetical, event.Negated}

// filter is the timeline's filters as the URL carries them, shared by the
// pages and the API so a page's URL and its API call say the same thing.
type filter struct {
	Since, Until string
	Dyad         string // A:B
	Actor        string
	Type         string // comma-separated PLOVER types
	Quad         string
	Claim        string
	MinOutlets   string
	Q            string
	History      string // "exclude" leaves out background mentions
	After        string
	Limit        string
}

func readFilter(v url.Values) filter {
	g := func(k string) string { return strings.TrimSpace(v.Get(k)) }
	return filter{Since: g("since"), Until: g("until"), Dyad: g("dyad"), Actor: g("actor"), Type: g("type"),
		Quad: g("quad"), Claim: g("claim"), MinOutlets: g("min_outlets"), Q: g("q"), History: g("history"),
		After: g("after"), Limit: g("limit")}
}

// values is the filter as a query string without the page position.
func (f filter) values() url.Values {
	v := url.Values{}
	for k, s := range map[string]string{"since": f.Since, "until": f.Until, "dyad": f.Dyad, "actor": f.Actor,
		"type": f.Type, "quad": f.Quad, "claim": f.Claim, "min_outlets": f.MinOutlets, "q": f.Q, "history": f.History, "limit": f.Limit} {
		if s != "" {
			v.Set(k, s)
		}
	}
	return v
}

func parseDay(name, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return t, badRequest("%s=%q: want YYYY-MM-DD", name, s)
	}
	return t, nil
}

func parseInt(name, s string, lo, hi int) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, badRequest("%s=%q: want a whole number from %d to %d", name, s, lo, hi)
	}
	return n, nil
}

// parseDyad reads dyad=A:B as the CLI reads --dyad (codes.Dyad): an
// unknown code is a 400 naming it, not an empty result.
func parseDyad(s string) ([2]string, error) {
	if s == "" {
		return [2]string{}, nil
	}
	a, b, err := codes.Dyad(s)
	if err != nil {
		return [2]string{}, badRequest("dyad=%q: %v", s, err)
	}
	return [2]string{a, b}, nil
}

// isCode accepts the codes dyad uses for parties: ISO3 and IGO, UNO, EUR…
func isCode(s string) bool {
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

func parseTypes(s string) ([]string, error) {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		t, err := codes.Type(p)
		if err != nil {
			return nil, badRequest("type=%q: %v", p, err)
		}
		out = append(out, t)
	}
	return out, nil
}

// eventQuery turns the filter into the store's query.
func (f filter) eventQuery() (store.EventQuery, error) {
	var q store.EventQuery
	var err error
	if q.Since, err = parseDay("since", f.Since); err != nil {
		return q, err
	}
	if q.Until, err = parseDay("until", f.Until); err != nil {
		return q, err
	}
	if q.Dyad, err = parseDyad(f.Dyad); err != nil {
		return q, err
	}
	if q.Types, err = parseTypes(f.Type); err != nil {
		return q, err
	}
	if q.Quad, err = parseInt("quad", f.Quad, 1, 4); err != nil {
		return q, err
	}
	if q.MinOutlets, err = parseInt("min_outlets", f.MinOutlets, 0, 1000); err != nil {
		return q, err
	}
	if q.Limit, err = parseInt("limit", f.Limit, 1, 500); err != nil {
		return q, err
	}
	if f.Claim != "" && !slices.Contains(claims, f.Claim) {
		return q, badRequest("claim=%q: want one of %s", f.Claim, strings.Join(claims, ", "))
	}
	switch f.History {
	case "", "include":
	case "exclude":
		q.NoHistory = true
	default:
		return q, badRequest("history=%q: want include or exclude", f.History)
	}
	q.Actor = f.Actor
	if isCode(strings.ToUpper(f.Actor)) {
		// three letters: a country code, which must be one (an entity id
		// is longer)
		if q.Actor, err = codes.Code(f.Actor); err != nil {
			return q, badRequest("actor=%q: %v", f.Actor, err)
		}
	}
	q.Claim, q.Text, q.After = f.Claim, f.Q, f.After
	return q, nil
}

func (f filter) storyQuery() (store.StoryQuery, error) {
	e, err := f.eventQuery()
	if err != nil {
		return store.StoryQuery{}, err
	}
	if e.Actor != "" && !isCode(e.Actor) {
		return store.StoryQuery{}, badRequest("actor=%q: stories are filtered by country code", f.Actor)
	}
	return store.StoryQuery{Since: e.Since, Until: e.Until, Dyad: e.Dyad, Actor: e.Actor, Types: e.Types, Quad: e.Quad,
		Claim: e.Claim, MinOutlets: e.MinOutlets, Text: e.Text, After: e.After, Limit: e.Limit}, nil
}

// period reads since/until, defaulting to the days back from the data's
// latest story (not from today: a corpus can be years old).
func (s *Server) period(r *http.Request, days int) (since, until time.Time, err error) {
	v := r.URL.Query()
	if since, err = parseDay("since", v.Get("since")); err != nil {
		return
	}
	if until, err = parseDay("until", v.Get("until")); err != nil {
		return
	}
	if since.IsZero() && until.IsZero() {
		_, last, serr := s.cfg.Store.Span(r.Context())
		if serr != nil {
			return since, until, serr
		}
		if !last.IsZero() {
			until, since = last, last.AddDate(0, 0, -days+1)
		}
	}
	return since, until, nil
}
