package extract

import (
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	htmldate "github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/dyad-project/dyad/internal/article"
)

// htmlPage is what an HTML document yields before merging with the hint.
type htmlPage struct {
	Title, Author, Outlet, URL, Text string
	// Host is the outlet the address gives ("example.com"): the weakest
	// name, after the page's own and its feed's (see merge).
	Host      string
	Published time.Time
	DateFrom  article.DateSource
	Types     []string
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
	// day, and is dropped instead of becoming a false 1 January. A date the
	// page's own metadata states wins over htmldate's below whatever it
	// finds, so htmldate runs only for pages that state none.
	var dr htmldate.Result
	if meta.published.IsZero() {
		dr = pageDate(doc, pageURL)
	}
	opts := trafilatura.Options{
		ExcludeComments:  true,
		HtmlDateOverride: &dr,
	}
	if u, err := url.Parse(pageURL); err == nil && u.Host != "" {
		opts.OriginalURL = u
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if needsFallback(res, err) {
		// trafilatura's fallbacks (readability, then dom-distiller) cost a
		// quarter of HTML extraction and change the text of only the pages
		// where its own extraction came out short or without paragraphs
		// (on the corpus pages: 13 of 160, all under 1,300 characters or
		// with no <p>); so they run, on the same parsed document, only then.
		opts.EnableFallback = true
		if fres, ferr := trafilatura.ExtractDocument(doc, opts); ferr == nil && fres != nil {
			res, err = fres, nil
		}
	}
	if err == nil && res != nil {
		m := res.Metadata
		hp.Title, hp.Author, hp.Outlet, hp.URL = m.Title, m.Author, m.Sitename, m.URL
		hp.Text = CleanText(contentText(res), m.Title)
		if !m.Date.IsZero() {
			hp.Published, hp.DateFrom = writtenDay(m.Date), article.DateMetadata
		}
	}
	if hp.Published.IsZero() && !dr.IsZero() {
		// go-trafilatura takes an HtmlDateOverride only when it has a time
		// of day (metadata.go: `if HtmlDateOverride.HasTime`), so a day
		// htmldate found without one ("March 3, 2026" in the byline) was
		// lost: keep it.
		hp.Published, hp.DateFrom = writtenDay(dr.DateTime), article.DateMetadata
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
	hp.Types = meta.types
	if strings.TrimSpace(hp.Text) == "" {
		fb, _ := html.Parse(strings.NewReader(s))
		hp.Text = fallbackText(fb)
	}
	hp.Host = hostOutlet(pageURL)
	if isHostName(hp.Outlet, pageURL) {
		// go-trafilatura falls back to the address's host for a page that
		// names no site: that is the weakest name, not the page's own
		hp.Outlet = ""
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

// isHostName reports whether name is only the host of address u.
func isHostName(name, u string) bool {
	pu, err := url.Parse(u)
	if err != nil || pu.Host == "" || name == "" {
		return false
	}
	n := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(name)), "www.")
	return n == strings.TrimPrefix(strings.ToLower(pu.Host), "www.") || n == strings.TrimPrefix(strings.ToLower(pu.Hostname()), "www.")
}

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

// pageDate is htmldate's publication date for the page, or none when its
// evidence cannot carry a day. Its fast mode (no go-dateparser) would save
// a few per cent but loses or changes dates on pages whose metadata states
// none (2 of the 160 corpus pages), so the extensive search stays.
func pageDate(doc *html.Node, pageURL string) htmldate.Result {
	dr, err := htmldate.FromDocument(doc, htmldate.Options{
		ExtractTime:       true,
		UseOriginalDate:   true,
		DeferUrlExtractor: true,
		URL:               pageURL,
	})
	if err != nil || (dr.DateTime.Day() == 1 && !dayLevel(dr.SrcString)) || linkDate(dr.SrcString) {
		return htmldate.Result{}
	}
	return dr
}

// linkDate reports a date htmldate read from a link's address
// ("/2003/06/24/regular-expressions\">MT-Regex</a>", "=03/01/24/1440207\">"):
// that dates the page linked to, a sidebar's older post, not this one. Once
// go-trafilatura no longer dropped htmldate's days without a time, such
// links dated 3 of the corpus pages.
func linkDate(src string) bool {
	s := strings.TrimSpace(src)
	return strings.HasPrefix(s, "/") || strings.HasPrefix(s, "=")
}

// fallbackBelow is the length, in characters, under which trafilatura's
// own extraction is checked against its fallback extractors: they replace
// a text only when they find over twice as much, or the text holds no
// paragraph.
const fallbackBelow = 2000

func needsFallback(res *trafilatura.ExtractResult, err error) bool {
	if err != nil || res == nil || res.ContentNode == nil {
		return true
	}
	if utf8.RuneCountInString(res.ContentText) < fallbackBelow {
		return true
	}
	for n := range res.ContentNode.Descendants() {
		if n.Type == html.ElementNode && tagAtom(n) == atom.P {
			return false
		}
	}
	return true
}

// lineTags end a line of the text: trafilatura's own ContentText is the
// tree's text on one line, so paragraphs ran together ("…said.US Defense
// officials") and the line-based clean-up never had a line to drop.
var lineTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true,
	atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Blockquote: true,
	atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Br: true, atom.Hr: true,
	atom.Section: true, atom.Article: true, atom.Figure: true, atom.Figcaption: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Main: true,
	atom.Address: true, atom.Details: true, atom.Summary: true, atom.Caption: true,
}

// contentText is the extracted text with its paragraph breaks. When the
// content tree does not hold exactly the text trafilatura reports (its
// last-resort baseline extraction may keep a paragraph twice in the tree),
// the reported text is taken as it is.
func contentText(res *trafilatura.ExtractResult) string {
	t := blockText(res.ContentNode)
	if !sameNonSpace(t, res.ContentText) {
		return res.ContentText
	}
	return t
}

// sameNonSpace reports whether a and b hold the same characters once white
// space is ignored.
func sameNonSpace(a, b string) bool {
	i, j := 0, 0
	for {
		for i < len(a) && isSpaceByte(a[i]) {
			i++
		}
		for j < len(b) && isSpaceByte(b[j]) {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		if a[i] != b[j] {
			return false
		}
		i++
		j++
	}
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

// blockText is the text of an extracted content tree, one block a line,
// runs of white space within a block made one space.
func blockText(root *html.Node) string {
	if root == nil {
		return ""
	}
	var b strings.Builder
	space := false // a space is owed before the next word on the line
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 {
			return
		}
		switch n.Type {
		case html.TextNode:
			for i, f := range fieldsSeq(n.Data) {
				if (i > 0 || space || startsSpace(n.Data)) && b.Len() > 0 && !endsLine(&b) {
					b.WriteByte(' ')
				}
				b.WriteString(f)
				space = false
			}
			space = space || endsSpace(n.Data)
			return
		case html.ElementNode:
			if a := tagAtom(n); a == atom.Td || a == atom.Th {
				space = true // cells of a row stay on its line
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
		if n.Type == html.ElementNode && lineTags[tagAtom(n)] && b.Len() > 0 && !endsLine(&b) {
			b.WriteByte('\n')
			space = false
		}
	}
	walk(root, 0)
	return b.String()
}

// tagAtom is the element's atom: trafilatura builds its output tree with
// the tag name only (DataAtom 0).
func tagAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(n.Data))
}

func endsLine(b *strings.Builder) bool { s := b.String(); return s[len(s)-1] == '\n' }

func startsSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

func endsSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r)
}

// fieldsSeq indexes the white-space separated words of s without building
// a slice.
func fieldsSeq(s string) func(yield func(int, string) bool) {
	return func(yield func(int, string) bool) {
		i := 0
		for f := range strings.FieldsSeq(s) {
			if !yield(i, f) {
				return
			}
			i++
		}
	}
}
