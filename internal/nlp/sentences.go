// Package nlp holds the small language tools the coder needs: a fast English
// sentence splitter that knows news abbreviations.
package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a sentence's byte range in the text it was split from.
type Span struct{ Start, End int }

// abbreviations end with a period without ending a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true, "col": true,
	"maj": true, "capt": true, "sgt": true, "sen": true, "rep": true, "gov": true, "pres": true, "st": true,
	"jr": true, "sr": true, "rev": true, "adm": true, "cmdr": true, "amb": true, "hon": true, "no": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "inc": true, "corp": true, "co": true, "ltd": true,
	"vs": true, "etc": true, "approx": true, "est": true, "dept": true, "mt": true, "ft": true, "u.s": true,
	"u.k": true, "u.n": true, "e.g": true, "i.e": true, "a.m": true, "p.m": true, "d.c": true,
}

// MaxSentence bounds a sentence in bytes. Every search for an event's
// parties looks across its sentence, so a run-on text with no full stop (a
// scraped list, a page of words) would cost more than linear in its size;
// news sentences stay far below this (the longest of the development
// corpora is about 1,000 bytes, 99.9% under 400).
const MaxSentence = 1200

// clauseBreak is where to cut the sentence starting at s, longer than
// MaxSentence: after the last semicolon before the limit, else the last
// comma, else the last space, as long as that keeps at least half of it;
// else at the rune boundary nearest the limit.
func clauseBreak(text string, s int) int {
	k := s + MaxSentence
	for k > s+1 && !utf8.RuneStart(text[k]) {
		k--
	}
	t := text[s:k]
	for _, sep := range []string{"; ", ", ", " "} {
		if i := strings.LastIndex(t, sep); i >= len(t)/2 {
			return s + i + 1
		}
	}
	return k
}

// Split cuts text into sentences. Line breaks always end a sentence (news
// text arrives one paragraph a line); inside a line a sentence ends at . ! ?
// (with closing quotes) followed by space and an upper-case letter, a digit
// or an opening quote, unless the word before is a known abbreviation or an
// initial ("Susan E. Rice"). A sentence longer than MaxSentence is cut at
// clause breaks.
func Split(text string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		s, e := trimSpan(text, start, end)
		for e-s > MaxSentence {
			cut := clauseBreak(text, s)
			if c, d := trimSpan(text, s, cut); d > c {
				out = append(out, Span{c, d})
			}
			s, e = trimSpan(text, cut, e)
		}
		if e > s {
			out = append(out, Span{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			emit(i)
			start = i + 1
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if r == '"' || r == '”' || r == '’' || r == '\'' || r == ')' {
				j += n
				continue
			}
			if r == '[' {
				// a reference mark after the period ("New Zealand.[38] The
				// British…") belongs to the sentence it ends: without this,
				// encyclopedia-style pages ran whole paragraphs into one
				// "sentence" (up to 1,196 characters in exports)
				if n := refMark(text[j:]); n > 0 {
					j += n
					continue
				}
			}
			break
		}
		if j >= len(text) || (text[j] != ' ' && text[j] != '\t') {
			// "…reported.“Two days" and "…in Gaza.Early Friday" lost their
			// space in scraping: still a boundary when a quote or a capital
			// follows a lower-case word.
			if j >= len(text) || c != '.' {
				continue
			}
			r, _ := utf8.DecodeRuneInString(text[j:])
			p, _ := utf8.DecodeLastRuneInString(text[:i])
			glued := r == '“' || (unicode.IsUpper(r) && unicode.IsLower(p) && j == i+1 && !isAbbreviation(text[start:i]) && plainWord(text[start:i]))
			if !glued {
				continue
			}
			emit(j)
			continue
		}
		k := j
		for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
			k++
		}
		if k >= len(text) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[k:])
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || next == '"' || next == '“' || next == '‘' || next == '\'') {
			continue
		}
		if c == '.' && isAbbreviation(text[start:i]) {
			continue
		}
		emit(j)
	}
	emit(len(text))
	return out
}

// refMark returns the length of a reference mark at the start of s ("[38]",
// "[a]", "[note 2]"): a short bracket of letters, digits and spaces; 0 when
// s does not start with one.
func refMark(s string) int {
	for k := 1; k < len(s) && k <= 12; k++ {
		switch c := s[k]; {
		case c == ']':
			if k == 1 {
				return 0
			}
			return k + 1
		case c == ' ' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		default:
			return 0
		}
	}
	return 0
}

// isAbbreviation reports whether the text before a period ends in a known
// abbreviation or a single capital initial.
func isAbbreviation(before string) bool {
	before = lastBytes(before)
	w := before
	if k := strings.LastIndexAny(before, " \t(“\"'"); k >= 0 {
		w = before[k+1:]
	}
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return Abbreviation(w)
}

// Abbreviation reports a word that a period after it only abbreviates
// ("Ms", "Gen", "U.S"): the period ends neither the sentence nor a clause.
func Abbreviation(word string) bool {
	return abbreviations[strings.ToLower(word)]
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// plainWord reports whether the word ending the text is a plain word, not a
// host name or handle ("www", "example.com", "@user").
func plainWord(before string) bool {
	before = lastBytes(before)
	w := before
	if k := strings.LastIndexAny(before, " \t(“\"'"); k >= 0 {
		w = before[k+1:]
	}
	return w != "www" && !strings.ContainsAny(w, "./@:")
}

// lastBytes keeps the end of a text in which only the last word matters, so
// that a long token full of periods ("a.a.a.…") is not scanned back to its
// start at every period.
func lastBytes(s string) string {
	const n = 64
	if len(s) <= n {
		return s
	}
	k := len(s) - n
	for k < len(s) && !utf8.RuneStart(s[k]) {
		k++
	}
	return s[k:]
}
