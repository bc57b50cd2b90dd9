package extract

import (
	"net/url"
	"regexp"
	"strings"
	"time"

	htmldate "github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/dyad-project/dyad/internal/article"
)

// htmlPage is what an HTML document yields before merging with the hint.
type htmlPage struct {
	Title, Author, Outlet, URL, Text string
	Published                        time.Time
	DateFrom                         article.DateSource
}

// extractHTML runs trafilatura with htmldate set for original publication
// dates, then cross-checks the date against the page's own metadata and URL.
func extractHTML(s string, pageURL string) (htmlPage, error) {
	var hp htmlPage
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return hp, err
	}
	meta := scanMeta(doc)
	// htmldate runs here rather than inside trafilatura so its evidence can
	// be checked: a guess from a copyright year or a CSS class carries no
	// day, and is dropped instead of becoming a false 1 January.
	dr, err := htmldate.FromDocument(doc, htmldate.Options{
		ExtractTime:       true,
		UseOriginalDate:   true,
		DeferUrlExtractor: true,
		URL:               pageURL,
	})
	if err != nil || (dr.DateTime.Day() == 1 && !dayLevel(dr.SrcString)) {
		dr = htmldate.Result{}
	}
	opts := trafilatura.Options{
		EnableFallback:   true,
		ExcludeComments:  true,
		HtmlDateOverride: &dr,
	}
	if u, err := url.Parse(pageURL); err == nil && u.Host != "" {
		opts.OriginalURL = u
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err == nil && res != nil {
		m := res.Metadata
		hp.Title, hp.Author, hp.Outlet, hp.URL = m.Title, m.Author, m.Sitename, m.URL
		hp.Text = CleanText(res.ContentText, m.Title)
		if !m.Date.IsZero() {
			hp.Published, hp.DateFrom = writtenDay(m.Date), article.DateMetadata
		}
	}
	if hp.URL == "" {
		hp.URL = meta.url
	}
	if pageURL == "" {
		pageURL = hp.URL
	}
	ud, hasURLDate := urlDate(pageURL)
	switch {
	case !meta.published.IsZero() && (hp.Published.IsZero() || !sameDay(hp.Published, meta.published)):
		// The page states its publication date in its own metadata; trust
		// that over a date htmldate guessed from the page body.
		hp.Published, hp.DateFrom = meta.published, article.DateMetadata
	case hasURLDate && meta.published.IsZero() && (hp.Published.IsZero() || sameDay(hp.Published, ud)):
		hp.Published, hp.DateFrom = ud, article.DateURL
	}
	if hp.Title == "" {
		hp.Title = meta.title
	}
	if strings.TrimSpace(hp.Text) == "" {
		fb, _ := html.Parse(strings.NewReader(s))
		hp.Text = fallbackText(fb)
	}
	if hp.Outlet == "" {
		hp.Outlet = hostOutlet(pageURL)
	}
	return hp, nil
}

var (
	reCopyright = regexp.MustCompile(`(?i)©|&copy;|copyright|\(c\)`)
	reDayOne    = regexp.MustCompile(`(?:^|[^\d.])0?1(?:[^\d.]|$)`)
)

// dayLevel reports whether htmldate's source text can support a date on
// the first of a month: htmldate turns a bare year or month into day 1, so
// a copyright notice or a stray number in CSS would become a false date.
func dayLevel(src string) bool {
	return !reCopyright.MatchString(src) && reDayOne.MatchString(src)
}

// writtenDay keeps the calendar day as the page wrote it (in its own time
// zone), not shifted to UTC.
func writtenDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func sameDay(a, b time.Time) bool { return writtenDay(a).Equal(writtenDay(b)) }

func hostOutlet(u string) string {
	pu, err := url.Parse(u)
	if err != nil || pu.Host == "" {
		return ""
	}
	return strings.TrimPrefix(pu.Hostname(), "www.")
}

// skipTags hold no article prose.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true,
	atom.Button: true, atom.Select: true, atom.Svg: true, atom.Iframe: true,
	atom.Template: true, atom.Head: true,
}

var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.Li: true, atom.Blockquote: true, atom.Pre: true, atom.Td: true,
	atom.Div: true, atom.Br: true, atom.Article: true, atom.Section: true,
}

// fallbackText is the page's visible prose, one block a line, cleaned as a
// text page; used when trafilatura finds no main content.
func fallbackText(doc *html.Node) string {
	if doc == nil {
		return ""
	}
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 {
			return
		}
		if n.Type == html.ElementNode && skipTags[n.DataAtom] {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(strings.Join(strings.Fields(n.Data), " "))
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
		if n.Type == html.ElementNode && blockTags[n.DataAtom] {
			b.WriteByte('\n')
		}
	}
	walk(doc, 0)
	return ParseText(b.String()).Text
}
