package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// chromeLines are whole lines (lower-cased, edge punctuation trimmed) that
// are page furniture, never article text.
var chromeLines = map[string]bool{
	"close": true, "newsletter": true, "newsletters": true, "related": true,
	"related articles": true, "related stories": true, "related news": true,
	"related content": true, "read more": true, "more": true, "advertisement": true,
	"share": true, "share this": true, "share this article": true, "share this story": true,
	"continue reading the main story": true, "continue reading": true, "photo": true,
	"photos": true, "credit": true, "video": true, "listen": true, "subscribe": true,
	"sign up": true, "most read": true, "most popular": true, "recommended": true,
	"comments": true, "tags": true, "topics": true, "skip to content": true,
	"skip advertisement": true, "menu": true, "search": true, "home": true,
	"print": true, "email": true, "facebook": true, "twitter": true, "whatsapp": true,
	"linkedin": true, "copy link": true, "loading": true, "you may also like": true,
	"more from": true, "trending": true, "latest": true, "latest news": true,
	"top stories": true, "what to read next": true, "replay": true, "must watch": true,
	"just watched": true, "more videos": true, "back to top": true, "follow us": true,
	"image": true, "caption": true, "news": true, "opinion": true,
}

// chromePrefix opens a line that is a caption, credit, player or
// newsletter blurb, or a copyright or update note.
var chromePrefix = regexp.MustCompile(`(?i)^(?:above photo|top photo|main photo|file photo|image of|read or share this story|read more|also read|read also|see also|sign up|subscribe to|get the latest|copyright|©|\(c\)|all rights reserved|updated at|updated:|last updated|profile picture of|just watched|follow us|click here|download the|join our|this material may not be published|contributing:)\b|^(?:اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد|للمزيد|شاهد أيضا|شاهد أيضاً|المصدر\s*:)`)

// labelPrefix opens captions and credits only when followed by a colon or
// on a short line ("Credit Suisse said …" is prose).
var labelPrefix = regexp.MustCompile(`(?i)^(?:photo|photos|photograph|picture|pictures|image|images|graphic|caption|credit|credits|courtesy|source|sources|watch|video)\s*(?::|$)`)

// shoutPrefix is a video-player residue such as "CLOSE Israel has …".
var shoutPrefix = regexp.MustCompile(`^(?:CLOSE|WATCH|VIDEO|PHOTOS?|JUST WATCHED|MUST WATCH)\b`)

// galleryLine is a slideshow's captions run together ("… Hide Caption 1 of 10 Photos: …").
var galleryLine = regexp.MustCompile(`(?i)\bhide caption \d+ of \d+\b`)

// chromeAnywhere marks lines that are furniture wherever they appear.
var chromeAnywhere = regexp.MustCompile(`(?i)pic\.twitter\.com/|contributed to this report|all rights reserved|delivered to your inbox|newsletter|sign up for|slideshow \(\d+ images?\)|\bvpc$|^[\w .'’-]{2,40}/(?:reuters|ap|afp|getty images|epa|anadolu|xinhua|bloomberg)$|reuters/[a-z]|\((?:photo|image)s?:[^)]*\)|\([^()]{2,50}/(?:reuters|ap|afp|getty images|epa|anadolu)\)`)

// reCaptionIntro is a wire-photo caption ("File - In this Thursday, Dec.
// 28, 2017 file photo, …"); bracketLink is the other caption shape.
var reCaptionIntro = regexp.MustCompile(`(?i)^(?:file\s*[-–—:]\s*)?in this [^.]{0,80}\bphoto\b`)

// bioCue marks an author biography paragraph.
var bioCue = regexp.MustCompile(`(?i)\b(?:holds an? (?:\w+ )?(?:degree|master|ba|ma|phd)|master[’']?s degree|has worked as|is a (?:\w+ )?(?:journalist|reporter|correspondent|writer|editor)|specializes in|specialises in|has reported on|covers? (?:politics|security|the middle east)|graduated from)`)

var reAuthorMarker = regexp.MustCompile(`^(?:Author|About the author|Written by)\b`)

// anywhereCues are literals of which every branch of chromeAnywhere needs
// one: most lines contain none and skip the regular expression, whose
// unanchored alternation is the slowest step of reading a text.
var anywhereCues = []string{"/", "contributed to this report", "all rights reserved", "delivered to your inbox",
	"newsletter", "sign up for", "slideshow", "vpc", "(photo", "(image"}

func anywhereCue(line string) bool {
	low := strings.ToLower(line)
	for _, c := range anywhereCues {
		if strings.Contains(low, c) {
			return true
		}
	}
	return false
}

// isChrome reports whether one trimmed line is page furniture.
func isChrome(line string) bool {
	if line == "" {
		return false
	}
	if !hasLetter(line) {
		return true // separators, "0:00", "×", counters
	}
	if containsFold(line, "hide caption") && galleryLine.MatchString(line) {
		return true // a photo gallery flattened into one line, however long
	}
	words := wordCount(line)
	if words > 80 {
		return false // every furniture shape below is shorter
	}
	if words <= 6 && chromeLines[strings.ToLower(strings.Trim(line, " .:!·•|-–—»«›‹>"))] {
		return true
	}
	h := head(line, 96)
	if words <= 40 && (chromePrefix.MatchString(h) || shoutPrefix.MatchString(h)) {
		return true
	}
	if labelPrefix.MatchString(h) && words <= 80 {
		return true
	}
	if words <= 8 && labelPrefix.MatchString(strings.Fields(line)[0]+":") && !endsSentence(line) {
		return true
	}
	if words <= 60 && anywhereCue(line) && chromeAnywhere.MatchString(line) {
		return true
	}
	if words <= 80 && (bracketLink(line) || reCaptionIntro.MatchString(head(line, 400))) {
		return true
	}
	return false
}

