package lexicon

import (
	"sort"
	"strings"

	"github.com/dyad-project/dyad/internal/nlp"
)

// Trigger is one match of an entry in a token sequence.
type Trigger struct {
	Entry    *Entry
	TokStart int // first token of the trigger words
	TokEnd   int // one past the last token
	Start    int // byte offsets in the sentence
	End      int
	IsNoun   bool
	Lemma    string
	// ObjStart and ObjEnd delimit the tokens of the object phrase that
	// satisfied the entry's object constraint; both -1 when there is none.
	ObjStart, ObjEnd int
}

// pattern is one surface form of an entry, as lower-case token texts.
type pattern struct {
	words   []string
	entry   *Entry
	noun    bool
	curated bool
	objects []object
}

type object struct {
	words []string
	plur  string // plural of the last word
}

// index maps the first word of every pattern to the patterns, longest
// first, then those with an object constraint, then curated before
// generated entries.
type index map[string][]*pattern

// maxObjectGap is how many tokens may separate a verb from its object.
const maxObjectGap = 4

func compile(entries []*Entry) *Lexicon {
	l := &Lexicon{entries: entries, triggers: index{}, speech: index{}}
	for _, e := range entries {
		var objs []object
		for _, o := range e.Object {
			w := strings.Fields(strings.ToLower(o))
			objs = append(objs, object{words: w, plur: plural(w[len(w)-1])})
		}
		curated := e.Source != "cameo"
		for _, form := range phraseForms(e.Lemma(), e.Forms, e.Noun != "") {
			for _, words := range hyphenVariants(strings.Fields(form)) {
				p := &pattern{words: words, entry: e, noun: e.Noun != "", curated: curated, objects: objs}
				if e.Event != "" {
					l.triggers[words[0]] = append(l.triggers[words[0]], p)
				}
				if e.Claim != "" {
					l.speech[words[0]] = append(l.speech[words[0]], p)
				}
			}
		}
	}
	l.triggers.sort()
	l.speech.sort()
	return l
}

func (ix index) sort() {
	for k, ps := range ix {
		sort.SliceStable(ps, func(i, j int) bool {
			a, b := ps[i], ps[j]
			if len(a.words) != len(b.words) {
				return len(a.words) > len(b.words)
			}
			if (len(a.objects) > 0) != (len(b.objects) > 0) {
				return len(a.objects) > 0
			}
			return a.curated && !b.curated
		})
		ix[k] = ps
	}
}

// hyphenVariants lets "cease-fire" also match "ceasefire" and "cease fire",
// the three spellings news uses for the same compound.
func hyphenVariants(words []string) [][]string {
	out := [][]string{words}
	for i, w := range words {
		if !strings.Contains(w, "-") || strings.HasPrefix(w, "-") || strings.HasSuffix(w, "-") {
			continue
		}
		joined := append(append(append([]string{}, words[:i]...), strings.ReplaceAll(w, "-", "")), words[i+1:]...)
		split := append(append(append([]string{}, words[:i]...), strings.Split(w, "-")...), words[i+1:]...)
		out = append(out, joined, split)
		break // one hyphenated word per phrase is enough in practice
	}
	return out
}

// Triggers returns the event triggers of a sentence, scanning left to right
// and taking the longest match at each position, so triggers never overlap.
func (l *Lexicon) Triggers(toks []Token) []Trigger { return l.AppendTriggers(nil, toks) }

// AppendTriggers is Triggers appending to dst, to reuse its storage.
func (l *Lexicon) AppendTriggers(dst []Trigger, toks []Token) []Trigger {
	return l.triggers.scan(dst, toks)
}

// Speech returns the reporting and claim verbs of a sentence ("said",
// "alleged", "denied", "according to").
func (l *Lexicon) Speech(toks []Token) []Trigger { return l.speech.scan(nil, toks) }

func (ix index) scan(dst []Trigger, toks []Token) []Trigger {
	for i := 0; i < len(toks); {
		cands := ix[toks[i].Lower]
		if len(cands) == 0 || properNameWord(toks, i) {
			i++
			continue
		}
		t, ok := bestMatch(cands, toks, i)
		if !ok {
			i++
			continue
		}
		// A passive verb whose object came first ("sanctions were
		// imposed") replaces the trigger that object made on its own.
		if n := len(dst); n > 0 && t.ObjStart >= 0 && t.ObjStart < t.TokStart &&
			dst[n-1].TokStart >= t.ObjStart && dst[n-1].TokEnd <= t.ObjEnd {
			dst = dst[:n-1]
		}
		if !t.Entry.IsStop() {
			dst = append(dst, t)
		}
		// An object after the verb is part of the event ("imposed new
		// sanctions"): it must not trigger again as a noun.
		i = max(t.TokEnd, t.ObjEnd)
	}
	return dst
}

