// Package coder turns an article into event mentions: it finds the parties
// (knowledge base), the events (lexicon triggers), who did what to whom
// (clause roles), when (time expressions against the article's date) and how
// firmly the text says so (claims and attribution).
package coder

import (
	"context"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-project/dyad/internal/actors"
	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/lexicon"
	"github.com/dyad-project/dyad/internal/nlp"
)

// KB is what the coder needs from the actor knowledge base.
type KB interface {
	Scan(text string) []actors.Match
	Surnames(text string) []actors.Match
	RoleAt(e *actors.Entity, day time.Time) (actors.Role, bool)
	Holder(country, office string, day time.Time) (*actors.Entity, actors.Role, bool)
}

// Lexicon is what the coder needs from the event lexicon.
type Lexicon interface {
	Triggers(toks []lexicon.Token) []lexicon.Trigger
	Speech(toks []lexicon.Token) []lexicon.Trigger
}

// Coder codes articles. It is safe for concurrent use: all state of one
// article lives in a doc value.
type Coder struct {
	kb     KB
	lex    Lexicon
	parser Parser // optional: roles from the dependency tree
}

// New returns a coder over a knowledge base and a lexicon.
func New(kb KB, lex Lexicon) *Coder { return &Coder{kb: kb, lex: lex} }

// WithParser returns a coder that reads who did what to whom from the
// dependency trees p gives, where they name the parties.
func (c *Coder) WithParser(p Parser) *Coder {
	cc := *c
	cc.parser = p
	return &cc
}

// Result is what coding one article gives.
type Result struct {
	Mentions []event.Mention
	Check    DateCheck
}

// doc is the per-article state: the reference day, the parties seen so far
// (for pronouns and surnames), the last resolved time window (an anchor for
// "the following month").
type doc struct {
	art         *article.Article
	ref         time.Time // the day relative dates resolve against
	fallback    string    // the country the article is about
	fallbackN   int       // how often the text names it
	lastPerson  *chunk
	lastPlural  *chunk
	lastParty   *chunk
	lastGroup   *chunk                 // the last armed group or organisation named, for "the group"
	persons     []*chunk               // every person named so far, for "the minister"
	states      []string               // the country of every named party, for "the regime"
	lastActor   map[string]event.Party // the actor of the last event of each type, for "condemned the attack"
	heads       map[string]string      // agent noun → the country it was last given ("an Israeli soldier")
	saidOn      map[string]window      // person → the day a sentence says they spoke ("Rice said Tuesday")
	topicPerson *chunk                 // the person the last sentence was about
	anchor      window
	content     window // the content's own window when the printed date is wrong
	place       string // the country the paragraph last placed its events in ("In Egypt, …")
	opens       *openNames
	attacks     []event.Mention // the attacks coded so far, whose tolls are told again
}

// openNames are the names the knowledge base does not know that the text
// has placed in a country, for its later short forms: "Dawn of Libya", then
// "Dawn".
type openNames struct{ named []event.Party }

// recall returns the earlier name that text shortens: the same words, or
// its first words followed by more.
func (o *openNames) recall(text string) (event.Party, bool) {
	if o == nil {
		return event.Party{}, false
	}
	for i := len(o.named) - 1; i >= 0; i-- {
		p := o.named[i]
		if strings.EqualFold(p.Text, text) || len(p.Text) > len(text) && strings.EqualFold(p.Text[:len(text)+1], text+" ") {
			return p, true
		}
	}
	return event.Party{}, false
}

func (o *openNames) note(p event.Party) {
	if o != nil && p.Code != "" {
		o.named = append(o.named, p)
	}
}

// Reads reports whether the coder reads an article: its lexicon and parser
// are English only for now. A text in another script is not read; a short
// text in Latin script is read whatever language was detected, since
// detection on a sentence or two guesses (English snippets come out as
// Norwegian or Lithuanian).
func Reads(a *article.Article) bool {
	if a.Language == "" || a.Language == "en" {
		return true
	}
	latin, other := 0, 0
	for _, r := range a.Text {
		switch {
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.IsLetter(r):
			other++
		}
	}
	return latin > other && len(a.Text) < shortText
}

