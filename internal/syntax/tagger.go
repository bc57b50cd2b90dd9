package syntax

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The tagger is a greedy left-to-right averaged perceptron over joint
// UPOS+XPOS classes (Penn tags alone do not fix the UPOS: IN is ADP or
// SCONJ, DT is DET or PRON), in the manner of Honnibal's "A good
// part-of-speech tagger in about 200 lines of Python": word, affix, shape and
// context features, and a tag dictionary that settles frequent unambiguous
// words without scoring.

// A second pass re-tags each word seeing the first pass's tags of the
// words to its right, which a left-to-right tagger otherwise lacks.

// tagger holds what the run-time tagger needs: the tag dictionary and the
// weights of both passes.
type tagger struct {
	dict  map[uint64]int
	amb   map[uint64]uint64 // ambiguity classes, see ambiguity
	w, w2 *weights
}

// wordCtx is a token's precomputed feature values.
type wordCtx struct {
	lower, form, shape     uint64
	suf1, suf2, suf3, suf4 uint64
	pre1, pre2, pre3       uint64
	amb, lamb              uint64 // ambiguity classes of the form and of its lower case
}

const noWord = 0x5bd1e995 // stands for words beyond the sentence's edges

var edge = wordCtx{lower: noWord, form: noWord, shape: noWord, suf3: noWord, suf2: noWord, amb: noWord, lamb: noWord}

func (t *tagger) contexts(forms []string, out []wordCtx) []wordCtx {
	out = out[:0]
	for _, f := range forms {
		n := norm(f)
		h, hn := hashString(f), hashString(n)
		amb, lamb := t.amb[h], t.amb[hn^lowerSalt]
		if amb == 0 {
			amb = noWord
		}
		if lamb == 0 {
			lamb = noWord
		}
		out = append(out, wordCtx{amb: amb, lamb: lamb,
			lower: hn, form: h, shape: hashString(shape(f)),
			suf1: hashString(suffix(n, 1)), suf2: hashString(suffix(n, 2)),
			suf3: hashString(suffix(n, 3)), suf4: hashString(suffix(n, 4)),
			pre1: hashString(prefix(n, 1)), pre2: hashString(prefix(n, 2)), pre3: hashString(prefix(n, 3)),
		})
	}
	return out
}

// tagFeatures appends the features of word i given the two previous tags.
func tagFeatures(ws []wordCtx, i int, p1, p2 int, buf []uint64) []uint64 {
	at := func(j int) *wordCtx {
		if j < 0 || j >= len(ws) {
			return &edge
		}
		return &ws[j]
	}
	w, prev, prev2, next, next2 := at(i), at(i-1), at(i-2), at(i+1), at(i+2)
	t1, t2 := uint64(p1+2), uint64(p2+2)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	return append(buf,
		feat1(1, 0),
		feat1(2, w.lower), feat1(3, w.form), feat1(4, w.shape),
		feat1(5, w.suf1), feat1(6, w.suf2), feat1(7, w.suf3), feat1(8, w.suf4),
		feat1(9, w.pre1), feat1(10, w.pre2), feat1(11, w.pre3),
		feat1(12, t1), feat2(13, t1, t2), feat2(14, t1, w.lower),
		feat1(15, prev.lower), feat1(16, prev.suf3), feat1(17, prev2.lower),
		feat1(18, next.lower), feat1(19, next.suf3), feat1(20, next2.lower), feat1(21, next.shape),
		feat2(22, prev.lower, w.lower), feat2(23, w.lower, next.lower),
		feat2(24, t1, next.lower), feat2(25, first, w.shape), feat2(26, t1, w.suf3),
		feat1(27, next.suf2), feat1(28, prev.shape), feat2(29, w.shape, next.shape),
		feat2(30, next.lower, next2.lower), feat2(31, prev.lower, next.lower),
		feat1(32, w.amb), feat1(33, w.lamb), feat2(34, w.lamb, w.shape), feat2(35, t1, w.amb),
		feat1(36, next.amb), feat1(37, prev.amb), feat2(38, w.amb, next.amb), feat3(39, first, w.lamb, w.shape),
	)
}

