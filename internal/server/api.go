package server

import (
	_ "embed"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/dyad-project/dyad/internal/analyze"
	"github.com/dyad-project/dyad/internal/plover"
	"github.com/dyad-project/dyad/internal/store"
)

//go:embed openapi.json
var openAPI []byte

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openAPI)
}

// fail answers an error: JSON under /api/, a page elsewhere. Server-side
// errors are logged here, once, and not shown in detail.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, err error) {
	msg := err.Error()
	if status >= 500 {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		msg = "internal error (logged on the server)"
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSON(w, status, errorJSON{Error: msg})
		return
	}
	s.render(w, r, status, "error", errorPage{Status: status, Message: msg})
}

func (s *Server) failErr(w http.ResponseWriter, r *http.Request, err error) {
	s.fail(w, r, statusOf(err), err)
}

func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) {
	q, err := readFilter(r.URL.Query()).eventQuery()
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	page, err := s.cfg.Store.Events(r.Context(), q)
	if err != nil {
		s.failErr(w, r, storeErr(err))
		return
	}
	writeJSON(w, http.StatusOK, newPage(eventsJSON(page.Events), page.Next))
}

// storeErr marks a bad cursor, the only store error a client causes.
func storeErr(err error) error {
	if err != nil && strings.Contains(err.Error(), "bad cursor") {
		return badRequest("%v", err)
	}
	return err
}

func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) {
	q, err := readFilter(r.URL.Query()).storyQuery()
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	page, err := s.cfg.Store.Stories(r.Context(), q)
	if err != nil {
		s.failErr(w, r, storeErr(err))
		return
	}
	items := make([]storyJSON, len(page.Stories))
	for i, st := range page.Stories {
		items[i] = toStoryJSON(st)
	}
	writeJSON(w, http.StatusOK, newPage(items, page.Next))
}

