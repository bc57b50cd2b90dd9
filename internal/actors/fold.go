package actors

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold reduces a name to a key that transliteration variants share:
// Thabet/Thabit, Kazimi/Kazemi/Kadhimi, Hezbollah/Hizballah/Hizbullah,
// Mohammed/Muhammad, Qassem/Kassem, Shia/Shi'a and "al-Abbasi"/"Abbasi" all
// fold to the same key. It is lossy on purpose and only meant for matching.
func Fold(name string) string {
	var f folder
	return f.fold(name)
}

// folder folds many names with one token buffer (compile folds tens of
// thousands).
type folder struct {
	toks []token
	buf  []byte
}

func (f *folder) fold(name string) string { return string(f.foldBytes(name)) }

// foldBytes is fold without the string, for map look-ups (valid until the
// next call).
func (f *folder) foldBytes(name string) []byte {
	f.buf = f.buf[:0]
	f.toks = tokenizeTo(name, f.toks[:0], nil, &f.buf)
	return f.buf
}

// token is one word of a text: its original byte span (an Arabic article
// glued by a hyphen belongs to the span but not to the folded form), where
// its core starts (for the case checks) and its folded form.
type token struct {
	start, core, end int
	fold             string // "" when tokenized with codes or into a sink
	fs, fe           int    // the folded form's bytes in the sink, when tokenized into one
	code             uint32 // the word's code when tokenized with codes
	barrier          bool   // punctuation that a multi-word name may not cross
	abbrev           bool   // an initial or an abbreviation: its period ends no name
}

