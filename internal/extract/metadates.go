package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what a page declares about itself in <head>, JSON-LD and
// <time> elements.
type pageMeta struct {
	published  time.Time
	title, url string
	types      []string // og:type and JSON-LD @type values, as declared
}

// pubMetaNames are meta names/properties/itemprops that carry the first
// publication date (not the modification date).
var pubMetaNames = map[string]bool{
	"article:published_time": true, "og:article:published_time": true,
	"article:published": true, "datepublished": true, "publishdate": true,
	"publish-date": true, "publish_date": true, "pubdate": true, "published_time": true,
	"published-date": true, "article.published": true, "dc.date.issued": true,
	"dcterms.issued": true, "dc.date": true, "dcterms.created": true, "date": true,
	"sailthru.date": true, "parsely-pub-date": true, "original-publish-date": true,
	"citation_publication_date": true, "citation_date": true, "rnews:datepublished": true,
	"article_date_original": true, "cxenseparse:recs:publishtime": true,
	"displaydate": true, "dc.created": true, "release_date": true, "pub_date": true,
	"og:published_time": true, "article.created": true, "publication_date": true,
}

var reMachineDate = regexp.MustCompile(`^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]|$)`)

var reLDDate = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]{8,40})"`)

// reLDType finds the schema.org types a JSON-LD block declares, a single
// "@type": "NewsArticle" or the first of a list.
var reLDType = regexp.MustCompile(`"@type"\s*:\s*\[?\s*"([A-Za-z]{2,40})"`)

// addType keeps a declared page type once.
func (pm *pageMeta) addType(t string) {
	t = strings.TrimSpace(t)
	if t == "" || len(pm.types) >= maxTypes {
		return
	}
	for _, have := range pm.types {
		if strings.EqualFold(have, t) {
			return
		}
	}
	pm.types = append(pm.types, t)
}

// maxTypes bounds what a page may declare: a JSON-LD graph can list every
// person and image on the page, and the relevance gate needs the first few.
const maxTypes = 12

// scanMeta reads publication date, title and canonical URL from the page.
// The first declaration in document order wins for each field; JSON-LD
// datePublished outranks meta tags, which outrank <time> elements.
func scanMeta(doc *html.Node) pageMeta {
	var pm pageMeta
	var ld, metaDate, timeDate time.Time
	var ldRaw, metaRaw, timeRaw string
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
				content := attr(n, "content")
				if content == "" {
					content = attr(n, "datetime")
				}
				switch {
				case pubMetaNames[key] && metaDate.IsZero():
					metaDate, metaRaw = parseMetaDate(content), content
				case (key == "og:title" || key == "twitter:title") && pm.title == "":
					pm.title = strings.TrimSpace(content)
				case key == "og:url" && pm.url == "":
					pm.url = content
				case key == "og:type":
					pm.addType(content)
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && pm.url == "" {
					pm.url = attr(n, "href")
				}
			case atom.Script:
				if strings.Contains(attr(n, "type"), "ld+json") && n.FirstChild != nil {
					if m := reLDDate.FindStringSubmatch(n.FirstChild.Data); m != nil && ld.IsZero() {
						ld, ldRaw = parseMetaDate(m[1]), m[1]
					}
					for _, m := range reLDType.FindAllStringSubmatch(n.FirstChild.Data, maxTypes) {
						pm.addType(m[1])
					}
				}
			case atom.Time:
				if timeDate.IsZero() && (hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished")) {
					timeRaw = attr(n, "datetime")
					timeDate = parseMetaDate(timeRaw)
				}
			case atom.Abbr, atom.Span, atom.Div, atom.P:
				if metaDate.IsZero() && strings.EqualFold(attr(n, "itemprop"), "datePublished") {
					v := attr(n, "content")
					if v == "" {
						v = attr(n, "datetime")
					}
					metaDate, metaRaw = parseMetaDate(v), v
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	if localDay, ok := localSameInstant(ldRaw, metaRaw, timeRaw); ok {
		// JSON-LD often gives the instant in UTC ("2017-02-24T01:18:13Z")
		// while the page's meta or <time> gives the same instant in its
		// own zone ("2017-02-23T17:18:13-08:00"): the page was written on
		// its local day, the 23rd.
		ld = localDay
	}
	for _, t := range []time.Time{ld, metaDate, timeDate} {
		if !t.IsZero() {
			pm.published = t
			break
		}
	}
	return pm
}

// parseMetaDate reads the calendar day as written at the start of a
// machine date ("2017-02-23T17:18:13-08:00" is 23 February whatever the
// zone); human forms go through findDate.
func parseMetaDate(v string) time.Time {
	v = strings.TrimSpace(v)
	if m := reMachineDate.FindStringSubmatch(v); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if t, ok := mkDate(y, mo, d); ok {
			return t
		}
	}
	if d, ok := findDate(v); ok {
		return d.t
	}
	return time.Time{}
}

// instantLayouts are the machine timestamps with a zone pages declare.
var instantLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05-0700", "2006-01-02T15:04:05.000-0700",
	"2006-01-02T15:04-07:00", "2006-01-02T15:04Z07:00", "2006-01-02 15:04:05-07:00", "2006-01-02 15:04:05Z07:00"}

// parseInstant reads a timestamp with its zone; ok is false without one.
func parseInstant(v string) (time.Time, bool) {
	v = strings.TrimSpace(v)
	for _, l := range instantLayouts {
		if t, err := time.Parse(l, v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// localSameInstant: when the JSON-LD date is a UTC timestamp and another
// declaration of the page gives the same instant (within an hour) in a
// zone of its own, the day as that one writes it.
func localSameInstant(ldRaw string, others ...string) (time.Time, bool) {
	u, ok := parseInstant(ldRaw)
	if !ok {
		return time.Time{}, false
	}
	if _, off := u.Zone(); off != 0 {
		return time.Time{}, false
	}
	for _, o := range others {
		t, ok := parseInstant(o)
		if !ok {
			continue
		}
		if _, off := t.Zone(); off == 0 {
			continue
		}
		if d := t.Sub(u); d > -time.Hour && d < time.Hour {
			return parseMetaDate(o), true
		}
	}
	return time.Time{}, false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}
