package relevance

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/nlp"
)

// Signals are what the gate reads from a text: counts of the marks that
// set news apart from other writing, normalised by the text's length so
// that a long page and a short one compare.
type Signals struct {
	Words, Sentences int
	// Reporting is the share of sentences that report what someone said
	// or what a source states ("said", "told reporters", "according to").
	Reporting float64
	// Recent is the share of sentences that place something on a near day
	// ("on Tuesday", "yesterday", "last week"): news narrates the days
	// around its date; an encyclopedia, a manual or a novel rarely does.
	Recent float64
	// You is second-person words per 100 words outside quotations: how-tos,
	// manuals and recipes address the reader; news reports on others.
	You float64
	// I is first-person singular words per 100 words outside quotations:
	// a narrator or a blogger, not a reporter (who quotes others saying I).
	I float64
	// Dialogue is the share of paragraphs that open with a quotation mark
	// and hold no reporting verb outside the quote: fiction's lines.
	Dialogue float64
	// Reference is the share of sentences with reference-work marks:
	// citation brackets ("[12]", "[citation needed]"), life years
	// ("(1815–1852)", "(born 1950)"), coordinates.
	Reference float64
	// Code is the share of lines that read as program text or markup.
	Code float64
	// Dateline is true when the text opens (within its first lines) with a
	// news dateline: "KABUL, Afghanistan (AP) --", "SEOUL, Aug. 20 (Yonhap)".
	Dateline bool
	// NewsType is true when the page declares itself a news article
	// (schema.org NewsArticle and its kinds); OtherType when it declares a
	// kind that is not an article at all (a web site, a product, a book).
	NewsType, OtherType bool
}

var (
	reMonthDay  = regexp.MustCompile(`\b(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|April|May|June|July|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)\s+(\d{1,2})(?:,?\s+(\d{4}))?\b|\b(\d{1,2})\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(\d{4}))?\b`)
	reCitation  = regexp.MustCompile(`\[(?:\d{1,3}|[a-z] ?\d{1,3}|citation needed|note \d+|edit)\]`)
	reLifeYears = regexp.MustCompile(`\((?:born |b\. |c\. )?(?:\d{3,4}\s*[–—-]\s*\d{2,4}|born [^()]{0,40}\d{4})\)`)
	reCoords    = regexp.MustCompile(`\d+°\s*\d*′?\s*[NSEW]\b`)
	reDateline  = regexp.MustCompile(`^(?:\(\w[\w ]{0,20}\)\s*[-—–]|[A-Z][A-Z.'’ -]{2,30}(?:,\s*[A-Z][\w.]*(?: [A-Z0-9][\w.]*){0,3})?\s*(?:\([A-Za-z][\w &]{1,25}\))?\s*(?:--|[—–-])\s)`)
)

// newsTypes are the schema.org kinds of news writing.
var newsTypes = map[string]bool{
	"newsarticle": true, "reportagenewsarticle": true, "analysisnewsarticle": true,
	"backgroundnewsarticle": true, "reviewnewsarticle": true, "opinionnewsarticle": true,
	"askpublicnewsarticle": true, "liveblogposting": true,
}

// otherTypes are kinds a page declares that are not articles: the front
// page of a site, a product, a book, software, a recipe, a how-to, a
// question page, a profile. og:type "website" and schema.org "WebPage" are
// left out: many article pages declare them beside their article type.
var otherTypes = map[string]bool{
	"product": true, "book": true, "softwareapplication": true, "recipe": true,
	"howto": true, "qapage": true, "faqpage": true, "profile": true, "profilepage": true,
	"techarticle": true, "course": true, "music.song": true, "video.movie": true,
}