func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) {
	st, evs, err := s.story(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	d := storyDetailJSON{storyJSON: toStoryJSON(st), Claims: map[string]int{}, Events: eventsJSON(evs)}
	for _, e := range evs {
		d.Claims[e.Claim]++
	}
	writeJSON(w, http.StatusOK, d)
}

func (s *Server) story(r *http.Request) (store.Story, []store.EventRow, error) {
	id := r.PathValue("id")
	st, err := s.cfg.Store.Story(r.Context(), id)
	if err != nil {
		return st, nil, err
	}
	evs, err := s.cfg.Store.StoryEvents(r.Context(), id)
	return st, evs, err
}

func (s *Server) apiArticles(w http.ResponseWriter, r *http.Request) {
	q, err := articleQuery(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	page, err := s.cfg.Store.ArticlePage(r.Context(), q)
	if err != nil {
		s.failErr(w, r, storeErr(err))
		return
	}
	items := make([]articleJSON, len(page.Articles))
	for i, a := range page.Articles {
		items[i] = toArticleJSON(a)
	}
	writeJSON(w, http.StatusOK, newPage(items, page.Next))
}

func articleQuery(r *http.Request) (store.ArticleQuery, error) {
	v := r.URL.Query()
	var q store.ArticleQuery
	var err error
	if q.Since, err = parseDay("since", v.Get("since")); err != nil {
		return q, err
	}
	if q.Until, err = parseDay("until", v.Get("until")); err != nil {
		return q, err
	}
	if q.Limit, err = parseInt("limit", v.Get("limit"), 1, 500); err != nil {
		return q, err
	}
	q.Outlet, q.Text, q.After = v.Get("outlet"), v.Get("q"), v.Get("after")
	return q, nil
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	a, evs, err := s.articleWithEvents(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	sum := store.ArticleSummary{ID: a.ID, Source: a.Source, URL: a.URL, Outlet: a.Outlet, Title: a.Title,
		Published: a.Published, DateFrom: a.DateFrom, Language: a.Language, DupOf: a.DupOf, Mentions: len(evs), Check: a.Check,
		NotNews: a.NotNews}
	writeJSON(w, http.StatusOK, articleDetailJSON{articleJSON: toArticleJSON(sum), Author: a.Author, Text: a.Text, Events: eventsJSON(evs)})
}

func (s *Server) apiActors(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Actors == nil {
		s.failErr(w, r, errNoActors)
		return
	}
	v := r.URL.Query()
	name := strings.TrimSpace(v.Get("q"))
	if name == "" {
		s.failErr(w, r, badRequest("q: a name to look up is needed"))
		return
	}
	day, err := parseDay("date", v.Get("date"))
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	if day.IsZero() {
		day = s.cfg.Now().UTC()
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": s.lookup(name, day)})
}

func (s *Server) lookup(name string, day time.Time) []resolutionJSON {
	out := []resolutionJSON{}
	for _, res := range s.cfg.Actors.Lookup(name, day) {
		j := resolutionJSON{Name: res.Name, Kind: string(res.Kind), Country: res.Country, Sector: res.Sector, How: res.How, Score: res.Score}
		if res.Entity != nil {
			j.ID = res.Entity.ID
		}
		if res.HasRole {
			j.Role = res.Role.Title + ", " + res.Role.Country
		}
		out = append(out, j)
	}
	return out
}

func (s *Server) apiActor(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Actors == nil {
		s.failErr(w, r, errNoActors)
		return
	}
	e := s.cfg.Actors.Get(r.PathValue("id"))
	if e == nil {
		s.failErr(w, r, store.ErrNotFound)
		return
	}
	writeJSON(w, http.StatusOK, toActorJSON(e))
}

func (s *Server) apiDyads(w http.ResponseWriter, r *http.Request) {
	since, until, err := s.period(r, 90)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	n, err := parseInt("limit", r.URL.Query().Get("limit"), 1, 500)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	ds, err := s.cfg.Store.BusiestDyads(r.Context(), since, until, n)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	out := make([]dyadJSON, len(ds))
	for i, d := range ds {
		out[i] = dyadJSON{A: d.A, B: d.B, Stories: d.Stories, Outlets: d.Outlets}
	}
	writeJSON(w, http.StatusOK, map[string]any{"since": dayJSON(since), "until": dayJSON(until), "items": out})
}

func (s *Server) series(r *http.Request) (seriesJSON, error) {
	dy, err := parseDyad(r.PathValue("a") + ":" + r.PathValue("b"))
	if err != nil {
		return seriesJSON{}, err
	}
	v := r.URL.Query()
	q := store.SeriesQuery{A: dy[0], B: dy[1], Bucket: v.Get("bucket")}
	if q.Bucket == "" {
		q.Bucket = "month"
	}
	if q.Bucket != "day" && q.Bucket != "week" && q.Bucket != "month" {
		return seriesJSON{}, badRequest("bucket=%q: want day, week or month", q.Bucket)
	}
	if q.Since, err = parseDay("since", v.Get("since")); err != nil {
		return seriesJSON{}, err
	}
	if q.Until, err = parseDay("until", v.Get("until")); err != nil {
		return seriesJSON{}, err
	}
	pts, err := s.cfg.Store.DyadSeries(r.Context(), q)
	if err != nil {
		return seriesJSON{}, err
	}
	pts = zeroFill(pts, analyze.Bucket(q.Bucket), q.Since, q.Until)
	out := seriesJSON{Dyad: dy, Bucket: q.Bucket, Points: make([]seriesPointJSON, len(pts))}
	for i, p := range pts {
		out.Points[i] = seriesPointJSON{Start: p.Start.Format(time.DateOnly), Mentions: p.Mentions, Stories: p.Stories,
			Cooperation: p.Cooperation(), Conflict: p.Conflict(), Quad: p.Quad, Score: p.Score}
	}
	return out, nil
}

// maxFilled bounds a filled series (a century of days), so that a wide
// From/To cannot make a response of millions of points.
const maxFilled = 40000

// zeroFill adds a zero point for every period without events, from since
// (or the first point) to until (or the last): a chart drawn through the
// stored points alone joins two busy months with a line, as if the months
// between had events too.
func zeroFill(pts []store.SeriesPoint, by analyze.Bucket, since, until time.Time) []store.SeriesPoint {
	if len(pts) == 0 {
		return pts
	}
	from, to := pts[0].Start, pts[len(pts)-1].Start
	if !since.IsZero() {
		from = by.Floor(since)
	}
	if !until.IsZero() {
		to = by.Floor(until)
	}
	var out []store.SeriesPoint
	i := 0
	for t := by.Floor(from); !t.After(to); t = by.Next(t) {
		if len(out) > maxFilled {
			return pts
		}
		for i < len(pts) && pts[i].Start.Before(t) {
			i++ // outside the bucket grid: cannot happen with the store's buckets
		}
		if i < len(pts) && pts[i].Start.Equal(t) {
			out = append(out, pts[i])
			i++
			continue
		}
		out = append(out, store.SeriesPoint{Start: t})
	}
	return out
}

func (s *Server) apiSeries(w http.ResponseWriter, r *http.Request) {
	out, err := s.series(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) network(r *http.Request) ([]edgeJSON, time.Time, time.Time, error) {
	since, until, err := s.period(r, 30)
	if err != nil {
		return nil, since, until, err
	}
	v := r.URL.Query()
	n, err := parseInt("limit", v.Get("limit"), 1, 1000)
	if err != nil {
		return nil, since, until, err
	}
	q := store.NetworkQuery{Since: since, Until: until, Limit: n}
	switch v.Get("nodes") {
	case "", "countries":
	case "actors":
		q.Entities = true
	default:
		return nil, since, until, badRequest("nodes=%q: want countries or actors", v.Get("nodes"))
	}
	edges, err := s.cfg.Store.Network(r.Context(), q)
	if err != nil {
		return nil, since, until, err
	}
	if v.Get("since") == "" && v.Get("until") == "" && !since.IsZero() {
		if edges, since, err = s.widenNetwork(r, q, edges); err != nil {
			return nil, since, until, err
		}
	}
	out := make([]edgeJSON, len(edges))
	for i, e := range edges {
		out[i] = edgeJSON{Source: e.Source, Target: e.Target, SourceLabel: s.nodeLabel(e.Source, e.SourceLabel),
			TargetLabel: s.nodeLabel(e.Target, e.TargetLabel), Events: e.Events, Conflict: e.Conflict, Cooperation: e.Cooperation}
	}
	return out, since, until, nil
}

// minNetworkEdges is how many edges the network's default window should
// hold: one or two arrows are a dyad, not a network.
const minNetworkEdges = 5

// widenNetwork is the network of the default window: the 30 days up to
// the data's last day (q, with its edges), or when they hold fewer than
// minNetworkEdges, the shortest of 90 days, a year and all the data that
// does; when none does, the shortest that holds as many edges as all the
// data. It returns the edges and the window's first day.
func (s *Server) widenNetwork(r *http.Request, q store.NetworkQuery, edges []store.Edge) ([]store.Edge, time.Time, error) {
	if len(edges) >= minNetworkEdges {
		return edges, q.Since, nil
	}
	first, _, err := s.cfg.Store.Span(r.Context())
	if err != nil {
		return nil, q.Since, err
	}
	type window struct {
		since time.Time
		edges []store.Edge
	}
	tried := []window{{q.Since, edges}}
	for _, days := range []int{90, 365, 0} {
		w := q
		if days > 0 {
			w.Since = q.Until.AddDate(0, 0, -days+1)
		} else {
			w.Since = first
		}
		if !w.Since.Before(tried[len(tried)-1].since) {
			continue // the data starts later: no wider window
		}
		es, err := s.cfg.Store.Network(r.Context(), w)
		if err != nil {
			return nil, q.Since, err
		}
		if len(es) >= minNetworkEdges {
			return es, w.Since, nil
		}
		tried = append(tried, window{w.Since, es})
	}
	most := tried[len(tried)-1]
	for _, w := range tried {
		if len(w.edges) == len(most.edges) {
			return w.edges, w.since, nil
		}
	}
	return most.edges, most.since, nil
}

// nodeLabel is a readable name for a network node: a country's name for
// its ISO code ("Iraq" for IRQ), PLOVER's name for a non-state code
// ("United Nations" for UNO), else the label the store gave (a person's
// name).
func (s *Server) nodeLabel(id, label string) string {
	if label != "" && label != id {
		return label
	}
	if name := s.world.name(id); name != "" {
		return name
	}
	if name := plover.NonStateCodes()[id]; name != "" {
		return name
	}
	return id
}

func (s *Server) apiNetwork(w http.ResponseWriter, r *http.Request) {
	edges, since, until, err := s.network(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"since": dayJSON(since), "until": dayJSON(until), "edges": edges})
}

func (s *Server) intensity(r *http.Request) ([]intensityJSON, time.Time, time.Time, error) {
	since, until, err := s.period(r, 90)
	if err != nil {
		return nil, since, until, err
	}
	cs, err := s.cfg.Store.Intensity(r.Context(), since, until)
	out := make([]intensityJSON, len(cs))
	for i, c := range cs {
		out[i] = intensityJSON{Country: c.Code, Events: c.Events, Conflict: c.Conflict, Cooperation: c.Cooperation}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Events > out[j].Events })
	return out, since, until, err
}

func (s *Server) apiIntensity(w http.ResponseWriter, r *http.Request) {
	cs, since, until, err := s.intensity(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"since": dayJSON(since), "until": dayJSON(until), "items": cs})
}
