package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

const monthRe = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`

var (
	reMDY = regexp.MustCompile(`(?i)\b` + monthRe + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	reDMY = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthRe + `,?\s+(\d{4})\b`)
	reISO = regexp.MustCompile(`\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b`)

	// A date line is a date wrapped only in page chrome: weekday, clock
	// time, zone, "published", "3 min read", separators, font-size widgets.
	reChrome = regexp.MustCompile(`(?i)\b(?:published|updated|posted|first|last|modified|date[d]?|on|at|by|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|a\.m\.|p\.m\.|gmt|utc|[ecmp][sd]t|bst|cet|cest|ast|ist|\d+\s*min(?:ute)?s?\s+read|read|time|px|ago|local)\b|\d{1,2}:\d{2}(?::\d{2})?|[+\-–—−•|·,:/↺()\[\]]|\d+`)

	// A line opening with a date keyword is a date line whatever follows
	// (a standfirst glued on by the scraper).
	reDateKeyword = regexp.MustCompile(`(?i)^\s*(?:date|published(?:\s+on)?|posted(?:\s+on)?|first\s+published(?:\s+on)?)\s*:?\s*`)

	// "— The Cradle (@TheCradleMedia) November 2, 2025": the signature line
	// of an embedded social post.
	reEmbedSig = regexp.MustCompile(`^\s*[—–-]+\s*[^\n]{0,80}\(@\w{1,30}\)\s+(.{6,30})$`)

	reURLDate  = regexp.MustCompile(`/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|[-_]|$|\.)`)
	reURLDate8 = regexp.MustCompile(`[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)`)
)

var monthNum = map[string]time.Month{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

// dateMatch is one date found in a line, with its byte span.
type dateMatch struct {
	t          time.Time
	start, end int
}

// findDate returns the first well-formed calendar date in s.
func findDate(s string) (dateMatch, bool) {
	if !hasYear(s) {
		// every pattern needs four digits in a row: most lines have none
		// and skip three unanchored case-folding regular expressions
		return dateMatch{}, false
	}
	var best dateMatch
	found := false
	try := func(start, end int, y, m, d int) {
		t, ok := mkDate(y, m, d)
		if ok && (!found || start < best.start) {
			best, found = dateMatch{t, start, end}, true
		}
	}
	if m := reISO.FindStringSubmatchIndex(s); m != nil {
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		d, _ := strconv.Atoi(s[m[6]:m[7]])
		try(m[0], m[1], y, mo, d)
	}
	if m := reMDY.FindStringSubmatchIndex(s); m != nil {
		mo := monthNum[strings.ToLower(s[m[2]:m[2]+3])]
		d, _ := strconv.Atoi(s[m[4]:m[5]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		try(m[0], m[1], y, int(mo), d)
	}
	if m := reDMY.FindStringSubmatchIndex(s); m != nil {
		d, _ := strconv.Atoi(s[m[2]:m[3]])
		mo := monthNum[strings.ToLower(s[m[4]:m[4]+3])]
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		try(m[0], m[1], y, int(mo), d)
	}
	return best, found
}

// hasYear reports whether s holds four ASCII digits in a row.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

func mkDate(y, m, d int) (time.Time, bool) {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 31 February
		return time.Time{}, false
	}
	return t, true
}

// parseDateLine recognises a page-chrome date line. It returns the date and
// the text that follows the date when the line carried more than chrome
// (only possible after a leading date keyword).
func parseDateLine(line string) (t time.Time, rest string, ok bool) {
	if len(line) > 400 {
		return time.Time{}, "", false
	}
	m, found := findDate(line)
	if !found {
		return time.Time{}, "", false
	}
	if kw := reDateKeyword.FindStringIndex(line); kw != nil && kw[1] == m.start {
		rest = strings.TrimSpace(line[m.end:])
		if wordCount(reChrome.ReplaceAllString(rest, " ")) >= 4 {
			return m.t, rest, true
		}
		return m.t, "", true
	}
	left := reChrome.ReplaceAllString(line[:m.start]+" "+line[m.end:], " ")
	if wordCount(left) == 0 {
		return m.t, "", true
	}
	return time.Time{}, "", false
}

// parseEmbedSig returns the date of a social-post signature line.
func parseEmbedSig(line string) (time.Time, bool) {
	m := reEmbedSig.FindStringSubmatch(line)
	if m == nil {
		return time.Time{}, false
	}
	d, ok := findDate(m[1])
	return d.t, ok
}

// urlDate finds a /2023/11/06/ or /20231106/ date in a URL path.
func urlDate(u string) (time.Time, bool) {
	if u == "" {
		return time.Time{}, false
	}
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexByte(u, '/'); i >= 0 {
		u = u[i:]
	} else {
		return time.Time{}, false
	}
	for _, re := range []*regexp.Regexp{reURLDate, reURLDate8} {
		if m := re.FindStringSubmatch(u); m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			if t, ok := mkDate(y, mo, d); ok {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// wordCount counts tokens holding at least one letter: the fields
// strings.Fields would give, counted in place, since it runs on every line
// several times and its slices were a third of the bytes a text page
// allocated.
func wordCount(s string) int {
	n := 0
	inField, letter := false, false
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		if c < utf8.RuneSelf {
			r = rune(c)
			i++
		} else {
			var w int
			r, w = utf8.DecodeRuneInString(s[i:])
			i += w
		}
		if unicode.IsSpace(r) {
			if inField && letter {
				n++
			}
			inField, letter = false, false
			continue
		}
		inField = true
		if !letter && (c < utf8.RuneSelf && ('a' <= c|0x20 && c|0x20 <= 'z') || c >= utf8.RuneSelf && unicode.IsLetter(r)) {
			letter = true
		}
	}
	if inField && letter {
		n++
	}
	return n
}