// head is the start of a line that the anchored patterns above can match
// in: Go's backtracking matcher clears a bitmap the size of its whole
// input on every call, so matching them against a full paragraph cost more
// than any other step of reading a text page. The cut is moved past a run
// of spaces, and one byte more is kept, so that \b, \s* and $ at its end
// decide as they would on the whole line.
func head(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n < len(s) && (isSpaceByte(s[n-1]) || isSpaceByte(s[n])) {
		n++
	}
	return s[:min(n+1, len(s))]
}

// bracketLink is a line that is one bracketed link to another story,
// "[…]" of 3 to 160 characters with no ']' inside.
func bracketLink(s string) bool {
	if len(s) < 5 || s[0] != '[' || s[len(s)-1] != ']' {
		return false
	}
	in := s[1 : len(s)-1]
	n := utf8.RuneCountInString(in)
	return n >= 3 && n <= 160 && !strings.Contains(in, "]")
}

// containsFold reports whether s contains the lower-case ASCII word w in
// any case, without lower-casing s.
func containsFold(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		j := 0
		for j < len(w) && eqFoldASCII(s[i+j], w[j]) {
			j++
		}
		if j == len(w) {
			return true
		}
	}
	return false
}

// eqFoldASCII reports whether byte b is c or, c being a lower-case ASCII
// letter, its upper case.
func eqFoldASCII(b, c byte) bool {
	return b == c || 'a' <= c && c <= 'z' && b == c-'a'+'A'
}

// isHeadlineLike is a title-shaped line: a few words, capitalised start,
// no sentence-ending or clause-ending punctuation at the end.
func isHeadlineLike(line string, minWords int) bool {
	n := wordCount(line)
	if n < minWords || n > 25 || len(line) > 220 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(line)
	if !(unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("'‘\"“", r) || !unicode.IsLower(r) && unicode.IsLetter(r)) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	return !strings.ContainsRune(".,;:", last)
}

// endsSentence reports whether a line ends like prose.
// Closing quotes and brackets count only when a full stop stands inside
// them: a headline that ends on a quoted word ("… 'bigger than 2005'") or a
// tag ("(+video)") is not prose.
func endsSentence(line string) bool {
	line = strings.TrimRight(line, " \u00a0")
	closed := strings.TrimRight(line, "\"”'’)»")
	last, _ := utf8.DecodeLastRuneInString(closed)
	return strings.ContainsRune(".!?…。！？؟", last)
}

// isBody is a line that can only be article prose: long, or a full
// sentence of some length.
func isBody(line string) bool {
	n := wordCount(line)
	return n >= 30 || (n >= 12 && endsSentence(line))
}

// looksLikeName is a byline: two to four capitalised words or initials.
func looksLikeName(line string) bool {
	line = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(line, "By "), "by "))
	f := strings.Fields(line)
	if len(f) < 2 || len(f) > 5 {
		return false
	}
	for _, w := range f {
		w = strings.Trim(w, ",")
		if strings.EqualFold(w, "and") || strings.EqualFold(w, "al-") {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return !outletWord.MatchString(line)
}

// outletWord marks a line naming a publication rather than a person.
var outletWord = regexp.MustCompile(`(?i)\b(?:news|times|press|post|reuters|associated|journal|herald|tribune|tv|media|agency|cnn|bbc|jazeera|guardian|today|daily|network|web|gazette|telegraph|observer|monitor|chronicle|review|magazine|radio|english|arabic|online|wire|insider|independent|express|mail|star|sun|globe|standard|record|region|report|week|weekly|arabia|arab|cradle|az|huffpost|politico|axios|al-monitor|france|dw|npr|cbs|abc|nbc|fox|sky|afp|xinhua|tass|irna|isna|mehr|fars|tasnim|kurdistan|rudaw|\.com|\.net|\.org)\b|\.[a-z]{2,3}$`)

// sectionWords are one-word section labels atop a page, not mastheads.
var sectionWords = map[string]bool{
	"news": true, "home": true, "world": true, "politics": true, "opinion": true,
	"business": true, "analysis": true, "middle east": true, "features": true,
	"breaking": true, "breaking news": true, "latest": true, "sport": true, "sports": true,
	"local": true, "national": true, "international": true, "us": true, "region": true,
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// scriptOf returns the dominant script class of s: 'a' Arabic, 'l' Latin,
// 'o' other, 0 for no letters.
func scriptOf(s string) byte {
	var ar, la, ot int
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Arabic, r):
			ar++
		case unicode.Is(unicode.Latin, r):
			la++
		case unicode.IsLetter(r):
			ot++
		}
	}
	switch {
	case ar == 0 && la == 0 && ot == 0:
		return 0
	case ar >= la && ar >= ot:
		return 'a'
	case la >= ot:
		return 'l'
	}
	return 'o'
}
