package store

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
)

// The read side: what the dashboard and the JSON API ask of a store. Lists
// are paginated with an opaque cursor (Next of one page is After of the
// next), newest first, so a page stays stable while new data arrives.

// EventQuery selects stored event mentions. Zero fields do not filter.
type EventQuery struct {
	Since, Until time.Time // the mention's date window overlaps [Since, Until]
	Dyad         [2]string // two country codes, either direction
	// Actor is a country code (three capitals: USA) or a knowledge-base
	// entity id, on either side of the event.
	Actor      string
	Types      []string // PLOVER event types
	Quad       int      // quad class 1..4
	Claim      string   // claim status of the mention
	MinOutlets int      // the mention's story is reported by at least this many independent outlets
	Text       string   // full-text search over evidence sentences (words, all required)
	NoHistory  bool     // leave out background mentions (history an article recounts)
	After      string   // cursor
	Limit      int      // default 50, at most 500
}

// EventRow is one mention as listed, with what a reader wants beside it.
type EventRow struct {
	ID int64
	event.Mention
	Title   string // the article's title
	Outlets int    // independent outlets of the mention's story (1 without a story)
	// OutletNames are those outlets by name, sorted: len(OutletNames) ==
	// Outlets for a mention with a story.
	OutletNames []string
}

// EventPage is one page of events.
type EventPage struct {
	Events []EventRow
	Next   string // "" on the last page
}

// StoryQuery selects stories; the fields mean what they mean in EventQuery,
// applied to the story's first mention and window, and Claim and Text to any
// of its mentions.
type StoryQuery struct {
	Since, Until time.Time
	Dyad         [2]string
	Actor        string // country code, either side
	Types        []string
	Quad         int
	Claim        string
	MinOutlets   int
	Text         string
	After        string
	Limit        int
}

// Story is one real-world event merged across articles.
type Story struct {
	ID               string
	Event            string
	Quad             int
	Actor, Recipient string // country codes
	// ActorName and RecipientName are the person or body on each side as
	// the knowledge base names it ("Pete Hegseth"), from the first of its
	// mentions that resolved one on that side ("the minister" resolved to
	// Thabet al-Abbasi counts); "" when none did. As `dyad stories`.
	ActorName, RecipientName string
	Start, End               time.Time
	Mentions                 int
	Outlets                  int      // independent outlets
	OutletNames              []string // those outlets by name, sorted (len == Outlets)
	Evidence                 string   // the sentence of its first stored report (mention, when it has none)
	FirstMention             int64
	Recalled                 int // articles that recall it (references, see event.Mention.Reference)
	// RecallStart..RecallEnd are the publication days of those articles.
	RecallStart, RecallEnd time.Time
}

// StoryPage is one page of stories.
type StoryPage struct {
	Stories []Story
	Next    string
}

// ArticleQuery selects articles.
type ArticleQuery struct {
	Since, Until time.Time // publication day
	Outlet       string
	Text         string // full-text search over title and text
	After        string
	Limit        int
}

// ArticleSummary is an article as listed: everything but its text.
type ArticleSummary struct {
	ID        int64
	Source    string
	URL       string
	Outlet    string
	Title     string
	Published time.Time
	DateFrom  article.DateSource
	Language  string
	DupOf     int64
	Mentions  int
	Check     article.DateCheck
	// NotNews is why the relevance gate held the article back (stored,
	// not coded); "" when it was coded or not judged.
	NotNews string
}

// ArticlePage is one page of articles.
type ArticlePage struct {
	Articles []ArticleSummary
	Next     string
}

// SeriesQuery asks for the events between two countries (either direction)
// counted per period. Background mentions are left out: they are history,
// not news of the period.
type SeriesQuery struct {
	A, B         string
	Since, Until time.Time // on the mention's first day
	Bucket       string    // day, week (starting Monday) or month; default month
}

// SeriesPoint is one period of a dyad series.
type SeriesPoint struct {
	Start    time.Time // the first day of the period
	Mentions int
	Stories  int     // distinct stories among the mentions
	Quad     [5]int  // mentions per quad class; Quad[0] counts the unclassified
	Score    float64 // sum of PLOVER intensity scores
}

// Cooperation is the number of verbal and material cooperation mentions.
func (p SeriesPoint) Cooperation() int { return p.Quad[1] + p.Quad[2] }

// Conflict is the number of verbal and material conflict mentions.
func (p SeriesPoint) Conflict() int { return p.Quad[3] + p.Quad[4] }

// NetworkQuery asks for the actor network of a period.
type NetworkQuery struct {
	Since, Until time.Time
	// Entities: nodes are knowledge-base entities where the coder resolved
	// one (falling back to the country); otherwise nodes are countries.
	Entities bool
	Limit    int // strongest edges kept; default 200
}

// Edge is the events from one actor to another in a period.
type Edge struct {
	Source, Target           string // node ids: country codes or entity ids
	SourceLabel, TargetLabel string
	Events                   int
	Conflict, Cooperation    int
}

// CountryIntensity is how much happened involving one country in a period.
type CountryIntensity struct {
	Code                  string
	Events                int // mentions with the country as actor or recipient (once if both)
	Conflict, Cooperation int
}

// DyadCount is one dyad's activity in a period.
type DyadCount struct {
	A, B    string
	Stories int
	Outlets int // the largest corroboration among its stories
}

