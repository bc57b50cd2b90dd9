package cameoverbs

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/dyad-project/dyad/internal/lexicon"
)

// Lookup maps a CAMEO code to a PLOVER type and mode; ok is false for codes
// PLOVER does not treat as events. plover.FromCAMEO in production.
type Lookup func(code string) (event, mode string, ok bool)

// Options are the filters of a conversion.
type Options struct {
	Lookup Lookup
	// Curated are the entries of the hand-written lexicon files. A verb they
	// define is left to them: no bare or stop entry is generated for it; a
	// verb they give a reading without object gets no object entry either
	// (it would be tried first and override that reading), and one they
	// give only with objects keeps the generated objects they lack.
	Curated []*lexicon.Entry
	// Usage is a treebank of ordinary English. Without a bare entry stay
	// the General most frequent verbs, whose bare CAMEO reading is rarely
	// the news reading ("take" is CAMEO's "seize"; so are phrasal verbs on
	// them: "go to"), and the verbs whose forms are mostly nouns or
	// adjectives ("deal", "allies", "control"). Both keep their patterns
	// with objects.
	Usage   *Usage
	General int
	// GeneralObjects keeps the patterns with objects of the General verbs;
	// GeneralComplements only those with the target before a complement
	// ("find + guilty", "use + as human shield").
	GeneralObjects, GeneralComplements bool
	// Bare says which verbs get an entry of their own, without object:
	// "all" (every verb with an event code, own or its block's), "own" (only
	// verbs whose line carries a code of its own: the dictionary's authors
	// coded the verb itself) or "none".
	Bare string
	// Stops turns the dictionary's null-coded patterns ("abandon * plan
	// [---]") into stop entries when the verb alone is a trigger.
	Stops bool
}

// Stats counts what a conversion kept and dropped, by reason.
type Stats struct {
	Blocks, Verbs, Patterns int
	Kept, Dropped           map[string]int
}

func (s *Stats) keep(why string) { s.Kept[why]++ }
func (s *Stats) drop(why string) { s.Dropped[why]++ }

// Write prints the counts, one reason a line, sorted.
func (s *Stats) Write(w io.Writer, prefix string) {
	fmt.Fprintf(w, "%sread %d blocks, %d verb lines, %d patterns\n", prefix, s.Blocks, s.Verbs, s.Patterns)
	for _, part := range []struct {
		name string
		m    map[string]int
	}{{"kept", s.Kept}, {"dropped", s.Dropped}} {
		keys := make([]string, 0, len(part.m))
		for k := range part.m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(w, "%s%s %6d  %s\n", prefix, part.name, part.m[k], k)
		}
	}
}

// prepositions that can introduce a recipient in a pattern ("* TO +").
var recipientPreps = map[string]bool{
	"to": true, "with": true, "against": true, "on": true, "upon": true, "at": true, "in": true,
	"into": true, "from": true, "for": true, "over": true, "toward": true, "towards": true,
	"about": true, "of": true, "onto": true,
}

// leadingPreps are dropped from the start of an object ("* IN &DISPUTE"
// needs "dispute" within reach of the verb, with its article between).
var leadingPreps = map[string]bool{
	"to": true, "with": true, "against": true, "on": true, "upon": true, "at": true, "in": true,
	"into": true, "from": true, "for": true, "over": true, "toward": true, "towards": true,
	"about": true, "of": true, "as": true, "by": true,
}

const (
	maxObjectWords = 3   // the matcher looks for objects a few tokens after the verb
	maxExpansions  = 200 // phrases one pattern may expand to through synonym sets
)

type group struct {
	entry   *lexicon.Entry
	objects map[string]bool
}

