package lexicon

import (
	"unicode"
	"unicode/utf8"
)

// Token is one word, number or punctuation mark of a sentence.
type Token struct {
	Text  string // as written
	Lower string // lower-cased, curly apostrophes folded to '
	Start int    // byte offset of the first byte in the sentence
	End   int    // byte offset just past the last byte
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' }

// isJoiner reports runes that stay inside a word when a word rune follows:
// apostrophes (Iraq's, don't) and hyphens (cease-fire, Iranian-backed).
func isJoiner(r rune) bool { return isApostrophe(r) || r == '-' || r == '‐' || r == '‑' }

// Tokenize splits a sentence into words, numbers and punctuation marks.
// Apostrophes and hyphens inside words stay in the word, numbers keep their
// separators (1,200 and 3.5), dotted abbreviations (U.S., U.N.) are one
// token; quotes, dashes and other marks are tokens of their own.
func Tokenize(s string) []Token {
	toks := make([]Token, 0, len(s)/5+4)
	lower := make([]byte, 0, len(s))
	var offs []int // start/end offsets of each token's Lower in lower
	offs = make([]int, 0, 2*cap(toks))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) || r == 0xa0 {
			i += size
			continue
		}
		start := i
		if !isWordRune(r) {
			i += size
		} else {
			i = scanWord(s, i)
		}
		toks = append(toks, Token{Text: s[start:i], Start: start, End: i})
		offs = append(offs, len(lower))
		lower = appendLower(lower, s[start:i])
		offs = append(offs, len(lower))
	}
	ls := string(lower)
	for k := range toks {
		toks[k].Lower = ls[offs[2*k]:offs[2*k+1]]
	}
	return toks
}

// scanWord returns the end of the word starting at i.
func scanWord(s string, i int) int {
	start := i
	allDigits := true
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			if !unicode.IsDigit(r) {
				allDigits = false
			}
			i += size
			continue
		}
		next, nsize := utf8.DecodeRuneInString(s[i+size:])
		if nsize == 0 || !isWordRune(next) {
			break
		}
		switch {
		case isJoiner(r):
			i += size
		case (r == '.' || r == ',') && allDigits && unicode.IsDigit(next):
			i += size
		case r == '.' && i-start == 1 && abbrevFollows(s, i):
			// U.S., U.N., U.K.: single letters each followed by a dot.
			for i+2 < len(s) && s[i] == '.' && isASCIILetter(s[i+1]) && (i+2 == len(s) || !isWordByte(s[i+2])) {
				i += 2
			}
			if i < len(s) && s[i] == '.' {
				i++
			}
			return i
		default:
			return i
		}
	}
	return i
}

func isASCIILetter(b byte) bool { return (b|0x20) >= 'a' && (b|0x20) <= 'z' }
func isWordByte(b byte) bool    { return isASCIILetter(b) || (b >= '0' && b <= '9') || b >= 0x80 }

// abbrevFollows reports ".X." at i: a dot, one letter, a dot.
func abbrevFollows(s string, i int) bool {
	return i+2 < len(s) && isASCIILetter(s[i-1]) && isASCIILetter(s[i+1]) && s[i+2] == '.'
}

func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case isApostrophe(r):
			dst = append(dst, '\'')
		case r == '‐' || r == '‑':
			dst = append(dst, '-')
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}
