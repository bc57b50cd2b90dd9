package actors

import (
	"golang.org/x/text/unicode/norm"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Keys are sequences of word codes, not letters: every folded word of the
// dictionary gets a number, written as 3 bytes (the first alone with the
// high bit set) in the encoded keys that Lookup and the trie share. Words
// absent from the dictionary and punctuation barriers get codes no key
// contains, so whole words fall out for free.
const (
	codeUnknown = 0
	codeBarrier = 1
	codeLen     = 3
)

func appendCode(dst []byte, id uint32) []byte {
	return append(dst, 0x80|byte(id>>14&0x7f), byte(id>>7&0x7f), byte(id&0x7f))
}

// code returns the word's code, or codeUnknown.
func (ix *index) code(fold string) uint32 {
	return ix.vocab[fold]
}

// wordsOf keeps the words of toks (no barriers).
func wordsOf(toks []token) []token {
	words := toks[:0:0]
	for _, t := range toks {
		if !t.barrier && t.fold != "" {
			words = append(words, t)
		}
	}
	return words
}

// foldedKey is the folded phrase of words, for Lookup's fuzzy fallback.
func foldedKey(words []token) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.fold)
	}
	return b.String()
}

// keyOf encodes words with the index's codes; ok is false if a word is
// not in the dictionary (then no pattern can match).
func (ix *index) keyOf(words []token) (string, bool) {
	b := make([]byte, 0, len(words)*codeLen)
	for _, w := range words {
		id := ix.code(w.fold)
		if id == codeUnknown {
			return "", false
		}
		b = appendCode(b, id)
	}
	return string(b), len(b) > 0
}

// lookup returns the pattern number of words.
func (ix *index) lookup(words []token) (int, bool) {
	key, ok := ix.keyOf(words)
	if !ok {
		return 0, false
	}
	n, ok := ix.keys[key]
	return n, ok
}

// add registers surface as a name for c. Words capitalised in surface must
// be capitalised in the text unless c.caseFold; an all-capital single word
// (US, UAE, U.S.) must be all capitals.
func (ix *index) add(surface string, c cand) {
	ix.prepare(surface)
	ix.addPrepared(c)
}

// prepare tokenizes surface for addPrepared and returns its folded form
// (Fold's answer, valid until the next call), so a caller can look the name
// up before adding it without folding it twice. The folded words go to one
// buffer: only a word new to the vocabulary becomes a string.
func (ix *index) prepare(surface string) []byte {
	ix.surface = surface
	ix.foldbuf = ix.foldbuf[:0]
	ix.scratch = tokenizeTo(surface, ix.scratch[:0], nil, &ix.foldbuf)
	return ix.foldbuf
}

// addPrepared registers the surface of the last prepare as a name for c.
func (ix *index) addPrepared(c cand) {
	surface := ix.surface
	words := ix.scratch[:0]
	for _, t := range ix.scratch {
		if !t.barrier && t.fe > t.fs {
			words = append(words, t)
		}
	}
	if len(words) == 0 || len(words) > 64 {
		return
	}
	if ix.vocab == nil {
		ix.vocab = map[string]uint32{}
		ix.keys = map[string]int{}
	}
	b := ix.keybuf[:0]
	for _, w := range words {
		f := ix.foldbuf[w.fs:w.fe]
		id, ok := ix.vocab[string(f)]
		if !ok {
			id = uint32(len(ix.vocab) + 2)
			ix.vocab[string(f)] = id
		}
		b = appendCode(b, id)
	}
	ix.keybuf = b
	c.surface = surface
	if !c.caseFold {
		c.capMask, c.acronym = caseShape(surface, words)
	}
	n, ok := ix.keys[string(b)]
	if !ok {
		key := string(b)
		n = len(ix.pats)
		ix.keys[key] = n
		ix.pats = append(ix.pats, key)
		ix.cands = append(ix.cands, nil)
	}
	for i, old := range ix.cands[n] {
		if old.kind == c.kind && old.ent == c.ent && old.country == c.country && old.sector == c.sector && old.office == c.office && old.plural == c.plural {
			// the same thing under another spelling: keep the looser case rule
			old.capMask &= c.capMask
			old.acronym = old.acronym && c.acronym
			old.caseFold = old.caseFold || c.caseFold
			old.forms = append(old.forms, surface)
			if c.prio < old.prio {
				old.prio = c.prio
			}
			ix.cands[n][i] = old
			return
		}
	}
	ix.cands[n] = append(ix.cands[n], c)
}

func caseShape(surface string, words []token) (mask uint64, acronym bool) {
	acronym = true
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(surface[w.core:])
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			mask |= 1 << i
		}
		if !allCaps(surface[w.core:w.end]) || w.fe-w.fs < 2 {
			acronym = false
		}
	}
	if len(words) != 1 {
		acronym = false
	}
	return mask, acronym
}

