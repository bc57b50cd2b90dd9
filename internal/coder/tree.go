package coder

import (
	"slices"
	"strings"
	"time"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/lexicon"
	"github.com/dyad-project/dyad/internal/syntax"
	"github.com/dyad-project/dyad/internal/timex"
)

// Word is one word of a sentence's dependency tree (Universal Dependencies):
// byte offsets into the sentence, the 1-based index of its head (0 for the
// root) and its relation to it. It is the parser's own type, so its trees
// are read without a copy.
type Word = syntax.Word

// Parser analyses one sentence (internal/syntax through an adapter). The
// coder works without one; with one, who did what to whom is read from the
// tree where the tree names a party.
type Parser interface {
	Parse(text string) []Word
}

// tree is a parsed sentence with the children of each word.
type tree struct {
	words []Word
	kids  [][]int // 0-based children of each word, in order
}

func newTree(ws []Word) *tree {
	t := &tree{words: ws, kids: make([][]int, len(ws))}
	for i, w := range ws {
		if h := w.Head - 1; h >= 0 && h < len(ws) && h != i {
			t.kids[h] = append(t.kids[h], i)
		}
	}
	return t
}

// parsed returns the sentence's tree, parsing it on first use: only
// sentences with a trigger are parsed.
func (s *sentence) parsed(p Parser) *tree {
	if p == nil {
		return nil
	}
	if s.tree == nil {
		s.tree = newTree(p.Parse(s.text))
	}
	return s.tree
}

// parsedFor is the sentence's tree when one of its words is a cue, else
// nil: the readers that need a cue word parse only a sentence that has one
// (parsing is most of the coder's cost).
func (c *Coder) parsedFor(s *sentence, cues map[string]bool) *tree {
	return s.parsedFor(c.parser, cues)
}

func (s *sentence) parsedFor(p Parser, cues map[string]bool) *tree {
	if !slices.ContainsFunc(s.toks, func(tok lexicon.Token) bool { return cues[tok.Lower] }) {
		return nil
	}
	return s.parsed(p)
}

// wordAt is the word starting at the sentence offset off, or -1.
func (t *tree) wordAt(off int) int {
	i, ok := slices.BinarySearchFunc(t.words, off, func(w Word, off int) int { return w.Start - off })
	if !ok {
		return -1
	}
	return i
}

// passive reports a verb in the passive voice: a passive auxiliary or
// subject.
func (t *tree) passive(v int) bool {
	return t.kid(v, "aux:pass") >= 0 || t.kid(v, "nsubj:pass") >= 0
}

// kid is w's first child with one of the relations, or -1.
func (t *tree) kid(w int, rels ...string) int {
	for _, k := range t.kids[w] {
		if slices.Contains(rels, t.words[k].Rel) {
			return k
		}
	}
	return -1
}

// caseOf is the preposition marking w ("to" in "to Guatemala"), lower-cased.
func (t *tree) caseOf(s *sentence, w int) string {
	if k := t.kid(w, "case"); k >= 0 {
		return strings.ToLower(s.text[t.words[k].Start:t.words[k].End])
	}
	return ""
}

// party is the party a noun phrase headed by w names: the chunk holding its
// head word, else one holding a word that only specifies the head
// ("Iranian officials", "the country's president", "President Putin").
func (t *tree) party(s *sentence, w int) *chunk {
	if w < 0 {
		return nil
	}
	for _, k := range t.kids[w] {
		if t.words[k].Rel == "det" && strings.EqualFold(s.text[t.words[k].Start:t.words[k].End], "no") {
			return nil // "no group", "no Peruvian official": no one
		}
	}
	if c := s.chunkOver(t.words[w]); c != nil {
		return c
	}
	if c := t.kidParty(s, w, "compound", "amod", "nmod:poss", "flat", "appos"); c != nil {
		return c
	}
	if c := t.openParty(s, w); c != nil {
		return c
	}
	if k := t.partOf(s, w); k >= 0 {
		return t.party(s, k) // "freed 11 of the country's prisoners": the prisoners
	}
	if t.words[w].UPOS == "NOUN" {
		return t.located(s, w, 1)
	}
	return nil
}

// partitives name a part of a group: "11 of the prisoners", "most of the
// students", "a majority of the guards".
var partitives = set("some", "many", "most", "several", "all", "few", "none", "each", "both", "dozens", "hundreds",
	"thousands", "millions", "scores", "majority", "minority", "half", "part", "rest", "members")

// partOf is the group word w takes a part of (its "of" phrase) when w is a
// number or a partitive, or -1.
func (t *tree) partOf(s *sentence, w int) int {
	if t.words[w].UPOS != "NUM" && !partitives[strings.ToLower(s.text[t.words[w].Start:t.words[w].End])] {
		return -1
	}
	for _, k := range t.kids[w] {
		if t.words[k].Rel == "nmod" && t.caseOf(s, k) == "of" && k > w {
			return k
		}
	}
	return -1
}

