// Package event holds the coded output of dyad: event mentions (one event
// in one article) and the parties in them.
package event

import "time"

// Claim statuses: how firmly the text states that the event happened.
const (
	Asserted     = "asserted"     // the outlet or a party states it as fact
	Reported     = "reported"     // the outlet relays someone's account
	Alleged      = "alleged"      // the text doubts it ("allegedly", "reportedly")
	Denied       = "denied"       // a party denies it
	Planned      = "planned"      // announced for the future
	Hypothetical = "hypothetical" // conditional ("if", "would")
	Negated      = "negated"      // the text says it did not happen
)

// Party is an actor or recipient as written and as resolved.
type Party struct {
	Text     string // the words in the sentence
	EntityID string // knowledge-base id, "" when the party is generic
	Entity   string // canonical name
	Code     string // ISO 3166 alpha-3 country, or IGO, UNO, EUR, NGO, IMG
	Sector   string // PLOVER sector (GOV, MIL, PRM, REB…)
	Office   string // the office held on the event's date, for people
	Start    int    // byte offsets of Text in the article text
	End      int
}

// IsZero reports whether the party is empty.
func (p Party) IsZero() bool { return p.Text == "" && p.Code == "" && p.EntityID == "" }

// Mention is one event as one article reports it, with its evidence.
type Mention struct {
	// ID is the stored mention's number, the one id every output gives an
	// event (`mention_id`, and PLOVER's "id" as its decimal string); 0
	// before the mention is stored. Set by the stores when they read.
	ID        int64
	ArticleID int64
	Doc       string // the article's source (path or URL)
	URL       string // the article's canonical URL when known; set by the stores' EachMention
	Outlet    string // the article's outlet, when known
	Event     string // PLOVER type
	Mode      string
	Contexts  []string
	Actor     Party
	Recipient Party // zero when the event has none

	DateStart, DateEnd time.Time // inclusive window; zero when unknown
	Precision          string    // day, week, month, season, year, span
	DateText           string    // the time phrase it came from, "" when dated by its article
	Background         bool      // history the article recounts
	// Reference marks a mention that recalls an event rather than reports
	// it on its day (background, or a window wider than a week): it joins
	// the event's story as a source and evidence, never as a new event, and
	// does not widen the story's date. Set by merging.
	Reference bool

	Claim      string   // one of the claim statuses
	ReportedBy []string // chain of attribution, outermost first: outlet, cited outlet, person

	Sentence   string // the evidence sentence
	SentStart  int    // offsets of the sentence in the article text
	SentEnd    int
	Trigger    string // the words that named the event
	CAMEO      string
	Quad       int
	Score      float64 // PLOVER intensity
	Confidence float64
	Location   string // ISO3 of where it happened, when stated
	StoryID    string
	StoryWhy   string // why the mention joined its story ("first report" for the first)

	// ArticleDateConflict: the article's printed date contradicts its
	// content (article.DateCheck), so the mention is dated by the content's
	// window. Set from the article, not by the coder.
	ArticleDateConflict bool
}