// shortText is the length under which a detected language is not trusted.
const shortText = 1000

// Code codes one article.
func (c *Coder) Code(a *article.Article) Result {
	res, _ := c.CodeContext(context.Background(), a)
	return res
}

// CodeContext codes one article and stops between two sentences when ctx is
// done (an interrupt, a per-document time budget), returning ctx's error
// and no mentions: a half-coded article is never handed on. Sentences are
// bounded in length (nlp.MaxSentence), so the wait is short.
func (c *Coder) CodeContext(ctx context.Context, a *article.Article) (Result, error) {
	if !Reads(a) {
		return Result{}, ctx.Err() // its words are not in the lexicon: no event, not junk events
	}
	d := &doc{art: a, ref: a.Published, opens: &openNames{}}
	if !a.Updated.IsZero() && a.Updated.After(a.Published) {
		d.ref = a.Updated // the page was revised: its "Saturday" is the revision's
	}
	matches := addSurnames(a.Text, keepIntroduced(c.titledSurnames(a.Text, c.kb.Scan(a.Text), d.ref)))
	chunks := chunkMatches(a.Text, matches)
	check := c.checkDates(a, chunks)
	if check.Conflict && !check.Start.IsZero() {
		// The printed date is wrong: relative dates resolve against the
		// middle of the window the content belongs to, and undated events
		// take the whole window.
		d.ref = check.Start.Add(check.End.Sub(check.Start) / 2)
		d.content = window{Start: check.Start, End: check.End, Precision: "span"}
	}
	d.fallback, d.fallbackN = focusCountry(a.Text, chunks)
	var out []event.Mention
	var past []bool // out[i]'s verb is in a past tense
	ci, prevEnd := 0, 0
	for _, sp := range nlp.Split(a.Text) {
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		sp.Start += datelineEnd(a.Text[sp.Start:sp.End])
		s := &sentence{start: sp.Start, end: sp.End, text: a.Text[sp.Start:sp.End], opens: d.opens}
		for ci < len(chunks) && chunks[ci].start < sp.Start {
			ci++
		}
		for k := ci; k < len(chunks) && chunks[k].end <= sp.End; k++ {
			ch := &chunks[k]
			c.resolve(a.Text, ch, d.ref, d.fallback)
			s.chunks = append(s.chunks, ch)
		}
		s.chunks = dropCredits(s)
		s.toks = lexicon.Tokenize(s.text)
		c.possessed(s, d.ref)
		d.groupAnaphora(s)
		d.titleAnaphora(s)
		if strings.Contains(a.Text[prevEnd:sp.Start], "\n\n") {
			d.place = "" // a place holds to the end of its paragraph
		}
		prevEnd = sp.End
		d.definite(s)
		d.place = localize(s, d.fallback, d.place)
		s.triggers = sortTriggers(judgements(s, outsideNames(s, c.lex.Triggers(s.toks))))
		s.speech = speechOnly(outsideNames(s, c.lex.Speech(s.toks)), s.triggers)
		before := d.anchor
		ms := c.codeSentence(d, s)
		d.noteSaid(s)
		out = append(out, ms...)
		for _, m := range ms {
			past = append(past, c.toldPast(s, m.Trigger))
		}
		d.claimedBack(s, out, len(ms))
		if d.anchor == before {
			d.anchorFrom(s)
		}
		d.remember(s)
	}
	d.datedBySaying(out)
	datedAfterEvent(out, c.lex)
	datedBeforeMain(out)
	shareDates(out, past, d.ref)
	for i := range out {
		out[i].ArticleID, out[i].Doc, out[i].Outlet = a.ID, a.Source, a.Outlet
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	return Result{Mentions: out, Check: check}, nil
}

// anchorFrom makes the sentence's last time phrase the anchor of "the
// following month" in later sentences when none of its events took one: a
// date stated in a sentence without a coded event still moves the story on.
func (d *doc) anchorFrom(s *sentence) {
	exprs := s.times(d, false)
	for i := len(exprs) - 1; i >= 0; i-- {
		if e := exprs[i]; !e.Window.IsZero() && !e.Vague && !e.Duration {
			d.anchor = e.Window
			return
		}
	}
}

// datelineEnd returns where the news starts after a wire dateline
// ("SANAA, Yemen (AP) — ", "RAMALLAH, West Bank — "), or 0. The dateline
// names where the story was filed, not who acted: "SANAA" is no actor.
func datelineEnd(text string) int {
	head := text
	if len(head) > 80 {
		head = head[:80]
	}
	for _, dash := range []string{" — ", " – ", " -- ", " - ", "-- ", "— "} {
		i := strings.Index(head, dash)
		if i <= 0 {
			continue
		}
		first := strings.FieldsFunc(head[:i], func(r rune) bool { return r == ' ' || r == ',' })
		if len(first) == 0 || len(first[0]) < 3 || strings.ToLower(first[0]) == first[0] {
			return 0
		}
		if strings.ToUpper(first[0]) == first[0] || placeAndDate(head[:i]) {
			// a dateline opens with the city in capitals, or names a
			// place and more: "Lima, Peru -", "Quito, May 17, AGN -"
			return i + len(dash)
		}
		return 0
	}
	// "Quito, March 8 (AGN) The …", "WASHINGTON (AP) The …": an agency
	// in parentheses closes it
	if open := strings.Index(head, " ("); open > 0 && (placeAndDate(head[:open]) || capitalsOnly(head[:open])) {
		if end := strings.Index(head[open:], ") "); end > 2 {
			agency := head[open+2 : open+end]
			if strings.ToUpper(agency) == agency && len(agency) <= 8 {
				return open + end + 2
			}
		}
	}
	return 0
}

// capitalsOnly reports a dateline city in capitals ("WASHINGTON", "LA
// PAZ"): words of upper-case letters only.
func capitalsOnly(head string) bool {
	letters := 0
	for _, r := range head {
		switch {
		case unicode.IsLower(r), unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r):
			letters++
		}
	}
	return letters >= 3
}

