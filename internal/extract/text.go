package extract

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/dyad-project/dyad/internal/article"
)

// Span is a byte range of the parsed input.
type Span struct{ Start, End int }

// Page is a plain-text page after parsing: metadata found in its chrome and
// the paragraphs kept for coding, as offsets into the parsed string.
type Page struct {
	Title, Outlet, Author string
	Published             time.Time
	DateFrom              article.DateSource
	Updated               time.Time // a revision day shown by later embeds or captions
	Paragraphs            []Span
	Text                  string // kept paragraphs joined by blank lines, mojibake repaired
}

type line struct {
	start, end int
	text       string
	drop       bool
	chrome     bool // isChrome(text), computed once
	meta       bool // a "key: value" front-matter line
}

// reFrontMatter is a "key: value" line of a crawler's text dump header.
var reFrontMatter = regexp.MustCompile(`^([a-z][a-z_]{1,20}):\s*(.*)$`)

// frontMatter reads a block of "key: value" lines at the very top (as
// crawlers and corpus tools write them): title, outlet and author fill the
// page fields, a date line is left for the date-line pass, the rest goes.
func frontMatter(p *Page, lines []line) {
	n := 0
	for n < len(lines) && reFrontMatter.MatchString(lines[n].text) {
		n++
	}
	if n < 3 {
		return
	}
	for i := range lines[:n] {
		l := &lines[i]
		m := reFrontMatter.FindStringSubmatch(l.text)
		val := strings.TrimSpace(m[2])
		l.drop, l.meta = true, true
		switch m[1] {
		case "title", "headline":
			p.Title = val
		case "outlet", "publisher", "site", "site_name", "source_name":
			p.Outlet = val
		case "author", "byline":
			p.Author = val
		case "date", "published", "publish_date", "pubdate":
			l.text = "date " + val
		}
	}
}

// headerWindow is how many non-empty lines at the top may hold the title,
// masthead, byline and date line.
const headerWindow = 12

// ParseText parses a scraped plain-text page: it finds title, outlet,
// author and the publication date in the page chrome and drops boilerplate
// lines by their shape and keywords.
func ParseText(s string) Page {
	lines := splitLines(s)
	var p Page
	if len(lines) == 0 {
		return p
	}
	frontMatter(&p, lines)
	first := len(lines)
	for i, l := range lines {
		if isBody(l.text) && !l.chrome && !l.drop {
			first = i
			break
		}
	}
	script := bodyScript(lines)

	// Date line: near the top, chrome only; "updated" lines only as a last resort.
	var updated time.Time
	dateIdx := -1
	for i := 0; i < len(lines) && i < headerWindow; i++ {
		if lines[i].drop && !lines[i].meta {
			continue
		}
		t, rest, ok := parseDateLine(lines[i].text)
		if !ok {
			continue
		}
		if strings.HasPrefix(strings.ToLower(strings.TrimSpace(lines[i].text)), "updated") {
			if updated.IsZero() {
				updated = t
			}
			lines[i].drop = true
			continue
		}
		if dateIdx < 0 {
			dateIdx = i
			p.Published, p.DateFrom = t, article.DateLine
		}
		if rest != "" {
			lines[i].start = lines[i].end - len(rest)
			lines[i].text = rest
			lines[i].chrome = isChrome(rest)
		} else {
			lines[i].drop = true
		}
	}
	if p.Published.IsZero() && !updated.IsZero() {
		p.Published, p.DateFrom = updated, article.DateLine
	}

	// Embedded posts bound the page from below.
	var embed time.Time
	for i := range lines {
		if t, ok := parseEmbedSig(lines[i].text); ok {
			lines[i].drop = true
			if t.After(embed) {
				embed = t
			}
		}
	}
	if p.Published.IsZero() && !embed.IsZero() {
		p.Published, p.DateFrom = embed, article.DateEmbed
	}
	p.Updated = revised(p.Published, embed, lines)

	header := first
	if dateIdx >= header {
		header = dateIdx + 1
	}
	if header > headerWindow {
		header = headerWindow
	}
	parseHeader(&p, lines[:header], script)
	if p.Title == "" {
		findTitle(&p, lines, script)
	}
	dropBoilerplate(lines, p, first, false)

	var b strings.Builder
	for _, l := range lines {
		if l.drop {
			continue
		}
		p.Paragraphs = append(p.Paragraphs, Span{l.start, l.end})
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(fixMojibake(l.text))
	}
	if b.Len() == 0 && p.Title != "" {
		// a snippet of one line (a sentence, a headline, a PDF caption)
		// read as a title: that line is the text, so its events are coded
		for _, l := range lines {
			if l.text == p.Title {
				p.Paragraphs = append(p.Paragraphs, Span{l.start, l.end})
				b.WriteString(fixMojibake(l.text))
				break
			}
		}
	}
	p.Text = strings.ToValidUTF8(b.String(), "\uFFFD")
	return p
}

