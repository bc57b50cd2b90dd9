package merge

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-project/dyad/internal/event"
)

// said is what one mention's evidence sentence gives the comparisons, read
// once per mention rather than once per comparison (see readInto): its
// content words as numbers, sorted; the stems of all its terms, for its
// story's vocabulary; the words that can identify its event with their
// forms and weights, the trigger's left out (see identifiers); and its key.
type said struct {
	words   []uint32
	stems   []uint32
	ids     []identifier
	key     string
	hasRead bool
	hasKey  bool
	// side numbers the mention's sides (see Story.conflicts)
	side    uint32
	hasSide bool
}

type identifier struct {
	stem uint32
	term
	w float64 // its weight (see weight), at least nameWeight for a name
}

func (x *index) said(m *event.Mention) *said {
	if d, ok := x.memo[m]; ok {
		return d
	}
	if x.memo == nil {
		x.memo = map[*event.Mention]*said{}
	}
	if len(x.slab) == 0 {
		x.slab = make([]said, 256) // one allocation for many mentions
	}
	d := &x.slab[0]
	x.slab = x.slab[1:]
	x.memo[m] = d
	return d
}

// id is the number of a word or stem.
func (x *index) id(w string) uint32 {
	if n, ok := x.intern[w]; ok {
		return n
	}
	if x.intern == nil {
		x.intern = map[string]uint32{}
	}
	n := uint32(len(x.intern))
	x.intern[w] = n
	return n
}

// weight is weight(st) for the stem numbered n, computed once.
func (x *index) weight(n uint32, st string) float64 {
	for int(n) >= len(x.weights) {
		x.weights = append(x.weights, math.NaN())
	}
	if w := x.weights[n]; !math.IsNaN(w) {
		return w
	}
	w := weight(st)
	x.weights[n] = w
	return w
}

// key is key(m), built once.
func (x *index) key(m *event.Mention) string {
	d := x.said(m)
	if !d.hasKey {
		d.key, d.hasKey = key(m), true
	}
	return d.key
}

// read fills what m's sentence says, in one pass over it.
func (x *index) read(m *event.Mention) *said { return x.readInto(m, x.said(m)) }

// readInto fills d, the said of m, from one splitting of its sentence into
// runs of letters and digits, each lower-cased:
//   - its content words, as numbers, sorted and each once: those longer
//     than two letters and not stopwords (similarity compares them);
//   - its terms, the words that can identify an event, by stem (see stem):
//     content words that are not calendar words and hold a letter (dates
//     are compared as windows, not as words), each with the first form the
//     text gave it and whether it was written as a name (capitalised after
//     the sentence's first word; a later capitalised form wins);
//   - its identifiers: its terms but the trigger's, weighted.
//
// Splitting and then lower-casing gives the same words as lower-casing
// and then splitting: lower-casing a rune never changes whether it is a
// letter or a digit (TestLowerKeepsLetters).
func (x *index) readInto(m *event.Mention, d *said) *said {
	if d.hasRead {
		return d
	}
	d.hasRead = true
	if x.recall(m, d) {
		return d
	}
	own := x.seen[:0]
	d.words = make([]uint32, 0, len(m.Sentence)/6+1)
	for i, at := 0, 0; ; i++ {
		w, e, end := x.nextWord(m.Sentence, at)
		if end < 0 {
			break
		}
		at = end
		if !e.content {
			continue
		}
		d.words = append(d.words, e.id)
		if !e.term {
			continue
		}
		name := i > 0 && startsUpper(w)
		known := false
		for k := range own {
			if own[k].n == e.stem {
				if name && !own[k].t.name {
					own[k].t = term{w, name}
				}
				known = true
				break
			}
		}
		if !known {
			own = append(own, seen{e.stem, e.st, term{w, name}})
		}
	}
	x.seen = own[:0]
	slices.Sort(d.words)
	d.words = slices.Compact(d.words)
	trig := x.trig[:0]
	for at := 0; ; {
		_, e, end := x.nextWord(m.Trigger, at)
		if end < 0 {
			break
		}
		at = end
		if e.term {
			trig = append(trig, e.stem)
		}
	}
	x.trig = trig[:0]
	d.stems = make([]uint32, 0, len(own))
	d.ids = make([]identifier, 0, len(own))
	for _, o := range own {
		d.stems = append(d.stems, o.n)
		if !slices.Contains(trig, o.n) {
			d.ids = append(d.ids, x.identifier(o.n, o.st, o.t))
		}
	}
	// heaviest first, then by form: the order shared adds them in, so
	// that a sum is the same float whichever story it is taken with
	slices.SortFunc(d.ids, func(a, b identifier) int {
		if a.w != b.w {
			return cmp.Compare(b.w, a.w)
		}
		return strings.Compare(a.form, b.form)
	})
	x.keep(m, d)
	return d
}

// lexEntry is what reading needs of a lower-case ASCII word, found once
// per word: whether words keeps it (content), whether terms does (term),
// its number and its stem's.
type lexEntry struct {
	id, stem      uint32
	st            string
	content, term bool
}

func (x *index) lexEntry(lw string) *lexEntry {
	e := &lexEntry{content: len(lw) > 2 && !stopwords[lw]}
	if e.content {
		e.id = x.id(lw)
		e.term = !calendar[lw] && strings.IndexFunc(lw, unicode.IsLetter) >= 0
	}
	if e.term {
		e.st = stem(lw)
		e.stem = x.id(e.st)
	}
	if x.lex == nil {
		x.lex = map[string]*lexEntry{}
	}
	x.lex[lw] = e
	return e
}

// nextWord is nextField with the word's entry, looked up without
// allocating its lower case.
func (x *index) nextWord(s string, at int) (string, *lexEntry, int) {
	w, end := nextField(s, at)
	if end < 0 {
		return "", nil, -1
	}
	if !isASCII(w) {
		lw := strings.ToLower(w)
		if e, ok := x.lex[lw]; ok {
			return w, e, end
		}
		return w, x.lexEntry(lw), end
	}
	lw := x.lower[:0]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lw = append(lw, c)
	}
	x.lower = lw
	if e, ok := x.lex[string(lw)]; ok {
		return w, e, end
	}
	return w, x.lexEntry(string(lw)), end
}

// seen is a stem of a sentence being read, with its first form.
type seen struct {
	n  uint32
	st string
	t  term
}

// identifier weighs one of a mention's own stems: names weigh at least
// nameWeight.
func (x *index) identifier(n uint32, st string, t term) identifier {
	w := x.weight(n, st)
	if t.name {
		w = max(w, nameWeight)
	}
	return identifier{n, t, w}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// nextField returns the first run of letters and digits in s from at (a
// field strings.FieldsFunc gives with unicode.IsLetter and unicode.IsDigit;
// bytes that are not UTF-8 part fields, as there) and where it ends; end is
// -1 when there is none.
func nextField(s string, at int) (w string, end int) {
	start := -1
	for at < len(s) {
		r, size := rune(s[at]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[at:])
		}
		alnum := 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' ||
			r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
		switch {
		case alnum && start < 0:
			start = at
		case !alnum && start >= 0:
			return s[start:at], at
		}
		at += size
	}
	if start < 0 {
		return "", -1
	}
	return s[start:], len(s)
}

// startsUpper reports a word whose first letter is upper case.
func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
