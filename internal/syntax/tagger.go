package syntax

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
	w, w2 *weights
}

// wordCtx is a token's precomputed feature values.
type wordCtx struct {
	lower, form, shape     uint64
	suf1, suf2, suf3, suf4 uint64
	pre1, pre2, pre3       uint64
}

const noWord = 0x5bd1e995 // stands for words beyond the sentence's edges

func wordContexts(forms []string, out []wordCtx) []wordCtx {
	out = out[:0]
	for _, f := range forms {
		n := norm(f)
		out = append(out, wordCtx{
			lower: hashString(n), form: hashString(f), shape: hashString(shape(f)),
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
			return &wordCtx{lower: noWord, form: noWord, shape: noWord, suf3: noWord, suf2: noWord}
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
	)
}

// secondPass appends the features that read first-pass tags.
func secondPass(first []int, i int, w *wordCtx, buf []uint64) []uint64 {
	at := func(j int) uint64 {
		if j < 0 || j >= len(first) {
			return noWord
		}
		return uint64(first[j])
	}
	n1, n2 := at(i+1), at(i+2)
	return append(buf, feat1(50, n1), feat2(51, n1, n2), feat2(52, w.lower, n1),
		feat1(53, at(i)), feat2(54, at(i), w.lower), feat3(55, at(i-1), at(i), n1))
}

// tag returns the class of each word: the first pass into first, the
// second into out.
// c1 and c2, which may be nil, cache the two passes' lookups.
func (t *tagger) tag(ws []wordCtx, first, out []int, buf []uint64, scores []int32, c1, c2 *rowCache) ([]int, []int) {
	first = t.pass(ws, t.w, nil, first, buf, scores, c1)
	if t.w2 == nil {
		return first, append(out[:0], first...)
	}
	return first, t.pass(ws, t.w2, first, out, buf, scores, c2)
}

func (t *tagger) pass(ws []wordCtx, w *weights, first, out []int, buf []uint64, scores []int32, rc *rowCache) []int {
	out = out[:0]
	p1, p2 := -1, -2
	for i := range ws {
		c, ok := t.dict[ws[i].form]
		if !ok {
			buf = tagFeatures(ws, i, p1, p2, buf[:0])
			if first != nil {
				buf = secondPass(first, i, &ws[i], buf)
			}
			w.score(buf, scores, rc)
			c = argmax32(scores)
		}
		out = append(out, c)
		p2, p1 = p1, c
	}
	return out
}

func argmax32(s []int32) int {
	best := 0
	for i, v := range s {
		if v > s[best] {
			best = i
		}
	}
	return best
}
