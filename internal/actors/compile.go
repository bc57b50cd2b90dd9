package actors

import (
	"slices"
	"strings"
	"unicode"
)

// Candidate priorities: when one key stands for several things, the first
// whose case rule the text satisfies wins.
const (
	prioCurated = iota
	prioSeat
	prioTitle
	prioDemonym // before country spellings: junk variants ("Iraqe") fold like demonyms ("Iraqi")
	prioCountry
	prioCapital
	prioLeader // generated heads of state and government (leaders/*.tsv)
	prioPhoenix
	prioPlace
	prioAgent
)

func compile(r *raw) (*KB, error) {
	kb := &KB{byID: make(map[string]*Entity, len(r.entities)+len(r.leaders)+len(r.phoenix)), offices: r.offices, rank: map[string]int{}, countryName: map[string]string{}}
	for i, k := range r.officeSeq {
		kb.rank[k] = i
	}
	ix := &kb.names
	// sized for the built-in knowledge base (about 33,000 words and 43,000
	// names): growing the maps cost a tenth of the load
	n := len(r.order) + len(r.leaderIDs) + len(r.phoenix) + len(r.seats) + len(r.countries)*8 + len(r.places)*4 + len(r.agents)
	ix.vocab = make(map[string]uint32, n+n/8)
	ix.keys = make(map[string]int, n+n/2)
	ix.pats = make([]string, 0, n+n/2)
	ix.cands = make([][]cand, 0, n+n/2)
	kb.entities = make([]*Entity, 0, len(r.order)+len(r.leaderIDs)+len(r.phoenix))
	// Each name is folded once: the folded form ix.prepare returns is
	// checked against the names of the entries that win over it, then the
	// name is added; folding the names apart from adding them cost a tenth
	// of the load.
	curatedNames := map[string]bool{}
	for _, id := range r.order {
		e := r.entities[id]
		kb.entities = append(kb.entities, e)
		c := entityCand(e, prioCurated)
		mark(curatedNames, ix.prepare(e.Name))
		ix.addPrepared(c)
		for _, a := range e.Aliases {
			mark(curatedNames, ix.prepare(a))
			ix.addPrepared(c)
		}
	}
	// generated leaders come next, unless the curated files hold the person
	curatedQ := map[string]*Entity{}
	for _, e := range kb.entities {
		if e.Wikidata != "" {
			curatedQ[e.Wikidata] = e
		}
	}
	leaderNames := map[string]bool{}  // folded names
	leaderPeople := map[string]bool{} // folded name | country
	var key []byte
	for _, id := range r.leaderIDs {
		e := r.leaders[id]
		cur := r.entities[id]
		if cur == nil && e.Wikidata != "" {
			cur = curatedQ[e.Wikidata]
		}
		if cur != nil {
			addTerms(cur, e.Roles)
			continue
		}
		kb.entities = append(kb.entities, e)
		c := entityCand(e, prioLeader)
		for i := -1; i < len(e.Aliases); i++ {
			name := e.Name
			if i >= 0 {
				name = e.Aliases[i]
			}
			f := ix.prepare(name)
			mark(leaderNames, f)
			key = append(append(append(key[:0], f...), '|'), e.Country...)
			mark(leaderPeople, key)
			ix.addPrepared(c)
		}
	}
	// the curated YAML replaces Phoenix entries of the same name, a leader
	// the Phoenix person of one of its names and its country (it took in
	// its name, aliases and codes); a Phoenix alias that a curated entry or
	// a leader bears is left out
	ids := make([]string, 0, len(r.phoenix))
	for id := range r.phoenix {
		if _, dup := r.entities[id]; !dup {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		e := r.phoenix[id]
		f := ix.prepare(e.Name)
		if curatedNames[string(f)] {
			continue
		}
		if e.Kind == KindPerson {
			key = append(append(append(key[:0], f...), '|'), e.Country...)
			if leaderPeople[string(key)] {
				continue
			}
		}
		kb.entities = append(kb.entities, e)
		c := entityCand(e, prioPhoenix)
		ix.addPrepared(c)
		for _, a := range e.Aliases {
			f := ix.prepare(a)
			if curatedNames[string(f)] || leaderNames[string(f)] {
				continue
			}
			ix.addPrepared(c)
		}
	}
	for _, e := range kb.entities {
		kb.byID[e.ID] = e
	}

	for _, s := range r.seats {
		c := cand{kind: KindSeat, name: s.Name, country: s.Country, sector: s.Sector, prio: prioSeat}
		ix.add(s.Name, c)
		for _, a := range s.Aliases {
			ix.add(a, c)
		}
	}
	for _, key := range r.officeSeq {
		o := r.offices[key]
		for _, t := range o.Titles {
			ix.add(t, cand{kind: KindTitle, name: t, office: o.Key, sector: o.Sector, caseFold: true, prio: prioTitle})
		}
		for ctry, ts := range o.Countries {
			for _, t := range ts {
				ix.add(t, cand{kind: KindTitle, name: t, office: o.Key, sector: o.Sector, country: ctry, caseFold: true, prio: prioTitle})
			}
		}
	}
	for _, c := range r.countries {
		kb.countryName[c.ISO3] = c.Name
		base := cand{kind: KindCountry, name: c.Name, country: c.ISO3, prio: prioCountry}
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			ix.add(n, base)
		}
		d := cand{kind: KindDemonym, name: c.Name, country: c.ISO3, prio: prioDemonym}
		for _, n := range c.Demonyms {
			ix.add(n, d)
		}
		d.plural = true
		for _, n := range c.Plurals {
			ix.add(n, d)
		}
		for _, n := range c.Capitals {
			ix.add(n, cand{kind: KindSeat, name: n, country: c.ISO3, sector: "GOV", prio: prioCapital})
		}
	}
	for _, p := range r.places {
		for _, n := range p.Names {
			ix.add(n, cand{kind: KindCountry, name: p.Names[0], country: p.Country, prio: prioPlace})
		}
	}
	for _, a := range r.agents {
		ix.add(a.Phrase, cand{kind: KindAgent, name: a.Phrase, sector: first(a.Sectors), plural: a.Plural, caseFold: true, prio: prioAgent})
	}
	kb.indexHolders()
	ix.build()
	return kb, nil
}

