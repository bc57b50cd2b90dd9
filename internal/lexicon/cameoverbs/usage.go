package cameoverbs

import (
	"bufio"
	"io"
	"sort"
	"strings"
)

// Usage is what a treebank of ordinary English says about words: how often
// each lemma is a verb, and how each surface form is tagged.
type Usage struct {
	verbs map[string]int            // lemma → tokens tagged VERB
	forms map[string]map[string]int // lower-case form → UPOS → tokens
	rank  map[string]int            // lemma → 0-based rank among verb lemmas
}

// ReadUsage reads a CoNLL-U treebank.
func ReadUsage(r io.Reader) (*Usage, error) {
	u := &Usage{verbs: map[string]int{}, forms: map[string]map[string]int{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) < 4 || strings.ContainsAny(c[0], "-.") {
			continue
		}
		form, upos := strings.ToLower(c[1]), c[3]
		if upos == "VERB" {
			u.verbs[strings.ToLower(c[2])]++
		}
		if u.forms[form] == nil {
			u.forms[form] = map[string]int{}
		}
		u.forms[form][upos]++
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	lemmas := make([]string, 0, len(u.verbs))
	for l := range u.verbs {
		lemmas = append(lemmas, l)
	}
	sort.Slice(lemmas, func(i, j int) bool {
		if u.verbs[lemmas[i]] != u.verbs[lemmas[j]] {
			return u.verbs[lemmas[i]] > u.verbs[lemmas[j]]
		}
		return lemmas[i] < lemmas[j]
	})
	u.rank = make(map[string]int, len(lemmas))
	for i, l := range lemmas {
		u.rank[l] = i
	}
	return u, nil
}

// Frequent returns the n most frequent verb lemmas, sorted alphabetically.
func (u *Usage) Frequent(n int) []string {
	var out []string
	for l, r := range u.rank {
		if r < n {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

// IsFrequentVerb reports a verb lemma among the n most frequent.
func (u *Usage) IsFrequentVerb(lemma string, n int) bool {
	r, ok := u.rank[lemma]
	return ok && r < n
}

// MostlyNominal reports surface forms that the treebank tags as nouns,
// proper nouns or adjectives more often than as verbs ("deal", "allies",
// "control"): as a bare trigger such a word would fire on its noun.
func (u *Usage) MostlyNominal(forms []string) bool {
	verb, other := 0, 0
	for _, f := range forms {
		for pos, n := range u.forms[strings.ToLower(f)] {
			switch pos {
			case "VERB":
				verb += n
			case "NOUN", "PROPN", "ADJ":
				other += n
			}
		}
	}
	return other > verb
}

// Nominal reports a word the treebank tags as a noun, proper noun,
// adjective or number at least as often as anything else, or does not know.
func (u *Usage) Nominal(w string) bool {
	tags := u.forms[strings.ToLower(w)]
	nom, other := 0, 0
	for pos, n := range tags {
		switch pos {
		case "NOUN", "PROPN", "ADJ", "NUM":
			nom += n
		default:
			other += n
		}
	}
	return nom >= other
}