// located is the party a common noun w stands for by where or whose it is
// ("an army base in western Afghanistan", "the academy of Tripoli", "a guard
// at a Peruvian hospital"), named with the thing's own words; depth bounds
// a chain of places ("a guard at a hospital in Lima").
func (t *tree) located(s *sentence, w, depth int) *chunk {
	for _, k := range t.kids[w] {
		if t.words[k].Rel != "nmod" || !slices.Contains(locatingPreps, t.caseOf(s, k)) {
			continue
		}
		c := s.chunkOver(t.words[k])
		if c == nil && t.words[k].UPOS == "NOUN" {
			c = t.kidParty(s, k, "compound", "amod", "nmod:poss") // "a Peruvian hospital"
			if c == nil && depth > 0 {
				c = t.located(s, k, depth-1)
			}
		}
		if c != nil {
			lo, hi := t.words[w].Start, t.words[w].End
			for _, j := range t.kids[w] {
				// the thing's words up to its place ("an army base in
				// Peru"), without a time misattached after it
				if r := t.words[j].Rel; r != "case" && r != "punct" && j <= k {
					a, b := t.span(j)
					if e := c.end - s.start; j == k && e >= t.words[k].End && e < b && len(timex.Find(s.text[e:b], time.Time{}, timex.Options{})) > 0 {
						b = e // "in Peru", not "in Peru on Monday"
					}
					lo, hi = min(lo, a), max(hi, b)
				}
			}
			out := *c
			out.start, out.end = s.start+lo, s.start+hi
			// "the mosque in Arequipa" lies in its place; "the army of X"
			// belongs to its party
			out.party.Text, out.located = s.text[lo:hi], placePreps[t.caseOf(s, k)]
			return &out
		}
	}
	return nil
}

// kidParty is the party a dependent of w in one of rels names: a word that
// only specifies w ("Peruvian" of "a Peruvian hospital", "President" of
// "President Putin"), or nil.
func (t *tree) kidParty(s *sentence, w int, rels ...string) *chunk {
	for _, k := range t.kids[w] {
		if slices.Contains(rels, t.words[k].Rel) {
			if c := s.chunkOver(t.words[k]); c != nil {
				return c
			}
		}
	}
	return nil
}

// locatingPreps tie a common noun to the party it belongs to or lies in.
var locatingPreps = []string{"in", "of", "near", "outside", "inside", "at"}

// openParty is a name the knowledge base does not know ("the Tarn Valley
// Cooperative", "Ostrava Steelworks"): still a party, with its words and no
// country, rather than a lost event. Only proper-noun phrases qualify; a
// common noun with no known party in it ("the deal") names none.
func (t *tree) openParty(s *sentence, w int) *chunk {
	lo, hi := w, w
	if t.words[w].UPOS != "PROPN" {
		// "Jurisdiction for Peace", "Citizens for Justice": a
		// capitalised noun the tagger took for a common one, named by a
		// proper noun after "for" or "without", is an organisation's name
		n := t.namedFor(s, w)
		if n < 0 {
			return nil
		}
		hi = n
	}
	for _, k := range t.kids[w] {
		switch t.words[k].Rel {
		case "compound", "flat", "amod", "nummod":
			lo, hi = min(lo, k), max(hi, k)
		}
	}
	for i := lo; i <= hi; i++ {
		if t.words[i].UPOS == "PUNCT" || s.chunkOver(t.words[i]) != nil {
			return nil // a phrase around a known party or across punctuation
		}
	}
	start, end := t.words[lo].Start, t.words[hi].End
	if len(timex.Find(s.text[start:end], time.Time{}, timex.Options{})) > 0 {
		return nil // "Tuesday", "March": a time, not a party
	}
	c := &chunk{start: s.start + start, end: s.start + end, open: true, party: event.Party{Text: s.text[start:end]}}
	for _, k := range t.kids[w] {
		// "Dawn of Libya", "the Army of Kenya": a name that says whose it
		// is takes that country
		if k > hi && t.words[k].Rel == "nmod" && t.caseOf(s, k) == "of" {
			if of := s.chunkOver(t.words[k]); of != nil && of.party.Code != "" && of.party.EntityID == "" {
				end = t.words[k].End
				c.end, c.party.Text, c.party.Code = s.start+end, s.text[start:end], of.party.Code
			}
			break
		}
	}
	if c.party.Code != "" {
		s.opens.note(c.party)
	} else if p, ok := s.opens.recall(c.party.Text); ok {
		c.party.Code = p.Code // "Dawn has blamed …" after "Dawn of Libya"
	}
	return c
}

