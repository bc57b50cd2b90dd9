package extract

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Reasons a document's text is not stored as an article; test with
// errors.Is. The error text says which measure failed and by how much.
var (
	// ErrNotProse is text that is not readable words: markup, one token of
	// megabytes, one word repeated, code or encoded data.
	ErrNotProse = errors.New("not readable text")
	// ErrUndecodable is text that is not valid in any charset tried.
	ErrUndecodable = errors.New("not valid text in any charset")
)

// Thresholds of the content check. They are loose on purpose: a one-line
// document of six words ("United States is willing to withdraw its troops
// from South Vietnam") is an article; what they refuse is junk whose
// figures are far off (a 5 MB token has no word at all, a file of "a"
// lines is one word repeated).
const (
	minWords      = 3    // fewer words cannot tell an event
	maxWordRunes  = 45   // a longer run of letters is no word of a spaced script (German compounds reach 40)
	maxTokenRunes = 60   // a longer space-free token is data (base64, hashes), unless a URL or in a script without spaces
	minLetters    = 0.45 // share of letters among the visible characters
	minInWords    = 0.6  // share of letters that stand in words of plausible length
	maxTopWord    = 0.4  // share of the most frequent word, once there are repeatWords words
	repeatWords   = 30
	maxMarkup     = 0.3  // share of the text inside <tags> (a tutorial quoting HTML has 16%)
	maxBadRunes   = 0.02 // share of replacement, private-use and unassigned characters
)

