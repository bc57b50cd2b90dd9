package syntax

import (
	"fmt"
	"time"
)

// Scores are accuracies over all words, punctuation included (CoNLL 2018
// scoring), with the parse speed.
type Scores struct {
	Words                int
	UPOS, XPOS, UAS, LAS float64
	TokensPerSecond      float64
}

func (s Scores) String() string {
	return fmt.Sprintf("UPOS %.2f XPOS %.2f UAS %.2f LAS %.2f (%d words, %.0f tokens/s)", s.UPOS, s.XPOS, s.UAS, s.LAS, s.Words, s.TokensPerSecond)
}

// Evaluate parses the gold sentences' own tokenisation with predicted tags
// and scores tags and arcs against the gold annotation. LAS asks for the
// full label, subtype included (nsubj:pass is not nsubj).
func (m *Model) Evaluate(gold []Sentence) Scores {
	var upos, xpos, uas, las, n int
	forms := make([][]string, len(gold))
	for i, s := range gold {
		for _, t := range s.Tokens {
			forms[i] = append(forms[i], t.Form)
		}
	}
	parsed := make([]Sentence, len(gold))
	start := time.Now()
	for i := range gold {
		parsed[i] = m.ParseTokens(forms[i])
	}
	elapsed := time.Since(start)
	for i, s := range gold {
		for j, g := range s.Tokens {
			p := parsed[i].Tokens[j]
			n++
			upos += b2i(p.UPOS == g.UPOS)
			xpos += b2i(p.XPOS == g.XPOS)
			if p.Head == g.Head {
				uas++
				las += b2i(p.Rel == g.Rel)
			}
		}
	}
	pct := func(k int) float64 { return 100 * float64(k) / float64(max(n, 1)) }
	return Scores{Words: n, UPOS: pct(upos), XPOS: pct(xpos), UAS: pct(uas), LAS: pct(las),
		TokensPerSecond: float64(n) / elapsed.Seconds()}
}

func (m *Model) evalTags(gold []Sentence) string {
	var ok, okx, n int
	for _, s := range gold {
		_, tags := tagSentence(&m.tag, s)
		for j, t := range s.Tokens {
			n++
			ok += b2i(m.upos[tags[j]] == t.UPOS)
			okx += b2i(m.xpos[tags[j]] == t.XPOS)
		}
	}
	return fmt.Sprintf("UPOS %.2f XPOS %.2f", 100*float64(ok)/float64(n), 100*float64(okx)/float64(n))
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