// namedFor is the last word of a name "<Noun> for|without <Name>" headed by
// the capitalised noun w, or -1: every word of it capitalised but the
// preposition and an article.
func (t *tree) namedFor(s *sentence, w int) int {
	word := func(i int) string { return s.text[t.words[i].Start:t.words[i].End] }
	if t.words[w].UPOS != "NOUN" || !isUpper(word(w)) {
		return -1
	}
	for _, k := range t.kids[w] {
		if k < w || t.words[k].Rel != "nmod" || t.words[k].UPOS != "PROPN" {
			continue
		}
		if c := t.caseOf(s, k); c != "for" && c != "without" {
			return -1
		}
		for i := w + 1; i <= k; i++ {
			if lw := strings.ToLower(word(i)); lw != "for" && lw != "without" && lw != "a" && lw != "the" && !isUpper(word(i)) {
				return -1
			}
		}
		return k
	}
	return -1
}

// chunkOver is the party chunk covering a word.
func (s *sentence) chunkOver(w Word) *chunk {
	for _, c := range s.chunks {
		if c.start-s.start <= w.Start && w.End <= c.end-s.start {
			return c
		}
	}
	return nil
}

// treeRoles reads actor and recipient of a verb trigger from the tree:
// the subject (or the passive's agent) acts; the recipient is the object
// when it names a party, else a dependent marked by one of the trigger's
// recipient prepositions, on the verb or on its object ("suspended military
// aid to Guatemala"). A verb without a subject of its own takes its
// controller's: the object of "urged Iran to release", the subject of
// "agreed to meet" or of the first of two coordinated verbs. Either role is
// nil when the tree names no party for it.
func (t *tree) roles(s *sentence, tr lexicon.Trigger) (actor, recip *chunk) {
	v := t.wordAt(tr.Start)
	if v < 0 || t.words[v].UPOS != "VERB" {
		return nil, nil
	}
	if t.passive(v) {
		if a := t.kid(v, "obl:agent"); a >= 0 {
			actor = t.party(s, a)
		}
		if tr.Entry.Frame == lexicon.FrameTransfer {
			// "the painting was returned by US officials to Spain": the
			// subject is the thing handed over, the receiver follows "to"
			if r := t.prepParty(s, []string{"to"}, v, t.kid(v, "obl:agent")); r != nil {
				return actor, r
			}
		}
		return actor, t.party(s, t.kid(v, "nsubj:pass"))
	}
	actor = t.party(s, t.subject(s, v))
	if actor == nil {
		actor = t.bound(s, t.subject(s, v))
	}
	if o := t.kid(v, "iobj"); o >= 0 {
		recip = t.party(s, o)
	}
	obj := t.kid(v, "obj")
	if recip == nil && obj >= 0 && mutual(tr) && slices.Contains(tr.Entry.RecipientPrep, "with") {
		// "discussed Bolivia with Chile", "signed a pact on Bolivia with
		// Ecuador": a joint act's counterpart is who it was done with; the
		// object is what it was about
		recip = t.prepParty(s, []string{"with"}, v, obj)
	}
	if recip == nil && obj >= 0 {
		recip = t.party(s, obj)
		if recip != nil && (recip.generic || s.chunkOver(t.words[obj]) == nil) {
			// "suspended military aid to X", "sent troops to X": a thing
			// only described by a party word, or the actor's own men, is
			// handed to whoever the trigger's preposition names
			if r := t.prepParty(s, tr.Entry.RecipientPrep, v, obj); r != nil && !r.generic {
				recip = r
			}
		}
	}
	if recip == nil {
		recip = t.prepParty(s, tr.Entry.RecipientPrep, v, obj)
	}
	if recip == nil && obj >= 0 && (tr.Entry.Event == "AGREE" || tr.Entry.Event == "REJECT") {
		// "accepted an invitation from Boehner", "rejected an offer by
		// Chile": what is accepted or refused came from its counterpart
		recip = t.prepParty(s, []string{"from", "by"}, obj)
	}
	if recip == nil && aboutAnAct[tr.Entry.Event] {
		recip = t.complementRecipient(s, v, 2)
	}
	if recip == nil && obj >= 0 {
		recip = t.nestedPrepParty(s, tr.Entry.RecipientPrep, obj, 2)
	}
	if recip == nil && tr.Entry.Mode == "investigate" {
		recip = t.inquiredSubject(s, v, obj)
	}
	if tr.Entry.Frame == lexicon.FrameTransfer {
		// "returned six Peruvian artifacts to the government of Peru":
		// the object is the thing handed over, its receiver is named
		// after "to"
		r := t.prepParty(s, []string{"to"}, v, obj)
		if r == nil && obj >= 0 {
			// a long description of the thing ("a silver pendant
			// engraved with the image of Peter the Great to Russian
			// authorities") may take the receiver's phrase into itself
			r = t.lastTo(s, obj, 3)
		}
		if r != nil {
			recip = r
		}
	}

	return actor, recip
}