// placeAndDate reports a dateline head of a few comma-separated capitalised
// or numeric parts ("Lima, Peru", "Quito, March 8"), with a comma: a
// lone name before a dash is more often a sentence's subject.
func placeAndDate(head string) bool {
	if !strings.Contains(head, ",") {
		return false
	}
	words := strings.FieldsFunc(head, func(r rune) bool { return r == ' ' || r == ',' })
	if len(words) > 6 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// dropCredits removes the parties of photo credits and bylines in
// parentheses ("(AP Photo/Ebrahim Noroozi)", "(Mahmoud Illean, File/Associated
// Press)"): they are not part of the sentence's events.
func dropCredits(s *sentence) []*chunk {
	out := s.chunks[:0]
	for _, c := range s.chunks {
		if !inCredit(s.text, c.start-s.start) {
			out = append(out, c)
		}
	}
	return out
}

func inCredit(text string, at int) bool {
	open := strings.LastIndexByte(text[:at], '(')
	if open < 0 || strings.IndexByte(text[open:at], ')') >= 0 {
		return false
	}
	end := strings.IndexByte(text[at:], ')')
	if end < 0 {
		return false
	}
	inner := text[open : at+end]
	return strings.Contains(inner, "Photo") || strings.Contains(inner, "/") || strings.Contains(inner, "Getty") ||
		strings.Contains(inner, "File")
}

// groupNouns refer back to a named group: "Hamas … the group agreed".
var groupNouns = set("group", "militia", "movement", "organization", "organisation", "faction", "militant group")

// groupAnaphora gives "the group", "the militia" the group named last,
// in the sentence before it or earlier in the text.
func (d *doc) groupAnaphora(s *sentence) {
	for k, c := range s.chunks {
		if !c.generic || !groupNouns[strings.ToLower(c.party.Text)] || s.lower(s.tokAt(c.start)-1) != "the" {
			continue
		}
		ref := d.lastGroup
		for j := k - 1; j >= 0; j-- {
			if isGroup(s.chunks[j]) {
				ref = s.chunks[j]
				break
			}
		}
		if ref == nil {
			continue
		}
		c.referTo(ref)
		c.plural = false
	}
}

// referTo makes the generic c ("the group", "the president") the party ref
// names, keeping c's own words and place in the text.
func (c *chunk) referTo(ref *chunk) {
	p := ref.party
	p.Text, p.Start, p.End = c.party.Text, c.party.Start, c.party.End
	c.party, c.generic, c.unplaced = p, false, false
}

// titleAnaphora gives "the president", "the minister" with no country of
// their own the person of the text who holds that title: "President
// Sagasti … the president demanded", not the article's main country. A
// title the text wrote ("President Sagasti") wins over one the knowledge
// base knows for a person named without it ("Piñera").
func (d *doc) titleAnaphora(s *sentence) {
	for _, c := range s.chunks {
		w := strings.ToLower(c.party.Text)
		if !c.generic || !c.unplaced || !titleNouns[w] || s.lower(s.tokAt(c.start)-1) != "the" {
			continue
		}
		ref := d.titledOwn(w)
		if ref == nil {
			continue
		}
		c.referTo(ref)
		c.person, c.title = true, ref.title
	}
}

// possessed gives a title or a body owned by "its" or "their" the country
// of its owner, the first party before it that is neither a person nor
// governed by a preposition (the subject): in "Peru said its foreign
// minister met …" the minister is Peru's, not the article's main country's.
func (c *Coder) possessed(s *sentence, day time.Time) {
	for i, ch := range s.chunks {
		if !ch.unplaced || ch.party.EntityID != "" {
			continue
		}
		if w := s.lower(s.tokAt(ch.start) - 1); w != "its" && w != "their" {
			continue
		}
		for j := 0; j < i; j++ {
			o := s.chunks[j]
			if o.person || o.party.Code == "" || o.backer != "" || s.afterPreposition(s.tokAt(o.start), 0) {
				continue // the owner is a subject, not "backed by Peru"
			}
			ch.party.Code, ch.unplaced = o.party.Code, false
			for _, m := range ch.matches {
				if m.Kind != actors.KindTitle {
					continue
				}
				ch.party.Office = m.Office
				if c.holder(&ch.party, day) {
					ch.person, ch.generic = true, false
				}
			}
			break
		}
	}
}

// isGroup reports a party naming an armed group or an organisation.
func isGroup(c *chunk) bool {
	for _, m := range c.matches {
		if m.Entity != nil && (m.Entity.Kind == actors.KindGroup || m.Entity.Kind == actors.KindOrg) && c.party.EntityID == m.Entity.ID {
			return true
		}
	}
	return false
}

// remember keeps the sentence's parties for coreference in later sentences.
func (d *doc) remember(s *sentence) {
	// the person the sentence is about: its first person not governed by a
	// preposition ("He" in the next sentence is usually that one)
	for _, ch := range s.chunks {
		if ch.person && ch.party.Code != "" && !s.afterPreposition(s.tokAt(ch.start), 0) {
			d.topicPerson = ch
			break
		}
	}
	for _, ch := range s.chunks {
		if ch.party.Code == "" {
			continue
		}
		if isGroup(ch) {
			d.lastGroup = ch
		}
		if !ch.generic {
			d.states = append(d.states, ch.party.Code)
		}
		if h := agentHead(ch); h != "" && !ch.unplaced {
			if d.heads == nil {
				d.heads = map[string]string{}
			}
			d.heads[h] = ch.party.Code
		}
		if ch.person {
			d.lastPerson = ch
			d.persons = append(d.persons, ch)
		} else if ch.plural {
			d.lastPlural = ch
		}
		d.lastParty = ch
	}
}

// focusCountry is the country the article is mostly about: the most named
// country, not counting sponsors ("Iran-backed") — generic parties such as
// "the militias" belong to it.
func focusCountry(text string, chunks []chunk) (string, int) {
	counts, named := map[string]int{}, map[string]int{}
	for _, ch := range chunks {
		for _, m := range ch.matches {
			if stateKind(m.Kind) && !backedAfter(text, m.End) && m.Country != "" {
				counts[m.Country]++
				named[m.Country]++
				if placedAt(text, m.Start) {
					counts[m.Country] += placeWeight // "in Baghdad": where things happen
				}
			}
		}
	}
	if len(counts) == 0 {
		// no state named: the country of the named national bodies and
		// people ("outlawed the African National Congress")
		for _, ch := range chunks {
			for _, m := range ch.matches {
				if (m.Kind == actors.KindOrg || m.Kind == actors.KindPerson || m.Kind == actors.KindGroup) && m.Country != "" && !actors.NonState(m.Country) {
					counts[m.Country]++
				}
			}
		}
	}
	type kv struct {
		k string
		v int
	}
	var all []kv
	for k, v := range counts {
		all = append(all, kv{k, v})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].v > all[j].v || (all[i].v == all[j].v && all[i].k < all[j].k) })
	if len(all) == 0 {
		return "", 0
	}
	return all[0].k, named[all[0].k]
}

