package coder

import (
	"slices"
	"strings"

	"github.com/dyad-project/dyad/internal/actors"

	"github.com/dyad-project/dyad/internal/lexicon"
)

// subject finds the party doing the action at trigger tr: the first party of
// its clause that is not the object of a preposition. It reports the clause
// start too. For a relative clause ("Kataib Hezbollah, which kidnapped…") the
// antecedent stands in.
func (s *sentence) subject(tr lexicon.Trigger) (*chunk, int) {
	cs, boundary := s.clauseStart(tr.TokStart)
	if relativeWords[boundary] {
		if c, k, ok := s.afterRelative(cs, tr); ok {
			return c, k // the main clause resumes after the comma
		}
	}
	cs = s.skipIntro(cs, tr.TokStart)
	if c := s.adjacent(tr.TokStart, cs); c != nil {
		return c, cs
	}
	if c := s.firstSubject(cs, tr.TokStart); c != nil {
		return c, cs
	}
	if relativeWords[boundary] {
		// the antecedent ends just before the relative word (and its comma)
		bi := cs - 1
		for _, c := range s.chunks {
			ce := s.tokAt(c.end)
			if ce <= bi && ce >= bi-2 {
				if placeOnly(s, c) {
					break // "an attack on a base in Kirkuk that killed…": the place did not act
				}
				return c, cs
			}
		}
	}
	return nil, cs
}

// afterRelative handles a verb that follows a closed relative clause: in
// "The leader of a militia that attacked U.S. troops, Asaib Ahl al-Haq,
// threatened…" the troops belong to the relative clause; the subject is the
// appositive before the verb or else the antecedent's clause subject. ok is
// false when the trigger is inside the relative clause itself.
func (s *sentence) afterRelative(cs int, tr lexicon.Trigger) (*chunk, int, bool) {
	if strings.HasSuffix(s.lower(tr.TokStart), "ing") {
		return nil, 0, false
	}
	k := s.lastComma(cs, tr.TokStart)
	if k < 0 || k < tr.TokStart-4 {
		return nil, 0, false
	}
	for i := k + 1; i < tr.TokStart; i++ {
		if !auxiliaries[s.lower(i)] {
			return nil, 0, false // "…, then X attacked": a clause of its own
		}
	}
	for _, c := range s.chunks {
		if s.tokAt(c.end)-1 == k-1 && s.tokAt(c.start) > cs {
			if s.lower(s.tokAt(c.start)-1) == "," {
				return c, k + 1, true // the appositive names the subject
			}
		}
	}
	rel := cs - 1 // the relative word
	outer, _ := s.clauseStart(rel)
	if c := s.firstSubject(outer, rel); c != nil {
		return c, k + 1, true
	}
	return nil, 0, false
}

// firstSubject returns the first party in tokens [from, to) that is not the
// object of a preposition nor a second conjunct.
func (s *sentence) firstSubject(from, to int) *chunk {
	for _, c := range s.chunks {
		ci := s.tokAt(c.start)
		if ci < from || ci >= to || s.afterPreposition(ci, from) {
			continue
		}
		if w := s.lower(ci - 1); w == "no" || w == "neither" {
			return nil // "no group has claimed the attack": no one did
		}
		if s.lower(ci-1) == "and" && ci-2 >= from {
			continue // second conjunct; the first is earlier
		}
		if s.afterVerb(ci, from) {
			continue // "storms killed 18 people and injured 60": an earlier verb's object
		}
		return c
	}
	return nil
}

// afterVerb reports a party at token ci that is the object of a verb
// trigger before it in [from, ci): only a count or determiners between.
func (s *sentence) afterVerb(ci, from int) bool {
	i := ci - 1
	for ; i >= from && (countWords(s.lower(i)) || determiners[s.lower(i)]); i-- {
	}
	if i < from {
		return false
	}
	for _, tr := range s.triggers {
		if !tr.IsNoun && tr.TokEnd-1 == i && tr.TokStart >= from {
			return true
		}
	}
	return false
}

// lastComma returns the last comma token in [from, to), or -1.
func (s *sentence) lastComma(from, to int) int {
	for i := to - 1; i >= max(from, 0); i-- {
		if w := s.toks[i].Lower; w == "," || w == "—" || w == "–" {
			return i // a dash closes an aside as a comma does
		}
	}
	return -1
}

