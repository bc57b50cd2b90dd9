package coder

import (
	"slices"
	"strings"
	"time"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/lexicon"
	"github.com/dyad-project/dyad/internal/timex"
)

type window = timex.Window

// backgroundGap: an event that ended this long before the article's date is
// history the article recounts, not its news.
const backgroundGap = 21 * 24 * time.Hour

// date gives the mention its window: the time phrase of its clause nearest to
// the trigger, else one elsewhere in the sentence, else the article's day.
// A mention of an undated text without a phrase of its own stays undated.
func (c *Coder) date(d *doc, s *sentence, tr lexicon.Trigger, future bool, m *event.Mention) {
	// a refusal ("will not meet") is dated by when it was said, not by the
	// time of what is refused
	refused := refusal(m.Event, tr)
	exprs := s.times(d, future)
	cs, _ := s.clauseStart(tr.TokStart)
	ce := s.clauseEnd(tr.TokEnd)
	best, bestDist := -1, 1<<30
	for i, e := range exprs {
		if e.Window.IsZero() || e.Vague || e.Duration {
			continue
		}
		if c.parser != nil && s.othersTime(c.parser, e, tr) {
			continue // "the inquiry into September's attack": the attack's date, not the inquiry's
		}
		if c.parser != nil && s.relativeTime(c.parser, e, tr) {
			continue // "demanded that X hand over Y, who escaped in 1979": the escape's date
		}
		if c.parser != nil && s.embeddedTime(c.parser, e, tr) {
			continue // "agreed to hold talks on April 1": the talks' date, not the agreement's
		}
		ei := s.tokAt(s.start + e.Start)
		if refused && ei >= tr.TokStart {
			continue // "will not meet him during his visit in March": the refusal is now
		}
		dist := abs(ei - tr.TokStart)
		if ei < tr.TokStart && s.verbBefore(ei, cs, tr) {
			// "indicted her on Monday for punching a soldier two weeks
			// ago": a phrase between an earlier verb and this one is
			// the earlier verb's
			dist += 50
		}
		if ei < cs || ei > ce {
			dist += 1000 // another clause: only when the clause has none
			if ei > ce {
				dist += 1000 // a later clause dates its own event first
			}
		}
		if dist < bestDist {
			best, bestDist = i, dist
		}
	}
	switch {
	case best >= 0:
		w := exprs[best].Window
		// "jailed since July": the jailing is July's; the state lasts, the
		// event does not, so the window stays the phrase's own
		m.DateStart, m.DateEnd, m.Precision, m.DateText = w.Start, w.End, string(w.Precision), exprs[best].Text
		d.anchor = w
	case !d.content.IsZero():
		m.DateStart, m.DateEnd, m.Precision = d.content.Start, d.content.End, "span"
	case !d.ref.IsZero():
		// undated: the day of the date line, even on a page revised later
		day := d.ref
		if !d.art.Published.IsZero() && d.content.IsZero() {
			day = d.art.Published
		}
		m.DateStart, m.DateEnd, m.Precision = day, day, "day"
	}
	if !m.DateEnd.IsZero() && !d.ref.IsZero() && d.ref.Sub(m.DateEnd) > backgroundGap {
		m.Background = true
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// claim sets how firmly the text states the event and who it rests on.
func (c *Coder) claim(d *doc, s *sentence, tr lexicon.Trigger, actor *chunk, future bool, m *event.Mention) {
	m.Claim = event.Asserted
	if d.art.Outlet != "" {
		m.ReportedBy = append(m.ReportedBy, d.art.Outlet)
	}
	for _, sp := range s.speech {
		speaker := s.speaker(sp)
		if speaker == nil {
			continue
		}
		if speaker.media || speaker != actor {
			m.ReportedBy = append(m.ReportedBy, speaker.party.Text)
		}
		switch sp.Entry.Claim {
		case event.Denied:
			m.Claim = event.Denied
		case event.Alleged:
			m.Claim = event.Alleged
		default:
			if speaker != actor && m.Claim == event.Asserted {
				m.Claim = event.Reported
			}
		}
	}
	if m.Claim == event.Asserted && quoted(s.text) {
		m.Claim = event.Reported // a quotation is someone's account, not the outlet's
	}
	if s.hasAlleged() {
		m.Claim = event.Alleged
	}
	if future && m.Claim == event.Asserted {
		m.Claim = event.Planned
	}
}

// speaker is the party a reporting verb attributes to: its subject, or the
// party after "according to".
func (s *sentence) speaker(sp lexicon.Trigger) *chunk {
	if sp.Entry != nil && sp.Lemma == "according to" {
		for _, c := range s.chunks {
			if s.tokAt(c.start) >= sp.TokEnd && s.tokAt(c.start) <= sp.TokEnd+2 {
				return c
			}
		}
		return nil
	}
	subj, _ := s.subject(sp)
	if subj != nil {
		return subj
	}
	// "…, Abbasi said." — the speaker follows the verb
	for _, c := range s.chunks {
		if ci := s.tokAt(c.start); ci >= sp.TokEnd && ci <= sp.TokEnd+1 {
			return c
		}
	}
	return nil
}

// times finds the sentence's time phrases once per reading (past or future,
// and the anchor for "the following month"), not once per trigger.
func (s *sentence) times(d *doc, future bool) []timex.Expr {
	if s.exprs != nil && s.exprFuture == future && s.exprAnchor == d.anchor {
		return s.exprs
	}
	s.exprs = timex.Find(s.text, d.ref, timex.Options{Future: future, Anchor: d.anchor})
	if s.exprs == nil {
		s.exprs = []timex.Expr{}
	}
	s.exprFuture, s.exprAnchor = future, d.anchor
	return s.exprs
}

// quoted reports a sentence that is a quotation: it opens with a quotation
// mark.
func quoted(text string) bool {
	return strings.HasPrefix(text, "“") || strings.HasPrefix(text, "\"") || strings.HasPrefix(text, "‘")
}

// verbBefore reports a verb trigger other than tr between the clause start
// cs and token i.
func (s *sentence) verbBefore(i, cs int, tr lexicon.Trigger) bool {
	for _, t := range s.triggers {
		if !t.IsNoun && t.TokStart != tr.TokStart && t.TokEnd <= i && t.TokStart >= cs {
			return true
		}
	}
	return false
}

// othersTime reports a time phrase that modifies the noun of another
// event of the sentence: "an inquiry into September's attack", "a trip to
// Thursday's summit", "the January assault". It dates that event; the
// inquiry or the trip took place when the text says of them. The phrase's
// own head word, the last of the phrase whose head lies outside it, shows
// what it modifies.
func (s *sentence) othersTime(p Parser, e timex.Expr, tr lexicon.Trigger) bool {
	if !slices.ContainsFunc(s.triggers, func(o lexicon.Trigger) bool { return o.IsNoun && o.Entry.Event != tr.Entry.Event }) {
		return false // no other event's noun to modify: no need to parse
	}
	t := s.parsed(p)
	if t == nil {
		return false
	}
	head := t.phraseHead(e.Start, e.End)
	if head < 0 {
		return false
	}
	switch t.words[head].Rel {
	case "nmod:poss", "compound", "nmod", "nmod:tmod", "amod":
	default:
		return false
	}
	n := t.words[head].Head - 1
	if n < 0 || t.words[n].UPOS != "NOUN" || (t.words[n].Start >= tr.Start && t.words[n].End <= tr.End) {
		return false
	}
	if v := t.wordAt(tr.Start); t.words[head].Rel == "nmod" && v >= 0 && t.words[n].Head-1 == v {
		// "agreed to a ceasefire on Monday": a phrase after the verb's
		// own object is as likely the verb's (the parser's attachment of
		// a time phrase is a guess); a possessive stays the noun's
		return false
	}
	for _, o := range s.triggers {
		if o.IsNoun && o.Start <= t.words[n].Start && t.words[n].End <= o.End && o.Entry.Event != tr.Entry.Event {
			return true
		}
	}
	return false
}

// relativeTime reports a time phrase inside a relative clause that does not
// hold the trigger: "demanded the return of a fugitive who escaped from
// prison in 1979" dates the escape, not the demand. Parsed only when the
// sentence has a relative pronoun.
func (s *sentence) relativeTime(p Parser, e timex.Expr, tr lexicon.Trigger) bool {
	t := s.parsedFor(p, relativePronouns)
	if t == nil {
		return false
	}
	w := t.wordAt(e.Start)
	if w < 0 {
		return false
	}
	// the clause the phrase hangs in: up to the first relative clause
	for range 6 {
		h := t.words[w].Head - 1
		if h < 0 {
			return false
		}
		if t.words[w].Rel == "acl:relcl" {
			lo, hi := t.span(w)
			return tr.Start < lo || tr.End > hi
		}
		w = h
	}
	return false
}

var relativePronouns = set("who", "which", "whom", "whose", "that", "where")

// embeddedTime reports a time phrase that hangs, in the tree, in a clause
// embedded under the trigger's own: an infinitive, a complement or an
// adverbial clause opened by a marker ("to", "that", "after", "of"), or a
// relative clause. It dates that clause's act, which is not the trigger's:
// "agreed to hold talks on April 1" (the talks), "stormed the consulate to
// protest raids over the weekend" (the raids), "resisted pressure to
// abandon the 2015 agreement". A participle with no marker ("fired on the
// crowd, killing three on Monday") and a coordinated verb tell the same
// event and keep their phrase; so does a clause the trigger is embedded in.
func (s *sentence) embeddedTime(p Parser, e timex.Expr, tr lexicon.Trigger) bool {
	t := s.parsed(p)
	if t == nil {
		return false
	}
	head := t.phraseHead(e.Start, e.End)
	if head < 0 {
		return false
	}
	v := t.wordAt(tr.Start)
	if tr.IsNoun {
		v = t.noun(tr)
	}
	c, v := t.verbOf(t.words[head].Head-1), t.verbOf(v)
	if c < 0 || v < 0 || c == v {
		return false
	}
	switch t.words[c].Rel {
	case "acl:relcl":
	case "advcl", "xcomp", "ccomp", "acl":
		if t.kid(c, "mark") < 0 {
			return false
		}
	default:
		return false
	}
	for w, n := c, 0; w >= 0 && n < maxDepth; w, n = t.words[w].Head-1, n+1 {
		if w == v {
			return true
		}
	}
	return false
}

// maxDepth bounds walks up the tree: a parse error may make a cycle.
const maxDepth = 12

// verbOf is the verb of word w's clause: w itself or its nearest verb
// ancestor; -1 when there is none.
func (t *tree) verbOf(w int) int {
	for range maxDepth {
		if w < 0 {
			return -1
		}
		if t.words[w].UPOS == "VERB" {
			return w
		}
		w = t.words[w].Head - 1
	}
	return -1
}

// phraseHead is the head of the words inside the byte range [lo, hi) of
// the sentence: the last of them whose own head lies outside it, or -1.
func (t *tree) phraseHead(lo, hi int) int {
	head := -1
	for i, w := range t.words {
		if w.Start < lo || w.End > hi {
			continue
		}
		if h := w.Head - 1; h < 0 || t.words[h].Start < lo || t.words[h].End > hi {
			head = i
		}
	}
	return head
}