// Convert turns a parsed dictionary into lexicon entries, in dictionary order.
func Convert(d *Dict, opt Options) ([]*lexicon.Entry, *Stats) {
	st := &Stats{Kept: map[string]int{}, Dropped: map[string]int{}}
	curatedVerb := map[string]bool{}
	curatedBare := map[string]bool{}
	curatedObj := map[string]map[string]bool{}
	speech := map[string]bool{}
	nouns := map[string]map[string]bool{} // last words of curated event nouns → their types
	forms := map[string]bool{}            // the inflected first words of curated verbs
	for _, e := range opt.Curated {
		if e.Noun != "" && e.Event != "" && e.Event != "NONE" {
			f := strings.Fields(strings.ToLower(e.Noun))
			w := f[len(f)-1]
			if nouns[w] == nil {
				nouns[w] = map[string]bool{}
			}
			ev, _, _ := lexicon.CheckEvent(e.Event, "")
			nouns[w][ev] = true
		}
		if e.Verb != "" {
			fs := e.Forms
			if len(fs) == 0 {
				fs = lexicon.VerbForms(e.Verb)
			}
			base := strings.Fields(strings.ToLower(e.Verb))[0]
			for _, f := range fs {
				if w := strings.Fields(strings.ToLower(f))[0]; w != base {
					forms[w] = true // "found" of "find", not "demand" of "demand that"
				}
			}
		}
		if e.Verb == "" {
			continue
		}
		v := strings.ToLower(strings.Join(strings.Fields(e.Verb), " "))
		if e.Claim != "" {
			speech[v] = true
		}
		if e.Event == "NONE" && len(e.Object) > 0 {
			// a curated stop with objects ("contributed to this report")
			// is tried before any generated entry of its verb
			continue
		}
		curatedVerb[v] = true
		if len(e.Object) == 0 && e.Event != "" && e.Event != "NONE" {
			curatedBare[v] = true
		}
		if curatedObj[v] == nil {
			curatedObj[v] = map[string]bool{}
		}
		for _, o := range e.Object {
			curatedObj[v][strings.ToLower(strings.Join(strings.Fields(o), " "))] = true
		}
	}

	// How the dictionary reads each verb on its own, over all its blocks:
	// a verb whose blocks disagree on the PLOVER type has several senses.
	bareType := map[string]map[string]bool{}
	for _, b := range d.Blocks {
		for _, v := range b.Verbs {
			if bareType[v.Lemma] == nil {
				bareType[v.Lemma] = map[string]bool{}
			}
			bareType[v.Lemma][typeOf(opt.Lookup, code(v, b))] = true
		}
	}

	var out []*lexicon.Entry
	bare := map[string]*lexicon.Entry{} // lemma → its generated bare entry
	groups := map[string]*group{}       // lemma|event|mode|cameo → object entry
	seenObj := map[string]bool{}        // lemma|object: the first pattern wins
	vforms := map[string][]string{}     // lemma → explicit forms

	st.Blocks = len(d.Blocks)
	if len(d.Malformed) > 0 {
		st.Dropped["line: malformed (no code, unclosed bracket)"] = len(d.Malformed)
	}
	for _, b := range d.Blocks {
		st.Verbs += len(b.Verbs)
		st.Patterns += len(b.Patterns)
		var verbs []*Verb
		for _, v := range b.Verbs {
			if !goodLemma(v.Lemma) {
				st.drop("verb: not a plain verb phrase (\"shot and\", stems)")
				continue
			}
			if forms[v.Lemma] && !curatedVerb[v.Lemma] {
				// "found" (establish) is also the past of a curated "find"
				st.drop("verb: a form of a curated verb (found, find)")
				continue
			}
			verbs = append(verbs, v)
			if f := explicitForms(v); f != nil && vforms[v.Lemma] == nil {
				vforms[v.Lemma] = f
			}
			c := code(v, b)
			ev, mode, ok := event(opt.Lookup, c)
			switch {
			case c == "---":
				st.drop("verb: null code (no event on its own)")
			case !ok:
				st.drop("verb: CAMEO code with no PLOVER type (01 statements, 02 appeals)")
			case len(bareType[v.Lemma]) > 1:
				st.drop("verb: blocks disagree on its type (several senses)")
			case curatedVerb[v.Lemma]:
				st.drop("verb: defined by the curated lexicon")
			case opt.Bare == "none" || (opt.Bare == "own" && v.Code == ""):
				st.drop("verb: no code of its own (takes its block's)")
			case opt.Usage != nil && opt.Usage.IsFrequentVerb(strings.Fields(v.Lemma)[0], opt.General):
				st.drop("verb: frequent general verb (bare reading rarely the news one)")
			case opt.Usage != nil && opt.Usage.MostlyNominal(surface(v.Lemma, vforms[v.Lemma])):
				st.drop("verb: its forms are mostly nouns or adjectives in the treebank")
			case bare[v.Lemma] != nil:
				st.drop("verb: repeated in another block")
			default:
				e := &lexicon.Entry{Verb: v.Lemma, Forms: vforms[v.Lemma], Event: ev, Mode: mode, CAMEO: c, Source: "cameo"}
				bare[v.Lemma] = e
				out = append(out, e)
				st.keep("bare verb")
			}
		}
		for _, p := range b.Patterns {
			objs, preps, complement, why := shape(p, d.Synsets)
			if why != "" {
				st.drop("pattern: " + why)
				continue
			}
			objs = nominal(objs, opt.Usage)
			if len(objs) == 0 && why == "" && len(p.Post) > 0 && len(preps) == 0 && !allMarkers(p.Post) {
				st.drop("pattern: object is not a noun phrase (\"will provide\", \"commit\")")
				continue
			}
			targets := appliesTo(p, verbs)
			if len(targets) == 0 {
				st.drop("pattern: its verb is not a usable verb of the block")
				continue
			}
			ev, mode, isEvent := event(opt.Lookup, p.Code)
			for _, v := range targets {
				vc := code(v, b)
				switch {
				case speech[v.Lemma]:
					st.drop("pattern: on a reporting verb (what is said is coded from the complement)")
				case opt.Usage != nil && opt.Usage.MostlyNominal(surface(v.Lemma, vforms[v.Lemma])):
					// "within striking distance": the noun, not the verb
					st.drop("pattern: verb's forms are mostly nouns or adjectives in the treebank")
				case !opt.GeneralObjects && !(complement && opt.GeneralComplements) && opt.Usage != nil && opt.Usage.IsFrequentVerb(strings.Fields(v.Lemma)[0], opt.General):
					// "want … talks", "make … sure": an object a few words
					// after a light verb is rarely the dictionary's construction
					st.drop("pattern: on a frequent general verb")
				case curatedBare[v.Lemma]:
					// entries with objects are tried before those without:
					// a generated object would override the curated reading
					st.drop("pattern: verb has a curated reading of its own")
				case len(objs) == 0 && !isEvent:
					st.drop("pattern: verb alone with a null or non-PLOVER code")
				case len(objs) == 0 && p.Code == vc && bare[v.Lemma] != nil && bare[v.Lemma].CAMEO == vc:
					if len(preps) > 0 {
						e := bare[v.Lemma]
						for _, pr := range preps {
							if !slices.Contains(e.RecipientPrep, pr) {
								e.RecipientPrep = append(e.RecipientPrep, pr)
							}
						}
						st.keep("pattern: recipient preposition of a bare verb")
					} else {
						st.drop("pattern: same as the bare verb")
					}
				case len(objs) == 0 && len(preps) == 0:
					st.drop("pattern: verb alone with another code than the block's")
				case len(objs) == 0:
					// "* IN +" with a code of its own: any "in" within reach
					// of the verb would do, far too loose for the matcher
					st.drop("pattern: only a preposition after the verb")
				case !isEvent && (!opt.Stops || curatedVerb[v.Lemma] || (bare[v.Lemma] == nil && !curatedBare[v.Lemma])):
					st.drop("pattern: null or non-PLOVER code, verb not a trigger on its own")
				default:
					o := objs
					if len(o) == 0 {
						o = preps // "* TO +" with its own code: the preposition selects it
					}
					evName := ev
					if !isEvent {
						evName, mode = "NONE", ""
					}
					k := v.Lemma + "|" + evName + "|" + mode + "|" + p.Code
					g := groups[k]
					added := 0
					for _, w := range o {
						if seenObj[v.Lemma+"|"+w] || curatedObj[v.Lemma][w] {
							continue
						}
						if curatedNoun(nouns, w)[evName] {
							// "joined the talks": the curated noun is the
							// trigger and says the same; an object would
							// swallow it. A verb that changes what the noun
							// says stays: "breached the truce".
							st.drop("object: a curated event noun of the same type")
							continue
						}
						seenObj[v.Lemma+"|"+w] = true
						if g == nil {
							e := &lexicon.Entry{Verb: v.Lemma, Forms: vforms[v.Lemma], Event: evName, Mode: mode, Source: "cameo"}
							if isEvent {
								e.CAMEO = p.Code
							}
							g = &group{entry: e, objects: map[string]bool{}}
							groups[k] = g
							out = append(out, e)
						}
						if !g.objects[w] {
							g.objects[w] = true
							g.entry.Object = append(g.entry.Object, w)
							added++
						}
					}
					if added == 0 {
						st.drop("pattern: objects already taken (earlier pattern or curated)")
						continue
					}
					if isEvent {
						for _, pr := range preps {
							if !slices.Contains(g.entry.RecipientPrep, pr) {
								g.entry.RecipientPrep = append(g.entry.RecipientPrep, pr)
							}
						}
						st.keep("pattern: verb + object")
					} else {
						st.keep("pattern: stop (verb + object with a null code)")
					}
				}
			}
		}
	}
	// forms found on a later line of the same verb
	for _, e := range out {
		if e.Forms == nil {
			e.Forms = vforms[e.Verb]
		}
	}
	return out, st
}