// reTag is an XML or HTML tag left in a text: the sign of a feed, an SVG
// or an XML file read as if it were prose.
var reTag = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9:_-]*(\s[^<>]{0,500})?/?>|<\?xml[^>]{0,500}\?>|<!\[CDATA\[`)

// unspaced scripts write words without spaces between them: a run of their
// letters is not one word and is not judged by its length.
var unspaced = []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai,
	unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan}

func isUnspaced(r rune) bool { return unicode.IsOneOf(unspaced, r) }

// isBad is a character no decoded text holds: U+FFFD (a byte no charset
// read), private use, or unassigned.
func isBad(r rune) bool {
	return r == utf8.RuneError || unicode.Is(unicode.Co, r) || !unicode.In(r, unicode.L, unicode.M, unicode.N,
		unicode.P, unicode.S, unicode.Z, unicode.Cf, unicode.Cc)
}

// readable checks that text is prose in words, so what is stored as an
// article is something a reader (and the coder) can read. It returns nil
// or an error wrapping ErrNotProse or ErrUndecodable with the measure.
func readable(text string) error {
	var st textStats
	st.scan(text)
	switch {
	case st.visible == 0:
		return fmt.Errorf("%w: no visible characters", ErrNotProse)
	case float64(st.bad) > maxBadRunes*float64(st.visible):
		return fmt.Errorf("%w: %d of %d characters undecodable, private-use or unassigned", ErrUndecodable, st.bad, st.visible)
	case st.markup > maxMarkup*float64(len(text)):
		return fmt.Errorf("%w: markup (%.0f%% of the text is <tags>: XML, SVG or a feed read as text)", ErrNotProse, 100*st.markup/float64(len(text)))
	case st.nlinks >= 3 && st.links > 0.5*float64(st.visible): // one link may fill a one-line text
		return fmt.Errorf("%w: a list of links (%.0f%% of the text)", ErrNotProse, 100*st.links/float64(st.visible))
	case st.letters < minLetters*float64(st.visible):
		return fmt.Errorf("%w: %.0f%% of the characters are letters", ErrNotProse, 100*st.letters/float64(st.visible))
	case st.longTokens > 0.5*float64(st.visible):
		return fmt.Errorf("%w: %.0f%% of the text is in tokens longer than %d characters", ErrNotProse, 100*st.longTokens/float64(st.visible), maxTokenRunes)
	case st.inWords < minInWords*st.letters:
		return fmt.Errorf("%w: only %.0f%% of the letters form words of plausible length", ErrNotProse, 100*st.inWords/st.letters)
	case st.words < minWords:
		return fmt.Errorf("%w: %d words", ErrNotProse, st.words)
	case st.words >= repeatWords && float64(st.topCount) > maxTopWord*float64(st.words):
		return fmt.Errorf("%w: %q is %d of its %d words", ErrNotProse, st.top(), st.topCount, st.words)
	}
	return nil
}

// textStats are the measures of the content check, counted in one pass.
type textStats struct {
	visible       int     // runes that are not white space
	bad           int     // U+FFFD, private use, unassigned
	letters       float64 // letters (and marks)
	inWords       float64 // letters in words of plausible length, or of unspaced scripts
	longTokens    float64 // visible runes in space-free tokens of more than maxTokenRunes, in no unspaced script
	links         float64 // visible runes in URLs
	nlinks        int     // and how many URLs
	markup        float64 // bytes inside tags
	words         int     // words of plausible length
	topCount      int
	counts        map[string]*int // a pointer, so a known word is counted without a new string
	slab          []int           // the counters, allocated a batch at a time
	word          []byte          // the word being read, lower-cased, up to maxWordRunes
	wordLen       int             // its length
	wordUnspace   bool            // it holds letters of an unspaced script
	token         int             // runes of the space-free token being read
	tokenUnspaced bool            // it holds letters of an unspaced script (Japanese: no spaces, Latin mixed in)
}

func (st *textStats) scan(text string) {
	st.counts = make(map[string]*int, min(len(text)/32, 4096)) // about one new word per 32 bytes of news
	if strings.IndexByte(text, '<') >= 0 {
		for _, loc := range reTag.FindAllStringIndex(text, -1) {
			st.markup += float64(loc[1] - loc[0])
		}
	}
	start := 0 // of the token being read
	for i, r := range text {
		if unicode.IsSpace(r) {
			st.endToken(text[start:i])
			st.endWord()
			start = i + utf8.RuneLen(r)
			continue
		}
		st.visible++
		st.token++
		if r >= utf8.RuneSelf && isBad(r) {
			st.bad++
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsMark(r) && st.wordLen > 0:
			st.letters++
			st.wordLen++
			if st.wordLen <= maxWordRunes { // a 5 MB token is counted, not kept
				st.word = utf8.AppendRune(st.word, unicode.ToLower(r))
			}
			if r >= utf8.RuneSelf && isUnspaced(r) {
				st.wordUnspace, st.tokenUnspaced = true, true
			}
		case (r == '\'' || r == '’' || r == '-') && st.wordLen > 0:
			// inside a word: "Iraq's", "al-Abbasi"
		default:
			st.endWord()
		}
	}
	st.endToken(text[start:])
	st.endWord()
}

// top is the most frequent word, looked up only for a refusal's message.
func (st *textStats) top() string {
	for w, c := range st.counts {
		if *c == st.topCount {
			return w
		}
	}
	return ""
}

func (st *textStats) endWord() {
	n := st.wordLen
	if n == 0 {
		return
	}
	switch {
	case st.wordUnspace:
		st.inWords += float64(n)
		st.words += max(1, n/2) // about two characters a word
	case n <= maxWordRunes:
		st.inWords += float64(n)
		st.words++
		c := st.counts[string(st.word)]
		if c == nil {
			// one allocation per 256 new words instead of one each:
			// counters were half the objects reading a text allocated
			if len(st.slab) == cap(st.slab) {
				st.slab = make([]int, 0, 256)
			}
			st.slab = st.slab[:len(st.slab)+1]
			c = &st.slab[len(st.slab)-1]
			st.counts[string(st.word)] = c
		}
		if *c++; *c > st.topCount {
			st.topCount = *c
		}
	}
	st.word, st.wordLen, st.wordUnspace = st.word[:0], 0, false
}

func (st *textStats) endToken(tok string) {
	switch {
	case isURL(tok):
		st.links += float64(st.token)
		st.nlinks++
	case st.token > maxTokenRunes && !st.tokenUnspaced:
		st.longTokens += float64(st.token)
	}
	st.token, st.tokenUnspaced = 0, false
}

// stripControl removes control characters other than tab, newline and
// carriage return (NUL, escape, the C1 range), and the noncharacters
// U+FFFE and U+FFFF, which no text holds and which break stores and
// terminals. A form feed becomes a newline, as it separates pages.
func stripControl(s string) string {
	clean := true
	for _, r := range s {
		if isStripped(r) || r == '\f' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\f':
			b.WriteByte('\n')
		case !isStripped(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isStripped(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
		return true
	}
	return r == 0xfffe || r == 0xffff
}

// xmlRoots are root elements of XML formats that are never an article: a
// feed (its items are read from its URL), an SVG image, a sitemap, an
// outline.
var xmlRoots = map[string]bool{"rss": true, "feed": true, "rdf:rdf": true, "svg": true, "urlset": true,
	"sitemapindex": true, "opml": true, "kml": true, "gpx": true}

// xmlRoot names the root element of s when s is an XML document (an XML
// declaration first, or one of xmlRoots), else "". Comments, processing
// instructions and a doctype before the root are passed over.
func xmlRoot(s string) string {
	s = strings.TrimLeft(strings.TrimPrefix(s, "\ufeff"), " \t\r\n")
	declared := strings.HasPrefix(s, "<?xml")
	for range 64 { // prolog items before the root; a page has few
		switch {
		case strings.HasPrefix(s, "<?"):
			s = after(s, "?>")
		case strings.HasPrefix(s, "<!--"):
			s = after(s, "-->")
		case strings.HasPrefix(s, "<!"):
			s = after(s, ">")
		case strings.HasPrefix(s, "<"):
			end := strings.IndexFunc(s[1:], func(r rune) bool { return unicode.IsSpace(r) || r == '>' || r == '/' })
			if end < 0 {
				end = len(s) - 1
			}
			name := strings.ToLower(s[1 : 1+end])
			if declared && name != "" || xmlRoots[name] {
				return name
			}
			return ""
		default:
			return ""
		}
		s = strings.TrimLeft(s, " \t\r\n")
	}
	return ""
}

func after(s, sep string) string {
	if i := strings.Index(s, sep); i >= 0 {
		return s[i+len(sep):]
	}
	return ""
}

// isURL tells a long token that is a link, which prose may quote, from
// encoded data.
func isURL(tok string) bool {
	tok = strings.TrimLeft(tok, "(<[\"'")
	return strings.Contains(tok, "://") || strings.HasPrefix(tok, "www.")
}