// lastTo is the last party of a known country after "to" in w's subtree,
// depth levels down, or nil.
func (t *tree) lastTo(s *sentence, w, depth int) *chunk {
	var last *chunk
	lastAt := -1
	var walk func(h, d int)
	walk = func(h, d int) {
		if d == 0 {
			return
		}
		for _, k := range t.kids[h] {
			if !descriptionRels[t.words[k].Rel] {
				continue
			}
			if t.caseOf(s, k) == "to" && k > lastAt {
				if c := t.party(s, k); c != nil && c.party.Code != "" && !c.generic {
					last, lastAt = c, k
				}
			}
			walk(k, d-1)
		}
	}
	walk(w, depth)
	return last
}

// prepParty is the party in a phrase marked by one of preps on one of the
// heads (a verb and its object: the phrase is often attached to either),
// or nil.
func (t *tree) prepParty(s *sentence, preps []string, heads ...int) *chunk {
	for _, h := range heads {
		if h < 0 {
			continue
		}
		for _, k := range t.kids[h] {
			if rel := t.words[k].Rel; (rel == "obl" || rel == "nmod") && slices.Contains(preps, t.caseOf(s, k)) {
				if c := t.party(s, k); c != nil {
					return c
				}
			}
		}
	}
	return nil
}

// nestedPrepParty is the party of a phrase marked by one of preps inside
// the object's own modifiers, depth levels down: the parser often hangs
// the trigger's phrase on the last noun before it ("imposed sanctions over
// the crisis, including travel bans, on X": "on X" under "bans"). Clauses
// on the way (relative, participial) are not entered: their phrases are
// their own verbs'.
func (t *tree) nestedPrepParty(s *sentence, preps []string, h, depth int) *chunk {
	if depth == 0 {
		return nil
	}
	for _, k := range t.kids[h] {
		if rel := t.words[k].Rel; rel != "nmod" && rel != "conj" {
			continue
		}
		if c := t.prepParty(s, preps, k); c != nil && c.party.Code != "" && !c.generic && !c.located {
			return c // a party of a known country, not a thing or a place standing for one
		}
		if c := t.nestedPrepParty(s, preps, k, depth-1); c != nil {
			return c
		}
	}
	return nil
}

// inquiredSubject is who an inquiry is into when what it is into is a
// clause: the subject of "whether the ambassador was spied on" or of the
// claims, allegations or reports "that soldiers crossed the border", hung
// on the verb or on its object (and on the object's own phrase after
// "into" or "of").
func (t *tree) inquiredSubject(s *sentence, v, obj int) *chunk {
	heads := []int{v, obj}
	if obj >= 0 {
		for _, k := range t.kids[obj] {
			if t.words[k].Rel == "nmod" {
				heads = append(heads, k) // "an investigation into claims that …"
			}
		}
	}
	for _, h := range heads {
		if h < 0 {
			continue
		}
		for _, k := range t.kids[h] {
			switch t.words[k].Rel {
			case "advcl", "acl", "ccomp":
			default:
				continue
			}
			if t.words[k].UPOS != "VERB" || !t.contentClause(s, k, h == v) {
				continue
			}
			if c := t.party(s, t.kid(k, "nsubj", "nsubj:pass")); c != nil {
				return c
			}
		}
	}
	return nil
}

// contentClause reports a clause that states what is inquired into:
// marked by "whether" (or "if"), or by "that" under a noun ("claims that
// …"); a clause on the verb itself must have "whether" or "if".
func (t *tree) contentClause(s *sentence, k int, onVerb bool) bool {
	for _, m := range t.kids[k] {
		if t.words[m].Rel != "mark" {
			continue
		}
		switch strings.ToLower(s.text[t.words[m].Start:t.words[m].End]) {
		case "whether", "if":
			return true
		case "that":
			return !onVerb
		}
	}
	return false
}

// conjunctOf is the party coordinated with c in the tree ("Chirac and
// Putin": each is the other's), and whether c is the first of the two; nil
// when c's head word has no party conjunct.
func (t *tree) conjunctOf(s *sentence, c *chunk) (o *chunk, first bool) {
	w := t.wordEnding(c.end - s.start) // the head of a name or a noun phrase
	if w < 0 {
		return nil, false
	}
	if t.words[w].Rel == "conj" {
		if h := t.words[w].Head - 1; h >= 0 && h < w {
			if p := t.party(s, h); p != nil && p != c && p.party.Code != "" {
				return p, false
			}
		}
		return nil, false
	}
	for _, k := range t.kids[w] {
		if t.words[k].Rel == "conj" && k > w {
			if p := t.party(s, k); p != nil && p != c && p.party.Code != "" {
				return p, true
			}
			break
		}
	}
	return nil, false
}

// aboutAnAct are the types whose content is another act, named by an
// infinitive: agreeing, refusing or threatening to do something to someone.
var aboutAnAct = map[string]bool{"AGREE": true, "REJECT": true, "THREATEN": true}