// curatedNoun returns the types of the curated event nouns whose last word
// is the object's last word, or its singular.
func curatedNoun(nouns map[string]map[string]bool, obj string) map[string]bool {
	f := strings.Fields(obj)
	w := f[len(f)-1]
	if t := nouns[w]; t != nil {
		return t
	}
	for _, suf := range []string{"s", "es"} {
		if t := nouns[strings.TrimSuffix(w, suf)]; strings.HasSuffix(w, suf) && t != nil {
			return t
		}
	}
	if strings.HasSuffix(w, "ies") {
		return nouns[strings.TrimSuffix(w, "ies")+"y"]
	}
	return nil
}

// surface returns the one-word forms of a verb (its head's forms for a
// phrasal verb), as the matcher generates them or as listed.
func surface(lemma string, explicit []string) []string {
	if len(strings.Fields(lemma)) > 1 {
		return nil // "step in": the particle keeps the head a verb
	}
	if explicit != nil {
		return explicit
	}
	return lexicon.VerbForms(lemma)
}

func code(v *Verb, b *Block) string {
	if v.Code != "" {
		return v.Code
	}
	return b.Code
}

func event(look Lookup, c string) (string, string, bool) {
	if c == "---" || c == "" {
		return "", "", false
	}
	ev, mode, ok := look(c)
	if !ok {
		return "", "", false
	}
	ev2, mode2, ok := lexicon.CheckEvent(ev, mode)
	if !ok {
		// a crosswalk mode the lexicon does not know (return, ban,
		// massacre…): keep the type, drop the mode
		ev2, mode2, ok = lexicon.CheckEvent(ev, "")
		if !ok {
			return "", "", false
		}
	}
	return ev2, mode2, true
}