// conjunct returns the party joined to c by "and" before the trigger
// ("Hussein and Zarif discussed…"), the other side of a reciprocal event.
func (s *sentence) conjunct(c *chunk, trTok int) *chunk {
	i := s.tokAt(c.end)
	for k := 0; k < 3 && i < trTok && s.lower(i) != "and" && i < len(s.toks); k++ {
		// "Peruvian Foreign Minister Varo Tenzi and …": a name the
		// knowledge base does not know may close the first party
		if !isUpper(s.toks[i].Text) {
			return nil
		}
		i++
	}
	if d := s.afterAnd(i, conjunctDets); d != nil && s.tokAt(d.start) < trTok {
		return d
	}
	return nil
}

var conjunctDets = set("the", "his", "her")

// conjunctBefore returns the party joined to c by an "and" before it, in
// the clause from token cs: "Japan and the Australian army agreed …" when
// c is the army.
func (s *sentence) conjunctBefore(c *chunk, cs int) *chunk {
	i := s.tokAt(c.start) - 1
	if conjunctDets[s.lower(i)] {
		i--
	}
	if s.lower(i) != "and" {
		return nil
	}
	// the first party may end in a name the knowledge base does not know:
	// "Peruvian Foreign Minister Varo Tenzi and …"
	for end := i; end > i-4 && end > 0; end-- {
		for _, d := range s.chunks {
			if s.tokAt(d.end) == end && s.tokAt(d.start) >= max(cs, 0) && d != c {
				return d
			}
		}
		if !isUpper(s.toks[end-1].Text) {
			return nil
		}
	}
	return nil
}

// afterAnd returns the party after "and" at token i, allowing one of dets
// between ("Hussein and the Iranian minister").
func (s *sentence) afterAnd(i int, dets map[string]bool) *chunk {
	if s.lower(i) != "and" {
		return nil
	}
	return s.chunkAtTok(i+1, dets)
}

// object finds the recipient after the trigger: the first party in the
// clause that follows directly or after one of the allowed prepositions.
// Parties after place prepositions are only taken when place stands for
// target (attacks "in Iraq").
func (s *sentence) object(tr lexicon.Trigger, preps []string, placeOK bool) *chunk {
	end := s.clauseEnd(tr.TokEnd)
	if tr.Entry.Event == "CONSULT" {
		// "discussed efforts … that ensures citizens …": who was consulted
		// is named before any relative clause
		for i := tr.TokEnd; i < end; i++ {
			if s.toks[i].Lower == "that" {
				end = i
				break
			}
		}
	}
	for i := tr.TokEnd; i < end-1; i++ {
		if s.toks[i].Lower == "as" && subjPron[s.lower(i+1)] {
			end = i // "downed the flight as it braced for …": a new clause
			break
		}
	}
	allowed := map[string]bool{"to": true, "with": true, "against": true, "on": true, "upon": true, "toward": true, "towards": true}
	for _, p := range preps {
		allowed[p] = true
	}
	if placeOK {
		allowed["at"] = true // "fired at protesters", "shot at the convoy"
	}
	var place *chunk
	lastEnd, lastRejected := -1, false
	for _, c := range s.chunks {
		ci := s.tokAt(c.start)
		if ci < tr.TokEnd || ci >= end {
			continue
		}
		if ci-tr.TokEnd > 12 {
			break
		}
		if c.party.Code == "" && c.backer != "" {
			continue // "against an Iran-backed militia": the sponsor qualifies the next party
		}
		if c.generic && tr.ObjStart >= 0 && ci >= tr.ObjStart && ci < tr.ObjEnd && !targetObjects[tr.Entry.Event] {
			continue // "reduced military aid to X": a word of the thing handed, not who receives it
		}
		prev := s.lower(ci - 1)
		// "in Lebanon and Gaza": a conjunct shares its neighbour's preposition
		coordinated := (prev == "and" || prev == "or") && lastEnd == ci-1
		lastEnd = s.tokAt(c.end)
		if coordinated && lastRejected {
			continue
		}
		lastRejected = true
		switch {
		case prev == "of" && possessive(s, c):
			return c // "struck three of Iran's nuclear sites"
		case ci == tr.TokEnd, !prepositions[prev]:
			if s.speechBetween(tr.TokEnd, ci) {
				return nil
			}
			return c
		case allowed[prev]:
			return c
		case placePreps[prev] && place == nil:
			place = c
		}
	}
	if placeOK {
		return place
	}
	return nil
}

var subjPron = set("it", "he", "she", "they", "we", "i", "you")