// complementPreps mark the party a complement's act is done to when the
// complement's verb is not in the lexicon: "agreed to set up a station in
// X", "offered to share data with X".
var complementPreps = []string{"to", "with", "on", "against", "into", "for", "in", "at", "from"}

// complementRecipient is the party the act of v's infinitive complement
// is done to: "agreed to lift sanctions on X", "offered to send troops to
// X", "refused to meet X". A complement that is itself a trigger takes its
// own recipient prepositions; another takes its object, else a party
// after a preposition. depth bounds the chain of complements.
func (t *tree) complementRecipient(s *sentence, v, depth int) *chunk {
	if depth == 0 {
		return nil
	}
	for _, k := range t.kids[v] {
		if !t.infinitive(k) {
			continue // only an infinitive ("to lift"), not a participle or an adjective
		}
		for _, tr := range s.triggers {
			if tr.Start == t.words[k].Start && !tr.IsNoun {
				if _, r := t.roles(s, tr); r != nil {
					return r
				}
			}
		}
		o := t.kid(k, "obj", "iobj")
		var generic *chunk
		if o >= 0 {
			if c := t.party(s, o); c != nil && !c.generic {
				return c
			} else if c != nil {
				// "offered to send troops to X": troops are only what
				// is sent; whoever a preposition names receives them
				generic = c
			}
		}
		for _, h := range []int{k, o} { // "lift sanctions on X", "set up a station at X"
			if h < 0 {
				continue
			}
			for _, c := range t.kids[h] {
				if rel := t.words[c].Rel; (rel == "obl" || rel == "nmod") && slices.Contains(complementPreps, t.caseOf(s, c)) {
					if p := t.party(s, c); p != nil {
						return p
					}
				}
			}
		}
		if generic != nil {
			return generic
		}
		return t.complementRecipient(s, k, depth-1)
	}
	return nil
}

// subject is v's subject, or its controller's for a verb without one
// (xcomp, coordinated verb), or -1.
func (t *tree) subject(s *sentence, v int) int {
	for range 4 { // a short chain of controllers
		if k := t.kid(v, "nsubj"); k >= 0 {
			return k
		}
		h := t.words[v].Head - 1
		if h >= 0 && t.words[v].Rel == "acl" && t.words[h].Rel == "obj" && strings.HasSuffix(s.text[t.words[v].Start:t.words[v].End], "ing") {
			// "issued a statement describing …", "sent a letter urging …":
			// the paper speaks for whoever issued it
			if g := t.words[h].Head - 1; g >= 0 && t.words[g].UPOS == "VERB" {
				v = g
				continue
			}
		}
		if h < 0 || t.words[h].UPOS != "VERB" {
			return -1
		}
		switch t.words[v].Rel {
		case "xcomp":
			// the controller: the object of "urged Iran to release", the
			// passive subject of "she was filmed punching"
			if o := t.kid(h, "obj", "nsubj:pass"); o >= 0 {
				return o
			}
		case "conj":
		default:
			return -1 // an adverbial clause's subject is not the main one's
		}
		v = h
	}
	return -1
}

// nounRoles reads actor and recipient of an event noun from the tree: a
// "by" phrase or the subject of the verb that governs it (the light verb
// of "launched strikes on …", "held talks with …"; the clause a meeting
// frames: "said at a meeting with …") acts; a dependent marked by one of
// the trigger's recipient prepositions receives, else for a meeting the
// governing verb's object ("told X in a phone call").
func (t *tree) nounRoles(s *sentence, tr lexicon.Trigger) (actor, recip *chunk) {
	n := t.noun(tr)
	if n < 0 {
		return nil, nil
	}
	for _, k := range t.kids[n] {
		if t.words[k].Rel != "nmod" {
			continue
		}
		switch c := t.caseOf(s, k); {
		case c == "by" && actor == nil:
			actor = t.party(s, k)
		case recip == nil && slices.Contains(tr.Entry.RecipientPrep, c):
			recip = t.party(s, k)
		}
	}
	v, _ := t.governor(s, tr)
	if actor == nil && v >= 0 {
		actor = t.party(s, t.subject(s, v))
		if actor == nil {
			actor = t.bound(s, t.subject(s, v)) // "X said it would begin talks"
		}
	}
	if recip == nil && v >= 0 && (mutual(tr) || tr.Entry.Mode == "visit") {
		// "told X in a phone call": who the clause addresses is the
		// meeting's other side when the meeting names none
		if r := t.kidParty(s, v, "iobj", "obj"); r != actor {
			recip = r
		}
	}
	return actor, recip
}

// meetingPreps place a clause's act inside a meeting its subject took
// part in: "said at a meeting with X", "pledged during a visit to X".
var meetingPreps = []string{"in", "at", "during", "on"}