// bestMatch tries the candidates in index order; when a verb and a noun
// reading of the same length both match ("attacks", "meeting"), the word
// before decides.
func bestMatch(cands []*pattern, toks []Token, i int) (Trigger, bool) {
	var best Trigger
	found, bestLen := false, 0
	nounCtx := nounContext(toks, i)
	verbOK := !afterDeterminer(toks, i)
	for _, p := range cands {
		if found && len(p.words) < bestLen {
			// longest first; only a noun reading in a noun's place ("his
			// bilateral meeting with") beats a longer verb ("meet with")
			if best.IsNoun || !nounCtx {
				break
			}
			if !p.noun {
				continue
			}
		}
		if !p.noun && !verbOK {
			continue
		}
		end, ok := matchWords(p, toks, i)
		if !ok {
			continue
		}
		os, oe := -1, -1
		if len(p.objects) > 0 {
			if os, oe, ok = findObject(p, toks, i, end); !ok {
				continue
			}
		}
		t := Trigger{Entry: p.entry, TokStart: i, TokEnd: end, Start: toks[i].Start, End: toks[end-1].End,
			IsNoun: p.noun, Lemma: p.entry.Lemma(), ObjStart: os, ObjEnd: oe}
		if !found {
			best, found, bestLen = t, true, len(p.words)
		} else if p.noun != best.IsNoun && p.noun == nounCtx {
			best = t
		}
		if best.IsNoun == nounCtx {
			break
		}
	}
	return best, found
}

// matchWords matches a pattern at toks[i], allowing one adverb between the
// words of a multi-word verb ("called repeatedly on").
func matchWords(p *pattern, toks []Token, i int) (int, bool) {
	j := i + 1
	for _, w := range p.words[1:] {
		if j < len(toks) && toks[j].Lower == w {
			j++
			continue
		}
		if !p.noun && j+1 < len(toks) && isAdverb(toks[j].Lower) && toks[j+1].Lower == w {
			j += 2
			continue
		}
		return 0, false
	}
	return j, true
}

func isAdverb(w string) bool {
	switch w {
	case "also", "again", "once", "still", "even", "further", "now", "then", "hard":
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "ly")
}

// findObject looks for one of the pattern's objects within maxObjectGap
// tokens after the trigger, or, for a passive ("sanctions were imposed"),
// within the same distance before it.
func findObject(p *pattern, toks []Token, start, end int) (int, int, bool) {
	for j := end; j < len(toks) && j <= end+maxObjectGap+dots(toks, end, j)+measures(toks, end, j); j++ {
		if clauseBreak(toks[j].Lower) && !abbrevDot(toks, j) {
			break
		}
		if e, ok := objectAt(p, toks, j); ok {
			return j, e, true
		}
	}
	if !passive(toks, start) {
		return -1, -1, false
	}
	for j := start - 1; j >= 0 && j >= start-1-maxObjectGap; j-- {
		if clauseBreak(toks[j].Lower) {
			break
		}
		if e, ok := objectAt(p, toks, j); ok && e <= start {
			return j, e, true
		}
	}
	return -1, -1, false
}

func objectAt(p *pattern, toks []Token, j int) (int, bool) {
	if properNameWord(toks, j) {
		return 0, false // "Secretary of War" is no war
	}
	best := 0
	for _, o := range p.objects {
		if len(o.words) == 1 && o.words[0] == Money {
			if e, ok := moneyAt(toks, j); ok && e-j > best {
				best = e - j
			}
			continue
		}
		n := len(o.words)
		if j+n > len(toks) || n <= best {
			continue
		}
		ok := true
		for k, w := range o.words {
			t := toks[j+k].Lower
			if t != w && !(k == n-1 && t == o.plur) {
				ok = false
				break
			}
		}
		if ok {
			best = n // the longest object wins: "drone attack" over "drone"
		}
	}
	return j + best, best > 0
}

// abbrevDot reports a dot token closing an abbreviation.
func abbrevDot(toks []Token, j int) bool {
	return toks[j].Lower == "." && j > 0 && nlp.Abbreviation(toks[j-1].Lower)
}

// dots counts abbreviation dots in [from, to): they do not count toward
// the gap between a verb and its object.
func dots(toks []Token, from, to int) int {
	n := 0
	for i := from; i < to && i < len(toks); i++ {
		if abbrevDot(toks, i) {
			n++
		}
	}
	return n
}

// measureNouns measure or package what follows their "of": "a shipment
// of ventilators", "13 tons of medicine", "$4 million worth of equipment".
var measureNouns = map[string]bool{
	"shipment": true, "shipments": true, "consignment": true, "consignments": true, "batch": true, "batches": true,
	"load": true, "loads": true, "planeload": true, "planeloads": true, "truckload": true, "truckloads": true,
	"ton": true, "tons": true, "tonne": true, "tonnes": true, "worth": true, "package": true, "packages": true,
	"cargo": true, "quantity": true, "quantities": true, "amount": true, "amounts": true, "crates": true, "boxes": true,
}

// measures counts the tokens in [from, to) of a measure phrase before an
// object: amounts, scale and currency words, and a measure noun with its
// "of". They say how much of the object there is, so they do not count
// toward the gap between a verb and its object ("sent more than $4
// million worth of new medical equipment").
func measures(toks []Token, from, to int) int {
	n := 0
	for i := from; i < to && i < len(toks); i++ {
		w := toks[i].Lower
		switch {
		case strings.ContainsAny(w, "0123456789") && isAmount(w) || scaleWords[w] || currencySymbols[w] || currencyWords[w]:
			n++
		case measureNouns[w] && i+1 < len(toks) && toks[i+1].Lower == "of":
			n++
		case w == "of" && i > from && measureNouns[toks[i-1].Lower]:
			n++
		}
	}
	return n
}

