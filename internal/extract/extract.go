// Package extract turns one fetched or read document (HTML or a scraped
// plain-text page, in any charset) into an article.Article: main text with
// boilerplate removed, title, outlet, author, publication date and where
// that date came from, language, content hash and near-duplicate signature.
package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/dyad-project/dyad/internal/article"
)

// Input is one document as fetched or read.
type Input struct {
	Source      string          // path or URL, for error messages and Article.Source
	URL         string          // canonical URL when known (date-in-URL hint, outlet from host)
	Body        []byte          // raw bytes as read (any charset)
	ContentType string          // HTTP header value when known, "" otherwise
	Hint        article.Article // fields already known from a feed item or crawler record
	// NoSimHash leaves Article.SimHash zero: a caller that never looks for
	// near-duplicates (`dyad code`, which keeps nothing) spares the
	// signature, a tenth of extracting a text page.
	NoSimHash bool
}

// Reasons a document yields no article; test with errors.Is.
var (
	ErrEmpty  = errors.New("empty document")
	ErrBinary = errors.New("binary document")
	ErrNoText = errors.New("no article text")
)

// Extract reads one document into an Article. Fields of in.Hint are kept
// unless the page says better: a page date replaces a hint date only when
// its source ranks higher, and page title, outlet and author fill only
// what the hint left empty.
func Extract(ctx context.Context, in Input) (*article.Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("extract %s: %w", in.Source, err)
	}
	body, contentType, record := in.Body, in.ContentType, false
	if len(bytes.TrimSpace(body)) == 0 && strings.TrimSpace(in.Hint.Text) != "" {
		// A crawler record's text: its type is the reader's guess, not a
		// server's declaration, and crawlers store raw HTML in "text" or
		// "maintext"; declared text/plain by the reader, it went through
		// the text parser with its markup, and one 665 KB page ran that
		// parser for minutes. So the content decides; it is UTF-8, having
		// come through JSON.
		body, contentType, record = []byte(in.Hint.Text), "", true
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, fmt.Errorf("extract %s: %w", in.Source, ErrEmpty)
	}
	if kind := sniffBinary(body); kind != "" {
		return nil, fmt.Errorf("extract %s: %w (%s)", in.Source, ErrBinary, kind)
	}
	s := in.Hint.Text
	if !record {
		s, _ = decode(body, contentType)
	}
	if strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("extract %s: %w", in.Source, ErrEmpty)
	}

	a := in.Hint
	a.Source = in.Source
	if in.URL != "" {
		a.URL = in.URL
	}
	var p pageFields
	var updated time.Time
	if isHTML(body, s, contentType) {
		hp, err := extractHTML(s, a.URL)
		if err != nil {
			return nil, fmt.Errorf("extract %s: parse html: %w", in.Source, err)
		}
		p = pageFields(hp)
	} else {
		if root := xmlRoot(s); root != "" {
			return nil, fmt.Errorf("extract %s: %w: an XML document (<%s>), not an article page", in.Source, ErrNotProse, root)
		}
		tp := ParseText(s)
		updated = tp.Updated
		p = pageFields{Title: tp.Title, Author: tp.Author, Outlet: tp.Outlet, Text: tp.Text,
			Published: tp.Published, DateFrom: tp.DateFrom, Host: hostOutlet(a.URL)}
	}
	if p.Published.IsZero() {
		if t, ok := urlDate(a.URL); ok {
			p.Published, p.DateFrom = t, article.DateURL
		}
	}
	merge(&a, p)
	if a.Published.Equal(p.Published) {
		a.Updated = updated
	}
	// Control characters go before anything is stored: a NUL past the
	// first 4 KB (sniffBinary looks no further) or in a crawler record's
	// text reached the store and broke terminals and exports.
	a.Text = strings.TrimSpace(stripControl(a.Text))
	a.Title, a.Author, a.Outlet = stripControl(a.Title), stripControl(a.Author), stripControl(a.Outlet)
	if !hasLetter(a.Text) {
		return nil, fmt.Errorf("extract %s: %w", in.Source, ErrNoText)
	}
	if err := readable(a.Text); err != nil {
		return nil, fmt.Errorf("extract %s: %w", in.Source, err)
	}
	if a.Language == "" {
		// a language a crawler record or feed declares is kept: detection
		// on a short text guesses (an English snippet read as Swedish)
		a.Language = Language(a.Text)
	}
	a.Hash = article.ContentHash(a.Text)
	if !in.NoSimHash {
		a.SimHash = SimHash(a.Text)
	}
	return &a, nil
}

// pageFields is what the page itself says.
type pageFields htmlPage

func merge(a *article.Article, p pageFields) {
	if a.Title == "" {
		a.Title = strings.TrimSpace(p.Title)
	}
	// The outlet: one the hint states itself (a crawler record's), else
	// the page's own (site name, publisher, a text page's date-line
	// block), else the feed that listed it, else the address's host. A
	// feed's title is not each page's outlet: an aggregating feed would
	// make every page one outlet, breaking min_outlets.
	for _, o := range []string{a.Outlet, p.Outlet, a.Feed, p.Host} {
		if o = strings.TrimSpace(o); o != "" {
			a.Outlet = o
			break
		}
	}
	if a.Author == "" {
		a.Author = strings.TrimSpace(p.Author)
	}
	if a.URL == "" {
		a.URL = p.URL
	}
	if strings.TrimSpace(p.Text) != "" {
		a.Text = p.Text
	}
	if len(p.Types) > 0 {
		a.PageTypes = p.Types
	}
	if !p.Published.IsZero() && (a.Published.IsZero() || rank(p.DateFrom) < rank(a.DateFrom)) {
		a.Published, a.DateFrom = article.Day(p.Published), p.DateFrom
	}
	if a.Published.IsZero() {
		a.DateFrom = article.DateUnknown
	} else {
		a.Published = article.Day(a.Published)
	}
}

// rank orders date sources, most trusted first (as listed in article).
func rank(s article.DateSource) int {
	switch s {
	case article.DateMetadata:
		return 0
	case article.DateLine:
		return 1
	case article.DateFeed:
		return 2
	case article.DateURL:
		return 3
	case article.DateEmbed:
		return 4
	case article.DateInferred:
		return 5
	}
	return 6
}

// isHTML decides by content type, then by the first bytes.
func isHTML(raw []byte, s, contentType string) bool {
	ct := strings.ToLower(contentType)
	switch {
	case strings.Contains(ct, "html"):
		return true
	case strings.HasPrefix(ct, "text/plain"):
		return false
	}
	if strings.HasPrefix(http.DetectContentType(raw), "text/html") {
		return true
	}
	head := strings.ToLower(s[:min(len(s), 2048)])
	return strings.Contains(head, "<html") || strings.Contains(head, "<!doctype html") ||
		strings.Contains(head, "<body") || strings.Contains(head, "<article") ||
		strings.Count(head, "<p>")+strings.Count(head, "<div") >= 3
}