// agentAfter finds "by X" (passive) or "from X" (a warning from X) after the trigger.
func (s *sentence) agentAfter(tr lexicon.Trigger, words ...string) *chunk {
	end := s.clauseEnd(tr.TokEnd)
	for _, c := range s.chunks {
		ci := s.tokAt(c.start)
		if ci < tr.TokEnd || ci >= end || ci-tr.TokEnd > 6 {
			continue
		}
		prev := s.lower(ci - 1)
		if prev == "the" || prev == "a" || prev == "an" {
			prev = s.lower(ci - 2) // "by the U.S. airstrikes"
		}
		for _, w := range words {
			if prev == w {
				return c
			}
		}
	}
	return nil
}

// possessor finds "X's warning", "Kazimi's visit": a party ending in 's
// within three tokens before a noun trigger.
func (s *sentence) possessor(tr lexicon.Trigger) *chunk {
	for _, c := range s.chunks {
		ce := s.tokAt(c.end)
		if ce > tr.TokStart || tr.TokStart-ce > 3 {
			continue
		}
		t := s.text[c.end-s.start:]
		if len(t) >= 2 && (t[:2] == "'s" || (len(t) >= 4 && t[:4] == "’s")) {
			return c
		}
		if ce > 0 && ce <= len(s.toks) {
			w := s.toks[ce-1].Lower
			if len(w) > 2 && (w[len(w)-2:] == "'s") {
				return c
			}
		}
	}
	return nil
}

// targetObjects are the types whose object is whom the act is aimed at
// ("stormed the embassy compound"), not a thing handed over.
var targetObjects = map[string]bool{"ASSAULT": true, "COERCE": true, "PROTEST": true, "THREATEN": true}

// passive reports a "was warned", "were killed" form.
func (s *sentence) passive(tr lexicon.Trigger) bool {
	if tr.IsNoun {
		return false
	}
	w := s.lower(tr.TokStart)
	if len(w) < 3 {
		return false
	}
	if strings.HasSuffix(w, "ed") && s.lower(tr.TokEnd) == "by" && tr.TokStart > 0 && s.inChunk(tr.TokStart-1) {
		return true // a reduced relative: "the militia targeted by the U.S. airstrikes"
	}
	if c := s.lower(tr.TokStart - 1); (c == "and" || c == "or") && tr.TokStart >= 3 && beForms[s.lower(tr.TokStart-3)] &&
		!strings.HasSuffix(w, "ing") && !strings.HasSuffix(s.lower(tr.TokStart-2), "ing") {
		return true // "was shot and killed": the second participle shares the passive
	}
	if s.gappedPassive(tr.TokStart) {
		return true
	}
	for i := tr.TokStart - 1; i >= 0 && i >= tr.TokStart-3; i-- {
		p := s.lower(i)
		if beForms[p] {
			// "was warned", "were struck", "was hit": any form but the
			// progressive ("was attacking")
			return !strings.HasSuffix(w, "ing")
		}
		if !skipAdverbs[p] && p != "not" {
			return false
		}
	}
	return false
}

// gappedPassive reports a participle whose "were" is left out after a
// count: "12 were killed and 40 wounded", "two soldiers were shot and at
// least five others injured". The count is what was wounded, not who wounded.
func (s *sentence) gappedPassive(i int) bool {
	j := i - 1
	for ; j >= 0 && j >= i-5 && countWords(s.lower(j)); j-- {
	}
	if j == i-1 || j < 2 || s.lower(j) != "and" {
		return false
	}
	p := s.lower(j - 1)
	if !strings.HasSuffix(p, "ed") && !irregularParticiples[p] {
		return false
	}
	for k := j - 2; k >= 0 && k >= j-4; k-- {
		if beForms[s.lower(k)] {
			return true
		}
		if !skipAdverbs[s.lower(k)] && s.lower(k) != "and" && !strings.HasSuffix(s.lower(k), "ed") {
			return false
		}
	}
	return false
}

// countWords make up a count standing for people: "at least 40", "dozens
// more", "five others".
func countWords(w string) bool {
	switch w {
	case "more", "others", "other", "at", "least", "than", "about", "nearly", "almost", "around", "another", "over", "some", "people":
		return true
	}
	return quantity(w)
}

// irregularParticiples are passive participles not ending in -ed.
var irregularParticiples = set("shot", "hurt", "hit", "struck", "taken", "held", "seized", "beaten", "slain", "caught", "stabbed", "thrown")

func (s *sentence) speechBetween(from, to int) bool {
	for _, sp := range s.speech {
		if sp.TokStart >= from && sp.TokStart < to {
			return true
		}
	}
	return false
}

var determiners = set("the", "a", "an", "his", "her", "its", "their", "these", "those", "this", "several", "some",
	"many", "top", "senior", "various", "other", "both", "all", "two", "three", "few")