// noun is the noun of an event-noun trigger: its last noun word, before a
// preposition the trigger includes ("meeting with", "call for"), or -1.
func (t *tree) noun(tr lexicon.Trigger) int {
	for n := t.wordEnding(tr.End); n >= 0 && t.words[n].Start >= tr.Start; n-- {
		if t.words[n].UPOS == "NOUN" {
			return n
		}
	}
	return -1
}

// wordEnding is the word ending at the sentence offset off, or -1.
func (t *tree) wordEnding(off int) int {
	i, ok := slices.BinarySearchFunc(t.words, off, func(w Word, off int) int { return w.End - off })
	if !ok {
		return -1
	}
	return i
}

// bound resolves a pronoun subject of a reported clause (ccomp) to the
// subject of the verb that reports it: in "the army said it had seized the
// town" or "they announced they would withdraw", the pronoun is the
// speaker. Only a subject of the
// right kind binds: "it" a party that is not a person, "he" or "she" a
// person or an unknown name, "they" and "we" any party. Returns nil for any other word.
func (t *tree) bound(s *sentence, w int) *chunk {
	if w < 0 {
		return nil
	}
	pron, own := w, false
	if t.words[w].UPOS == "NOUN" {
		// "Putin said his country will not lift the ban": a noun owned
		// by a pronoun is the speaker's own (its country, government)
		if pron = t.kid(w, "nmod:poss"); pron < 0 || t.words[pron].UPOS != "PRON" {
			return nil
		}
		own = true
	}
	if t.words[pron].UPOS != "PRON" {
		return nil
	}
	word := strings.ToLower(s.text[t.words[pron].Start:t.words[pron].End])
	if own {
		word = possessivePronoun[word]
	}
	fits := pronounFits(word)
	if fits == nil {
		return nil
	}
	v := t.words[w].Head - 1
	for range 4 { // a short chain of clauses up to the reported one
		if v < 0 {
			return nil
		}
		switch t.words[v].Rel {
		case "conj", "xcomp":
			v = t.words[v].Head - 1 // "said it would withdraw and (would) hand over"
			continue
		case "ccomp":
		default:
			// an adverbial or relative clause's pronoun may stand for
			// anything named before ("condemned the strikes, saying it
			// violated …": it is the strikes)
			return nil
		}
		h := t.words[v].Head - 1
		if h < 0 {
			return nil
		}
		k := t.kid(h, "nsubj")
		if k < 0 || k >= w {
			return nil
		}
		c := t.party(s, k)
		if c == nil {
			return nil
		}
		if word == "it" && c.person {
			// "Turkey's president says it will begin an operation": "it"
			// is the state the speaker speaks for
			if st := t.kidParty(s, k, "nmod:poss"); st != nil && !st.person && st.party.Code != "" {
				c = st
			} else if c.party.Code != "" {
				c = &chunk{start: c.start, end: c.end, party: event.Party{Code: c.party.Code, Text: stateText(c)}}
			}
		}
		if !fits(c) && !(word == "it" && !c.person) {
			return nil
		}
		if own {
			// the speaker's country under the noun's own words
			lo, hi := t.phrase(w, false)
			o := &chunk{start: s.start + lo, end: s.start + hi, party: event.Party{Code: c.party.Code, Text: s.text[lo:hi]}}
			if n := s.chunkOver(t.words[w]); n != nil {
				o.party.Sector = n.party.Sector
			}
			return o
		}
		return c
	}
	return nil
}

// pronounFits says which parties a subject pronoun can stand for, nil for
// a word that is not a third-person (or "we") subject pronoun.
// possessivePronoun is the subject pronoun of a possessive one.
var possessivePronoun = map[string]string{"his": "he", "her": "she", "its": "it", "their": "they", "our": "we"}

func pronounFits(p string) func(*chunk) bool {
	switch p {
	case "it":
		return func(c *chunk) bool { return !c.person }
	case "he", "she":
		// a name the knowledge base does not know that the text calls
		// "he" or "she" is a person's
		return func(c *chunk) bool { return c.person || c.open }
	case "they", "we":
		return func(*chunk) bool { return true }
	}
	return nil
}

// controls reports a verb with an object and an infinitive that object is
// to carry out ("ordered the minister to appear"): from the tree, else
// from a "to" and a verb within a few words after the object.
func (c *Coder) controls(s *sentence, tr lexicon.Trigger) bool {
	if t := s.parsed(c.parser); t != nil {
		v := t.wordAt(tr.Start)
		if v < 0 || t.kid(v, "obj", "iobj") < 0 {
			return false
		}
		x := t.kid(v, "xcomp")
		return x >= 0 && t.kid(x, "mark") >= 0
	}
	for i := tr.TokEnd + 1; i < len(s.toks) && i <= tr.TokEnd+8; i++ {
		if s.lower(i) == "to" {
			return true
		}
	}
	return false
}