// keepIntroduced drops surname-only matches of people whose full name has not
// appeared earlier in the document: "Abbasi" alone means the minister only
// once the text has introduced him.
//
// A bare surname of a person the document introduced means that person,
// whatever else the knowledge base files under it: after "Fuad Hussein",
// "Hussein" is the Iraqi minister, not King Hussein.
func keepIntroduced(ms []actors.Match) []actors.Match {
	seen := map[*actors.Entity]bool{}
	bySurname := map[string]*actors.Entity{}
	out := ms[:0]
	for _, m := range ms {
		if e, ok := bySurname[surnameKey(m.Text)]; ok && m.Entity != e && !strings.Contains(strings.TrimSpace(m.Text), " ") && (m.Kind == actors.KindSurname || m.Kind == actors.KindPerson) {
			m.Entity, m.Kind, m.Country = e, actors.KindPerson, e.Country
		}
		if m.Kind == actors.KindSurname {
			if !seen[m.Entity] {
				continue
			}
			m.Kind = actors.KindPerson
		} else if m.Entity != nil {
			seen[m.Entity] = true
			if m.Entity.Kind == actors.KindPerson {
				if f := strings.Fields(m.Text); len(f) > 1 {
					bySurname[surnameKey(f[len(f)-1])] = m.Entity
				}
			}
		}
		out = append(out, m)
	}
	return out
}

