// Package article holds the Article type shared by the ingest stages: what
// was read, from where, and how its publication date was known.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// DateSource says how an article's publication date was learnt. An empty
// source means the date is unknown; the ingest time is never used instead.
type DateSource string

// Where a publication date can come from, most trusted first.
const (
	DateMetadata DateSource = "metadata" // HTML meta tags, JSON-LD, crawler field
	DateLine     DateSource = "dateline" // a date line printed in the page
	DateFeed     DateSource = "feed"     // the RSS/Atom item date
	DateURL      DateSource = "url"      // a date in the URL path
	DateEmbed    DateSource = "embed"    // a dated embed (quoted post) bounding the page
	DateInferred DateSource = "inferred" // a weaker hint from the content
	DateUnknown  DateSource = ""
)

// Article is one document after extraction: the text used for coding plus
// its metadata.
type Article struct {
	ID     int64
	Source string // path or URL the document was read from
	URL    string // canonical URL when known
	Outlet string
	// Feed is the title of the feed that listed the page: its outlet
	// only when the page names none (extraction decides; not stored).
	Feed      string
	Title     string
	Author    string
	Published time.Time // zero when unknown; a UTC midnight day otherwise
	DateFrom  DateSource
	// Updated is a later day the page shows it was revised on (a dated
	// embed or caption a day or two after its date line); relative dates
	// in the text ("Saturday") are read against it. Zero when not seen.
	Updated  time.Time
	Language string // ISO 639-1, "" when undetermined
	// PageTypes are the kinds the page declares itself (og:type "article",
	// JSON-LD "NewsArticle", "WebPage"), in document order; the relevance
	// gate reads them. Nil for text pages; not stored.
	PageTypes []string
	// NotNews is why the relevance gate did not code the text ("dialogue,
	// as in fiction"); "" when it was coded or not judged. Stored with the
	// article, so every view can say the page was held back.
	NotNews  string
	Text     string // main text, boilerplate removed
	Hash     string // content hash of the normalised text (hex sha256)
	SimHash  uint64 // near-duplicate signature of the text
	DupOf    int64  // ID of the article this one near-duplicates, 0 if none
	Ingested time.Time
	// Check is the coder's verdict on the printed date against the content,
	// kept with the article so every view can say when the two disagree.
	Check DateCheck
}

// HasDate reports whether the publication date is known.
func (a *Article) HasDate() bool { return !a.Published.IsZero() }

// PublishedString renders the publication day as YYYY-MM-DD, or "" when unknown.
func (a *Article) PublishedString() string {
	if a.Published.IsZero() {
		return ""
	}
	return a.Published.Format(time.DateOnly)
}

// ContentHash is the identity of a text for idempotent ingest: the sha256 of
// its words, lower-cased and joined by single spaces, so whitespace and case
// differences between two copies do not make them two articles.
func ContentHash(text string) string {
	norm := strings.Join(strings.Fields(strings.ToLower(text)), " ")
	sum := sha256.Sum256([]byte(norm))
	return hex.EncodeToString(sum[:])
}

// Day truncates t to its calendar day in UTC.
func Day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