// articles are the Arabic definite-article spellings dropped before a
// hyphen ("al-Abbasi", "as-Sudani"); the standalone forms are only al/el,
// since "as", "an" and "at" are English words.
var articles = map[string]bool{
	"al": true, "el": true, "ad": true, "as": true, "ash": true, "an": true,
	"ar": true, "at": true, "az": true, "adh": true, "ath": true, "ed": true,
	"es": true, "ul": true, "ud": true, "ut": true, "aal": true,
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʿ', 'ʾ', '`', '´', 'ʼ':
		return true
	}
	return false
}

func isBarrier(r rune) bool {
	switch r {
	case ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '“', '”', '«', '»', '/', '|', '–', '—', '•', '…':
		return true
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tokenize splits s into words and barriers, appending to dst.
func tokenize(s string, dst []token) []token { return tokenizeTo(s, dst, nil, nil) }

// tokenizeCoded is tokenize for scanning: with a vocabulary, a word gets
// its code in it instead of its folded form, so running text costs no
// string per word.
func tokenizeCoded(s string, dst []token, vocab map[string]uint32) []token {
	return tokenizeTo(s, dst, vocab, nil)
}

// tokenizeTo is tokenize with two ways of saving a string per word: with a
// vocabulary a word gets its code; with a sink its folded form is appended
// there (words separated by a space) and the tokens keep none.
func tokenizeTo(s string, dst []token, vocab map[string]uint32, sink *[]byte) []token {
	var rawbuf, fbuf [48]byte
	raw := rawbuf[:0] // lower-cased, diacritic-free letters of the current word
	pendingArticle := -1
	lastBarrier := true
	i := 0
	for i < len(s) {
		r, sz := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			if isBarrier(r) && !lastBarrier && !(r == '.' && afterAbbrev(dst)) {
				dst = append(dst, token{start: i, core: i, end: i + sz, barrier: true})
				lastBarrier = true
				pendingArticle = -1
			}
			i += sz
			continue
		}
		start := i
		end := -1
		raw = raw[:0]
		if n, letters := acronymAt(s, i); n > 0 {
			raw = append(raw, letters...)
			i += n
		} else {
			for i < len(s) {
				r, sz = utf8.DecodeRuneInString(s[i:])
				if isWordRune(r) {
					raw = appendFolded(raw, r)
					i += sz
					continue
				}
				if isApostrophe(r) && i+sz < len(s) {
					nr, nsz := utf8.DecodeRuneInString(s[i+sz:])
					if !isWordRune(nr) {
						break
					}
					// possessive 's ends the word; an inner apostrophe (Shi'a) is dropped
					if (nr == 's' || nr == 'S') && (i+sz+nsz >= len(s) || !isWordRune(firstRune(s[i+sz+nsz:]))) {
						end = i
						i += sz + nsz
						break
					}
					i += sz
					continue
				}
				break
			}
		}
		if end < 0 {
			end = i
		}
		// "al-" glued to the next word: remember it and fold it away
		if i < len(s) && s[i] == '-' && articles[string(raw)] && i+1 < len(s) && isWordRune(firstRune(s[i+1:])) {
			if pendingArticle < 0 {
				pendingArticle = start
			}
			i++
			continue
		}
		if (string(raw) == "al" || string(raw) == "el") && nextWordCapital(s, i) {
			if pendingArticle < 0 {
				pendingArticle = start
			}
			continue
		}
		f := appendFoldWord(fbuf[:0], raw)
		tok := token{start: start, core: start, end: end, abbrev: len(f) == 1 || abbrevs[string(f)]}
		switch {
		case sink != nil:
			if len(*sink) > 0 {
				*sink = append(*sink, ' ')
			}
			tok.fs = len(*sink)
			*sink = append(*sink, f...)
			tok.fe = len(*sink)
		case vocab != nil:
			tok.code = vocab[string(f)]
		default:
			tok.fold = string(f)
		}
		if pendingArticle >= 0 {
			tok.start = pendingArticle
			pendingArticle = -1
		}
		dst = append(dst, tok)
		lastBarrier = false
	}
	return dst
}

// abbrevs are words whose period does not end a name ("Gen. Qassem",
// "Lloyd J. Austin" has a one-letter initial).
var abbrevs = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "jr", "sr",
		"sen", "rep", "gov", "prof", "rev", "adm"} {
		m[foldWord([]byte(w))] = true
	}
	return m
}()

// afterAbbrev reports whether the last token is an initial or an abbreviation.
func afterAbbrev(toks []token) bool {
	if len(toks) == 0 || toks[len(toks)-1].barrier {
		return false
	}
	return toks[len(toks)-1].abbrev
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// nextWordCapital reports whether, after spaces, an upper-case letter
// follows: "Al Qaeda" drops its article, "al" in running text does not.
func nextWordCapital(s string, i int) bool {
	if i >= len(s) || s[i] != ' ' {
		return false
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i < len(s) && unicode.IsUpper(firstRune(s[i:]))
}

// acronymAt recognises dotted acronyms such as "U.S." or "U.N." and
// returns their length and letters ("us").
func acronymAt(s string, i int) (int, []byte) {
	j := i
	var letters []byte
	for j+1 < len(s) && s[j+1] == '.' && isASCIILetter(s[j]) {
		letters = append(letters, lowerASCII(s[j]))
		j += 2
		if j < len(s) && isASCIILetter(s[j]) && (j+1 >= len(s) || !isASCIILetter(s[j+1])) {
			continue
		}
		break
	}
	if len(letters) < 2 {
		return 0, nil
	}
	return j - i, letters
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 32
	}
	return c
}

// appendFolded appends r lower-cased and stripped of diacritics.
func appendFolded(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		return append(dst, lowerASCII(byte(r)))
	}
	if r < rune(len(foldTable)) {
		return append(dst, foldTable[r]...)
	}
	return appendFoldedSlow(dst, r)
}

// foldTable holds appendFolded's answer for the Latin, Greek and Cyrillic
// letters, which make nearly every non-ASCII letter of the knowledge base:
// normalising each one anew cost a string per letter at load.
var foldTable = func() (t [0x530]string) {
	for r := rune(utf8.RuneSelf); r < rune(len(t)); r++ {
		t[r] = string(appendFoldedSlow(nil, r))
	}
	return t
}()

func appendFoldedSlow(dst []byte, r rune) []byte {
	switch r {
	case 'ß':
		return append(dst, 's', 's')
	case 'ı':
		return append(dst, 'i')
	case 'æ':
		return append(dst, 'a', 'e')
	case 'ø':
		return append(dst, 'o')
	case 'đ', 'ð':
		return append(dst, 'd')
	case 'ł':
		return append(dst, 'l')
	}
	var buf [16]byte
	n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
	for _, d := range norm.NFD.String(string(buf[:n])) {
		if unicode.Is(unicode.Mn, d) {
			continue
		}
		dst = utf8.AppendRune(dst, d)
	}
	return dst
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// foldWord applies the consonant and vowel merges to one lower-cased word.
// Consonants: dh→z, th→t, kh→k, gh→g, ph→f, ck→k, q→k, doubles collapse.
// Vowels: the first vowel group keeps three classes (a / e,i / o,u), the last
// group two (a,e,i / o,u), the inner groups merge into one, so Hezbollah and
// Hizballah meet while Iran and Iron, Hussein and Husseini stay apart.
func foldWord(w []byte) string {
	var buf [48]byte
	return string(appendFoldWord(buf[:0], w))
}

// appendFoldWord appends the folded form of w to out.
func appendFoldWord(out, w []byte) []byte {
	var cbuf [48]byte
	cons := cbuf[:0]
	for i := 0; i < len(w); i++ {
		c := w[i]
		var n byte
		if i+1 < len(w) {
			n = w[i+1]
		}
		switch {
		case c == 'd' && n == 'h':
			c = 'z'
			i++
		case (c == 't' || c == 'k' || c == 'g') && n == 'h':
			i++
		case c == 'p' && n == 'h':
			c = 'f'
			i++
		case c == 'c' && n == 'k':
			c = 'k'
			i++
		case c == 'q':
			c = 'k'
		}
		if len(cons) > 0 && cons[len(cons)-1] == c && !isVowel(c) {
			continue
		}
		cons = append(cons, c)
	}
	// start of the last vowel group
	last := -1
	for i := len(cons) - 1; i >= 0; i-- {
		if isVowel(cons[i]) {
			last = i
		} else if last >= 0 {
			break
		}
	}
	group := 0 // vowel groups seen
	for i := 0; i < len(cons); {
		c := cons[i]
		if !isVowel(c) {
			out = append(out, c)
			i++
			continue
		}
		j := i
		for j < len(cons) && isVowel(cons[j]) {
			j++
		}
		switch {
		case group == 0:
			var prev byte
			for _, v := range cons[i:j] {
				if k := firstClass(v); k != prev {
					out = append(out, k)
					prev = k
				}
			}
		case i == last:
			out = append(out, lastClass(c))
		default:
			out = append(out, 'a')
		}
		group++
		i = j
	}
	return out
}

func firstClass(c byte) byte {
	switch c {
	case 'e', 'i':
		return 'i'
	case 'o', 'u':
		return 'u'
	}
	return 'a'
}

func lastClass(c byte) byte {
	switch c {
	case 'o', 'u':
		return 'u'
	}
	return 'e'
}
