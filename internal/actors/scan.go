package actors

import (
	"slices"
	"sync"
)

// haystack is the coded copy of a text with the way back to it: ids[i] is
// the code of toks[i].
type haystack struct {
	toks []token
	ids  []uint32
}

// haystacks are the buffers scan tokenizes into, reused: a token is 64
// bytes and the buffer is sized for a word every 5 bytes of text, so a
// fresh one per Scan (the coder scans every document whole) was a tenth of
// what coding a document allocated. Nothing scan returns points into it.
var haystacks = sync.Pool{New: func() any { return new(haystack) }}

// maxPooledTokens bounds the buffers kept (4 MB of tokens): a huge
// document's are left to the collector.
const maxPooledTokens = 1 << 16

// fill tokenizes text into h, reusing its buffers.
func (ix *index) fill(h *haystack, text string) {
	if cap(h.toks) < len(text)/5 {
		h.toks = make([]token, 0, len(text)/5)
	}
	h.toks = tokenizeCoded(text, h.toks[:0], ix.vocab)
	h.ids = slices.Grow(h.ids[:0], len(h.toks))[:len(h.toks)]
	for i, t := range h.toks {
		if t.barrier {
			h.ids[i] = codeBarrier
		} else {
			h.ids[i] = t.code
		}
	}
}

// Scan finds the names of the knowledge base in text: leftmost-longest,
// whole words, non-overlapping, in order. Proper names, countries and seats
// match only in their capitalised forms; agents and titles in any case.
func (kb *KB) Scan(text string) []Match {
	return kb.scan(&kb.names, text, false)
}

// Surnames finds the last names of known persons in text (Kind "surname",
// one Match per person sharing the name). The coder accepts one only after
// the person's full name appeared in the same document.
func (kb *KB) Surnames(text string) []Match {
	kb.buildSurnames()
	return kb.scan(&kb.surnames, text, true)
}

func (kb *KB) scan(ix *index, text string, all bool) []Match {
	if !ix.built || len(ix.pats) == 0 {
		return nil
	}
	h := haystacks.Get().(*haystack)
	defer func() {
		if cap(h.toks) <= maxPooledTokens {
			haystacks.Put(h)
		}
	}()
	ix.fill(h, text)
	var out []Match
	var found [8]keyEnd
	for i := 0; i < len(h.ids); i++ {
		keys := ix.trie.keysFrom(h.ids, i, found[:0])
		if len(keys) == 0 {
			continue
		}
		// the longest key first, then its shorter prefixes if its case
		// rule fails (lower-case "iraqi government" may still be "Iraqi");
		// when none holds, the next word may start a name ("the United
		// States" where only "the united states" is a key)
		for k := len(keys) - 1; k >= 0; k-- {
			words := h.toks[i:keys[k].end]
			cs := ix.cands[keys[k].n]
			if all {
				before := len(out)
				if out = appendAll(out, cs, text, words); len(out) == before {
					continue
				}
			} else {
				c, ok := accept(cs, text, words)
				if !ok {
					continue
				}
				out = append(out, c.match(text, words[0].start, words[len(words)-1].end))
			}
			i = keys[k].end - 1
			break
		}
	}
	return out
}

func (c cand) match(text string, start, end int) Match {
	m := Match{Start: start, End: end, Text: text[start:end], Kind: c.kind, Country: c.country,
		Sector: c.sector, Office: c.office, Plural: c.plural, Place: c.prio == prioPlace}
	switch c.kind {
	case KindPerson, KindGroup, KindIGO, KindOrg, KindMedia, KindSurname:
		m.Entity = c.ent
	}
	return m
}

func appendAll(out []Match, cs []cand, text string, words []token) []Match {
	for _, c := range cs {
		if c.caseFold && sameForm(c, text, words) || !c.caseFold && caseOK(c, text, words) {
			out = append(out, c.match(text, words[0].start, words[len(words)-1].end))
		}
	}
	return out
}
