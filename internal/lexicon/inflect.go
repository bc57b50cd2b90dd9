package lexicon

import "strings"

// irregular verbs common in news: base → 3sg, past, past participle, gerund.
// Verbs not listed here are inflected by rule.
var irregular = map[string][]string{
	"be":         {"is", "was", "were", "been", "being"},
	"bear":       {"bears", "bore", "borne", "bearing"},
	"beat":       {"beats", "beat", "beaten", "beating"},
	"bring":      {"brings", "brought", "bringing"},
	"build":      {"builds", "built", "building"},
	"buy":        {"buys", "bought", "buying"},
	"catch":      {"catches", "caught", "catching"},
	"come":       {"comes", "came", "coming"},
	"cut":        {"cuts", "cut", "cutting"},
	"deal":       {"deals", "dealt", "dealing"},
	"do":         {"does", "did", "done", "doing"},
	"draw":       {"draws", "drew", "drawn", "drawing"},
	"drive":      {"drives", "drove", "driven", "driving"},
	"fall":       {"falls", "fell", "fallen", "falling"},
	"feel":       {"feels", "felt", "feeling"},
	"fight":      {"fights", "fought", "fighting"},
	"forbid":     {"forbids", "forbade", "forbidden", "forbidding"},
	"forgive":    {"forgives", "forgave", "forgiven", "forgiving"},
	"freeze":     {"freezes", "froze", "frozen", "freezing"},
	"get":        {"gets", "got", "gotten", "getting"},
	"give":       {"gives", "gave", "given", "giving"},
	"go":         {"goes", "went", "gone", "going"},
	"have":       {"has", "had", "having"},
	"hear":       {"hears", "heard", "hearing"},
	"hit":        {"hits", "hit", "hitting"},
	"hold":       {"holds", "held", "holding"},
	"keep":       {"keeps", "kept", "keeping"},
	"lay":        {"lays", "laid", "laying"},
	"lead":       {"leads", "led", "leading"},
	"leave":      {"leaves", "left", "leaving"},
	"lend":       {"lends", "lent", "lending"},
	"let":        {"lets", "let", "letting"},
	"make":       {"makes", "made", "making"},
	"meet":       {"meets", "met", "meeting"},
	"overthrow":  {"overthrows", "overthrew", "overthrown", "overthrowing"},
	"pay":        {"pays", "paid", "paying"},
	"put":        {"puts", "put", "putting"},
	"quit":       {"quits", "quit", "quitting"},
	"rebuild":    {"rebuilds", "rebuilt", "rebuilding"},
	"ride":       {"rides", "rode", "ridden", "riding"},
	"rise":       {"rises", "rose", "risen", "rising"},
	"run":        {"runs", "ran", "running"},
	"say":        {"says", "said", "saying"},
	"see":        {"sees", "saw", "seen", "seeing"},
	"seek":       {"seeks", "sought", "seeking"},
	"sell":       {"sells", "sold", "selling"},
	"send":       {"sends", "sent", "sending"},
	"set":        {"sets", "set", "setting"},
	"shake":      {"shakes", "shook", "shaken", "shaking"},
	"shoot":      {"shoots", "shot", "shooting"},
	"shut":       {"shuts", "shut", "shutting"},
	"speak":      {"speaks", "spoke", "spoken", "speaking"},
	"spend":      {"spends", "spent", "spending"},
	"stand":      {"stands", "stood", "standing"},
	"steal":      {"steals", "stole", "stolen", "stealing"},
	"strike":     {"strikes", "struck", "stricken", "striking"},
	"swear":      {"swears", "swore", "sworn", "swearing"},
	"take":       {"takes", "took", "taken", "taking"},
	"teach":      {"teaches", "taught", "teaching"},
	"tear":       {"tears", "tore", "torn", "tearing"},
	"tell":       {"tells", "told", "telling"},
	"think":      {"thinks", "thought", "thinking"},
	"throw":      {"throws", "threw", "thrown", "throwing"},
	"undertake":  {"undertakes", "undertook", "undertaken", "undertaking"},
	"uphold":     {"upholds", "upheld", "upholding"},
	"wage":       {"wages", "waged", "waging"},
	"wind":       {"winds", "wound", "winding"},
	"withdraw":   {"withdraws", "withdrew", "withdrawn", "withdrawing"},
	"withhold":   {"withholds", "withheld", "withholding"},
	"write":      {"writes", "wrote", "written", "writing"},
	"break":      {"breaks", "broke", "broken", "breaking"},
	"choose":     {"chooses", "chose", "chosen", "choosing"},
	"begin":      {"begins", "began", "begun", "beginning"},
	"win":        {"wins", "won", "winning"},
	"lose":       {"loses", "lost", "losing"},
	"find":       {"finds", "found", "finding"},
	"slay":       {"slays", "slew", "slain", "slaying"},
	"sink":       {"sinks", "sank", "sunk", "sinking"},
	"blow":       {"blows", "blew", "blown", "blowing"},
	"spread":     {"spreads", "spread", "spreading"},
	"broadcast":  {"broadcasts", "broadcast", "broadcasting"},
	"foresee":    {"foresees", "foresaw", "foreseen", "foreseeing"},
	"override":   {"overrides", "overrode", "overridden", "overriding"},
	"overrun":    {"overruns", "overran", "overrunning"},
	"forsake":    {"forsakes", "forsook", "forsaken", "forsaking"},
	"mislead":    {"misleads", "misled", "misleading"},
	"understand": {"understands", "understood", "understanding"},
}

