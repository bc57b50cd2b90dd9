package source

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/dyad-project/dyad/internal/article"
)

// itemWorkers bounds the item links of one feed fetched at once; the host
// gates still allow only one request per host.
const itemWorkers = 4

// feedTypes are the media types that announce a feed. Generic XML does not:
// sitemaps and XHTML are XML too.
var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/rdf+xml":   true,
	"application/feed+json": true,
}

// readURL fetches a URL argument and emits it as a page, or as the items of
// the feed it turns out to be.
func (r *Reader) readURL(ctx context.Context, raw string, out chan<- Doc) {
	d, err := r.fetchDoc(ctx, raw, raw, article.Article{})
	if err != nil {
		send(ctx, out, d)
		return
	}
	r.Expand(ctx, d, out)
}

// fetchDoc fetches link into a Doc named src carrying hint; on failure the
// Doc carries the error, which is also returned.
func (r *Reader) fetchDoc(ctx context.Context, src, link string, hint article.Article) (Doc, error) {
	res, err := r.get(ctx, link, nil)
	if err != nil {
		err = fmt.Errorf("fetch %s: %w", link, err)
		return Doc{Source: src, URL: link, Hint: hint, Err: err}, err
	}
	if res.status == http.StatusNotModified { // unasked for: no validators were sent
		err := fmt.Errorf("fetch %s: unexpected HTTP 304", link)
		return Doc{Source: src, URL: link, Hint: hint, Err: err}, err
	}
	return Doc{Source: src, URL: res.url.String(), Body: res.body,
		ContentType: res.header.Get("Content-Type"), Hint: hint}, nil
}

// Expand emits d itself, or, when d's body is an RSS, Atom or JSON feed, one
// Doc per item with the item link fetched. Detection looks at the content,
// not the URL. It returns when all items are done or ctx ends.
func (r *Reader) Expand(ctx context.Context, d Doc, out chan<- Doc) error {
	if d.Err != nil || !looksLikeFeed(d.ContentType, d.Body) {
		send(ctx, out, d)
		return ctx.Err()
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(d.Body))
	if err != nil {
		d.Body = nil
		d.Err = fmt.Errorf("parse feed %s: %w", d.Source, err)
		send(ctx, out, d)
		return ctx.Err()
	}
	r.feedItems(ctx, d, f, out)
	return ctx.Err()
}

// looksLikeFeed sniffs the body; a feed media type with a body that is
// neither a feed nor HTML counts as a (broken) feed so that it fails loudly
// instead of reaching extraction as a page.
func looksLikeFeed(ctype string, body []byte) bool {
	head := body
	if len(head) > 4096 {
		head = head[:4096]
	}
	switch gofeed.DetectFeedType(bytes.NewReader(head)) {
	case gofeed.FeedTypeRSS, gofeed.FeedTypeAtom:
		return true
	case gofeed.FeedTypeJSON:
		// Any JSON object is "JSON" to gofeed; a JSON Feed names its version.
		var v struct {
			Version string `json:"version"`
		}
		if json.Unmarshal(body, &v) == nil && strings.Contains(v.Version, "jsonfeed.org") {
			return true
		}
	}
	mt, _, _ := mime.ParseMediaType(ctype)
	return feedTypes[mt] && !strings.HasPrefix(http.DetectContentType(body), "text/html")
}

func (r *Reader) feedItems(ctx context.Context, feed Doc, f *gofeed.Feed, out chan<- Doc) {
	base, _ := url.Parse(feed.URL)
	seen := make(map[string]bool)
	sem := make(chan struct{}, itemWorkers)
	var wg sync.WaitGroup
	defer wg.Wait()
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		link := itemLink(base, it)
		if link != "" {
			if seen[link] {
				continue
			}
			seen[link] = true
		}
		hint := itemHint(f, it, link)
		src := link
		if src == "" {
			src = feed.Source + "#item" + strconv.Itoa(i+1)
		}
		hint.Source = src
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			return
		}
		wg.Go(func() {
			defer func() { <-sem }()
			send(ctx, out, r.feedItem(ctx, src, link, hint, it))
		})
	}
}

// feedItem fetches the item's link; when that fails the item's own content
// or description still gives a document.
func (r *Reader) feedItem(ctx context.Context, src, link string, hint article.Article, it *gofeed.Item) Doc {
	var err error
	if link != "" {
		var d Doc
		if d, err = r.fetchDoc(ctx, src, link, hint); err == nil {
			return d
		}
	} else {
		err = fmt.Errorf("feed item %s has no link", src)
	}
	text := htmlText(it.Content)
	if text == "" {
		text = htmlText(it.Description)
	}
	if text == "" {
		return Doc{Source: src, URL: link, Hint: hint, Err: fmt.Errorf("%w; the item has no text of its own", err)}
	}
	r.opt.Logger.Warn("feed item link failed; using the item's own text", "item", src, "err", err)
	hint.Text = text
	return Doc{Source: src, URL: link, ContentType: "text/plain; charset=utf-8", Hint: hint}
}

func itemLink(base *url.URL, it *gofeed.Item) string {
	raw := strings.TrimSpace(it.Link)
	if raw == "" && len(it.Links) > 0 {
		raw = strings.TrimSpace(it.Links[0])
	}
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return u.String()
}

func itemHint(f *gofeed.Feed, it *gofeed.Item, link string) article.Article {
	a := article.Article{
		URL:      link,
		Title:    strings.TrimSpace(htmlText(it.Title)),
		Feed:     strings.TrimSpace(f.Title), // the outlet only when the page names none
		Language: normLang(f.Language),
	}
	var names []string
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, strings.TrimSpace(p.Name))
		}
	}
	a.Author = strings.Join(names, ", ")
	if d := feedDay(it.Published, it.PublishedParsed); !d.IsZero() {
		a.Published, a.DateFrom = d, article.DateFeed
	} else if d := feedDay(it.Updated, it.UpdatedParsed); !d.IsZero() {
		a.Published, a.DateFrom = d, article.DateFeed
	}
	return a
}

// feedDay is the day of a feed date as the publisher wrote it. gofeed turns
// dates into UTC, which moves a late-evening item west of Greenwich to the
// next day; the raw text keeps the publisher's own calendar day.
func feedDay(raw string, parsed *time.Time) time.Time {
	if t, ok := parseRecordDate(strings.TrimSpace(raw)); ok {
		return article.Day(t)
	}
	if parsed != nil && !parsed.IsZero() {
		return article.Day(*parsed)
	}
	return time.Time{}
}
