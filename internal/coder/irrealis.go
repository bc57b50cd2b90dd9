package coder

import (
	"strings"

	"github.com/dyad-project/dyad/internal/lexicon"
)

// irrealis reports, from the tree, an event the sentence places outside what
// happened: the act of a predicate under a condition ("if the United States
// holds joint exercises", "on the condition that Peru halts the shelling"),
// under a modal of possibility or ability ("the council can revise or reject
// the plan") or a conditional "would" ("would reduce sanctions if …"),
// another party's wish ("we hope they will reach an agreement"), an
// alternative set against what is asserted ("rather than an assault"), or
// an act only attempted ("trying to persuade Peru to agree"). The
// word-window checks of codeSentence see such a cue only between the clause
// start and the trigger; the tree also finds it on a verb the trigger is
// coordinated with, the complement of, or the object of. The actor's own
// intent ("wants to reach a deal") is left coded: CAMEO reads it as AGREE.
func (c *Coder) irrealis(s *sentence, tr lexicon.Trigger) bool {
	t := s.parsed(c.parser)
	if t == nil {
		return false
	}
	v := t.wordAt(tr.Start)
	if tr.IsNoun {
		v = t.noun(tr)
		if v < 0 {
			return false
		}
		if t.alternative(s, v) {
			return true // "a planned operation rather than a spontaneous assault"
		}
		// an event noun happens as its verb does: the object or subject
		// of "holds", "want", "can resume"
		for t.words[v].Rel == "conj" || t.words[v].Rel == "compound" {
			v = t.words[v].Head - 1
			if v < 0 {
				return false
			}
		}
		switch t.words[v].Rel {
		case "obj", "nsubj", "nsubj:pass":
		default:
			return false
		}
		h := t.words[v].Head - 1
		if h < 0 || t.words[h].UPOS != "VERB" {
			return false
		}
		v = h
	}
	if v < 0 || t.alternative(s, v) {
		return v >= 0 // "rather than meeting the envoy"
	}
	modal := true // a modal reaches the verbs that share its subject
	would := false
	for range 6 {
		if t.words[v].UPOS != "VERB" && t.words[v].UPOS != "AUX" {
			return false
		}
		for _, k := range t.kids[v] {
			switch w := s.wordLower(t, k); t.words[k].Rel {
			case "mark":
				if openMarks[w] && !t.emphatic(s, v) {
					return true
				}
			case "aux":
				if modal && abilityAux[w] && s.text[t.words[k].Start:t.words[k].End] == w && !t.perfectAfter(s, k) {
					return true
				}
				would = would || modal && w == "would"
			}
		}
		h := t.words[v].Head - 1
		if h < 0 {
			return would && !t.toldBy(s, v)
		}
		if conditionNouns[s.wordLower(t, h)] && h+1 < len(t.words) && s.wordLower(t, h+1) == "that" {
			return true // "on the condition that Peru halts the shelling", "in the event that"
		}
		switch t.words[v].Rel {
		case "conj":
			if t.kid(v, "nsubj", "nsubj:pass") >= 0 || t.kid(v, "aux") >= 0 {
				return false // a conjunct with its own subject or auxiliary stands alone
			}
		case "xcomp":
			if conative[s.wordLower(t, h)] && !forceful[tr.Entry.Event] {
				return true // "trying to agree", "working to release": not done yet
			}
			if expectWords[s.wordLower(t, h)] {
				return true // "no one expected Kim to release them", "Peru is expected to sign"
			}
		case "ccomp":
			if desireWords[s.wordLower(t, h)] || expectWords[s.wordLower(t, h)] {
				return true // "hope they will reach a deal", "expect that Peru will sign"
			}
			modal, would = false, false // "can confirm that they attacked": the attack happened
		default:
			return would && !t.toldBy(s, v)
		}
		v = h
	}
	return false
}

// openMarks open a clause whose act is not asserted: a condition or an
// open question.
var openMarks = set("if", "unless", "whether", "lest")

// abilityAux are the modals of possibility and ability: what a party can or
// might do is not done. "must" and "should" are left to the demand readings
// (PLV reads "the US must continue aid" as a relation), "will" to the
// future and stated-intent readings; "could" and "might" with "have" are
// suspicions (modals).
var abilityAux = set("can", "could", "might", "may")

// conditionNouns take a clause that states a condition, not a fact.
var conditionNouns = set("condition", "conditions", "event", "case", "proviso")

// conative verbs take an act that is attempted or pressed for, not done:
// "tried to reach a deal", "working to release", "persuade Peru to agree".
var conative = set("try", "tries", "tried", "trying", "attempt", "attempts", "attempted", "attempting",
	"seek", "seeks", "sought", "seeking", "strive", "strives", "strove", "striving", "struggle", "struggles",
	"struggled", "struggling", "work", "works", "worked", "working", "persuade", "persuades", "persuaded",
	"persuading", "convince", "convinces", "convinced", "convincing")

// expectWords take an act expected or foreseen, not yet done.
var expectWords = set("expect", "expects", "expected", "expecting", "anticipate", "anticipates", "anticipated", "predict",
	"predicts", "predicted")

// forceful types are acts whose attempt is itself an act of force: "tried
// to storm the embassy" is a protest, "attempted to arrest him" a coercion.
var forceful = map[string]bool{"ASSAULT": true, "COERCE": true, "PROTEST": true}

// wordLower is the word w of the tree, lower-cased.
func (s *sentence) wordLower(t *tree, w int) string {
	return strings.ToLower(s.text[t.words[w].Start:t.words[w].End])
}

// perfectAfter reports a modal followed by "have" ("may have attacked",
// "could well have"): a past act suspected, not a possibility.
func (t *tree) perfectAfter(s *sentence, k int) bool {
	for j := k + 1; j < len(t.words) && j <= k+2; j++ {
		if s.wordLower(t, j) == "have" {
			return true
		}
	}
	return false
}

// emphatic reports a verb with "did" ("if North Korea did force another
// test"): the condition is granted, the act happened.
func (t *tree) emphatic(s *sentence, v int) bool {
	for _, k := range t.kids[v] {
		if t.words[k].Rel == "aux" && s.wordLower(t, k) == "did" {
			return true
		}
	}
	return false
}

// toldBy reports a verb with a reporting verb hung on it ("Peru would
// withdraw, the minister said": parataxis, or a ccomp in this parser's
// reading): its "would" is the future of a reported statement, not a
// condition.
func (t *tree) toldBy(s *sentence, v int) bool {
	for _, k := range t.kids[v] {
		if r := t.words[k].Rel; r != "parataxis" && r != "ccomp" {
			continue
		}
		for _, sp := range s.speech {
			if sp.Start == t.words[k].Start {
				return true
			}
		}
	}
	return false
}

// alternative reports an event word set against what the text asserts:
// "rather than a spontaneous assault", "instead of talks".
func (t *tree) alternative(s *sentence, w int) bool {
	for _, k := range t.kids[w] {
		switch t.words[k].Rel {
		case "cc", "case", "mark":
			switch s.wordLower(t, k) {
			case "rather", "instead":
				return true
			case "than", "of":
				if k > 0 && (s.wordLower(t, k-1) == "rather" || s.wordLower(t, k-1) == "instead") {
					return true
				}
			}
		}
	}
	return false
}
