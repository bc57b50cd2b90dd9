package coder

import (
	"github.com/dyad-project/dyad/internal/lexicon"
)

// judgementVerbs name a party and then judge it in quotation marks: "Leahy
// called Netanyahu's speech 'a tawdry stunt'", "He labeled the Syrian air
// force the 'main driver of casualties'". The quote is what makes them
// accusations, which the lexicon's word patterns cannot see.
var judgementVerbs = set("called", "calls", "calling", "labeled", "labelled", "labels", "branded", "brands",
	"described", "describes", "describing", "dubbed", "termed", "deemed")

var judgementEntry = &lexicon.Entry{Verb: "call (a judgement)", Event: "ACCUSE", Mode: "disapprove", CAMEO: "111", Source: "coder"}

// judgements adds ACCUSE triggers for a judgement verb followed by a party
// and, within a few words, an opening quotation mark.
func judgements(s *sentence, trs []lexicon.Trigger) []lexicon.Trigger {
	for i, t := range s.toks {
		if !judgementVerbs[t.Lower] || covered(trs, i) {
			continue
		}
		party := false
		for _, c := range s.chunks {
			ci := s.tokAt(c.start)
			if ci > i && ci <= i+3 {
				party = true
				break
			}
		}
		if !party {
			continue
		}
		for j := i + 1; j < len(s.toks) && j <= i+10; j++ {
			if w := s.toks[j].Text; w == "“" || w == "\"" || w == "‘" {
				trs = append(trs, lexicon.Trigger{Entry: judgementEntry, TokStart: i, TokEnd: i + 1,
					Start: t.Start, End: t.End, Lemma: "call"})
				break
			}
		}
	}
	return trs
}

func covered(trs []lexicon.Trigger, i int) bool {
	for _, tr := range trs {
		if tr.TokStart <= i && i < tr.TokEnd {
			return true
		}
	}
	return false
}