// Read computes the signals of an article.
func Read(a *article.Article) Signals {
	var s Signals
	for _, t := range a.PageTypes {
		lt := strings.ToLower(t)
		s.NewsType = s.NewsType || newsTypes[lt]
		s.OtherType = s.OtherType || otherTypes[lt]
	}
	text := a.Text
	s.Words = countFields(text)
	outside, you, i := 0, 0, 0
	eachOutside(text, func(w string) {
		outside++
		if youWords[strings.ToLower(w)] {
			you++
		}
		if iWords[w] {
			i++
		}
	})
	if outside > 0 {
		s.You = 100 * float64(you) / float64(outside)
		s.I = 100 * float64(i) / float64(outside)
	}
	var reporting, recent, reference int
	for _, sp := range nlp.Split(text) {
		sent := text[sp.Start:sp.End]
		toks := words(sent)
		s.Sentences++
		if reports(toks) {
			reporting++
		}
		if nearDay(toks) || hasMonth(toks) && nearDate(sent, a.Published) {
			recent++
		}
		if strings.Contains(sent, "[") && reCitation.MatchString(sent) || strings.Contains(sent, "(") && reLifeYears.MatchString(sent) ||
			strings.Contains(sent, "°") && reCoords.MatchString(sent) {
			reference++
		}
	}
	if s.Sentences > 0 {
		n := float64(s.Sentences)
		s.Reporting, s.Recent, s.Reference = float64(reporting)/n, float64(recent)/n, float64(reference)/n
	}
	s.Dialogue, s.Code = lineShares(text)
	s.Dateline = hasDateline(text)
	return s
}

// nearDate reports whether the sentence names a day ("December 15",
// "20 August 2019") in the year of the publication date or the year
// before, or without a year: the news of the day, not history.
func nearDate(sent string, published time.Time) bool {
	for _, m := range reMonthDay.FindAllStringSubmatch(sent, -1) {
		year := m[2] + m[4]
		if year == "" {
			return true
		}
		if y, err := strconv.Atoi(year); err == nil && !published.IsZero() &&
			y <= published.Year() && y >= published.Year()-1 {
			return true
		}
	}
	return false
}

// lineShares is the share of paragraphs that are dialogue and the share of
// non-empty lines that read as code.
func lineShares(text string) (dialogue, code float64) {
	var lines, paras, talk, prog int
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		lines++
		if codeLine(l) {
			prog++
		}
		if countFields(l) < 4 {
			continue // a heading or a caption, not a paragraph
		}
		paras++
		if opensQuote(l) && !reports(words(unquoted(l))) {
			talk++
		}
	}
	if paras > 0 {
		dialogue = float64(talk) / float64(paras)
	}
	if lines > 0 {
		code = float64(prog) / float64(lines)
	}
	return dialogue, code
}

func opensQuote(l string) bool {
	for _, q := range []string{`"`, "“", "‘", "'", "«", "„"} {
		if strings.HasPrefix(l, q) {
			return true
		}
	}
	return false
}

// hasDateline reports whether one of the first lines opens with a news
// dateline: a place in capitals, an optional agency in brackets, a dash.
func hasDateline(text string) bool {
	for i, l := range strings.SplitN(text, "\n", 8) {
		if i == 7 {
			break
		}
		l = strings.TrimSpace(l)
		if reDateline.MatchString(l) && len(strings.Fields(l)) > 8 {
			return true
		}
	}
	return false
}

// eachOutside calls fn with each word of text outside its quotations, the
// words of words(unquoted(text)) in order, without building either: the
// whole text copied to runes and back, then split into a slice of words,
// was half of what the gate cost a document.
func eachOutside(text string, fn func(w string)) {
	in := false
	var closer rune
	start := -1 // where the current word began, -1 between words
	for i, r := range text {
		blank := false // unquoted makes it a space
		switch {
		case r == '\n':
			in = false
		case !in && (r == '"' || r == '“' || r == '«'):
			in, blank = true, true
			closer = closerOf(r)
		case in && (r == closer || closer == '”' && r == '"'):
			in, blank = false, true
		default:
			blank = in && !unicode.IsSpace(r)
		}
		if !blank && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’') {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			fn(strings.Trim(text[start:i], "'’"))
			start = -1
		}
	}
	if start >= 0 {
		fn(strings.Trim(text[start:], "'’"))
	}
}

// closerOf is the quotation mark that closes one opened by r.
func closerOf(r rune) rune {
	switch r {
	case '“':
		return '”'
	case '«':
		return '»'
	}
	return r
}

// unquoted is text with its quotations blanked out: what the writer says in
// their own voice. Straight double quotes pair up; curly quotes open and
// close. A quotation left open runs to the end of its paragraph.
func unquoted(text string) string {
	b := []rune(text)
	in := false
	var closer rune
	for i, r := range b {
		switch {
		case r == '\n':
			in = false
		case !in && (r == '"' || r == '“' || r == '«'):
			in = true
			closer = closerOf(r)
			b[i] = ' '
			continue
		case in && (r == closer || closer == '”' && r == '"'):
			in = false
			b[i] = ' '
			continue
		}
		if in && !unicode.IsSpace(r) {
			b[i] = ' '
		}
	}
	return string(b)
}
