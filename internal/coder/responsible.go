package coder

import (
	"strings"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/lexicon"
)

// responsibilities codes "Peru said Chilean militants were responsible for
// the attack" and "Chilean militants were behind the attack, officials
// said": a speaker saying a party is responsible for or behind something
// accuses it (the blame reading, CAMEO 112). Read from the tree: a
// predicate "responsible" or "behind X" with a subject of its own, in the
// clause a speech verb reports. A party saying it is responsible itself
// claims, and does not accuse.
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
		case "responsible":
			p = w
		case "behind":
			if word.Rel == "case" {
				p = word.Head - 1 // "were behind the attack": the noun is the predicate
			}
		}
		if p < 0 || t.kid(p, "cop") < 0 || t.unreal(s, p) {
			continue
		}
		blamed := t.party(s, t.kid(p, "nsubj"))
		sp, ok := t.reportedBy(s, p)
		if blamed == nil || !ok {
			continue
		}
		speaker := s.speaker(sp)
		if speaker == nil || speaker == blamed || speaker.media || speaker.party.Code == "" ||
			blamed.party.Code == "" && !blamed.open || blamed.party.Code == speaker.party.Code && blamed.party.EntityID == speaker.party.EntityID {
			continue
		}
		if m, ok := c.saidMention(d, s, sp, blameEntry, speaker, blamed.party, s.text[sp.Start:sp.End], seen); ok {
			out = append(out, m)
		}
	}
	return out
}

var blameWords = set("responsible", "behind")

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
