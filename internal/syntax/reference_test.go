package syntax

import (
	"crypto/sha256"
	"fmt"
	"strings"
	"testing"
)

// The run-time tagger and parser are tuned for speed (batched table reads,
// skipped scoring where only one move is allowed, buffers reused). This file
// keeps the plain algorithm the model was trained for, written for clarity:
// every feature looked up one at a time and summed, every class scored. The
// tuned code must give the same tags, lemmas, heads and labels on every
// sentence.

// refLookup finds key's row by linear probing from its home slot.
func (w *weights) refLookup(key uint64) []pair {
	mask := uint64(len(w.slots) - 1)
	for i := w.home(key); ; i = (i + 1) & mask {
		s := w.slots[i]
		if s == 0 {
			return nil
		}
		if s>>32 == fingerprint(key) {
			return w.row(s) // the pairs as the file has them (see the round-trip test)
		}
	}
}

func (w *weights) refScore(feats []uint64) []int32 {
	scores := make([]int32, w.nClasses)
	for _, f := range feats {
		for _, p := range w.refLookup(f) {
			scores[p.cls] += int32(p.w)
		}
	}
	return scores
}

func (m *Model) refTagPass(ctx []wordCtx, w *weights, first []int) []int {
	var out []int
	p1, p2 := -1, -2
	for i := range ctx {
		c, ok := m.tag.dict[ctx[i].form]
		if !ok {
			feats := tagFeatures(ctx, i, p1, p2, nil)
			if first != nil {
				feats = secondPass(first, i, &ctx[i], feats)
			}
			c = argmax32(w.refScore(feats))
		}
		out = append(out, c)
		p2, p1 = p1, c
	}
	return out
}

// refParse is ParseTokens for sentences of at most maxChunk words.
func (m *Model) refParse(forms []string) []Token {
	ctx := wordContexts(forms, nil)
	tags := m.refTagPass(ctx, m.tag.w2, m.refTagPass(ctx, m.tag.w, nil))
	var st state
	var sc sentCtx
	st.reset(len(forms))
	sc.reset(forms, tags)
	nl := len(m.labels)
	for !st.done() {
		scores := m.parse.refScore(parseFeatures(&sc, &st, nil))
		best := -1
		for c := range scores {
			if st.allowed(c, nl, m.rootLabel) && (best < 0 || scores[c] > scores[best]) {
				best = c
			}
		}
		st.apply(moveOf(best, nl))
	}
	toks := make([]Token, len(forms))
	for i, f := range forms {
		xpos := m.xpos[tags[i]]
		lemma, ok := m.lemmas[lemmaKey(f, xpos)]
		if !ok {
			lemma = ruleLemma(strings.ToLower(f), xpos)
			if xpos == "NNP" || xpos == "NNPS" {
				lemma = f
			}
		}
		head := st.head[i] + 1
		if st.head[i] == len(forms) {
			head = 0
		}
		toks[i] = Token{Form: f, Lemma: lemma, UPOS: m.upos[tags[i]], XPOS: xpos, Head: head, Rel: m.labels[st.label[i]]}
	}
	return toks
}

// TestSameAsReference parses the UD dev file with the tuned code and the
// plain one and wants every token identical.
func TestSameAsReference(t *testing.T) {
	m := loadModel(t)
	dev := devSentences(t)
	if raceEnabled || testing.Short() {
		dev = dev[:300]
	}
	h := sha256.New()
	for k, s := range dev {
		forms := make([]string, len(s.Tokens))
		for i, tok := range s.Tokens {
			forms[i] = tok.Form
		}
		if len(forms) > maxChunk {
			continue
		}
		got, want := m.ParseTokens(forms).Tokens, m.refParse(forms)
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("dev sentence %d token %d: got %+v, want %+v", k+1, i+1, got[i], want[i])
			}
			fmt.Fprintf(h, "%s\t%s\t%s\t%s\t%d\t%s\n", got[i].Form, got[i].Lemma, got[i].UPOS, got[i].XPOS, got[i].Head, got[i].Rel)
		}
	}
	t.Logf("%d sentences identical; output sha256 %x", len(dev), h.Sum(nil))
}