// transfers reports a verb with an object handed to someone ("returned
// the paintings to Peru"): from the tree, an object and a "to" phrase on
// the verb; else an object word and then "to" within a few words.
func (c *Coder) transfers(s *sentence, tr lexicon.Trigger) bool {
	if t := s.parsed(c.parser); t != nil {
		v := t.wordAt(tr.Start)
		if v < 0 {
			return false
		}
		o := t.kid(v, "obj")
		if o < 0 && !t.passive(v) {
			return false
		}
		for _, k := range t.kids[v] {
			if t.words[k].Rel == "obl" && t.caseOf(s, k) == "to" {
				return true // "returned X to Peru", "X was returned to Peru"
			}
		}
		if o < 0 {
			// "was returned by US officials to Spain": the phrase may hang
			// on the agent
			a := t.kid(v, "obl:agent")
			return a >= 0 && t.toWithin(s, a, 1)
		}
		// "returned the paintings to the museum" is often parsed with the
		// "to" phrase on the thing (PP attachment): there it names the
		// receiver just as well
		return t.toWithin(s, o, 3)
	}
	if s.lower(tr.TokEnd) == "to" {
		return false // "returned to Peru"
	}
	for i := tr.TokEnd + 1; i < len(s.toks) && i <= tr.TokEnd+10; i++ {
		if s.lower(i) == "to" {
			return true
		}
	}
	return false
}

// governed reports, from the tree, an event noun that its clause's subject
// performs: the object of a verb ("launched airstrikes", "held a wave of
// talks") or an instrument of an active one ("retaliated with strikes",
// "killed five in an airstrike") or a meeting it took part in ("said at a
// meeting with X"); not a noun that only modifies another
// ("culprits for the shooting", "the anniversary of the attack"). ok is
// false where the tree does not hold the noun.
func (t *tree) governed(s *sentence, tr lexicon.Trigger) (g, ok bool) {
	v, ok := t.governor(s, tr)
	return v >= 0, ok
}

// governor is the verb whose subject performs the event noun of tr (see
// governed), or -1; ok is false where the tree does not hold the noun.
func (t *tree) governor(s *sentence, tr lexicon.Trigger) (v int, ok bool) {
	meeting := mutual(tr) || tr.Entry.Mode == "visit"
	n := t.noun(tr)
	if n < 0 {
		return -1, false
	}
	active := func(h int) int {
		if h >= 0 && t.words[h].UPOS == "VERB" && t.kid(h, "nsubj:pass") < 0 {
			return h
		}
		return -1
	}
	for range 4 {
		h := t.words[n].Head - 1
		if h < 0 {
			return -1, true
		}
		switch t.words[n].Rel {
		case "conj", "compound": // "a mediation effort": the effort's verb governs it
		case "nmod":
			c := t.caseOf(s, n)
			if c == "of" {
				break
			}
			if meeting && slices.Contains(meetingPreps, c) && (t.words[h].Rel == "obj" || t.words[h].Rel == "obl") {
				// "raised the issue in a phone call with X": a meeting
				// hung on the object is still where the clause happened
				return active(t.words[h].Head - 1), true
			}
			return -1, true
		case "obj":
			if t.words[h].UPOS == "VERB" {
				return h, true
			}
			return -1, true
		case "obl":
			if c := t.caseOf(s, n); c == "with" || c == "in" || meeting && slices.Contains(meetingPreps, c) {
				return active(h), true
			}
			return -1, true
		default:
			return -1, true
		}
		n = h
	}
	return -1, true
}

// toWithin reports a "to" phrase modifying w or a noun below it, at most
// depth levels down.
func (t *tree) toWithin(s *sentence, w, depth int) bool {
	if depth == 0 {
		return false
	}
	for _, k := range t.kids[w] {
		if !descriptionRels[t.words[k].Rel] {
			continue
		}
		if t.caseOf(s, k) == "to" || t.toWithin(s, k, depth-1) {
			return true
		}
	}
	return false
}

// descriptionRels hang the parts of a long description of a thing on it:
// its phrases and a participle's ("a pendant engraved with an image"), not
// a relative clause, whose "to" is its own verb's ("paintings that
// belonged to Peru").
var descriptionRels = map[string]bool{"nmod": true, "acl": true, "obl": true, "obl:unmarked": true}

// objectText is the noun phrase a verb trigger acts on when it names no
// party: its object's head with its modifiers, its prepositional phrases
// and coordinated heads, without clauses or appositions ("two homeguards",
// not "two homeguards held captive by them"); "" for a pronoun or when the
// verb has no nominal object.
func (t *tree) objectText(s *sentence, tr lexicon.Trigger) string {
	v := t.wordAt(tr.Start)
	if v < 0 || t.words[v].UPOS != "VERB" {
		return ""
	}
	o := t.kid(v, "obj")
	if o < 0 {
		return t.complementText(s, v)
	}
	if t.words[o].UPOS != "NOUN" && t.words[o].UPOS != "PROPN" {
		return ""
	}
	lo, hi := t.phrase(o, true)
	if n := len(strings.Fields(s.text[lo:hi])); n > 12 {
		lo, hi = t.phrase(o, false)
	}
	return s.text[lo:hi]
}

