package server

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/dyad-project/dyad/internal/actors"
	"github.com/dyad-project/dyad/internal/analyze"
	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
)

// The API's JSON forms. Field names are part of the API (see openapi.json):
// add fields, never rename them. Dates are YYYY-MM-DD, null when unknown.

type pageJSON[T any] struct {
	Items []T     `json:"items"`
	Next  *string `json:"next"` // cursor for ?after=, null on the last page
}

func newPage[T any](items []T, next string) pageJSON[T] {
	if items == nil {
		items = []T{}
	}
	p := pageJSON[T]{Items: items}
	if next != "" {
		p.Next = &next
	}
	return p
}

// eventJSON is a mention in PLOVER's JSON form (as `dyad events --json`)
// with where to find it.
type eventJSON struct {
	event.JSON
	MentionID    int64  `json:"mention_id"`
	ArticleID    int64  `json:"article_id"`
	Title        string `json:"title"`
	Outlet       string `json:"outlet"`
	StoryOutlets int    `json:"story_outlets"`
	// StoryOutletNames are those outlets by name, as a story's
	// outlet_names (its article's own outlet when it has no story).
	StoryOutletNames []string `json:"story_outlet_names"`
	StoryWhy         string   `json:"story_why,omitempty"`
}

func toEventJSON(r store.EventRow) eventJSON {
	return eventJSON{JSON: r.Mention.ToJSON(strconv.FormatInt(r.ID, 10)), MentionID: r.ID, ArticleID: r.ArticleID,
		Title: r.Title, Outlet: r.Outlet, StoryOutlets: r.Outlets, StoryOutletNames: names(r.OutletNames), StoryWhy: r.StoryWhy}
}

func eventsJSON(rows []store.EventRow) []eventJSON {
	out := make([]eventJSON, len(rows))
	for i, r := range rows {
		out[i] = toEventJSON(r)
	}
	return out
}

