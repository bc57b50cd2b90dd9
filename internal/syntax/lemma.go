package syntax

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Lemmas come from a table learnt from the treebank (lower-cased form and
// XPOS → the lemma seen most often) and, for words it lacks, from suffix
// rules keyed on the Penn tag. Proper nouns keep their form, as in EWT.

func lemmaKey(form, xpos string) string { return strings.ToLower(form) + "\t" + xpos }

// buildLemmas keeps the most frequent lemma per key, ties broken by string
// order so the table is the same on every run.
func buildLemmas(sents []Sentence) map[string]string {
	counts := map[string]map[string]int{}
	for _, s := range sents {
		for _, t := range s.Tokens {
			if (t.XPOS == "NNP" || t.XPOS == "NNPS") && t.Lemma == t.Form {
				continue // the fallback already keeps a proper noun's form
			}
			k := lemmaKey(t.Form, t.XPOS)
			if counts[k] == nil {
				counts[k] = map[string]int{}
			}
			counts[k][t.Lemma]++
		}
	}
	out := make(map[string]string, len(counts))
	for k, m := range counts {
		var best string
		for l, c := range m {
			if c > m[best] || (c == m[best] && l < best) {
				best = l
			}
		}
		if best != ruleLemma(k[:strings.IndexByte(k, '\t')], k[strings.IndexByte(k, '\t')+1:]) {
			out[k] = best
		}
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (m *Model) lemma(form, xpos string) string {
	// The key is built in a stack buffer: a map index by string(bytes)
	// does not allocate, lemmaKey's concatenation did, for every token.
	var buf [64]byte
	key := appendLower(buf[:0], form)
	key = append(append(key, '\t'), xpos...)
	if l, ok := m.lemmas[string(key)]; ok {
		return l
	}
	if xpos == "NNP" || xpos == "NNPS" {
		return form
	}
	return ruleLemma(strings.ToLower(form), xpos)
}

// appendLower appends strings.ToLower(s), copying ASCII without the
// conversion's allocation.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(b[:len(b)-i], strings.ToLower(s)...)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// ruleLemma strips regular inflection from a lower-case form.
func ruleLemma(w, xpos string) string {
	trim := func(suf, add string) (string, bool) {
		if len(w) > len(suf)+1 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)] + add, true
		}
		return w, false
	}
	switch xpos {
	case "NNS", "VBZ":
		for _, r := range [][2]string{{"ies", "y"}, {"sses", "ss"}, {"ches", "ch"}, {"shes", "sh"}, {"xes", "x"}, {"s", ""}} {
			if l, ok := trim(r[0], r[1]); ok && !strings.HasSuffix(w, "ss") {
				return l
			}
		}
	case "VBD", "VBN":
		if l, ok := trim("ied", "y"); ok {
			return l
		}
		if l, ok := trim("ed", ""); ok {
			return undouble(l)
		}
	case "VBG":
		if l, ok := trim("ing", ""); ok {
			return undouble(l)
		}
	case "JJR", "RBR":
		if l, ok := trim("ier", "y"); ok {
			return l
		}
		if l, ok := trim("er", ""); ok {
			return undouble(l)
		}
	case "JJS", "RBS":
		if l, ok := trim("iest", "y"); ok {
			return l
		}
		if l, ok := trim("est", ""); ok {
			return undouble(l)
		}
	}
	return w
}

// undouble turns "stopp" back into "stop"; a rule, so "fall" → "fal" is
// avoided by leaving l and s doubled.
func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouls", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}
