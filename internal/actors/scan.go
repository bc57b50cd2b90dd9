package actors

// haystack is the coded copy of a text with the way back to it: word i of
// toks is bytes [3i, 3i+3) of buf.
type haystack struct {
	toks []token
	buf  []byte
}

func (ix *index) haystack(text string) haystack {
	toks := tokenize(text, make([]token, 0, len(text)/5))
	buf := make([]byte, 0, len(toks)*codeLen)
	for _, t := range toks {
		id := uint32(codeBarrier)
		if !t.barrier {
			id = ix.code(t.fold)
		}
		buf = appendCode(buf, id)
	}
	return haystack{toks: toks, buf: buf}
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
	h := ix.haystack(text)
	var out []Match
	lastEnd := 0
	it := ix.auto.IterByte(h.buf)
	for m := it.Next(); m != nil; m = it.Next() {
		s, e := m.Start(), m.End()
		if s < lastEnd || s%codeLen != 0 {
			continue
		}
		i, j := s/codeLen, e/codeLen-1
		// the longest key first, then its shorter prefixes if its case
		// rule fails (lower-case "iraqi government" may still be "Iraqi")
		for k := j; k >= i; k-- {
			n := m.Pattern()
			if k != j {
				var ok bool
				if n, ok = ix.keys[string(h.buf[s:(k+1)*codeLen])]; !ok {
					continue
				}
			}
			words := h.toks[i : k+1]
			if all {
				before := len(out)
				out = appendAll(out, ix.cands[n], text, words)
				if len(out) == before {
					continue
				}
			} else {
				c, ok := accept(ix.cands[n], text, words)
				if !ok {
					continue
				}
				out = append(out, c.match(text, words[0].start, words[len(words)-1].end))
			}
			lastEnd = (k + 1) * codeLen
			break
		}
	}
	return out
}

func (c cand) match(text string, start, end int) Match {
	m := Match{Start: start, End: end, Text: text[start:end], Kind: c.kind, Country: c.country,
		Sector: c.sector, Office: c.office, Plural: c.plural}
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