// surnameKey folds "al-Abbasi", "Abbasi’s" and "Abbasi" together.
func surnameKey(s string) string {
	s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(s), "’s"), "'s")
	s = strings.ToLower(s)
	for _, p := range []string{"al-", "el-", "as-", "ash-", "ad-"} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// speechOnly drops reporting verbs that are events themselves ("warned",
// "accused"): they are coded, not treated as attribution.
func speechOnly(speech, triggers []lexicon.Trigger) []lexicon.Trigger {
	out := speech[:0]
	for _, sp := range speech {
		overlap := false
		for _, tr := range triggers {
			if tr.TokStart < sp.TokEnd && sp.TokStart < tr.TokEnd {
				overlap = true
				break
			}
		}
		if !overlap {
			out = append(out, sp)
		}
	}
	return out
}

// outsideNames drops triggers inside a name: "States" in "United States"
// is not a reporting verb, "Coordination" in "Coordination Framework" is
// not cooperation.
func outsideNames(s *sentence, trs []lexicon.Trigger) []lexicon.Trigger {
	out := trs[:0]
	for _, tr := range trs {
		start, end := s.start+tr.Start, s.start+tr.End
		inside := false
		for _, c := range s.chunks {
			if start >= c.start && end <= c.end && c.party.EntityID+c.party.Code != "" && !c.generic {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, tr)
		}
	}
	return out
}