// CleanText drops boilerplate lines from already-extracted main text
// (HTML extractors keep captions, credits and link lists).
func CleanText(s, title string) string {
	lines := splitLines(s)
	first := len(lines)
	for i, l := range lines {
		if isBody(l.text) {
			first = i
			break
		}
	}
	dropBoilerplate(lines, Page{Title: title}, first, true)
	var b strings.Builder
	for _, l := range lines {
		if l.drop {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(fixMojibake(l.text))
	}
	return strings.ToValidUTF8(b.String(), "\uFFFD")
}

// splitLines returns the non-empty trimmed lines of s with their offsets.
func splitLines(s string) []line {
	var out []line
	for off := 0; off < len(s); {
		end := strings.IndexByte(s[off:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += off
		}
		raw := s[off:end]
		t := strings.TrimSpace(raw)
		if t != "" {
			st := off + strings.Index(raw, t)
			out = append(out, line{start: st, end: st + len(t), text: t, chrome: isChrome(t)})
		}
		off = end + 1
	}
	return out
}

// parseHeader reads masthead, title, byline and outlet from the top lines.
func parseHeader(p *Page, hdr []line, script byte) {
	for i := range hdr {
		l := &hdr[i]
		if l.drop || isBody(l.text) {
			continue
		}
		if l.chrome {
			l.drop = true
			continue
		}
		if sc := scriptOf(l.text); sc != script {
			l.drop = true // a slogan in another script beside the masthead
			continue
		}
		n := wordCount(l.text)
		switch {
		case p.Title == "" && i == 0 && n <= 4 && laterHeadline(hdr[1:], n) && !sectionWords[strings.ToLower(l.text)]:
			p.Outlet = l.text
		case p.Title == "" && isHeadlineLike(l.text, 2):
			p.Title = l.text
		case p.Title != "" && sameText(l.text, p.Title):
		case p.Author == "" && (strings.HasPrefix(l.text, "By ") || looksLikeName(l.text)) && n <= 6:
			p.Author = strings.TrimPrefix(l.text, "By ")
		case p.Title != "" && p.Outlet == "" && n <= 6 && !strings.ContainsAny(l.text[len(l.text)-1:], ".!?"):
			p.Outlet = l.text
		default:
			continue // a standfirst or caption: kept as text
		}
		l.drop = true
	}
}

func laterHeadline(ls []line, than int) bool {
	for _, l := range ls {
		if !l.drop && !l.chrome && isHeadlineLike(l.text, than+1) {
			return true
		}
	}
	return false
}

// findTitle takes the first standalone headline in the page when the top
// held none (scrapers often move the headline below the standfirst).
func findTitle(p *Page, lines []line, script byte) {
	for i, l := range lines {
		if l.drop || l.chrome || !isHeadlineLike(l.text, 5) || scriptOf(l.text) != script {
			continue
		}
		if (i > 0 && shortLine(lines[i-1].text)) && (i+1 < len(lines) && shortLine(lines[i+1].text)) {
			continue // inside a list of links
		}
		p.Title = l.text
		return
	}
}

func shortLine(s string) bool { return hasLetter(s) && wordCount(s) <= 20 && !isBody(s) }

// sameText reports whether a and b are the same words, case and runs of
// white space aside.
func sameText(a, b string) bool {
	for {
		a, b = strings.TrimLeftFunc(a, unicode.IsSpace), strings.TrimLeftFunc(b, unicode.IsSpace)
		if a == "" || b == "" {
			return a == b
		}
		i, j := strings.IndexFunc(a, unicode.IsSpace), strings.IndexFunc(b, unicode.IsSpace)
		if i < 0 {
			i = len(a)
		}
		if j < 0 {
			j = len(b)
		}
		if !strings.EqualFold(a[:i], b[:j]) {
			return false
		}
		a, b = a[i:], b[j:]
	}
}

// bodyScript is the script of the longest lines, used to tell a masthead
// slogan in another script from the headline.
func bodyScript(lines []line) byte {
	count := map[byte]int{}
	for _, l := range lines {
		if isBody(l.text) {
			count[scriptOf(l.text)] += len(l.text)
		}
	}
	var best byte
	for k, v := range count {
		if v > count[best] || best == 0 {
			best = k
		}
	}
	if best == 0 && len(lines) > 0 {
		best = scriptOf(lines[0].text)
	}
	return best
}

// fixMojibake repairs the commonest double-decoding residue: a UTF-8
// no-break space read as Latin-1 ("Â ", or "Â" at a line end where the
// space was trimmed).
func fixMojibake(s string) string {
	if !strings.Contains(s, "Â") {
		return s
	}
	return strings.TrimSpace(reMojibakeNBSP.ReplaceAllString(s, " "))
}

var reMojibakeNBSP = regexp.MustCompile(`Â(?:[ \x{a0}]|$)`)

// maxRevision bounds how long after its date line a page may be revised and
// still be read against the later day.
const maxRevision = 3 * 24 * time.Hour

// postSig finds a social-post signature anywhere in a line.
var postSig = regexp.MustCompile(`\(@\w{1,30}\)\s+([A-Z][a-z]+\.? \d{1,2}, \d{4})`)

// captionDate finds "on Saturday, July 26" in a photo caption.
var captionDate = regexp.MustCompile(`(?i)\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? (\d{1,2})\b`)

// revised returns the day a page shows it was updated on: the latest dated
// embed or photo caption one to three days after the date line. News pages
// are revised the next day without a new date line, and their "Saturday"
// then means the revision's Saturday.
func revised(published, embed time.Time, lines []line) time.Time {
	if published.IsZero() {
		return time.Time{}
	}
	best := time.Time{}
	consider := func(t time.Time) {
		if t.After(published) && t.Sub(published) <= maxRevision && t.After(best) {
			best = t
		}
	}
	consider(embed)
	for _, l := range lines {
		// a quoted post signed inside a line: "… pic.twitter.com/x — Name (@handle) September 10, 2016"
		if m := postSig.FindStringSubmatch(l.text); m != nil {
			if d, ok := findDate(m[1]); ok {
				consider(d.t)
			}
		}
		if !strings.Contains(l.text, "Photo") && !strings.Contains(l.text, "photo") {
			continue
		}
		for _, m := range captionDate.FindAllStringSubmatch(l.text, -1) {
			mon, err := time.Parse("Jan", m[1][:3])
			if err != nil {
				continue
			}
			day := 0
			fmt.Sscanf(m[2], "%d", &day)
			t := time.Date(published.Year(), mon.Month(), day, 0, 0, 0, 0, time.UTC)
			consider(t)
		}
	}
	return best
}