// secondPass appends the features that read first-pass tags.
func secondPass(first []int, i int, w *wordCtx, buf []uint64) []uint64 {
	at := func(j int) uint64 {
		if j < 0 || j >= len(first) {
			return noWord
		}
		return uint64(first[j] &^ sureBit)
	}
	n1, n2 := at(i+1), at(i+2)
	return append(buf, feat1(50, n1), feat2(51, n1, n2), feat2(52, w.lower, n1),
		feat1(53, at(i)), feat2(54, at(i), w.lower), feat3(55, at(i-1), at(i), n1))
}

// tag returns the class of each word: the first pass into first, the
// second into out.
// margin is the lead (in quantised weight units) beyond which the first
// pass's tag stands without a second look: sureMargin when parsing,
// exactMargin in training.
func (t *tagger) tag(ws []wordCtx, first, out []int, buf []uint64, scores []int32, margin int32) ([]int, []int) {
	first = t.pass(ws, t.w, nil, first, buf, scores, margin)
	if t.w2 != nil {
		out = t.pass(ws, t.w2, first, out, buf, scores, margin)
	}
	for i := range first {
		first[i] &^= sureBit
	}
	if t.w2 == nil {
		out = append(out[:0], first...)
	}
	return first, out
}

// sureMargin is the lead of the first pass's best tag over the next (in the
// committed tagger's quantised weight units) beyond which the second pass
// keeps that tag without scoring the word again. Chosen on dev: at 20,000
// nine words in ten are settled by the dictionary or the first pass, and
// dev tags, arcs and labels stay as with every word re-scored (UAS +0.02,
// LAS +0.01); at 10,000 UPOS falls 0.01, at 5,000 0.10. Training re-scores
// every word (exactMargin), so the model's bytes do not depend on it.
const (
	sureMargin  int32 = 20000
	exactMargin int32 = math.MaxInt32
)

// pass tags ws left to right. The first pass (first == nil) returns tags with
// sureBit set on the words it is sure of; the second pass keeps those and
// re-tags the others.
func (t *tagger) pass(ws []wordCtx, w *weights, first, out []int, buf []uint64, scores []int32, margin int32) []int {
	out = out[:0]
	p1, p2 := -1, -2
	for i := range ws {
		c, ok := t.dict[ws[i].form]
		switch {
		case ok:
			if first == nil {
				c |= sureBit
			}
		case first != nil && first[i]&sureBit != 0:
			c = first[i] &^ sureBit
		default:
			buf = tagFeatures(ws, i, p1, p2, buf[:0])
			if first != nil {
				buf = secondPass(first, i, &ws[i], buf)
			}
			w.score(buf, scores)
			var lead int32
			c, lead = argmax32(scores)
			if first == nil && lead > margin {
				c |= sureBit
			}
		}
		out = append(out, c)
		p2, p1 = p1, c&^sureBit
	}
	return out
}

// sureBit marks a first-pass tag the second pass need not revisit.
const sureBit = 1 << 20

// argmax32 returns the best class (the first on ties) and its lead over
// the next best.
func argmax32(s []int32) (int, int32) {
	best, second := 0, int32(math.MinInt32)
	for i, v := range s {
		if v > s[best] {
			best, second = i, s[best]
		} else if i != best && v > second {
			second = v
		}
	}
	return best, s[best] - second
}

// lowerSalt keeps a lower-case form's key apart from an exact form's.
const lowerSalt = 0x2545F4914F6CDD1D

// ambStats counts, for each training form, the joint tags it took, and for
// each lower-cased form the UPOS tags it took in any casing and how often it
// was capitalised (the cue that tells PROPN from NOUN). Its table maps forms
// seen at least ambMin times to their ambiguity classes.
type ambStats struct {
	forms, lowers countMap
}

type ambCount struct {
	n, caps int
	by      map[int]int // class id (forms) or UPOS class id (lower-cased forms)
}

