// Package article holds the Article type shared by the ingest stages: what
// was read, from where, and how its publication date was known.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
	"unicode"
	"unicode/utf8"
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
//
// The words are lower-cased and fed to the hash as they are read, through a
// small buffer: lower-casing, splitting and joining a whole text first
// made three copies of it per document, on every ingest and every `dyad
// code` run. The bytes hashed are those of
// strings.Join(strings.Fields(strings.ToLower(text)), " "): a byte that is
// not UTF-8 is hashed as U+FFFD, as strings.ToLower writes it.
func ContentHash(text string) string {
	h := sha256.New()
	var buf [1024]byte
	b := buf[:0]
	word, started := false, false
	for i := 0; i < len(text); {
		var r rune
		if c := text[i]; c < utf8.RuneSelf {
			// ASCII, most of a text: lower-cased and tested by hand, as
			// strings.ToLower and strings.Fields do on their fast paths
			i++
			if asciiSpace[c] {
				word = false
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			r = rune(c)
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(text[i:]) // U+FFFD, width 1, for a bad byte
			i += n
			if r = unicode.ToLower(r); unicode.IsSpace(r) {
				word = false
				continue
			}
		}
		if len(b) > len(buf)-utf8.UTFMax-1 {
			h.Write(b)
			b = b[:0]
		}
		if !word && started {
			b = append(b, ' ')
		}
		word, started = true, true
		b = utf8.AppendRune(b, r)
	}
	h.Write(b)
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0]))
}

// asciiSpace are the ASCII bytes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// Day truncates t to its calendar day in UTC.
func Day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
