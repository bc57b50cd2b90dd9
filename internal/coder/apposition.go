package coder

import "strings"

// nameBefore is the party a kind of party stands in apposition to: in
// "Conrad Smith, a former publisher" the name the knowledge base does not
// know is the party and the appositive only describes it, giving it its
// country and sector. It is nil when desc follows no such name.
func (c *Coder) nameBefore(s *sentence, desc *chunk) *chunk {
	if desc == nil || desc.person || desc.open || desc.party.EntityID != "" || desc.start < s.start {
		return nil
	}
	before := s.text[:desc.start-s.start]
	comma := strings.LastIndexByte(before, ',')
	if comma < 0 {
		return nil
	}
	words := strings.Fields(before[comma+1:])
	if len(words) > 3 {
		return nil
	}
	for _, w := range words {
		if !appositionWords[strings.ToLower(w)] {
			return nil // "Smith, who met the publisher": no apposition
		}
	}
	t := s.parsed(c.parser) // only now: most parties follow no comma
	if t == nil {
		return nil
	}
	w := t.nameHead(t.wordEnding(comma)) // "Conrad" of "Conrad Smith"
	if w < 0 {
		return nil
	}
	name := t.openParty(s, w)
	if name == nil || name.end != s.start+comma {
		return nil
	}
	out := *name
	if out.party.Code == "" {
		out.party.Code, out.unplaced = desc.party.Code, desc.unplaced
	}
	if out.party.Sector == "" {
		out.party.Sector = desc.party.Sector
	}
	return &out
}

// appositionWords open an appositive noun phrase: "a former", "the
// then", "an exiled".
var appositionWords = set("a", "an", "the", "former", "then", "exiled", "jailed", "detained", "prominent", "veteran", "senior", "retired", "top", "leading", "local", "young", "longtime", "well-known", "outspoken")

// appositivePlace gives a party whose country came from the article, not
// its words, the country of a place its appositive names: "Senator Ana
// Brisel, Democrat of Oregon, said …" is American in an article about
// Peru. Parsed only when a place follows the party's comma.
func (c *Coder) appositivePlace(s *sentence, p *chunk) *chunk {
	if p == nil || !p.unplaced || p.start < s.start {
		return p
	}
	rest := s.text[p.end-s.start:]
	comma := strings.IndexByte(rest, ',')
	if comma < 0 || comma > 40 {
		return p // the party's own name, at most, before the comma
	}
	end := p.end + comma + 1 + max(strings.IndexByte(rest[comma+1:], ','), 0)
	var place *chunk
	for _, o := range s.chunks {
		if o.start > p.end+comma && o.end <= end && stateMatch(o, o.party.Code) != nil {
			place = o
			break
		}
	}
	if place == nil {
		return p
	}
	t := s.parsed(c.parser)
	if t == nil {
		return p
	}
	w := t.nameHead(t.wordEnding(p.end + comma - s.start))
	a := t.kid(max(w, 0), "appos")
	if w < 0 || a < 0 {
		return p
	}
	if lo, hi := t.span(a); place.start-s.start < lo || place.end-s.start > hi {
		return p // the place is not in the appositive
	}
	out := *p
	out.party.Code, out.unplaced = place.party.Code, false
	return &out
}

// nameHead is the head of the name whose last word is w: "Conrad" of
// "Conrad Smith", where the appositive hangs; -1 for -1.
func (t *tree) nameHead(w int) int {
	for w >= 0 && (t.words[w].Rel == "flat" || t.words[w].Rel == "compound") && t.words[w].Head-1 < w {
		w = t.words[w].Head - 1
	}
	return w
}

// appositiveOf reports d right after c, set off by a comma and at most a
// few words that open a noun phrase: the appositive that describes it
// ("Gen. Ruiz, Peru's army chief"; "Varo Tenzi, a former Peruvian
// publisher").
func (s *sentence) appositiveOf(c, d *chunk) bool {
	lo, hi := c.end-s.start, d.start-s.start
	if lo < 0 || hi < lo || hi > len(s.text) {
		return false
	}
	gap, ok := strings.CutPrefix(strings.TrimSpace(s.text[lo:hi]), ",")
	return ok && !strings.ContainsAny(gap, ",;:()") && len(strings.Fields(gap)) <= 3
}
