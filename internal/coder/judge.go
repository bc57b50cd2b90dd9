package coder

import (
	"unicode"

	"github.com/dyad-project/dyad/internal/event"
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
		party := s.eventAfter(trs, i+1) >= 0 // "called the assault 'state-sponsored terror'"
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

// eventAfter returns the index of the event-noun trigger that heads the
// noun phrase at token i ("the airstrikes", "Tuesday's assault"), or -1.
func (s *sentence) eventAfter(trs []lexicon.Trigger, i int) int {
	for k, tr := range trs {
		if !tr.IsNoun || tr.TokStart < i || tr.TokStart > i+4 {
			continue
		}
		ok := true
		for j := i; j < tr.TokStart; j++ {
			// determiners, names and modifiers ("the second large market
			// bombing"), but no clause or phrase of its own
			w := s.toks[j].Lower
			if prepositions[w] || boundaryWords[w] || beForms[w] || !wordToken(w) {
				ok = false
			}
		}
		if ok {
			return k
		}
	}
	return -1
}

// inChunk reports token i inside a party's words ("the U.S. airstrikes").
func (s *sentence) inChunk(i int) bool {
	off := s.start + s.toks[i].Start
	for _, c := range s.chunks {
		if off >= c.start && off < c.end {
			return true
		}
	}
	return false
}

// judged returns who did the event a judgement is about: condemning "the
// airstrikes on the militia" accuses the striker, not the militia. The
// striker is the noun's own modifier or possessor ("the U.S. airstrikes"),
// else the actor of the text's last event of that type.
func (d *doc) judged(s *sentence, tr lexicon.Trigger, actor *chunk) *chunk {
	k := s.eventAfter(s.triggers, tr.TokEnd)
	if k < 0 {
		return nil
	}
	ev := s.triggers[k]
	t := s.possessor(ev)
	if t == nil {
		t = s.modifier(ev)
	}
	if t == nil {
		p, ok := d.lastActor[ev.Entry.Event]
		if !ok && ev.Entry.Event == "ASSAULT" {
			p, ok = d.lastActor["PROTEST"] // "the assault" that was coded a riot
		}
		if !ok {
			return nil
		}
		t = &chunk{start: s.start + ev.Start, end: s.start + ev.End, party: p}
	}
	if t.party.Code == "" || t == actor || (t.party.EntityID != "" && t.party.EntityID == actor.party.EntityID) {
		return nil
	}
	return t
}

// noteActors keeps the actor of each event type for later judgements. An
// event told inside another's clause (the airstrikes a protest was about)
// is not what a later "the assault" refers to: it is left out, as is an
// actor without a country (an unidentified attacker).
func (d *doc) noteActors(ms []event.Mention, inner map[int]bool) {
	if d.lastActor == nil && len(ms) > 0 {
		d.lastActor = map[string]event.Party{}
	}
	for i, m := range ms {
		if !inner[i] && m.Actor.Code != "" {
			// an attacker named nowhere does not replace the one named before
			d.lastActor[m.Event] = m.Actor
		}
	}
}

// wordToken reports a token of letters (a possessive "'s" counts): not
// punctuation.
func wordToken(w string) bool {
	if w == "'s" {
		return true
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '.' {
			return false
		}
	}
	return w != ""
}
