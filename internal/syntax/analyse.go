package syntax

// maxChunk bounds the words parsed as one unit. Greedy parsing is linear,
// but features and the tree are built for sentences; a longer run of words
// (a table, a list scraped as one line) is parsed in chunks whose roots
// hang from the first chunk's root.
const maxChunk = 200

// workspace holds the buffers one parse reuses and the lookup caches of
// the three weight tables.
type workspace struct {
	ctx        []wordCtx
	feats      []uint64
	scores     []int32
	first      []int
	tags       []int
	st         state
	sc         sentCtx
	tag1, tag2 rowCache
	parse      rowCache
}

// workspace takes a free workspace or makes one. They are kept in a
// channel rather than a sync.Pool, which empties at every other garbage
// collection and would throw the caches away with it.
func (m *Model) workspace() *workspace {
	select {
	case ws := <-m.free:
		return ws
	default:
	}
	n := max(len(m.classes), 1+2*len(m.labels))
	return &workspace{scores: make([]int32, n)}
}

func (m *Model) release(ws *workspace) {
	select {
	case m.free <- ws:
	default: // more goroutines parse at once than are kept: let it go
	}
}

// ParseTokens tags, lemmatises and parses words already split. The tree
// always has exactly one root and no cycles, whatever the input.
func (m *Model) ParseTokens(forms []string) Sentence {
	toks := make([]Token, len(forms))
	m.analyse(forms, func(i, c, head int, rel string) {
		t := &toks[i]
		t.Form, t.UPOS, t.XPOS = forms[i], m.upos[c], m.xpos[c]
		t.Lemma = m.lemma(forms[i], t.XPOS)
		t.Head, t.Rel = head, rel
	})
	return Sentence{Tokens: toks}
}

// analyse tags and parses forms and calls set for each word with its class
// (joint tag), its head (1-based, 0 for the root) and its relation.
func (m *Model) analyse(forms []string, set func(i, class, head int, rel string)) {
	ws := m.workspace()
	defer m.release(ws)
	firstRoot := -1
	for lo := 0; lo < len(forms); lo += maxChunk {
		chunk := forms[lo:min(lo+maxChunk, len(forms))]
		ws.ctx = wordContexts(chunk, ws.ctx)
		ws.first, ws.tags = m.tag.tag(ws.ctx, ws.first, ws.tags, ws.feats, ws.scores[:len(m.classes)], &ws.tag1, &ws.tag2)
		heads, labels := m.parseTagged(ws, chunk, ws.tags)
		for i, h := range heads {
			head, rel := lo+h+1, m.labels[labels[i]]
			if h == len(chunk) { // the chunk's root
				head = 0
				if firstRoot < 0 {
					firstRoot = lo + i
				} else {
					head, rel = firstRoot+1, "parataxis" // hung from the first chunk's root
				}
			}
			set(lo+i, ws.tags[i], head, rel)
		}
	}
}

// parseTagged runs the transition system greedily and returns heads (root =
// len(forms)) and label ids, valid for the state's lifetime.
func (m *Model) parseTagged(ws *workspace, forms []string, tags []int) ([]int, []int) {
	s := &ws.st
	s.reset(len(forms))
	ws.sc.reset(forms, tags)
	nl := len(m.labels)
	scores := ws.scores[:1+2*nl]
	for !s.done() {
		// With the stack empty only SHIFT is allowed, and with one word left
		// on it and the buffer at the root only LEFT onto the root: 11% of
		// the transitions on the dev file, taken without scoring.
		switch {
		case len(s.stack) == 0:
			s.apply(shift, -1)
			continue
		case len(s.stack) == 1 && s.b == s.n:
			s.apply(left, m.rootLabel)
			continue
		}
		ws.feats = parseFeatures(&ws.sc, s, ws.feats[:0])
		m.parse.score(ws.feats, scores, &ws.parse)
		cls := bestAllowed(s, scores, nl, m.rootLabel)
		move, lab := moveOf(cls, nl)
		s.apply(move, lab)
	}
	return s.head[:len(forms)], s.label[:len(forms)]
}

// Parse tokenises, tags and parses one sentence. Token offsets are byte
// offsets into text; add the sentence's own offset for article positions.
func (m *Model) Parse(text string) Sentence {
	spans := Tokenize(text)
	forms := make([]string, len(spans))
	for i, sp := range spans {
		forms[i] = text[sp.Start:sp.End]
	}
	s := m.ParseTokens(forms)
	s.Text = text
	for i, sp := range spans {
		s.Tokens[i].Start, s.Tokens[i].End = sp.Start, sp.End
	}
	return s
}

// ParseSpan parses the sentence article[start:end] with token offsets into
// the article.
func (m *Model) ParseSpan(article string, start, end int) Sentence {
	s := m.Parse(article[start:end])
	for i := range s.Tokens {
		s.Tokens[i].Start += start
		s.Tokens[i].End += start
	}
	return s
}

// Word is a word of the tree without its form and lemma: what a reader of
// the tree alone needs (the coder).
type Word struct {
	Start, End int // byte offsets into the text
	Head       int // 1-based, 0 for the root
	Rel, UPOS  string
	XPOS       string // the Penn tag: VBD and VBN tell the past apart from the present
}

// ParseWords is Parse for a reader of the tree alone: the same offsets,
// heads, relations and tags, without lemmatising (2% of a parse) or
// building tokens.
func (m *Model) ParseWords(text string) []Word {
	spans := Tokenize(text)
	forms := make([]string, len(spans))
	for i, sp := range spans {
		forms[i] = text[sp.Start:sp.End]
	}
	out := make([]Word, len(spans))
	m.analyse(forms, func(i, c, head int, rel string) {
		out[i] = Word{Start: spans[i].Start, End: spans[i].End, Head: head, Rel: rel, UPOS: m.upos[c], XPOS: m.xpos[c]}
	})
	return out
}