// infinitive reports a word that is an infinitive complement ("to lift"),
// not a participle or an adjective.
func (t *tree) infinitive(k int) bool {
	return t.words[k].Rel == "xcomp" && t.words[k].UPOS == "VERB" && t.kid(k, "mark") >= 0
}

// complementText is what the infinitive of v acts on when it names no
// party: the phrase after its preposition ("agreed to offer an aid package
// to the cultural sector", "agreed to allow aid into the areas hit by the
// cyclone"), or "".
func (t *tree) complementText(s *sentence, v int) string {
	for _, k := range t.kids[v] {
		if !t.infinitive(k) {
			continue
		}
		for _, h := range []int{k, t.kid(k, "obj")} { // "allow aid into the areas …", parsed on either
			if h < 0 {
				continue
			}
			for _, c := range t.kids[h] {
				if rel := t.words[c].Rel; (rel == "obl" || rel == "nmod") && slices.Contains(complementPreps, t.caseOf(s, c)) && t.words[c].UPOS == "NOUN" {
					lo, hi := t.phrase(c, false)
					for _, k := range t.kids[c] {
						if t.words[k].Rel == "case" && k < c {
							lo = max(lo, t.words[k].End) // the phrase without its preposition
						}
					}
					return strings.TrimSpace(s.text[lo:hi])
				}
			}
		}
	}
	return ""
}

// phrase is the byte range of noun w with its modifiers, and with its
// prepositional phrases and conjuncts when full.
func (t *tree) phrase(w int, full bool) (lo, hi int) {
	lo, hi = t.words[w].Start, t.words[w].End
	for _, k := range t.kids[w] {
		switch t.words[k].Rel {
		case "det", "amod", "compound", "nummod", "nmod:poss", "flat", "case":
			if k > w && t.words[k].Rel != "flat" {
				continue // a modifier after the head belongs to a clause
			}
		case "nmod", "conj", "cc":
			if !full {
				continue
			}
		default:
			continue
		}
		a, b := t.span(k)
		lo, hi = min(lo, a), max(hi, b)
	}
	return lo, hi
}

// nominalInfinitive reports a verb trigger that completes a noun or a
// predicate adjective ("wants the ability to strike", "has been reluctant to
// target"): what a party can, may or is minded to do, not what it did. An
// adjective must be predicated (have a copula): "called new Prime Minister
// Ana Brisel to congratulate her" is a misparse, not an attitude.
func (c *Coder) nominalInfinitive(s *sentence, tr lexicon.Trigger) bool {
	if tr.IsNoun || s.lower(tr.TokStart-1) != "to" {
		return false
	}
	t := s.parsed(c.parser)
	if t == nil {
		return false
	}
	v := t.wordAt(tr.Start)
	if v < 0 || t.words[v].UPOS != "VERB" || t.kid(v, "mark") < 0 {
		return false
	}
	h := t.words[v].Head - 1
	if h < 0 {
		return false
	}
	switch t.words[h].UPOS {
	case "NOUN":
		return true
	case "ADJ":
		return t.kid(h, "cop") >= 0
	}
	return false
}

// stateText is how a person's party names their state: the country or
// demonym written in it ("Turkey's president"), else the state's code.
func stateText(c *chunk) string {
	if m := stateMatch(c, c.party.Code); m != nil {
		return strings.TrimSuffix(strings.TrimSuffix(m.Text, "'s"), "’s")
	}
	return c.party.Code
}

// received reads an event noun that is the object of a verb of receiving:
// "Bashir received an invitation from Putin", "the ministry got threats
// from the group". Who did it is named after "from" (on the noun or on the
// verb); whoever received it is its recipient. Parsed only when a form of
// such a verb is in the sentence.
func (c *Coder) received(s *sentence, tr lexicon.Trigger) (actor, recip *chunk) {
	t := c.parsedFor(s, receiveForms)
	if t == nil {
		return nil, nil
	}
	n := t.noun(tr)
	if n < 0 || t.words[n].Rel != "obj" {
		return nil, nil
	}
	v := t.words[n].Head - 1
	if v < 0 || !receiveForms[strings.ToLower(s.text[t.words[v].Start:t.words[v].End])] {
		return nil, nil
	}
	from := t.prepParty(s, []string{"from"}, n, v)
	if from == nil {
		return nil, nil
	}
	return from, t.party(s, t.subject(s, v))
}

var receiveForms = set("receive", "received", "receives", "receiving", "got", "gets", "get", "getting", "face", "faces", "faced", "facing")
