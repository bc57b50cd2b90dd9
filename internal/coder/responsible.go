package coder

import (
	"strings"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/lexicon"
)

// responsibilities codes "Peru said Chilean militants were responsible for
// the attack" and "Chilean militants were behind the attack, officials
// said": a speaker saying a party is responsible for, behind or involved in
// something accuses it (the blame reading, CAMEO 112). A speaker saying its
// own side is not ("the group said they were not involved in the attack")
// denies it (REJECT). Read from the tree: a predicate "responsible",
// "involved" or "behind X" with a subject of its own, in the clause a speech
// verb reports. A party saying it is responsible itself claims, and does
// not accuse.
func (c *Coder) responsibilities(d *doc, s *sentence, seen map[string]bool) []event.Mention {
	if len(s.speech) == 0 {
		return nil
	}
	t := c.parsedFor(s, blameWords)
	if t == nil {
		return nil
	}
	var out []event.Mention
	for w, word := range t.words {
		p := -1
		switch strings.ToLower(s.text[word.Start:word.End]) {
		case "responsible", "involved":
			p = w
		case "behind":
			if word.Rel == "case" {
				p = word.Head - 1 // "were behind the attack": the noun is the predicate
			}
		}
		if p < 0 || t.kid(p, "cop") < 0 && t.kid(p, "aux:pass") < 0 {
			continue
		}
		subj := t.kid(p, "nsubj", "nsubj:pass")
		blamed := t.party(s, subj)
		if blamed == nil {
			blamed = t.bound(s, subj) // "the group said they were not involved"
		}
		sp, ok := t.reportedBy(s, p)
		if blamed == nil || !ok {
			continue
		}
		speaker := s.speaker(sp)
		if speaker == nil || speaker.media || speaker.party.Code == "" && !speaker.open {
			continue
		}
		self := speaker == blamed || blamed.party.Code == speaker.party.Code && blamed.party.EntityID == speaker.party.EntityID
		entry, recip := blameEntry, blamed.party
		switch {
		case t.unreal(s, p) && self:
			entry, recip = denialEntry, event.Party{} // a denial of one's own part
		case t.unreal(s, p) || self || blamed.party.Code == "" && !blamed.open:
			continue
		}
		if m, ok := c.saidMention(d, s, sp, entry, speaker, recip, s.text[sp.Start:sp.End], seen); ok {
			out = append(out, m)
		}
	}
	return out
}

var denialEntry = &lexicon.Entry{Verb: "say (not involved)", Event: "REJECT", Mode: "", CAMEO: "12", Source: "coder"}

var blameWords = set("responsible", "behind", "involved")

// reportedBy is the speech trigger whose clause holds the predicate p: p is
// the complement of the speech verb ("said X was responsible"), or the
// speech verb hangs from p ("X was responsible, officials said").
func (t *tree) reportedBy(s *sentence, p int) (lexicon.Trigger, bool) {
	at := func(w int) (lexicon.Trigger, bool) {
		for _, sp := range s.speech {
			if sp.Start == t.words[w].Start {
				return sp, true
			}
		}
		return lexicon.Trigger{}, false
	}
	if h := t.words[p].Head - 1; h >= 0 && t.words[p].Rel == "ccomp" {
		return at(h)
	}
	for _, k := range t.kids[p] {
		if r := t.words[k].Rel; r == "parataxis" || r == "ccomp" {
			if sp, ok := at(k); ok {
				return sp, true
			}
		}
	}
	return lexicon.Trigger{}, false
}
