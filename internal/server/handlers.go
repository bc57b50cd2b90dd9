package server

import (
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-project/dyad/internal/actors"
	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/coder"
	"github.com/dyad-project/dyad/internal/codes"
	"github.com/dyad-project/dyad/internal/store"
)

type overviewPage struct {
	Stories      []store.Story
	Alerts       []alertJSON
	Dyads        []store.DyadCount
	Since, Until time.Time
}

func (s *Server) pageOverview(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	var p overviewPage
	var err error
	if p.Since, p.Until, err = s.period(r, 90); err != nil {
		s.failErr(w, r, err)
		return
	}
	// Latest stories are those that have begun: a plan dated next year
	// ("talks on April 1, 2027") is on the timeline, not at the top here.
	page, err := s.cfg.Store.Stories(ctx, store.StoryQuery{Limit: 12, Until: s.cfg.Now().UTC()})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	p.Stories = page.Stories
	if p.Dyads, err = s.cfg.Store.BusiestDyads(ctx, p.Since, p.Until, 10); err != nil {
		s.failErr(w, r, err)
		return
	}
	if p.Alerts, err = s.alerts(ctx, time.Time{}); err != nil {
		s.failErr(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "overview", p)
}

type timelinePage struct {
	F        filter
	Events   []store.EventRow
	NextURL  string
	Error    string
	Examples []string
}

func (s *Server) pageTimeline(w http.ResponseWriter, r *http.Request) {
	f := readFilter(r.URL.Query())
	p := timelinePage{F: f}
	q, err := f.eventQuery()
	status := http.StatusOK
	if err == nil {
		var page store.EventPage
		page, err = s.cfg.Store.Events(r.Context(), q)
		err = storeErr(err)
		p.Events = page.Events
		if page.Next != "" {
			v := f.values()
			v.Set("after", page.Next)
			p.NextURL = "/timeline?" + v.Encode()
		}
	}
	if err != nil {
		status = statusOf(err)
		if status >= 500 {
			s.failErr(w, r, err)
			return
		}
		p.Error = err.Error()
	}
	s.render(w, r, status, "timeline", p)
}

type dyadsPage struct {
	Dyads        []store.DyadCount
	Since, Until time.Time
}

func (s *Server) pageDyads(w http.ResponseWriter, r *http.Request) {
	// the form on this page sends ?a=USA&b=IRQ: go to the dyad's page
	if a, b := strings.ToUpper(r.URL.Query().Get("a")), strings.ToUpper(r.URL.Query().Get("b")); a != "" || b != "" {
		if _, _, err := codes.Dyad(a + ":" + b); err != nil {
			s.failErr(w, r, badRequest("%v", err))
			return
		}
		http.Redirect(w, r, "/dyads/"+a+"/"+b, http.StatusSeeOther)
		return
	}
	var p dyadsPage
	var err error
	if p.Since, p.Until, err = s.period(r, 365); err != nil {
		s.failErr(w, r, err)
		return
	}
	if p.Dyads, err = s.cfg.Store.BusiestDyads(r.Context(), p.Since, p.Until, 50); err != nil {
		s.failErr(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "dyads", p)
}

type dyadPage struct {
	Series  seriesJSON
	Stories []store.Story
	Since   string
	Until   string
}

func (s *Server) pageDyad(w http.ResponseWriter, r *http.Request) {
	sr, err := s.series(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	// the stories of the period the chart shows; by default those begun by
	// today (a plan for next year is not among the latest)
	v := r.URL.Query()
	q := store.StoryQuery{Dyad: sr.Dyad, Limit: 20}
	if q.Since, err = parseDay("since", v.Get("since")); err != nil {
		s.failErr(w, r, err)
		return
	}
	if q.Until, err = parseDay("until", v.Get("until")); err != nil {
		s.failErr(w, r, err)
		return
	}
	if q.Until.IsZero() {
		q.Until = s.cfg.Now().UTC()
	}
	page, err := s.cfg.Store.Stories(r.Context(), q)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "dyad", dyadPage{Series: sr, Stories: page.Stories, Since: v.Get("since"), Until: v.Get("until")})
}

type networkPage struct {
	Edges        []edgeJSON
	Since, Until time.Time
	Nodes        string
}

func (s *Server) pageNetwork(w http.ResponseWriter, r *http.Request) {
	edges, since, until, err := s.network(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "network", networkPage{Edges: edges, Since: since, Until: until, Nodes: r.URL.Query().Get("nodes")})
}

type mapPage struct {
	Map          mapSVG
	Top          []intensityJSON
	Since, Until time.Time
}

func (s *Server) pageMap(w http.ResponseWriter, r *http.Request) {
	cs, since, until, err := s.intensity(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	top := cs
	if len(top) > 15 {
		top = top[:15]
	}
	s.render(w, r, http.StatusOK, "map", mapPage{Map: s.world.render(cs), Top: top, Since: since, Until: until})
}

type storyMention struct {
	store.EventRow
	Excerpt []segment
}

type storyPage struct {
	Story    store.Story
	Mentions []storyMention // the reports of the day
	// Recalls are later articles' references to the event: sources, not
	// more events, listed apart.
	Recalls []storyMention
	Claims  map[string]int
}

// maxExcerpts bounds the articles a story page loads for context.
const maxExcerpts = 100

func (s *Server) pageStory(w http.ResponseWriter, r *http.Request) {
	st, evs, err := s.story(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	p := storyPage{Story: st, Claims: map[string]int{}}
	texts := map[int64]string{}
	for i, e := range evs {
		p.Claims[e.Claim]++
		m := storyMention{EventRow: e}
		if i < maxExcerpts {
			text, ok := texts[e.ArticleID]
			if !ok {
				a, err := s.cfg.Store.Article(r.Context(), e.ArticleID)
				if err != nil {
					s.failErr(w, r, err)
					return
				}
				text, texts[e.ArticleID] = a.Text, a.Text
			}
			m.Excerpt = excerpt(text, e.SentStart, e.SentEnd, e.ID)
		}
		if e.Reference || e.Background {
			p.Recalls = append(p.Recalls, m)
		} else {
			p.Mentions = append(p.Mentions, m)
		}
	}
	s.render(w, r, http.StatusOK, "story", p)
}

type articlesPage struct {
	Q        string
	Outlet   string
	Articles []store.ArticleSummary
	NextURL  string
}

func (s *Server) pageArticles(w http.ResponseWriter, r *http.Request) {
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
	p := articlesPage{Q: q.Text, Outlet: q.Outlet, Articles: page.Articles}
	if page.Next != "" {
		v := r.URL.Query()
		v.Set("after", page.Next)
		p.NextURL = "/articles?" + v.Encode()
	}
	s.render(w, r, http.StatusOK, "articles", p)
}

type articlePage struct {
	ID                            int64
	Title, Source, Outlet, Author string
	URL                           string
	Published                     time.Time
	DateFrom, Language            string
	DupOf                         int64
	Check                         article.DateCheck
	NotNews                       string // why the relevance gate held it back
	// Uncoded: the text is in a language the coder does not read;
	// Dir is "rtl" for a right-to-left one (Arabic, Persian, Hebrew…).
	Uncoded bool
	Dir     string
	Text    []segment
	Events  []store.EventRow
}

func (s *Server) pageArticle(w http.ResponseWriter, r *http.Request) {
	a, evs, err := s.articleWithEvents(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	marks := make([]mark, len(evs))
	for i, e := range evs {
		marks[i] = mark{e.SentStart, e.SentEnd, e.ID}
	}
	s.render(w, r, http.StatusOK, "article", articlePage{ID: a.ID, Title: a.Title, Source: a.Source, Outlet: a.Outlet,
		Author: a.Author, URL: a.URL, Published: a.Published, DateFrom: string(a.DateFrom), Language: a.Language,
		DupOf: a.DupOf, Check: a.Check, NotNews: a.NotNews, Uncoded: a.NotNews == "" && !coder.Reads(a), Dir: textDir(a.Language),
		Text: highlight(a.Text, marks), Events: evs})
}

// rtlLanguages are the ISO 639-1 codes of languages written right to left.
var rtlLanguages = map[string]bool{"ar": true, "fa": true, "he": true, "ur": true, "ps": true, "yi": true, "dv": true, "sd": true, "ug": true, "ku": true}

// textDir is the writing direction of a text in lang: "rtl" or "auto".
func textDir(lang string) string {
	if rtlLanguages[lang] {
		return "rtl"
	}
	return "auto"
}

type actorsPage struct {
	Q, Date string
	Results []resolutionJSON
	Enabled bool
	// Active are the actors in the most events, shown before any search.
	Active []activeActor
}

// activeActor is a person or group of the knowledge base with its events.
type activeActor struct {
	Entity                        *actors.Entity
	Events, Conflict, Cooperation int
}

func (s *Server) pageActors(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	p := actorsPage{Q: strings.TrimSpace(v.Get("q")), Date: v.Get("date"), Enabled: s.cfg.Actors != nil}
	if p.Q != "" && p.Enabled {
		day, err := parseDay("date", p.Date)
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		if day.IsZero() {
			day = s.cfg.Now().UTC()
		}
		p.Results = s.lookup(p.Q, day)
	}
	if p.Q == "" && p.Enabled {
		var err error
		if p.Active, err = s.mostActive(r, maxActive); err != nil {
			s.failErr(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, "actors", p)
}

type actorPage struct {
	Entity *actors.Entity
	Events []store.EventRow
	// Named are events the person is not a party to but speaks in or is
	// named by: the source who told of a call ("Abbasi said…").
	Named []store.EventRow
}

func (s *Server) pageActor(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Actors == nil {
		s.failErr(w, r, errNoActors)
		return
	}
	e := s.cfg.Actors.Get(r.PathValue("id"))
	if e == nil {
		s.failErr(w, r, store.ErrNotFound)
		return
	}
	page, err := s.cfg.Store.Events(r.Context(), store.EventQuery{Actor: e.ID, Limit: 30})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	p := actorPage{Entity: e, Events: page.Events}
	if p.Named, err = s.namedIn(r, e, page.Events); err != nil {
		s.failErr(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "actor", p)
}

// namedIn finds the events whose evidence names person e without e being a
// party: the mentions that quote or cite them. Evidence is searched for the
// last word of the name ("al-Abbasi": "Abbasi", as the press shortens it),
// and a hit is kept when it gives the full name or the event involves the
// person's country, so a namesake elsewhere does not show up.
func (s *Server) namedIn(r *http.Request, e *actors.Entity, parties []store.EventRow) ([]store.EventRow, error) {
	if e.Kind != actors.KindPerson {
		return nil, nil
	}
	words := strings.Fields(e.Name)
	if len(words) == 0 {
		return nil, nil
	}
	last := words[len(words)-1]
	if i := strings.LastIndexAny(last, "-‐’'"); i >= 0 {
		last = last[i+1:]
	}
	if len([]rune(last)) < 3 {
		return nil, nil
	}
	page, err := s.cfg.Store.Events(r.Context(), store.EventQuery{Text: last, Limit: 60})
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	for _, ev := range parties {
		seen[ev.ID] = true
	}
	var out []store.EventRow
	for _, ev := range page.Events {
		if seen[ev.ID] || !containsWord(ev.Sentence, last) {
			continue
		}
		if strings.Contains(ev.Sentence, e.Name) || (e.Country != "" && (ev.Actor.Code == e.Country || ev.Recipient.Code == e.Country)) {
			out = append(out, ev)
		}
		if len(out) == 30 {
			break
		}
	}
	return out, nil
}

// containsWord reports whether w occurs in s as a word (not inside one).
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before, _ := utf8.DecodeLastRuneInString(s[:j])
		after, _ := utf8.DecodeRuneInString(s[j+len(w):])
		if !unicode.IsLetter(before) && !unicode.IsLetter(after) {
			return true
		}
		i = j + len(w)
	}
}

// articleWithEvents loads the article named by the {id} path value and its
// events, for both the article page and /api/articles/{id}.
func (s *Server) articleWithEvents(r *http.Request) (*article.Article, []store.EventRow, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, nil, badRequest("article id %q: want a number", r.PathValue("id"))
	}
	a, err := s.cfg.Store.Article(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	evs, err := s.cfg.Store.ArticleEvents(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	return a, evs, nil
}

// maxActive is how many actors the actors page lists before a search.
const maxActive = 25

// mostActive ranks the knowledge base's people and groups by the events
// they took part in, as actor or recipient, over all the data: the actor
// network's edges summed per node, countries left out.
func (s *Server) mostActive(r *http.Request, n int) ([]activeActor, error) {
	edges, err := s.cfg.Store.Network(r.Context(), store.NetworkQuery{Entities: true, Limit: 1000})
	if err != nil {
		return nil, err
	}
	by := map[string]*activeActor{}
	add := func(id string, e store.Edge) {
		a := by[id]
		if a == nil {
			ent := s.cfg.Actors.Get(id)
			if ent == nil {
				return // a country code, or an entity the knowledge base no longer has
			}
			a = &activeActor{Entity: ent}
			by[id] = a
		}
		a.Events += e.Events
		a.Conflict += e.Conflict
		a.Cooperation += e.Cooperation
	}
	for _, e := range edges {
		add(e.Source, e)
		add(e.Target, e)
	}
	out := make([]activeActor, 0, len(by))
	for _, a := range by {
		out = append(out, *a)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Events != out[j].Events {
			return out[i].Events > out[j].Events
		}
		return out[i].Entity.Name < out[j].Entity.Name
	})
	return out[:min(n, len(out))], nil
}
