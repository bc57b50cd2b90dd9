package coder

import (
	"sort"
	"strings"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/lexicon"
	"github.com/dyad-project/dyad/internal/timex"
)

// Word classes the clause analysis needs. They are grammar, not vocabulary
// about the world, so they live in code rather than in the data files.
var (
	boundaryWords = set("while", "after", "before", "when", "since", "because", "although", "though", "whereas",
		"where", "who", "which", "that", "but", "if", "unless", "until", "amid", "following", "despite", "whom",
		"whose", "as", "so", "once", "whether")
	relativeWords = set("who", "which", "that", "whose")
	prepositions  = set("in", "on", "at", "to", "with", "from", "by", "of", "for", "against", "about", "over",
		"near", "into", "toward", "towards", "during", "through", "between", "among", "across", "inside",
		"outside", "under", "within", "without", "around", "after", "before", "since", "until", "via", "like",
		"including", "than", "regarding", "concerning", "per", "behind")
	placePreps   = set("in", "near", "at", "inside", "across", "throughout", "outside", "within", "around")
	beForms      = set("was", "were", "is", "are", "been", "being", "be", "am", "'s", "get", "got", "gets")
	negations    = set("not", "n't", "never", "neither", "nor", "no", "without", "cannot", "didn't", "don't", "doesn't", "won't", "wouldn't", "hasn't", "haven't", "hadn't", "isn't", "aren't", "wasn't", "weren't", "refused", "declined", "failed")
	futureWords  = set("will", "would", "shall", "'ll", "plans", "plan", "planned", "planning", "scheduled", "expected", "intends", "intend", "set", "going", "due", "to-be", "upcoming", "may", "might", "could", "aims", "seeks", "hopes", "wants", "prepared", "preparing", "ready")
	condWords    = set("if", "unless", "should", "whether", "otherwise", "lest")
	allegedWords = set("allegedly", "reportedly", "alleged", "purportedly", "purported", "supposedly", "rumored", "rumoured", "unconfirmed", "unverified")
	personPron   = set("he", "she", "him", "her")
	pluralPron   = set("they", "them")
	skipAdverbs  = set("also", "reportedly", "allegedly", "later", "then", "again", "already", "repeatedly", "recently", "now", "previously", "still", "even", "further", "just", "formally", "officially", "publicly", "quickly", "jointly", "separately", "strongly", "sharply", "fiercely", "reportedly", "apparently", "had", "has", "have", "did", "does", "do")
	receiveVerbs = set("received", "receives", "receive", "receiving", "got", "gets", "faced", "faces", "face", "facing")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// sentence is one sentence of an article with everything found in it.
type sentence struct {
	start, end int // offsets in the article text
	text       string
	toks       []lexicon.Token // offsets relative to the sentence
	chunks     []*chunk        // parties inside the sentence
	triggers   []lexicon.Trigger
	speech     []lexicon.Trigger
	tree       *tree // the dependency tree, parsed on first use
	opens      *openNames
	// time phrases, cached for one reading
	exprs      []timex.Expr
	exprFuture bool
	exprAnchor timex.Window
}

// tokAt returns the index of the first token starting at or after the
// article offset off.
func (s *sentence) tokAt(off int) int {
	rel := off - s.start
	return sort.Search(len(s.toks), func(i int) bool { return s.toks[i].Start >= rel })
}

// lower returns token i lower-cased, or "" out of range.
func (s *sentence) lower(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].Lower
}

// clauseStart walks left from token ti to the first token of its clause:
// after a boundary word, a semicolon, a colon or a reporting verb.
func (s *sentence) clauseStart(ti int) (start int, boundary string) {
	for i := ti - 1; i >= 0; i-- {
		w := s.toks[i].Lower
		if w == ";" || w == ":" || boundaryWords[w] {
			return i + 1, w
		}
		for _, sp := range s.speech {
			if strings.HasSuffix(sp.Lemma, "ly") || sp.IsNoun || sp.Entry.Claim == event.Planned {
				continue // "allegedly" qualifies, "in remarks" reports no clause, "is prepared to" is modality
			}
			if sp.TokStart <= i && i < sp.TokEnd {
				return sp.TokEnd, "said"
			}
		}
	}
	return 0, ""
}

// clauseEnd is the first boundary token after ti (exclusive end).
func (s *sentence) clauseEnd(ti int) int {
	for i := ti; i < len(s.toks); i++ {
		w := s.toks[i].Lower
		if w == ";" || (boundaryWords[w] && w != "that" && w != "as") {
			return i
		}
	}
	return len(s.toks)
}

// hasWord reports whether any token in [from, to) is in the set.
func (s *sentence) hasWord(from, to int, words map[string]bool) bool {
	for i := max(from, 0); i < to && i < len(s.toks); i++ {
		if words[s.toks[i].Lower] {
			return true
		}
	}
	return false
}

func (s *sentence) hasAlleged() bool {
	if s.hasWord(0, len(s.toks), allegedWords) {
		return true
	}
	l := strings.ToLower(s.text)
	return strings.Contains(l, "reports suggest") || strings.Contains(l, "reports are circulating") || strings.Contains(l, "it is claimed")
}