// mark sets key in m (a string made only for a new key).
func mark(m map[string]bool, key []byte) {
	if !m[string(key)] {
		m[string(key)] = true
	}
}

func entityCand(e *Entity, prio int) cand {
	return cand{kind: e.Kind, ent: e, name: e.Name, country: e.Country, sector: first(e.Sectors), prio: prio}
}

// addTerms gives a curated person the generated terms it lacks: a role
// whose office and country no curated role of theirs overlaps in time (the
// curated entry wins where both speak of the same term).
func addTerms(cur *Entity, roles []Role) {
	n := len(cur.Roles)
	for _, ro := range roles {
		if ro.Office == "" {
			continue
		}
		clash := false
		for _, c := range cur.Roles[:n] {
			if c.Office == ro.Office && c.Country == ro.Country && overlap(c, ro) {
				clash = true
				break
			}
		}
		if !clash {
			cur.Roles = append(cur.Roles, ro)
		}
	}
}

// overlap says whether two roles share a day (zero ends are open).
func overlap(a, b Role) bool {
	return (a.To.IsZero() || b.From.Before(a.To)) && (b.To.IsZero() || a.From.Before(b.To))
}

// buildSurnames compiles the surname index on first use: only the coder's
// coreference needs it, and it would double the start-up time.
func (kb *KB) buildSurnames() {
	kb.surOnce.Do(func() {
		for _, e := range kb.entities {
			if e.Kind == KindPerson {
				addSurnames(&kb.surnames, e)
			}
		}
		kb.surnames.build()
	})
}

// addSurnames registers the last word of a person's multi-word names, and
// of names of three words or more the last two too: double surnames and
// particles ("López Obrador", "Peña Nieto", "Díaz-Canel", "Suu Kyi",
// "bin Salman").
func addSurnames(ix *index, e *Entity) {
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		words := wordsOf(tokenize(n, nil))
		if len(words) < 2 {
			continue
		}
		last := words[len(words)-1]
		c := cand{kind: KindSurname, ent: e, name: e.Name, country: e.Country, sector: first(e.Sectors)}
		if len(last.fold) >= 3 {
			ix.add(n[last.core:last.end], c)
		}
		if len(words) >= 3 {
			ix.add(n[words[len(words)-2].core:last.end], c)
		}
		if p := paternal(n, e.Country); p != "" {
			ix.add(p, c)
		}
	}
}

// hispanic are the countries whose people carry two surnames, the father's
// first, which news uses alone ("Salinas", "Frei", "Arce").
var hispanic = map[string]bool{"ARG": true, "BOL": true, "CHL": true, "COL": true, "CRI": true, "CUB": true, "DOM": true,
	"ECU": true, "ESP": true, "GTM": true, "HND": true, "MEX": true, "NIC": true, "PAN": true, "PER": true, "PRY": true,
	"SLV": true, "URY": true, "VEN": true}

// surnameParticles join a Spanish double surname ("Salinas de Gortari").
var surnameParticles = map[string]bool{"de": true, "del": true, "la": true, "y": true, "i": true}

// paternal is the father's surname of a Spanish name that shows two
// surnames: the second-to-last word of a name of four words ("Andrés
// Manuel López Obrador" → "López") or of three whose last is hyphenated
// ("Eduardo Frei Ruiz-Tagle" → "Frei"), the word before a particle
// ("Carlos Salinas de Gortari" → "Salinas"); "" for other names and
// countries. A name of three plain words may be two given names and one
// surname ("Juan Carlos Wasmosy").
func paternal(name, country string) string {
	if !hispanic[country] {
		return ""
	}
	w := strings.Fields(name)
	if len(w) < 3 {
		return ""
	}
	i := len(w) - 2
	particle := false
	for i > 0 && surnameParticles[strings.ToLower(w[i])] {
		i--
		particle = true
	}
	if !particle && len(w) < 4 && !strings.Contains(w[len(w)-1], "-") {
		return ""
	}
	if i == 0 || len([]rune(w[i])) < 3 || !unicode.IsUpper([]rune(w[i])[0]) {
		return ""
	}
	return w[i]
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}