// doubling lists verbs of more than one syllable stressed on the last, whose
// final consonant doubles (commit → committed); one-syllable verbs are
// handled by rule.
var doubling = map[string]bool{
	"admit": true, "commit": true, "submit": true, "permit": true, "omit": true, "emit": true,
	"acquit": true, "regret": true, "abet": true, "expel": true, "compel": true, "repel": true,
	"dispel": true, "propel": true, "patrol": true, "control": true, "extol": true, "rebel": true,
	"occur": true, "recur": true, "prefer": true, "refer": true, "confer": true, "defer": true,
	"deter": true, "transfer": true, "infer": true, "equip": true, "embed": true, "upset": true,
	"outstrip": true, "kidnap": true, "handicap": true, "unwrap": true, "format": true,
	"overstep": true, "incur": true, "concur": true, "forbid": true, "begin": true, "outbid": true,
	"enrol": true, "instil": true, "fulfil": true, "annul": true, "distil": true,
}

func isVowel(b byte) bool { return b == 'a' || b == 'e' || b == 'i' || b == 'o' || b == 'u' }

// syllables counts vowel groups, a rough count that is enough to tell
// one-syllable verbs (stop, plan) from longer ones (visit, target).
func syllables(w string) int {
	n, prev := 0, false
	for i := 0; i < len(w); i++ {
		v := isVowel(w[i]) || (w[i] == 'y' && i > 0)
		if v && !prev {
			n++
		}
		prev = v
	}
	return n
}

// endsCVC reports whether w ends consonant-vowel-consonant with a final
// consonant that may double (not w, x or y).
func endsCVC(w string) bool {
	n := len(w)
	if n < 3 {
		return false
	}
	c1, v, c2 := w[n-3], w[n-2], w[n-1]
	if isVowel(c1) || !isVowel(v) || isVowel(c2) || c2 == 'w' || c2 == 'x' || c2 == 'y' {
		return false
	}
	// "qu" acts as a consonant: quit → quitting.
	return !(n >= 4 && w[n-4] == 'q' && c1 == 'u')
}

func doubles(w string) bool {
	if doubling[w] {
		return true
	}
	return syllables(w) == 1 && endsCVC(w)
}

// britishL reports verbs like cancel, label, signal whose final l doubles in
// British spelling only (cancelled / canceled).
func britishL(w string) bool {
	n := len(w)
	return n >= 4 && w[n-1] == 'l' && isVowel(w[n-2]) && !isVowel(w[n-3]) && syllables(w) > 1 && !doubling[w]
}