// names is a list of names as the API gives it: [], never null.
func names(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

func dayJSON(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

type storyJSON struct {
	ID        string `json:"story_id"`
	Event     string `json:"event"`
	Quad      int    `json:"quad_code"`
	Actor     string `json:"actor"`
	Recipient string `json:"recipient"`
	// the people or bodies on each side as the knowledge base names them,
	// when a mention resolved one (as `dyad stories --json`)
	ActorName     string  `json:"actor_name,omitempty"`
	RecipientName string  `json:"recipient_name,omitempty"`
	DateStart     *string `json:"date_start"`
	DateEnd       *string `json:"date_end"`
	Mentions      int     `json:"mentions"`
	Outlets       int     `json:"outlets"`
	// OutletNames are the independent outlets by name, sorted: outlets is
	// always their number, as in `dyad stories --json` and the exports.
	OutletNames []string `json:"outlet_names"`
	Evidence    string   `json:"evidence"`
	// later articles that recall the event, and when they appeared
	RecalledBy  int     `json:"recalled_by"`
	RecallStart *string `json:"recalled_from,omitempty"`
	RecallEnd   *string `json:"recalled_until,omitempty"`
}

func toStoryJSON(s store.Story) storyJSON {
	return storyJSON{ID: s.ID, Event: s.Event, Quad: s.Quad, Actor: s.Actor, Recipient: s.Recipient,
		ActorName: s.ActorName, RecipientName: s.RecipientName,
		DateStart: dayJSON(s.Start), DateEnd: dayJSON(s.End), Mentions: s.Mentions, Outlets: s.Outlets, OutletNames: names(s.OutletNames), Evidence: s.Evidence,
		RecalledBy: s.Recalled, RecallStart: dayJSON(s.RecallStart), RecallEnd: dayJSON(s.RecallEnd)}
}

type storyDetailJSON struct {
	storyJSON
	Claims map[string]int `json:"claims"` // mentions per claim status
	Events []eventJSON    `json:"events"`
}

type articleJSON struct {
	ID            int64   `json:"id"`
	Source        string  `json:"source"`
	URL           string  `json:"url"`
	Outlet        string  `json:"outlet"`
	Title         string  `json:"title"`
	Published     *string `json:"published"`
	PublishedFrom string  `json:"published_from"`
	Language      string  `json:"language"`
	DupOf         *int64  `json:"dup_of"`
	Mentions      int     `json:"mentions"`
	// NotNews is why the relevance gate held the article back (stored,
	// not coded, so no events); null when it was coded or not judged.
	NotNews *string `json:"not_news"`
	dateCheckJSON
}

// dateCheckJSON is the check of the printed date against the content, in
// the fields of `dyad code --docs-out` and `dyad articles --json`.
type dateCheckJSON struct {
	DateChecked      bool     `json:"date_checked"` // false: not known (stored before dyad kept it, or not read)
	DateConflict     bool     `json:"date_conflict"`
	ContentDateStart *string  `json:"content_date_start"` // the window that dates the events, when in conflict
	ContentDateEnd   *string  `json:"content_date_end"`
	DateReasons      []string `json:"date_reasons"`
	Inconsistencies  []string `json:"inconsistencies"`
}

func toCheckJSON(c article.DateCheck) dateCheckJSON {
	j := dateCheckJSON{DateChecked: c.Checked, DateConflict: c.Conflict, DateReasons: c.Reasons, Inconsistencies: c.Inconsistent}
	if j.DateReasons == nil {
		j.DateReasons = []string{}
	}
	if j.Inconsistencies == nil {
		j.Inconsistencies = []string{}
	}
	if c.Conflict {
		j.ContentDateStart, j.ContentDateEnd = dayJSON(c.Start), dayJSON(c.End)
	}
	return j
}

func toArticleJSON(a store.ArticleSummary) articleJSON {
	j := articleJSON{ID: a.ID, Source: a.Source, URL: a.URL, Outlet: a.Outlet, Title: a.Title, Published: dayJSON(a.Published),
		PublishedFrom: string(a.DateFrom), Language: a.Language, Mentions: a.Mentions, dateCheckJSON: toCheckJSON(a.Check)}
	if a.DupOf != 0 {
		d := a.DupOf
		j.DupOf = &d
	}
	if a.NotNews != "" {
		why := a.NotNews
		j.NotNews = &why
	}
	return j
}

type articleDetailJSON struct {
	articleJSON
	Author string      `json:"author"`
	Text   string      `json:"text"`
	Events []eventJSON `json:"events"`
}

type roleJSON struct {
	Title   string  `json:"title"`
	Office  string  `json:"office"`
	Country string  `json:"country"`
	Sector  string  `json:"sector"`
	From    *string `json:"from"` // null: since an unknown day
	To      *string `json:"to"`   // null: still held; exclusive
}

type actorJSON struct {
	ID       string     `json:"id"`
	Name     string     `json:"name"`
	Kind     string     `json:"kind"`
	Country  string     `json:"country"`
	Sectors  []string   `json:"sectors"`
	Aliases  []string   `json:"aliases"`
	Wikidata string     `json:"wikidata,omitempty"`
	Roles    []roleJSON `json:"roles"`
}

func toActorJSON(e *actors.Entity) actorJSON {
	j := actorJSON{ID: e.ID, Name: e.Name, Kind: string(e.Kind), Country: e.Country, Sectors: e.Sectors,
		Aliases: e.Aliases, Wikidata: e.Wikidata, Roles: []roleJSON{}}
	if j.Sectors == nil {
		j.Sectors = []string{}
	}
	if j.Aliases == nil {
		j.Aliases = []string{}
	}
	for _, r := range e.Roles {
		j.Roles = append(j.Roles, roleJSON{Title: r.Title, Office: r.Office, Country: r.Country, Sector: r.Sector,
			From: dayJSON(r.From), To: dayJSON(r.To)})
	}
	return j
}

type resolutionJSON struct {
	ID      string  `json:"id,omitempty"` // knowledge-base entity, when it is one
	Name    string  `json:"name"`
	Kind    string  `json:"kind"`
	Country string  `json:"country"`
	Sector  string  `json:"sector"`
	Role    string  `json:"role,omitempty"` // the role held on the day asked
	How     string  `json:"how"`
	Score   float64 `json:"score"`
}

type seriesPointJSON struct {
	Start       string  `json:"start"`
	Mentions    int     `json:"mentions"`
	Stories     int     `json:"stories"`
	Cooperation int     `json:"cooperation"`
	Conflict    int     `json:"conflict"`
	Quad        [5]int  `json:"quad"` // mentions per quad class 0..4 (0: unclassified)
	Score       float64 `json:"score"`
}

type seriesJSON struct {
	Dyad   [2]string         `json:"dyad"`
	Bucket string            `json:"bucket"`
	Points []seriesPointJSON `json:"points"`
}

type edgeJSON struct {
	Source      string `json:"source"`
	Target      string `json:"target"`
	SourceLabel string `json:"source_label"`
	TargetLabel string `json:"target_label"`
	Events      int    `json:"events"`
	Conflict    int    `json:"conflict"`
	Cooperation int    `json:"cooperation"`
}

type intensityJSON struct {
	Country     string `json:"country"`
	Events      int    `json:"events"`
	Conflict    int    `json:"conflict"`
	Cooperation int    `json:"cooperation"`
}

type dyadJSON struct {
	A       string `json:"a"`
	B       string `json:"b"`
	Stories int    `json:"stories"`
	Outlets int    `json:"max_outlets"`
}

type alertJSON struct {
	ID      int64           `json:"id"`
	Rule    string          `json:"rule"`
	Key     string          `json:"key"`
	FiredAt time.Time       `json:"fired_at"`
	Stories []string        `json:"stories"`
	Alert   json.RawMessage `json:"alert"` // as `dyad watch` notified it
	// Detail is Alert decoded for the pages: its summary and the stories
	// with their evidence; nil when the payload is not an alert.
	Detail *analyze.Alert `json:"-"`
}

type errorJSON struct {
	Error string `json:"error"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true) // a JSON body opened as HTML stays inert
	_ = enc.Encode(v)
}

// statusOf maps an error to the HTTP status the client sees.
func statusOf(err error) int {
	switch {
	case errors.Is(err, errBadRequest):
		return http.StatusBadRequest
	case errors.Is(err, store.ErrNotFound), errors.Is(err, errNotFound):
		return http.StatusNotFound
	case errors.Is(err, errUnauthorized):
		return http.StatusUnauthorized
	case errors.Is(err, errForbidden):
		return http.StatusForbidden
	}
	return http.StatusInternalServerError
}

var errNotFound = errors.New("not found")