func clauseBreak(w string) bool {
	switch w {
	case ".", ";", ":", "?", "!", "—", "–":
		return true
	}
	return false
}

// passive reports a form of "be" or "get" just before toks[i], with at most
// one adverb between.
func passive(toks []Token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		switch toks[j].Lower {
		case "was", "were", "been", "be", "is", "are", "being", "got", "get", "gets", "getting":
			return true
		}
		if !isAdverb(toks[j].Lower) && toks[j].Lower != "not" {
			return false
		}
	}
	return false
}

// nounContext reports whether the word before toks[i] makes it a noun: a
// determiner, a possessive, a number or a preposition.
func nounContext(toks []Token, i int) bool {
	if i == 0 {
		return false
	}
	w := toks[i-1].Lower
	switch w {
	case "a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their", "our",
		"my", "your", "any", "no", "every", "each", "another", "such", "of", "in", "for", "after",
		"during", "amid", "following", "against", "over", "since", "before", "despite", "about", "including",
		"new", "fresh", "recent", "latest", "first", "last", "further", "several", "two", "three",
		"many", "more", "some", "joint", "major", "deadly", "similar", "previous", "planned", "u.s.":
		return true
	}
	// possessives, and participles used as adjectives ("worded warning")
	if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "s'") || (len(w) > 4 && strings.HasSuffix(w, "ed")) {
		return true
	}
	if compoundIng(toks, i) {
		return true
	}
	return w[0] >= '0' && w[0] <= '9'
}

// properNameWord reports a capitalised word after a lower-case one or before
// a number, part of a name or a date ("in March", "Operation Desert Storm") rather than a
// trigger; title-case headlines keep their triggers.
func properNameWord(toks []Token, i int) bool {
	if i == 0 {
		return false
	}
	t := toks[i].Text
	if len(t) == 0 || t[0] < 'A' || t[0] > 'Z' {
		return false
	}
	if i+1 < len(toks) && toks[i+1].Text != "" && toks[i+1].Text[0] >= '0' && toks[i+1].Text[0] <= '9' {
		return true // a capitalised word before a number is a date or a name: "Friday, March 6"
	}
	p := toks[i-1].Text
	return len(p) > 0 && p[0] >= 'a' && p[0] <= 'z'
}

// afterDeterminer reports a determiner or a possessive just before toks[i]
// (quote marks skipped): what follows is a noun ("a target", "the shot",
// "Korea's talk"), never a verb.
func afterDeterminer(toks []Token, i int) bool {
	j := i - 1
	for j >= 0 && quoteToken(toks[j].Lower) {
		j-- // South Korea's “talk of appeasement”
	}
	if j < 0 {
		return false
	}
	switch w := toks[j].Lower; w {
	case "a", "an", "the", "this", "these", "those", "its", "his", "her", "their", "our",
		"my", "your", "every", "each", "another", "no":
		return true
	default:
		// a possessive: "Korea's talk", "Chile’s threat"
		return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
	}
}

func quoteToken(w string) bool {
	switch w {
	case "\"", "“", "”", "‘", "’", "'":
		return true
	}
	return false
}

// compoundIng reports an -ing word after a singular common noun or an
// adjective: "a market bombing", "the car bombing" are nouns. A plural
// ("protesters chanting"), an adverb ("repeatedly attacking") or a clause
// word ("and shelling", "to meeting") before it leaves the verb reading.
func compoundIng(toks []Token, i int) bool {
	if !strings.HasSuffix(toks[i].Lower, "ing") {
		return false
	}
	p := toks[i-1]
	if p.Text == "" || p.Text[0] < 'a' || p.Text[0] > 'z' || len(p.Lower) < 3 {
		return false
	}
	w := p.Lower
	if strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ing") || ingVerbContext[w] {
		return false
	}
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// ingVerbContext are words after which an -ing form is a verb.
var ingVerbContext = map[string]bool{
	"and": true, "or": true, "but": true, "nor": true, "then": true, "while": true, "when": true, "without": true,
	"from": true, "into": true, "not": true, "also": true, "still": true, "been": true, "be": true, "are": true,
	"was": true, "were": true, "kept": true, "keep": true, "began": true, "begin": true, "started": true,
	"start": true, "stop": true, "stopped": true, "continued": true, "continue": true, "resumed": true,
	"resume": true, "avoid": true, "avoided": true, "via": true, "upon": true, "who": true,
	"which": true, "that": true, "just": true, "even": true, "now": true, "ever": true, "again": true,
	"had": true, "has": true, "have": true, "did": true, "will": true, "would": true, "could": true,
	"can": true, "may": true, "might": true, "must": true, "should": true, "shall": true,
	"him": true, "her": true, "them": true, "it": true, "police": true, "army": true,
	"military": true, "government": true, "regime": true, "group": true, "militia": true, "coalition": true,
}