func typeOf(look Lookup, c string) string {
	ev, _, ok := event(look, c)
	if !ok {
		return "none"
	}
	return ev
}

// goodLemma accepts verb phrases of plain words: no "and" (TABARI's
// "SHOT_AND"), no single letters.
func goodLemma(l string) bool {
	words := strings.Fields(l)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		if w == "and" || w == "or" || len(w) < 2 || !plainWord(w) {
			return false
		}
	}
	return true
}

func plainWord(w string) bool {
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r == '-' || r == '\'') {
			return false
		}
	}
	return w != "" && w[0] != '-' && w[len(w)-1] != '-'
}

// explicitForms returns the forms to write for a verb with {…}: the
// generated forms plus the dictionary's irregular ones, or nil when the
// generated forms already hold them all.
func explicitForms(v *Verb) []string {
	if !v.Braces {
		return nil
	}
	gen := lexicon.VerbForms(v.Lemma)
	all := slices.Clone(gen)
	for _, f := range v.Forms {
		if goodLemma(f) && len(strings.Fields(f)) == len(strings.Fields(v.Lemma)) && !slices.Contains(all, f) {
			all = append(all, f)
		}
	}
	if len(all) == len(gen) {
		return nil
	}
	return all
}

// appliesTo returns the verbs of the block a pattern is for: those its
// comment names, else all of them (PETRARCH applies a block's patterns to
// every verb of the block; the comment records where it was observed).
func appliesTo(p *Pattern, verbs []*Verb) []*Verb {
	var named []*Verb
	for _, v := range verbs {
		if slices.Contains(p.Verbs, v.Lemma) || slices.Contains(p.Verbs, strings.ReplaceAll(v.Lemma, " ", "")) {
			named = append(named, v)
		}
	}
	if len(p.Verbs) > 0 {
		return named
	}
	return verbs
}