func newAmbStats(sents []Sentence, classes []string) *ambStats {
	a := &ambStats{forms: countMap{}, lowers: countMap{}}
	idx, upos := classIndex(classes), uposIndex(classes)
	for _, s := range sents {
		for _, t := range s.Tokens {
			a.forms.add(t.Form, idx[t.UPOS+"\t"+t.XPOS], false)
			a.lowers.add(norm(t.Form), upos[t.UPOS], isCapitalised(t.Form))
		}
	}
	return a
}

type countMap map[string]*ambCount

func (m countMap) add(k string, id int, caps bool) {
	c := m[k]
	if c == nil {
		c = &ambCount{by: map[int]int{}}
		m[k] = c
	}
	c.n++
	c.by[id]++
	if caps {
		c.caps++
	}
}

func isCapitalised(form string) bool {
	r, _ := utf8.DecodeRuneInString(form)
	return unicode.IsUpper(r)
}

// uposIndex numbers the UPOS tags of the joint classes.
func uposIndex(classes []string) map[string]int {
	idx := map[string]int{}
	for _, c := range classes {
		u, _, _ := strings.Cut(c, "\t")
		if _, ok := idx[u]; !ok {
			idx[u] = len(idx)
		}
	}
	return idx
}

// class is the ambiguity class of c less the counts in sub (nil for none):
// 0 when fewer than ambMin occurrences remain.
func (c *ambCount) class(kind uint64, sub *ambCount) uint64 {
	if c == nil {
		return 0
	}
	n, caps := c.n, c.caps
	if sub != nil {
		n, caps = n-sub.n, caps-sub.caps
	}
	if n < ambMin {
		return 0
	}
	var ids []int
	for id, k := range c.by {
		if sub != nil {
			k -= sub.by[id]
		}
		if k > 0 {
			ids = append(ids, id)
		}
	}
	sort.Ints(ids)
	h := feat1(kind, uint64(len(ids)))
	for _, id := range ids {
		h = mix(h, uint64(id))
	}
	if kind == 2 {
		r := float64(caps) / float64(n)
		bucket := uint64(0)
		switch {
		case r >= 0.9:
			bucket = 4
		case r >= 0.5:
			bucket = 3
		case r >= 0.1:
			bucket = 2
		case r > 0:
			bucket = 1
		}
		h = mix(h, bucket)
	}
	return h | 1
}

// table is the run-time map from form hashes to ambiguity classes.
func (a *ambStats) table() map[uint64]uint64 {
	amb := map[uint64]uint64{}
	for w, c := range a.forms {
		if v := c.class(1, nil); v != 0 {
			amb[hashString(w)] = v
		}
	}
	for w, c := range a.lowers {
		if v := c.class(2, nil); v != 0 {
			amb[hashString(w)^lowerSalt] = v
		}
	}
	return amb
}

// leaveOneOut sets ctx's ambiguity classes as if sentence s (whose
// contexts ctx holds) had not been counted, so that training meets classes
// as incomplete as unseen text's rather than ones that always hold the
// right tag.
func (a *ambStats) leaveOneOut(s Sentence, ctx []wordCtx, idx, upos map[string]int) {
	own := ambStats{forms: countMap{}, lowers: countMap{}}
	for _, t := range s.Tokens {
		own.forms.add(t.Form, idx[t.UPOS+"\t"+t.XPOS], false)
		own.lowers.add(norm(t.Form), upos[t.UPOS], isCapitalised(t.Form))
	}
	for i, t := range s.Tokens {
		n := norm(t.Form)
		ctx[i].amb, ctx[i].lamb = a.forms[t.Form].class(1, own.forms[t.Form]), a.lowers[n].class(2, own.lowers[n])
		if ctx[i].amb == 0 {
			ctx[i].amb = noWord
		}
		if ctx[i].lamb == 0 {
			ctx[i].lamb = noWord
		}
	}
}

// ambMin is how often a form must occur in training to have an ambiguity
// class.
const ambMin = 2
