package coder

import (
	"strings"
	"time"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/lexicon"
	"github.com/dyad-project/dyad/internal/timex"
)

var namingEntry = &lexicon.Entry{Verb: "call (a name)", Event: "ACCUSE", Mode: "disapprove", CAMEO: "111", Source: "coder"}

// callings reads every form of "call" with an object from the tree: one
// with a name for the object is a naming (see naming), one with none a
// telephone call (see phoneCall), one made another verb by a particle or a
// preposition ("called off", "called on X") neither.
func (c *Coder) callings(d *doc, s *sentence, seen map[string]bool) []event.Mention {
	t := c.parsedFor(s, callForms)
	if t == nil {
		return nil
	}
	var out []event.Mention
	for v, w := range t.words {
		word := strings.ToLower(s.text[w.Start:w.End])
		if w.UPOS != "VERB" || !callForms[word] {
			continue
		}
		o := t.kid(v, "obj")
		if o < 0 || t.words[o].UPOS == "PRON" {
			continue // "called it a day"; a pronoun's party is not read here
		}
		at := s.tokAt(s.start + w.Start)
		sp := lexicon.Trigger{TokStart: at, TokEnd: at + 1, Start: w.Start, End: w.End, Lemma: "call"}
		var m event.Mention
		ok := false
		switch pred := t.namePredicate(s, v, o); {
		case pred >= 0:
			m, ok = c.naming(d, s, t, sp, v, o, pred, seen)
		case pred == -1 && strings.HasPrefix(word, "call"):
			m, ok = c.phoneCall(d, s, t, sp, v, o, seen)
		}
		if ok {
			out = append(out, m)
		}
	}
	return out
}

// naming codes "X called Y's speech a stunt", "calling the move
// unconstitutional": naming a party, or what it did, with a second noun or
// adjective (pred) is a judgement of it, a disapproval unless the words
// praise ("called the talks a success").
func (c *Coder) naming(d *doc, s *sentence, t *tree, sp lexicon.Trigger, v, o, pred int, seen map[string]bool) (event.Mention, bool) {
	if t.praises(s, pred) {
		return event.Mention{}, false
	}
	speaker := t.party(s, t.subject(s, v))
	if speaker == nil && strings.HasSuffix(s.lower(sp.TokStart), "ing") {
		speaker = s.sentenceSubject() // "…, calling the move unconstitutional"
	}
	target := t.party(s, o)
	if speaker == nil || target == nil || speaker == target || speaker.media || speaker.party.Code == "" {
		return event.Mention{}, false
	}
	return c.saidMention(d, s, sp, namingEntry, speaker, target.party, s.text[sp.Start:sp.End], seen)
}

// namePredicate is the noun or adjective that names the object o of the
// calling verb v ("called the move a disgrace"), -1 when there is none, -2
// when "call" is another verb ("called off", "called on X").
func (t *tree) namePredicate(s *sentence, v, o int) int {
	pred := -1
	for _, k := range t.kids[o] {
		// "called Peru's decision a disgrace" parsed with the
		// predicate under the object
		if r := t.words[k].Rel; (r == "obj" || r == "xcomp" || r == "obl:unmarked") && k > o && t.words[k].UPOS == "NOUN" {
			pred = k
		}
	}
	for _, k := range t.kids[v] {
		switch t.words[k].Rel {
		case "xcomp", "obj", "obl:unmarked":
			if k > o && (t.words[k].UPOS == "NOUN" || t.words[k].UPOS == "ADJ") {
				pred = k
			}
		case "compound:prt", "obl":
			if k > v && k < o+1 {
				pred = -2 // "called off", "called on X": another verb
			}
		}
		if pred == -2 {
			break
		}
	}
	if pred >= 0 && t.isTime(s, pred) {
		return -1 // "called Peru's president last week": when, not what
	}
	return pred
}

// isTime reports a word whose phrase is a time: "last week", "Friday".
func (t *tree) isTime(s *sentence, w int) bool {
	lo, hi := t.span(w)
	return len(timex.Find(s.text[lo:hi], time.Time{}, timex.Options{})) > 0
}

var callForms = set("call", "calls", "called", "calling", "dubbed", "dubs", "dub", "labelled", "labeled", "labels", "branded", "brands")

// praises reports a predicate that names something good: "a success", "a
// historic step", "constructive".
func (t *tree) praises(s *sentence, w int) bool {
	lo, hi := t.span(w)
	for _, f := range strings.Fields(strings.ToLower(s.text[lo:hi])) {
		if praiseWords[strings.Trim(f, `"“”'‘’.,`)] {
			return true
		}
	}
	return false
}

var praiseWords = set("success", "successful", "friend", "friends", "ally", "allies", "partner", "partners", "hero", "heroes",
	"historic", "great", "good", "important", "positive", "excellent", "constructive", "productive", "breakthrough",
	"victory", "step", "milestone", "model", "win", "welcome", "fruitful", "useful", "helpful", "honest", "strong",
	"brave", "courageous", "wonderful", "fantastic", "best", "legitimate", "fair", "visionary", "landmark")
