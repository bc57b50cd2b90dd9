package coder

import (
	"strings"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/lexicon"
)

var callEntry = &lexicon.Entry{Verb: "call (on the phone)", Event: "CONSULT", Mode: "phone", CAMEO: "041", Source: "coder"}

// phoneCalls codes "Peru's president called Chile's president on Friday
// to discuss the border": calling a party, with no name given to it
// ("called the move a disgrace" is a naming) and no particle or
// preposition making it another verb ("called off", "called on X to",
// "called for"), is a telephone call. Read from the tree; a call that is
// asked, planned or denied ("will call", "did not call") is left out.
func (c *Coder) phoneCalls(d *doc, s *sentence, seen map[string]bool) []event.Mention {
	t := c.parsedFor(s, callForms)
	if t == nil {
		return nil
	}
	var out []event.Mention
	for v, w := range t.words {
		word := strings.ToLower(s.text[w.Start:w.End])
		if w.UPOS != "VERB" || !strings.HasPrefix(word, "call") || t.kid(v, "aux:pass") >= 0 || t.unreal(s, v) {
			continue
		}
		o := t.kid(v, "obj")
		if o < 0 || o < v || t.words[o].UPOS == "PRON" || t.namePredicate(s, v, o) != -1 {
			continue
		}
		if k := t.kid(v, "obl"); k >= 0 && k < o {
			continue // "called on Peru to …"
		}
		if s.chunkOver(t.words[o]) == nil && t.words[o].UPOS != "PROPN" {
			continue // "called Peru's decision …": a thing of the party's is named, not phoned
		}
		speaker := t.party(s, t.subject(s, v))
		callee := t.party(s, o)
		if speaker == nil || callee == nil || speaker == callee || callee.generic || speaker.party.Code == "" && !speaker.open {
			continue
		}
		at := s.tokAt(s.start + w.Start)
		sp := lexicon.Trigger{TokStart: at, TokEnd: at + 1, Start: w.Start, End: w.End, Lemma: "call"}
		if m, ok := c.saidMention(d, s, sp, callEntry, speaker, callee.party, s.text[w.Start:w.End], seen); ok {
			m.Mode = callEntry.Mode
			out = append(out, m)
		}
	}
	return out
}

// unreal reports a verb with a modal or future auxiliary or a negation:
// "will call", "could call", "did not call".
func (t *tree) unreal(s *sentence, v int) bool {
	for _, k := range t.kids[v] {
		switch t.words[k].Rel {
		case "aux":
			switch strings.ToLower(s.text[t.words[k].Start:t.words[k].End]) {
			case "will", "would", "could", "might", "may", "should", "must", "can", "'ll":
				return true
			}
		case "advmod":
			switch strings.ToLower(s.text[t.words[k].Start:t.words[k].End]) {
			case "not", "n't", "never":
				return true
			}
		}
	}
	return false
}