// afterPreposition reports whether the party starting at token ci is the
// object of a preposition ("within the Shiite Coordination Framework"),
// looking past determiners; the clause's own boundary word does not count.
func (s *sentence) afterPreposition(ci, cs int) bool {
	for i := ci - 1; i >= cs && i >= ci-3; i-- {
		w := s.lower(i)
		if w == "of" && quantity(s.lower(i-1)) {
			return false // "hundreds of protesters" are the protesters
		}
		if prepositions[w] {
			return true
		}
		if !determiners[w] {
			return false
		}
	}
	return false
}

// introWords open a fronted phrase ("During the protests that rocked Iran,
// Trump threatened…"): the clause's subject comes after its comma.
var introWords = set("during", "in", "on", "after", "before", "while", "when", "as", "following", "amid", "since",
	"despite", "although", "though", "with", "under", "at", "earlier", "later", "last", "meanwhile", "for", "by",
	"over", "according", "because", "if", "once", "unlike", "like")

// skipIntro moves the clause start past a fronted phrase ending in a comma.
func (s *sentence) skipIntro(cs, trTok int) int {
	if !introWords[s.lower(cs)] {
		return cs
	}
	for i := cs + 1; i < trTok; i++ {
		if s.toks[i].Lower == "," {
			return i + 1
		}
	}
	return cs
}

// auxiliaries may stand between a subject and its verb.
var auxiliaries = set("has", "have", "had", "was", "were", "is", "are", "will", "would", "could", "should", "may",
	"might", "must", "can", "also", "reportedly", "allegedly", "repeatedly", "then", "later", "again", "already",
	"recently", "previously", "still", "formally", "officially", "publicly", "jointly", "separately", "strongly",
	"sharply", "did", "does", "do", "been", "not", "never", "once", "first", "just", "now", "apparently",
	"on", "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"night", "morning", "evening", "afternoon", "late", "early", "earlier", "last", "this", "week")

// adjacent returns the party right before the verb (auxiliaries, adverbs
// and a time phrase may sit between), unless it is the object of a
// preposition. For "X and Y met" the first conjunct is returned.
func (s *sentence) adjacent(trTok, cs int) *chunk {
	i := trTok - 1
	for i >= cs && auxiliaries[s.lower(i)] {
		i--
	}
	if i < cs {
		return nil
	}
	i = s.titledName(i, cs)
	for k, c := range s.chunks {
		if s.tokAt(c.end)-1 != i {
			continue
		}
		ci := s.tokAt(c.start)
		if ci < cs || s.afterPreposition(ci, cs) {
			return nil
		}
		and := ci - 1
		if conjunctDets[s.lower(and)] || s.lower(and) == "their" || s.lower(and) == "its" {
			and-- // "militiamen and their supporters"
		}
		if s.lower(and) == "and" && k > 0 && s.tokAt(s.chunks[k-1].end) == and && s.tokAt(s.chunks[k-1].start) >= cs {
			return s.chunks[k-1]
		}
		return c
	}
	return nil
}

// titledName returns, for a name the knowledge base does not know ending at
// token i after a title ("Chilean President Andres Morales"), the token
// where the title's party ends; else i.
func (s *sentence) titledName(i, cs int) int {
	j := i
	for ; j >= cs && j > i-3; j-- {
		if !isUpper(s.toks[j].Text) {
			return i
		}
		for _, c := range s.chunks {
			if s.tokAt(c.end)-1 == j-1 && j-1 >= cs && slices.ContainsFunc(c.matches, func(m actors.Match) bool { return m.Kind == actors.KindTitle }) {
				if s.chunkAtTok(j, nil) == nil {
					return j - 1
				}
			}
		}
	}
	return i
}

// possessive reports a party written with 's ("Iran's").
func possessive(s *sentence, c *chunk) bool {
	t := s.text[c.end-s.start:]
	return strings.HasPrefix(t, "'s") || strings.HasPrefix(t, "’s") || strings.HasSuffix(c.party.Text, "'s") || strings.HasSuffix(c.party.Text, "’s")
}

var quantityWords = set("hundreds", "thousands", "dozens", "scores", "millions", "tens", "some", "many", "most",
	"several", "all", "both", "none", "few", "one", "two", "three", "four", "five", "group", "groups", "crowd",
	"crowds", "number", "members", "hordes", "lots")

// quantity reports a word that counts what follows "of".
func quantity(w string) bool {
	if quantityWords[w] {
		return true
	}
	digits := 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ',' || r == '.':
			// "4,400", "1.5"
		default:
			return false
		}
	}
	return digits > 0
}