// EventReader lists and searches event mentions.
type EventReader interface {
	Events(ctx context.Context, q EventQuery) (EventPage, error)
	// StoryEvents and ArticleEvents return every mention of one story or
	// one article, in date order (article order for an article).
	StoryEvents(ctx context.Context, storyID string) ([]EventRow, error)
	ArticleEvents(ctx context.Context, articleID int64) ([]EventRow, error)
}

// StoryReader lists stories.
type StoryReader interface {
	Stories(ctx context.Context, q StoryQuery) (StoryPage, error)
	Story(ctx context.Context, id string) (Story, error)
}

// ArticleReader lists and searches articles; Article (in Articles) gives one
// with its text.
type ArticleReader interface {
	ArticlePage(ctx context.Context, q ArticleQuery) (ArticlePage, error)
	Article(ctx context.Context, id int64) (*article.Article, error)
}

// Analytics aggregates events for charts, maps and networks.
type Analytics interface {
	DyadSeries(ctx context.Context, q SeriesQuery) ([]SeriesPoint, error)
	Network(ctx context.Context, q NetworkQuery) ([]Edge, error)
	Intensity(ctx context.Context, since, until time.Time) ([]CountryIntensity, error)
	BusiestDyads(ctx context.Context, since, until time.Time, limit int) ([]DyadCount, error)
	// Span is the first and last day any story covers (zero when empty), so
	// pages can default to the data's own latest period.
	Span(ctx context.Context) (first, last time.Time, err error)
}

// Reader is the whole read side.
type Reader interface {
	EventReader
	StoryReader
	ArticleReader
	Analytics
}

// OutletsFromRows reads (story id, outlet name) rows into SortedOutlets.
func OutletsFromRows(rows Rows) (map[string][]string, error) {
	pairs, err := Collect(rows, func(r Rows) (p [2]string, err error) {
		err = r.Scan(&p[0], &p[1])
		return p, err
	})
	if err != nil {
		return nil, fmt.Errorf("outlets of stories: %w", err)
	}
	return SortedOutlets(pairs), nil
}

// StoryIDs is ids without "" and repeats.
func StoryIDs(ids []string) []string {
	seen := map[string]bool{"": true}
	var out []string
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// SortedOutlets collects the outlet names per story from (story, outlet)
// pairs, leaving out unknown outlets ("") and repeats, each list sorted:
// the independent outlets a story's count is made of.
func SortedOutlets(pairs [][2]string) map[string][]string {
	seen := map[[2]string]bool{}
	out := map[string][]string{}
	for _, p := range pairs {
		if p[1] == "" || seen[p] {
			continue
		}
		seen[p] = true
		out[p[0]] = append(out[p[0]], p[1])
	}
	for _, l := range out {
		sort.Strings(l)
	}
	return out
}

// EventOutlets is the outlet names an event row carries: its story's (from
// SortedOutlets), or its article's own outlet when it has no story; never
// nil.
func EventOutlets(e *EventRow, byStory map[string][]string) []string {
	if e.StoryID != "" {
		return OutletsOf(byStory, e.StoryID)
	}
	if e.Outlet != "" {
		return []string{e.Outlet}
	}
	return []string{}
}

// OutletsOf is the outlet names of one story from SortedOutlets; never nil.
func OutletsOf(byStory map[string][]string, storyID string) []string {
	if l := byStory[storyID]; l != nil {
		return l
	}
	return []string{}
}

// StoryParty is one mention's resolved parties, read to name a story's
// sides: its story, then code and canonical name of actor and recipient.
type StoryParty struct {
	StoryID                      string
	ActorCode, ActorName         string
	RecipientCode, RecipientName string
}

// NameSides sets ActorName and RecipientName of each story from its
// mentions' parties, given in the order `dyad stories` reads mentions
// (date, article, place in the article), by FillSides.
func NameSides(sts []Story, parties []StoryParty) {
	at := make(map[string]int, len(sts))
	for i := range sts {
		at[sts[i].ID] = i
		sts[i].ActorName, sts[i].RecipientName = "", ""
	}
	for _, p := range parties {
		i, ok := at[p.StoryID]
		if !ok {
			continue
		}
		st := &sts[i]
		FillSides(st.Actor, st.Recipient, &st.ActorName, &st.RecipientName, p)
	}
}

// FillSides fills a story's side names still empty from one mention's
// resolved parties: a party names the side whose country it has, whatever
// its role in that mention, so that a story told both ways ("Hegseth
// called his Iraqi counterpart", "the minister said he spoke with
// Hegseth") names the person on each side. When both sides are one
// country, roles decide.
func FillSides(actorCode, recipCode string, actorName, recipName *string, p StoryParty) {
	if actorCode == recipCode {
		if *actorName == "" && p.ActorCode == actorCode {
			*actorName = p.ActorName
		}
		if *recipName == "" && p.RecipientCode == recipCode {
			*recipName = p.RecipientName
		}
		return
	}
	for _, q := range [2][2]string{{p.ActorCode, p.ActorName}, {p.RecipientCode, p.RecipientName}} {
		switch {
		case q[1] == "":
		case q[0] == actorCode && *actorName == "":
			*actorName = q[1]
		case q[0] == recipCode && *recipName == "":
			*recipName = q[1]
		}
	}
}
