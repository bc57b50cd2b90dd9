package coder

import (
	"slices"
	"strings"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/lexicon"
)

// violationWords, in what a speaker says, accuse someone of breaking the
// law or of doing wrong: "said the coalition's air strikes were in breach of
// international law", "said its envoy was detained in flagrant violation of
// international law", "said the words coming from X are unacceptable".
var violationWords = []string{"violation of", "violations of", "in breach of", "a breach of", "violated", "violates",
	"violating", "illegal", "unlawful", "war crime", "war crimes", "crimes against humanity",
	"unacceptable", "a mistake", "a serious mistake", "a grave mistake", "reckless", "irresponsible", "provocative",
	"a provocation", "outrageous", "appalling", "shameful", "disgraceful", "unjustified", "deplorable",
	"disappointing", "unconstitutional", "stunt", "cowardice", "cowardly", "a failure", "failures", "disastrous", "a disaster",
	"stupid", "absurd", "ridiculous", "hypocritical", "hypocrisy", "barbaric", "heinous", "the crimes of", "a farce", "a sham",
	"show trial", "blackmail", "meddling", "interference in"}

var violationEntry = &lexicon.Entry{Verb: "say (a violation)", Event: "ACCUSE", CAMEO: "112", Source: "coder"}

// violations codes a speaker who says that something broke the law as
// accusing whoever did it: the actor of the first event in what was said
// ("detained" → the state that detained), else the first party named in
// it ("the position promulgated by Washington").
func (c *Coder) violations(d *doc, s *sentence, seen map[string]bool) []event.Mention {
	if len(s.speech) == 0 {
		return nil // no one speaks
	}
	vi := s.violationAt()
	if vi < 0 {
		return nil
	}
	var out []event.Mention
	for _, sp := range s.speech {
		if sp.IsNoun {
			continue // "new confirmation of Washington's incompetence" is not a speaker's
		}
		speaker := s.speaker(sp)
		if strings.HasSuffix(s.lower(sp.TokStart), "ing") {
			// "…, describing Trump's decision as …": the sentence's
			// subject speaks, not the party after the participle
			speaker = s.sentenceSubject()
		}
		if speaker == nil || speaker.party.Code == "" || speaker.media {
			continue
		}
		from, to := sp.TokEnd, len(s.toks)
		if sp.TokStart > vi {
			from, to = 0, sp.TokStart // the quotation comes first: "…," the ministry said
		} else if vi < sp.TokEnd {
			continue
		}
		target := c.wrongdoer(d, s, speaker, from, to)
		if target == nil {
			continue
		}
		if m, ok := c.saidMention(d, s, sp, violationEntry, speaker, target.party, s.text[s.toks[vi].Start:s.toks[vi].End], seen); ok {
			out = append(out, m)
		}
	}
	return out
}

// violationAt returns the token where a violation word starts, or -1.
func (s *sentence) violationAt() int {
	low := strings.ToLower(s.text)
	best := -1
	for _, w := range violationWords {
		i := strings.Index(low, w)
		if i < 0 || !wordBoundary(low, i, i+len(w)) {
			continue
		}
		if best < 0 || i < best {
			best = i
		}
	}
	if best < 0 {
		return -1
	}
	return s.tokAt(s.start + best)
}

// wrongdoer is the party a violation is laid on within tokens [from, to):
// the actor of an event told there, else the first party named there that
// is not the speaker's side and not a place.
func (c *Coder) wrongdoer(d *doc, s *sentence, speaker *chunk, from, to int) *chunk {
	for _, t := range s.triggers {
		if t.TokStart < from || t.TokStart >= to {
			continue
		}
		if a, _, _ := c.roles(d, s, t); a != nil && a.party.Code != "" && a.party.Code != speaker.party.Code {
			return a
		}
	}
	for _, ch := range s.chunks {
		ci := s.tokAt(ch.start)
		if ci < from || ci >= to || ch == speaker || ch.party.Code == "" || ch.party.Code == speaker.party.Code || placeOnly(s, ch) {
			continue
		}
		return ch
	}
	return nil
}

var blameEntry = &lexicon.Entry{Verb: "say (who attacked)", Event: "ACCUSE", Mode: "allege", CAMEO: "112", Source: "coder"}

// blames codes a speaker of another side telling that a party attacked or
// seized ("officials said the operation was the work of Peru's army",
// "the government said Chilean rebels carried out the attack") as
// accusing that party: the account is the speaker's charge.
func (c *Coder) blames(d *doc, s *sentence, ms []event.Mention, seen map[string]bool) []event.Mention {
	var out []event.Mention
	for _, m := range ms {
		if m.Event != "ASSAULT" && m.Event != "COERCE" || m.Actor.Code == "" || m.Claim != event.Reported && m.Claim != event.Alleged {
			continue
		}
		at := slices.IndexFunc(s.triggers, func(tr lexicon.Trigger) bool { return s.text[tr.Start:tr.End] == m.Trigger })
		if at < 0 {
			continue
		}
		tr := s.triggers[at]
		for _, sp := range s.speech {
			from, to := sp.TokEnd, tr.TokStart
			if sp.TokStart >= tr.TokEnd {
				from, to = tr.TokEnd, sp.TokStart // "…," the ministry said
			}
			if sp.IsNoun || from > to || s.hasWord(from, to, boundaryWords) {
				continue // "said it moved the detainees, as the army took control": not what was said
			}
			speaker := s.speaker(sp)
			if speaker == nil || speaker.media || speaker.party.Code == "" || speaker.party.Code == m.Actor.Code {
				continue
			}
			if mm, ok := c.saidMention(d, s, sp, blameEntry, speaker, m.Actor, s.text[sp.Start:sp.End], seen); ok {
				out = append(out, mm)
			}
			break
		}
	}
	return out
}
