package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokenisation follows UD English-EWT: punctuation is split from words,
// clitics 's 're 've 'll 'd 'm and n't are words of their own ("don't" →
// "do n't", "can't" → "ca n't"), hyphens between words are split ("long -
// term"), while abbreviations with periods ("U.S.", "Mr."), numbers
// ("1,000.5", "10:30"), URLs and e-mail addresses stay whole.

// Span is a token's byte range in the text it came from.
type Span struct{ Start, End int }

// Tokenize splits one sentence into UD-style tokens.
func Tokenize(text string) []Span {
	var out []Span
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) || unicode.IsControl(r) {
				break
			}
			j += n
		}
		out = splitChunk(text, i, j, out)
		i = j
	}
	return out
}

const (
	openers = "\"'“‘([{«$#"
	closers = "\"'”’)]}».,;:!?%…"
)

// splitChunk tokenises one whitespace-free chunk text[a:b].
func splitChunk(text string, a, b int, out []Span) []Span {
	if isURL(text[a:b]) {
		end := b
		for end > a && strings.ContainsRune(".,;:!?)\"'”’", rune(text[end-1])) {
			end--
		}
		out = append(out, Span{a, end})
		return peelEach(text, end, b, out)
	}
	// Leading punctuation, one mark a token ("'s" is a clitic, not a quote).
	for a < b {
		r, n := utf8.DecodeRuneInString(text[a:])
		if !strings.ContainsRune(openers, r) || isClitic(text[a:b]) || (r == '#' && b-a > 1) {
			break
		}
		out = append(out, Span{a, a + n})
		a += n
	}
	// Trailing punctuation, kept aside to append after the core.
	var tail []Span
	for b > a {
		core := text[a:b]
		if strings.HasSuffix(core, "...") && b-a > 3 {
			tail = append(tail, Span{b - 3, b})
			b -= 3
			continue
		}
		r, n := utf8.DecodeLastRuneInString(core)
		if !strings.ContainsRune(closers, r) || isClitic(core) {
			break
		}
		if r == '.' && keepsPeriod(core) {
			break
		}
		if (r == '\'' || r == '’') && b-a-n-1 >= 1 && (core[b-a-n-1] == 's' || core[b-a-n-1] == 'S') {
			tail = append(tail, Span{b - n, b}) // "parents'" : possessive marker
			b -= n
			break
		}
		tail = append(tail, Span{b - n, b})
		b -= n
	}
	out = splitCore(text, a, b, out)
	for k := len(tail) - 1; k >= 0; k-- {
		out = append(out, tail[k])
	}
	return out
}

func peelEach(text string, a, b int, out []Span) []Span {
	for a < b {
		_, n := utf8.DecodeRuneInString(text[a:])
		out = append(out, Span{a, a + n})
		a += n
	}
	return out
}

var clitics = []string{"n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"}

func isClitic(s string) bool {
	l := strings.ToLower(s)
	for _, c := range clitics {
		if l == c {
			return true
		}
	}
	return false
}

// splitCore splits clitics and inner hyphens off a chunk without outer
// punctuation.
func splitCore(text string, a, b int, out []Span) []Span {
	if a >= b {
		return out
	}
	for _, c := range clitics {
		// Compared on the original bytes: lower-casing can change a
		// string's length, and the cut must fall inside this chunk.
		if cut := b - len(c); cut > a && strings.EqualFold(text[cut:b], c) {
			out = splitCore(text, a, cut, out)
			return append(out, Span{cut, b})
		}
	}
	if h := hyphenSplit(text[a:b]); h > 0 {
		out = splitCore(text, a, a+h, out)
		out = append(out, Span{a + h, a + h + 1})
		return splitCore(text, a+h+1, b, out)
	}
	return append(out, Span{a, b})
}

// hyphenSplit finds a hyphen joining two words of two letters or more, or
// returns -1. A capitalised word with a short lower-case syllable after its
// hyphen is a name and stays whole ("Jae-in", "Jong-un", "Suk-yeol"): split,
// the parser reads "in" as a preposition and the name's sentence falls apart.
func hyphenSplit(s string) int {
	i := strings.IndexByte(s, '-')
	if i < 2 || i > len(s)-3 || !lettersOnly(s[:i]) {
		return -1
	}
	rest := s[i+1:]
	if j := strings.IndexByte(rest, '-'); j >= 0 {
		rest = rest[:j]
	}
	if len(rest) < 2 || !lettersOnly(rest) {
		return -1
	}
	if unicode.IsUpper(rune(s[0])) && len(rest) <= 4 && !unicode.IsUpper(rune(rest[0])) && strings.IndexByte(s[i+1:], '-') < 0 {
		return -1 // a syllable of a name: "Moon Jae-in", "Kim Jong-un"
	}
	return i
}

func lettersOnly(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// keepsPeriod says whether a chunk ending in "." is an abbreviation whose
// period belongs to it: "U.S.", "a.m.", "Mr.", "Jan.", an initial "E.".
func keepsPeriod(core string) bool {
	w := core[:len(core)-1]
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") {
		for _, part := range strings.Split(w, ".") {
			if utf8.RuneCountInString(part) > 2 || !lettersOnly(part) {
				return false
			}
		}
		return true
	}
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsUpper(r) {
		return true
	}
	return abbreviations[strings.ToLower(w)]
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true, "col": true,
	"maj": true, "capt": true, "sgt": true, "sen": true, "rep": true, "gov": true, "st": true, "jr": true,
	"sr": true, "rev": true, "adm": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "inc": true,
	"corp": true, "co": true, "ltd": true, "vs": true, "etc": true, "no": true, "mt": true, "ft": true,
}

func isURL(s string) bool {
	if strings.Contains(s, "://") || strings.HasPrefix(strings.ToLower(s), "www.") {
		return true
	}
	at := strings.IndexByte(s, '@')
	return at > 0 && strings.Contains(s[at:], ".") && !strings.ContainsAny(s, "\"'()")
}
