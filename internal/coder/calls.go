package coder

import (
	"strings"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/lexicon"
)

var callEntry = &lexicon.Entry{Verb: "call (on the phone)", Event: "CONSULT", Mode: "phone", CAMEO: "041", Source: "coder"}

// phoneCall codes "Peru's president called Chile's president on Friday
// to discuss the border": calling a party (the object o of v) with no name
// given to it and no preposition making it another verb ("called on X
// to …") is a telephone call. A call that is asked, planned or denied
// ("will call", "did not call"), passive, or made to a thing of the
// party's ("called Peru's decision …") is left out.
func (c *Coder) phoneCall(d *doc, s *sentence, t *tree, sp lexicon.Trigger, v, o int, seen map[string]bool) (event.Mention, bool) {
	if o < v || t.kid(v, "aux:pass") >= 0 || t.unreal(s, v) {
		return event.Mention{}, false
	}
	if k := t.kid(v, "obl"); k >= 0 && k < o {
		return event.Mention{}, false // "called on Peru to …"
	}
	if s.chunkOver(t.words[o]) == nil && t.words[o].UPOS != "PROPN" {
		return event.Mention{}, false
	}
	speaker := t.party(s, t.subject(s, v))
	callee := t.party(s, o)
	if speaker == nil || callee == nil || speaker == callee || callee.generic || speaker.party.Code == "" && !speaker.open {
		return event.Mention{}, false
	}
	m, ok := c.saidMention(d, s, sp, callEntry, speaker, callee.party, s.text[sp.Start:sp.End], seen)
	m.Mode = callEntry.Mode
	return m, ok
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