func isMarker(t string) bool { return t == "+" || t == "$" || t == "%" || t == "^" }

// shape reads what the matcher can express of a pattern: nothing but
// markers before the verb; after it, an optional object of up to three
// words or synonym-set members, then optionally a preposition and the
// target. It returns the object phrases and recipient prepositions, or the
// reason the pattern cannot be expressed.
func shape(p *Pattern, syn map[string][]string) (objs, preps []string, complement bool, why string) {
	for _, t := range p.Pre {
		if strings.Contains(t, "*") {
			return nil, nil, false, "verb joined to a word (\"NOT_*\", \"*_WITH\")"
		}
		if !isMarker(t) {
			return nil, nil, false, "words required before the verb (\"NOT *\", \"SAID *\")"
		}
	}
	post := p.Post
	if len(post) >= 2 && len(post) <= 4 && post[0] == "+" && !anyMarker(post[1:]) {
		// the target, then its complement: "FIND * + GUILTY", "USE * + AS
		// HUMAN_SHIELD": the complement is the object, found a few words
		// after the verb, the target between
		complement = true
		post = post[1:]
	}
	run := 0
	for run < len(post) && !isMarker(post[run]) && !strings.ContainsAny(post[run], "+$%^*") {
		run++
	}
	tail := post[run:]
	words := post[:run]
	switch {
	case len(tail) == 0:
		if !complement && len(words) > 1 && recipientPreps[phrase(words[len(words)-1])] {
			// "* LEGAL ACTION AGAINST": the recipient follows in the text
			preps = []string{phrase(words[len(words)-1])}
			words = words[:len(words)-1]
		}
	case len(tail) == 1:
		if tail[0] == "+" && len(words) > 0 && recipientPreps[phrase(words[len(words)-1])] {
			preps = []string{phrase(words[len(words)-1])}
			words = words[:len(words)-1]
		}
	default:
		if allMarkers(tail) {
			break
		}
		return nil, nil, false, "words after the target or a skipped phrase"
	}
	for len(words) > 0 && leadingPreps[phrase(words[0])] {
		words = words[1:]
	}
	if len(words) == 0 {
		return nil, preps, complement, ""
	}
	alts := [][]string{{""}}
	for _, w := range words {
		var opts []string
		if strings.HasPrefix(w, "&") {
			members, ok := syn[normName(w)]
			if !ok {
				return nil, nil, false, "undefined synonym set"
			}
			opts = members
		} else {
			opts = []string{phrase(strings.TrimRight(w, "_"))}
		}
		var next [][]string
		for _, a := range alts {
			for _, o := range opts {
				next = append(next, append(slices.Clone(a), o))
			}
		}
		alts = next
		if len(alts) > maxExpansions {
			return nil, nil, false, "synonym sets expand too far"
		}
	}
	for _, a := range alts {
		ph := strings.Join(strings.Fields(strings.Join(a, " ")), " ")
		f := strings.Fields(ph)
		if len(f) == 0 || len(f) > maxObjectWords {
			continue
		}
		ok := true
		for _, w := range f {
			if !plainWord(w) {
				ok = false
			}
		}
		if ok && !slices.Contains(objs, ph) {
			objs = append(objs, ph)
		}
	}
	if len(objs) == 0 {
		return nil, nil, false, fmt.Sprintf("object longer than %d words or not plain words", maxObjectWords)
	}
	return objs, preps, complement, ""
}

// nominal keeps the object phrases whose words the treebank reads as
// nouns, adjectives, numbers or proper nouns more often than as anything
// else (words it does not know pass): "joint exercises", not "will provide
// food" or "commit troops".
func nominal(objs []string, u *Usage) []string {
	if u == nil {
		return objs
	}
	var out []string
	for _, o := range objs {
		ok := true
		for _, w := range strings.Fields(o) {
			if !u.Nominal(w) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, o)
		}
	}
	return out
}

func anyMarker(ts []string) bool {
	for _, t := range ts {
		if strings.ContainsAny(t, "+$%^*") {
			return true
		}
	}
	return false
}

func allMarkers(ts []string) bool {
	for _, t := range ts {
		if !isMarker(t) {
			return false
		}
	}
	return true
}
