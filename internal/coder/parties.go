package coder

import (
	"slices"

	"github.com/dyad-project/dyad/internal/codes"
	"strings"
	"time"

	"github.com/dyad-project/dyad/internal/actors"
	"github.com/dyad-project/dyad/internal/event"
)

// chunk is a run of knowledge-base matches that name one party:
// "US Secretary of State Marco Rubio" is a demonym, a title and a person.
type chunk struct {
	start, end int // byte offsets in the article text
	matches    []actors.Match
	party      event.Party
	backer     string // "Iran-backed": the country behind the party, not its own
	person     bool
	generic    bool // agent nouns only ("militias", "the government")
	media      bool
	plural     bool
	title      string // the title the text gives a person ("Secretary of State")
	ownTitle   bool   // the title is written in the text, not the knowledge base's
	unplaced   bool   // the country came from the article, not the words
	open       bool   // a name the knowledge base does not know: no country
	located    bool   // a thing standing for the place it lies in, in its own words ("the mosque in Arequipa")
}

// joinable reports whether the text between two matches lets them name one
// party: spaces, a possessive, an article or a title word.
func joinable(gap string) bool {
	if gap == " - " || gap == " – " || gap == " — " {
		return false // a spaced dash closes a dateline or an aside: "LIMA, Peru - Police …"
	}
	g := strings.TrimSpace(gap)
	switch strings.ToLower(g) {
	case "", "'s", "’s", "the", "of", "of the", "'s top", "’s top", "top", "senior", "former", "then", "deputy",
		"acting", "new", "chief", "head", "'s new", "’s new", "-", "–":
		return true
	}
	return false
}

// backedSuffixes mark a country as a sponsor, not the party itself.
var backedSuffixes = []string{"-backed", "-linked", "-aligned", "-allied", "-sponsored", "-supported", "-affiliated", "-funded", "-led"}

func backedAfter(text string, end int) bool {
	rest := text[end:]
	if len(rest) > 12 {
		rest = rest[:12]
	}
	rest = strings.ToLower(strings.ReplaceAll(rest, "‑", "-"))
	for _, s := range backedSuffixes {
		if strings.HasPrefix(rest, s) {
			return true
		}
	}
	return false
}

// chunkMatches groups the article's matches into party chunks.
func chunkMatches(text string, ms []actors.Match) []chunk {
	out := make([]chunk, 0, len(ms))
	for i := 0; i < len(ms); {
		c := chunk{start: ms[i].Start, end: ms[i].End}
		j := i + 1
		for j < len(ms) && ms[j].Start >= c.end && joinable(text[c.end:ms[j].Start]) && !backedAfter(text, c.end) {
			// A second named entity after a first one is another party
			// ("Iraq Hezbollah" is rare; "Hussein and Zarif" has a gap).
			if named(ms[j]) && hasNamed(ms[i:j]) {
				break
			}
			c.end = ms[j].End
			j++
		}
		c.matches = ms[i:j:j] // a chunk's matches are consecutive; shared, never written
		out = append(out, c)
		i = j
	}
	return out
}

func named(m actors.Match) bool { return m.Entity != nil }

func hasNamed(ms []actors.Match) bool {
	for _, m := range ms {
		if named(m) {
			return true
		}
	}
	return false
}

// resolve fills the chunk's party from its matches on the given day.
func (c *Coder) resolve(text string, ch *chunk, day time.Time, fallback string) {
	var country, sector, office string
	var head *actors.Match
	for k := range ch.matches {
		m := &ch.matches[k]
		if m.Entity != nil || head == nil {
			head = m
		}
		switch m.Kind {
		case actors.KindCountry, actors.KindDemonym:
			if backedAfter(text, m.End) {
				ch.backer = m.Country
				continue
			}
			if country == "" {
				country = m.Country
			}
			if m.Plural {
				ch.plural = true
			}
		case actors.KindTitle:
			office = m.Office
			ch.title, ch.ownTitle = m.Text, true
			if sector == "" {
				sector = m.Sector
			}
		case actors.KindAgent:
			if m.Sector != "" {
				sector = m.Sector
			}
			ch.plural = ch.plural || m.Plural
		case actors.KindSeat:
			if country == "" {
				country = m.Country
			}
			if sector == "" {
				sector = m.Sector
			}
		}
	}
	p := event.Party{Text: text[ch.start:ch.end], Start: ch.start, End: ch.end}
	switch {
	case head.Entity != nil && foreignBody(head.Entity, country):
		// "the Peruvian Department of Justice": an institution the
		// knowledge base knows under another state's name is this
		// state's own
		p.Code, p.Sector = country, sector
		if len(head.Entity.Sectors) > 0 {
			p.Sector = head.Entity.Sectors[0]
		}
	case head.Entity != nil:
		e := head.Entity
		p.EntityID, p.Entity = e.ID, e.Name
		p.Code = e.Country
		if len(e.Sectors) > 0 {
			p.Sector = e.Sectors[0]
		}
		if e.Kind == actors.KindPerson {
			ch.person = true
			if r, ok := c.kb.RoleAt(e, day); ok {
				p.Code, p.Sector, p.Office = r.Country, r.Sector, r.Office
				if ch.title == "" {
					ch.title = r.Title
				}
			}
		}
		ch.media = e.Kind == actors.KindMedia
	case office != "" && country != "":
		p.Code, p.Sector, p.Office = country, sector, office
		ch.person = c.holder(&p, day)
	default:
		p.Code, p.Sector = country, sector
		ch.generic = country == "" || head.Kind == actors.KindAgent
	}
	if p.Code == "" && sector != "" {
		// "militia groups", "the government": a party of the country the
		// article is about, unless the sentence places it (see localize).
		p.Code = fallback
		ch.unplaced = true
	}
	if p.Sector == "" {
		p.Sector = sector
	}
	ch.party = p
}

// holder makes p, an office of its country, the person who held it on day,
// and reports whether the knowledge base knows one.
func (c *Coder) holder(p *event.Party, day time.Time) bool {
	e, r, ok := c.kb.Holder(p.Code, p.Office, day)
	if ok {
		p.EntityID, p.Entity, p.Sector = e.ID, e.Name, r.Sector
	}
	return ok
}

// foreignBody reports an organisation of one state named with another
// state's demonym or name before it.
func foreignBody(e *actors.Entity, country string) bool {
	return country != "" && e.Kind == actors.KindOrg && e.Country != "" && e.Country != country &&
		!slices.Contains(codes.NonState, e.Country)
}