// verbForms returns the inflected forms of a one-word verb, the base first.
func verbForms(w string) []string {
	if irr, ok := irregular[w]; ok {
		return append([]string{w}, irr...)
	}
	forms := []string{w, thirdPerson(w)}
	n := len(w)
	switch {
	case strings.HasSuffix(w, "ie"):
		forms = append(forms, w+"d", w[:n-2]+"ying")
	case strings.HasSuffix(w, "ee") || strings.HasSuffix(w, "ye") || strings.HasSuffix(w, "oe"):
		forms = append(forms, w+"d", w+"ing")
	case strings.HasSuffix(w, "e"):
		forms = append(forms, w+"d", w[:n-1]+"ing")
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		forms = append(forms, w[:n-1]+"ied", w+"ing")
	case strings.HasSuffix(w, "ic"):
		forms = append(forms, w+"ked", w+"king")
	case doubles(w):
		d := w + w[n-1:]
		forms = append(forms, d+"ed", d+"ing")
	case britishL(w):
		forms = append(forms, w+"ed", w+"ing", w+"led", w+"ling")
	default:
		forms = append(forms, w+"ed", w+"ing")
	}
	return forms
}

func thirdPerson(w string) string {
	n := len(w)
	switch {
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return w[:n-1] + "ies"
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh") || (strings.HasSuffix(w, "o") && n > 1 && !isVowel(w[n-2])):
		return w + "es"
	}
	return w + "s"
}

// plural returns the plural of a noun; words already plural (talks, arms)
// and words ending in -ss get "es" only where English does.
func plural(w string) string {
	n := len(w)
	switch {
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return w[:n-1] + "ies"
	case strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return w + "es"
	case strings.HasSuffix(w, "sis"):
		return w[:n-2] + "es"
	case strings.HasSuffix(w, "s"):
		return w
	}
	return w + "s"
}

// phraseForms returns the surface forms of an entry's lemma: verbs inflect
// their first word ("called on"), nouns their last ("phone calls"). Explicit
// forms replace generation: a one-word form of a multi-word lemma replaces
// the first word, a form with as many words as the lemma is taken whole.
func phraseForms(lemma string, explicit []string, noun bool) []string {
	words := strings.Fields(strings.ToLower(lemma))
	if len(words) == 0 {
		return nil
	}
	var heads []string
	if len(explicit) > 0 {
		var out []string
		for _, f := range explicit {
			fw := strings.Fields(strings.ToLower(f))
			switch {
			case len(fw) == 0:
			case len(fw) == 1 && len(words) > 1:
				heads = append(heads, fw[0])
			default:
				out = append(out, strings.Join(fw, " "))
			}
		}
		rest := strings.Join(words[1:], " ")
		for _, h := range heads {
			out = append(out, h+" "+rest)
		}
		return dedupe(out)
	}
	var out []string
	if noun {
		last := words[len(words)-1]
		head := strings.Join(words[:len(words)-1], " ")
		fs := []string{last, plural(last)}
		if n := len(last); n > 1 && last[n-1] == 'o' && !isVowel(last[n-2]) {
			fs = append(fs, last+"es") // embargoes, vetoes beside memos, photos
		}
		for _, f := range fs {
			out = append(out, strings.TrimSpace(head+" "+f))
		}
		return dedupe(out)
	}
	rest := strings.Join(words[1:], " ")
	for _, f := range verbForms(words[0]) {
		out = append(out, strings.TrimSpace(f+" "+rest))
	}
	return dedupe(out)
}

func dedupe(s []string) []string {
	seen := make(map[string]bool, len(s))
	out := s[:0]
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// VerbForms returns the surface forms the matcher generates for a verb
// lemma ("call on" → call on, calls on, called on, calling on).
func VerbForms(lemma string) []string { return phraseForms(lemma, nil, false) }
