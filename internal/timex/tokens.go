package timex

import (
	"unicode"
	"unicode/utf8"
)

type tkind uint8

const (
	tWord tkind = iota + 1
	tNum
	tPunct
)

// Shapes of digit tokens beyond a plain number.
const (
	nPlain   uint8 = iota
	nOrd           // 3rd, 28th
	nDecade        // 1990s
	nISO           // 2016-05-20, 2016/05/20
	nYearRng       // 2015-16, 2015-2016
	nOther         // 5,000  1.5  12-hour  8am
)

// token is a word, a number or one punctuation mark, with its byte offsets.
type token struct {
	s, e    int
	kind    tkind
	shape   uint8 // for tNum
	num     int   // value of a plain/ordinal number, the year of a decade/ISO/range
	m, d    int   // ISO month and day; range end year in d
	ndig    int
	punct   rune
	lex          // dictionary entry, zero when unknown
	capital bool // first letter upper case
	upper   bool // all letters upper case (headlines)
	lowerW  bool // all letters lower case
	mid     bool // "mid-September", "mid-2014", "mid-1990s": the rest is in lex/num
	poss    bool // a possessive 's was stripped
}

// trigger reports whether an expression may start at this token; it keeps
// the parser off the ordinary words that make up most of a sentence.
func (t *token) trigger() bool {
	switch t.cls {
	case cMonth, cWeekday, cNumWord, cSeason, cKey, cPrep, cUnit:
		return true
	}
	return t.kind == tNum || t.mid
}

// countNoun reports whether a number before this word is a count: "2000
// soldiers", "12 people".
func (t *token) countNoun() bool {
	return t.kind == tWord && t.lowerW && (t.cls == cCount || t.cls == cPress)
}

// tokenize splits text into tokens appended to buf.
func tokenize(text string, buf []token) []token {
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			i++
		case c >= '0' && c <= '9':
			var t token
			i, t = scanNumber(text, i)
			buf = append(buf, t)
		case c < utf8.RuneSelf && isASCIILetter(c):
			var t token
			i, t = scanWord(text, i)
			buf = append(buf, t)
		case c < utf8.RuneSelf:
			buf = append(buf, token{s: i, e: i + 1, kind: tPunct, punct: rune(c)})
			i++
		default:
			r, n := utf8.DecodeRuneInString(text[i:])
			switch {
			case unicode.IsLetter(r):
				var t token
				i, t = scanWord(text, i)
				buf = append(buf, t)
			case unicode.IsSpace(r):
				i += n
			default:
				buf = append(buf, token{s: i, e: i + n, kind: tPunct, punct: r})
				i += n
			}
		}
	}
	return buf
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool       { return c >= '0' && c <= '9' }

// apostropheAt returns the byte length of an apostrophe (' or ’) at i, or 0.
func apostropheAt(text string, i int) int {
	if i < len(text) && text[i] == '\'' {
		return 1
	}
	if i+2 < len(text) && text[i] == 0xE2 && text[i+1] == 0x80 && text[i+2] == 0x99 {
		return 3
	}
	return 0
}

// scanWord reads letters and digits, joined by inner hyphens and
// apostrophes, then looks the lower-cased word up (minus a possessive 's).
func scanWord(text string, i int) (int, token) {
	t := token{s: i, kind: tWord}
	j := i
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf {
			if isASCIILetter(c) || isDigit(c) {
				j++
				continue
			}
			if c == '-' && j+1 < len(text) && (isASCIILetter(text[j+1]) || isDigit(text[j+1])) {
				j++
				continue
			}
			if n := apostropheAt(text, j); n > 0 && j+n < len(text) && isASCIILetter(text[j+n]) {
				j += n
				continue
			}
			break
		}
		if n := apostropheAt(text, j); n > 0 {
			if j+n < len(text) && isASCIILetter(text[j+n]) {
				j += n
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		j += n
	}
	t.e = j
	classifyWord(text, &t)
	return j, t
}

func classifyWord(text string, t *token) {
	w := text[t.s:t.e]
	switch {
	case len(w) > 2 && w[len(w)-2] == '\'' && w[len(w)-1]|0x20 == 's':
		w, t.poss = w[:len(w)-2], true
	case len(w) > 4 && w[len(w)-1]|0x20 == 's' && apostropheAt(w, len(w)-4) == 3:
		w, t.poss = w[:len(w)-4], true
	}
	var low [24]byte
	if len(w) > len(low) {
		return
	}
	n, ups, lows := 0, 0, 0
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= utf8.RuneSelf {
			return // no dictionary word has non-ASCII letters
		}
		switch {
		case c >= 'A' && c <= 'Z':
			ups++
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z':
			lows++
		}
		low[n] = c
		n++
	}
	t.capital = w[0] >= 'A' && w[0] <= 'Z'
	t.upper = lows == 0 && ups > 0
	t.lowerW = ups == 0
	key := low[:n]
	if l, ok := lexicon[string(key)]; ok {
		t.lex = l
		return
	}
	if len(key) > 4 && string(key[:4]) == "mid-" {
		rest := key[4:]
		if l, ok := lexicon[string(rest)]; ok && l.cls == cMonth && !l.abbr {
			t.lex, t.mid = l, true
			return
		}
		if v, shape, ok := parseDigits(rest); ok && (shape == nPlain || shape == nDecade) && v >= 1000 {
			t.mid, t.num, t.shape, t.kind = true, v, shape, tNum
		}
	}
}

func eqFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if a[i]|0x20 != b[i]|0x20 {
			return false
		}
	}
	return true
}