func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// build compiles the automaton and orders each key's candidates.
func (ix *index) build() {
	for _, cs := range ix.cands {
		if len(cs) > 1 {
			slices.SortStableFunc(cs, func(a, b cand) int { return a.prio - b.prio })
		}
	}
	ix.trie = buildTrie(ix.pats, len(ix.vocab))
	ix.built = true
}

// foldedKeys returns the keys as folded text, for Lookup's fuzzy fallback;
// they are spelled out from the word codes on first use, since Scan never
// needs them.
func (ix *index) foldedKeys() []string {
	ix.foldOnce.Do(func() {
		words := make([]string, len(ix.vocab)+2)
		for w, id := range ix.vocab {
			words[id] = w
		}
		ix.folded = make([]string, len(ix.pats))
		var b strings.Builder
		for n, p := range ix.pats {
			b.Reset()
			for i := 0; i+codeLen <= len(p); i += codeLen {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(words[decodeCode(p[i:i+codeLen])])
			}
			ix.folded[n] = b.String()
		}
	})
	return ix.folded
}

// accept returns the first candidate whose case rule the text satisfies;
// among several, one registered as the text spells it comes before those
// only folded alike ("Isis" is the Islamic State, not Isaias Afewerki,
// although both fold to one key).
func accept(cs []cand, text string, words []token) (cand, bool) {
	if len(cs) > 1 {
		span := plain(text[words[0].start:words[len(words)-1].end])
		for _, c := range cs {
			if registered(c, span) && (c.caseFold && sameForm(c, text, words) || !c.caseFold && caseOK(c, text, words)) {
				return c, true
			}
		}
	}
	for _, c := range cs {
		if c.caseFold && sameForm(c, text, words) || !c.caseFold && caseOK(c, text, words) && spelled(c, text, words) {
			return c, true
		}
	}
	return cand{}, false
}

// spelled keeps the vowel merges of transliteration folding to the names
// that need them (people, groups): a country, demonym or seat must be
// written as registered, up to case, accents and a possessive, or "Some"
// would be Finland's "Suomi" (and an organisation too: "Asian" is not ASEAN).
//
// An acronym is never a transliteration either: "ODA" is not the UDA.
func spelled(c cand, text string, words []token) bool {
	if len(words) == 1 && allCaps(text[words[0].core:words[0].end]) {
		return registered(c, plain(text[words[0].start:words[0].end]))
	}
	if c.kind != KindCountry && c.kind != KindDemonym && c.kind != KindSeat && c.kind != KindIGO {
		return true
	}
	return registered(c, plain(text[words[0].start:words[len(words)-1].end]))
}

// registered: span (plain) is one of the forms c was registered under.
func registered(c cand, span string) bool {
	if span == plain(c.surface) || span == plain(c.name) {
		return true
	}
	for _, f := range c.forms {
		if span == plain(f) {
			return true
		}
	}
	return false
}

// plain lower-cases, strips accents, unifies apostrophes and spacing and
// drops a possessive.
func plain(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '’' || r == 'ʼ' || r == '‘':
			b.WriteRune('\'')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	out := strings.Join(strings.Fields(b.String()), " ")
	out = strings.TrimSuffix(out, "'s")
	return strings.TrimSuffix(out, "'")
}

// sameForm keeps folding away from common nouns: agents and titles are
// English words, so "about" must not match "abbot". The text must spell one
// of the registered forms (any case, any spacing).
func sameForm(c cand, text string, words []token) bool {
	span := strings.Join(strings.Fields(text[words[0].start:words[len(words)-1].end]), " ")
	if strings.EqualFold(span, c.surface) {
		return true
	}
	for _, f := range c.forms {
		if strings.EqualFold(span, f) {
			return true
		}
	}
	return false
}

func caseOK(c cand, text string, words []token) bool {
	for i, w := range words {
		if c.capMask&(1<<i) != 0 {
			r, _ := utf8.DecodeRuneInString(text[w.core:])
			if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
				return false
			}
		}
	}
	if w := text[words[0].core:words[0].end]; c.acronym && !allCaps(w) && !(c.kind == KindIGO && titleAcronym(w)) {
		return false
	}
	return true
}

// titleAcronym: an organisation's acronym of four letters or more written
// as a word, the house style of British papers ("Nato", "Opec", "Unicef");
// shorter ones would be English words ("Who", "Eu").
func titleAcronym(w string) bool {
	n := 0
	for i, r := range w {
		if !unicode.IsLetter(r) || (i == 0) != unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 4
}
