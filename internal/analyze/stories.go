// Package analyze turns stored mentions into what analysts watch: stories,
// daily and weekly series per dyad, escalation scores against a dyad's own
// robust baseline, and alert rules over them.
package analyze

import (
	"fmt"
	"sort"
	"time"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/plover"
)

// Evidence is one mention behind a story: who said it and the sentence.
type Evidence struct {
	ArticleID int64  `json:"article_id"`
	Outlet    string `json:"outlet"`
	Source    string `json:"source"`
	URL       string `json:"url,omitempty"` // the article's URL when known
	Claim     string `json:"claim"`
	Sentence  string `json:"sentence"`
	// Reference marks a later article's recall of the event, listed apart
	// from the reports of the day.
	Reference bool `json:"reference,omitempty"`
}

// Story is one real-world event: its mentions folded together.
type Story struct {
	ID        string
	Event     string
	Mode      string
	Quad      int
	CAMEO     string // through the crosswalk, for GDELT-style output
	Actor     string // country codes
	Recipient string
	// The first mention's parties as resolved, for exports.
	ActorName, ActorSector         string
	RecipientName, RecipientSector string
	Articles                       int // distinct articles reporting or recalling it
	Recalled                       int // distinct articles that recall it (references)
	// Start..End is the span its reports give it; references (later
	// recalls, see event.Mention.Reference) never widen it, and date it
	// only while no report is known.
	Start, End        time.Time
	Mentions          int
	Outlets           []string // independent outlets, sorted
	Score             float64  // mean PLOVER intensity of its mentions
	Goldstein         float64  // Goldstein value of its CAMEO code
	Evidence          []Evidence
	countable         bool // at least one mention counts for series (see Countable)
	articles, recalls map[int64]bool
	reports           int // mentions that are not references
}

// Countable reports whether a mention counts in series and alerts: a current
// event (not background), not negated or hypothetical, dated to within a
// week, so a month-precision mention does not pile onto the 1st.
func Countable(m *event.Mention) bool {
	if m.Background || m.Claim == event.Negated || m.Claim == event.Hypothetical {
		return false
	}
	if m.DateStart.IsZero() || m.DateEnd.IsZero() {
		return false
	}
	return m.DateEnd.Sub(m.DateStart) < 7*24*time.Hour
}

// Grouper folds a stream of mentions into stories.
type Grouper struct {
	byID    map[string]*Story
	outlets map[string]map[string]bool
	order   []string
}

// NewGrouper returns an empty Grouper.
func NewGrouper() *Grouper {
	return &Grouper{byID: map[string]*Story{}, outlets: map[string]map[string]bool{}}
}

// Add folds m into its story. A mention without a story id is a story of
// its own.
func (g *Grouper) Add(m *event.Mention) {
	id := m.StoryID
	if id == "" {
		id = fmt.Sprintf("a%d-%d-%s", m.ArticleID, m.SentStart, m.Event)
	}
	s, ok := g.byID[id]
	if !ok {
		s = &Story{ID: id, Event: m.Event, Mode: m.Mode, Quad: m.Quad, Actor: m.Actor.Code, Recipient: m.Recipient.Code,
			Start: m.DateStart, End: m.DateEnd, CAMEO: plover.ToCAMEO(plover.EventType(m.Event), m.Mode),
			ActorName: partyName(m.Actor), ActorSector: m.Actor.Sector, RecipientName: partyName(m.Recipient),
			RecipientSector: m.Recipient.Sector, articles: map[int64]bool{}, recalls: map[int64]bool{}}
		if s.CAMEO == "" {
			s.CAMEO = m.CAMEO
		}
		s.Goldstein, _ = plover.Goldstein(s.CAMEO)
		g.byID[id], g.outlets[id] = s, map[string]bool{}
		g.order = append(g.order, id)
	}
	ref := m.Reference || m.Background
	switch {
	case !ref && s.reports == 0:
		// the first report dates the story, whatever references said
		s.Start, s.End = m.DateStart, m.DateEnd
	case ref && s.reports > 0:
	default:
		if !m.DateStart.IsZero() && (s.Start.IsZero() || m.DateStart.Before(s.Start)) {
			s.Start = m.DateStart
		}
		if m.DateEnd.After(s.End) {
			s.End = m.DateEnd
		}
	}
	if ref {
		if !s.recalls[m.ArticleID] {
			s.recalls[m.ArticleID] = true
			s.Recalled++
		}
	} else {
		s.reports++
	}
	s.Score = (s.Score*float64(s.Mentions) + m.Score) / float64(s.Mentions+1)
	s.Mentions++
	if m.Outlet != "" {
		g.outlets[id][m.Outlet] = true
	}
	s.countable = s.countable || Countable(m)
	if !s.articles[m.ArticleID] {
		s.articles[m.ArticleID] = true
		s.Articles++
	}
	s.Evidence = append(s.Evidence, Evidence{ArticleID: m.ArticleID, Outlet: m.Outlet, Source: m.Doc, URL: m.URL, Claim: m.Claim,
		Sentence: m.Sentence, Reference: ref})
}

// partyName is how a party is named in exports: the entity it resolved to,
// else the words the article used.
func partyName(p event.Party) string {
	if p.Entity != "" {
		return p.Entity
	}
	return p.Text
}

// Stories returns the stories seen, oldest first (ties in first-seen order).
func (g *Grouper) Stories() []Story {
	out := make([]Story, 0, len(g.order))
	for _, id := range g.order {
		s := *g.byID[id]
		s.Outlets = make([]string, 0, len(g.outlets[id]))
		for o := range g.outlets[id] {
			s.Outlets = append(s.Outlets, o)
		}
		sort.Strings(s.Outlets)
		out = append(out, s)
	}
	// Undated stories go last, not to year 1.
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Start, out[j].Start
		return !a.IsZero() && (b.IsZero() || a.Before(b))
	})
	return out
}

// Group folds ms into stories.
func Group(ms []event.Mention) []Story {
	g := NewGrouper()
	for i := range ms {
		g.Add(&ms[i])
	}
	return g.Stories()
}

// DyadKey names the pair of countries of a story regardless of direction
// ("IRN:USA" for both USA→IRN and IRN→USA), "" when a side is unknown.
func DyadKey(a, b string) string {
	if a == "" || b == "" {
		return ""
	}
	if b < a {
		a, b = b, a
	}
	return a + ":" + b
}

// Key is the story's dyad key.
func (s *Story) Key() string { return DyadKey(s.Actor, s.Recipient) }

// KnownFromReferences reports a story no mention of which reports the event
// on its day: it is known only from later accounts.
func (s *Story) KnownFromReferences() bool { return s.reports == 0 }

// Countable reports whether the story counts in series and alerts.
func (s *Story) Countable() bool { return s.countable }
