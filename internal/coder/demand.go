package coder

import (
	"strings"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/lexicon"
)

// A speaker who says what another party must or should do demands it of
// them: "Russia says Israel must end its attacks", "the minister said the
// EU should be ready to mediate". The tree shows the reported clause
// (ccomp of the reporting verb), its modal of obligation and its subject.

// deonticWords make a reported clause an obligation put on its subject.
var deonticWords = set("must", "should", "ought")

var demandEntry = &lexicon.Entry{Verb: "say (must)", Event: "REQUEST", CAMEO: "100", Source: "coder"}

// demands codes each such obligation as a REQUEST of the speaker to the
// clause's subject, and returns the clauses it read, so that the act
// demanded is not coded as done.
func (c *Coder) demands(d *doc, s *sentence, seen map[string]bool) (out []event.Mention, clauses [][2]int) {
	if len(s.speech) == 0 || c.parser == nil || !s.hasWord(0, len(s.toks), deonticWords) {
		return nil, nil
	}
	t := s.parsed(c.parser)
	for _, sp := range s.speech {
		if sp.IsNoun {
			continue
		}
		v := t.wordAt(sp.Start)
		if v < 0 {
			continue
		}
		speaker := s.speaker(sp)
		if speaker == nil || speaker.media || speaker.party.Code == "" && !speaker.open {
			continue
		}
		for _, k := range t.kids[v] {
			if t.words[k].Rel != "ccomp" || !t.hasAux(s, k, deonticWords) {
				continue
			}
			subj := t.party(s, t.kid(k, "nsubj", "nsubj:pass"))
			if subj == nil || subj == speaker || subj.party.Code != "" && subj.party.Code == speaker.party.Code && subj.party.EntityID == "" {
				continue
			}
			lo, hi := t.span(k)
			clauses = append(clauses, [2]int{lo, hi})
			if m, ok := c.saidMention(d, s, sp, demandEntry, speaker, subj.party, s.text[sp.Start:sp.End], seen); ok {
				out = append(out, m)
			}
		}
	}
	return out, clauses
}

// hasAux reports an auxiliary of w among words.
func (t *tree) hasAux(s *sentence, w int, words map[string]bool) bool {
	for _, k := range t.kids[w] {
		if t.words[k].Rel == "aux" && words[strings.ToLower(s.text[t.words[k].Start:t.words[k].End])] {
			return true
		}
	}
	return false
}

// span is the byte range in the sentence of w's subtree.
func (t *tree) span(w int) (lo, hi int) {
	lo, hi = t.words[w].Start, t.words[w].End
	for _, k := range t.kids[w] {
		a, b := t.span(k)
		lo, hi = min(lo, a), max(hi, b)
	}
	return lo, hi
}

// saidMention is the event a speaker's words make of what they say (a
// demand, an accusation), anchored on the reporting verb sp; false when the
// sentence already holds that dyad.
func (c *Coder) saidMention(d *doc, s *sentence, sp lexicon.Trigger, e *lexicon.Entry, speaker *chunk, recip event.Party,
	word string, seen map[string]bool) (event.Mention, bool) {
	speaker = c.appositivePlace(s, speaker)
	m := event.Mention{
		Event: e.Event, CAMEO: e.CAMEO, Actor: speaker.party, Recipient: recip,
		Sentence: s.text, SentStart: s.start, SentEnd: s.end, Confidence: 0.7, Trigger: word,
	}
	k := dyadKey(m)
	if seen[k] {
		return m, false
	}
	seen[k] = true
	tr := lexicon.Trigger{Entry: e, TokStart: sp.TokStart, TokEnd: sp.TokEnd, Start: sp.Start, End: sp.End, Lemma: sp.Lemma}
	cs, _ := s.clauseStart(sp.TokStart)
	c.complete(d, s, tr, cs, speaker, false, &m)
	return m, true
}