// localize gives generic parties without a country ("demonstrators",
// "police") the country the sentence places them in ("in Cairo"), else the
// place the text last named, before falling back to the country the article
// is about. It returns the place for the next sentences.
func localize(s *sentence, fallback, last string) string {
	here := ""
	for _, c := range s.chunks {
		if c.backer != "" {
			continue
		}
		if code := placeIn(s, c); code != "" {
			here = code
			break
		}
	}
	use := here
	if use == "" {
		use = last
	}
	if use != "" && use != fallback {
		for _, c := range s.chunks {
			if c.generic && c.party.Code == fallback && c.party.EntityID == "" && c.unplaced {
				c.party.Code = use
			}
		}
	}
	if here != "" {
		return here
	}
	return last
}

// placeIn returns the country of a country, city or seat named after a
// place preposition within the party's words: "near the U.S. Embassy in
// Cairo" happens in Egypt, not in the embassy's country.
func placeIn(s *sentence, c *chunk) string {
	code := ""
	for i, m := range c.matches {
		if m.Kind != actors.KindCountry && m.Kind != actors.KindSeat || m.Country == "" {
			continue
		}
		if i+1 < len(c.matches) && c.matches[i+1].Start-m.End <= 1 {
			continue // "the U.S. Embassy": a modifier, not a place
		}
		if placedAt(s.text, m.Start-s.start) {
			code = m.Country
		}
	}
	return code
}

// placeWeight makes a named place count more than a mention: an article
// citing "U.S. officials" ten times about protests "in Baghdad" is about Iraq.
const placeWeight = 4

// placedAt reports a name preceded by a place preposition ("in", "near",
// "at", "across", "outside"), allowing "the".
func placedAt(text string, start int) bool {
	before := strings.Fields(strings.ToLower(text[max(0, start-20):start]))
	if n := len(before); n > 0 {
		w := before[n-1]
		if w == "the" && n > 1 {
			w = before[n-2]
		}
		return placePreps[w]
	}
	return false
}

// sortTriggers keeps triggers in text order (clause analysis walks them so).
func sortTriggers(trs []lexicon.Trigger) []lexicon.Trigger {
	sort.SliceStable(trs, func(i, j int) bool { return trs[i].TokStart < trs[j].TokStart })
	return trs
}

// definite gives "the soldier" the country of the soldier the text named
// before ("an Israeli soldier … punching the soldier"): a definite agent
// noun refers back, so neither the article's country nor the place applies.
func (d *doc) definite(s *sentence) {
	for _, c := range s.chunks {
		if !c.generic || !c.unplaced || c.party.EntityID != "" || s.lower(s.tokAt(c.start)-1) != "the" {
			continue
		}
		h := agentHead(c)
		if h == "regime" {
			continue // the story's adversary, whichever regime came up last (see regime)
		}
		if code, ok := d.heads[h]; ok && code != "" {
			c.party.Code, c.unplaced = code, false
		}
	}
}

// agentHead is a party's agent noun, singular and lower-cased: "soldier"
// for "Israeli soldiers".
func agentHead(c *chunk) string {
	for i := len(c.matches) - 1; i >= 0; i-- {
		if m := c.matches[i]; m.Kind == actors.KindAgent {
			f := strings.Fields(strings.ToLower(m.Text))
			if len(f) == 0 {
				return ""
			}
			return strings.TrimSuffix(f[len(f)-1], "s")
		}
	}
	return ""
}
