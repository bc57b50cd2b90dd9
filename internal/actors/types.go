// Package actors loads dyad's actor knowledge base (countries, generic
// agents, people with dated roles, groups, organisations, seats of power,
// offices) and resolves names found in text against it.
package actors

import (
	"sync"
	"time"
)

// Kind says what a knowledge-base entry or a match is.
type Kind string

// Kinds of entities and matches.
const (
	KindPerson  Kind = "person"
	KindGroup   Kind = "group"
	KindIGO     Kind = "igo"
	KindOrg     Kind = "org"
	KindMedia   Kind = "media"
	KindCountry Kind = "country"
	KindDemonym Kind = "demonym"
	KindSeat    Kind = "seat"
	KindTitle   Kind = "title"
	KindAgent   Kind = "agent"
	// KindSurname marks a person's last name found alone; the coder accepts
	// it only after the full name appeared in the same document.
	KindSurname Kind = "surname"
)

// Role is one dated position of an entity. A zero To means still held; a
// zero From means since an unknown date. To is exclusive: on the day a
// successor takes over, the successor holds the office.
type Role struct {
	Office, Title, Country, Sector string
	From, To                       time.Time
}

// Entity is a person, group or organisation of the knowledge base.
type Entity struct {
	ID, Name string
	Kind     Kind
	Country  string
	Sectors  []string
	Aliases  []string
	Roles    []Role
	Wikidata string
	// Source is the file the entry came from (for error messages and
	// `dyad actors lookup`).
	Source string
}

// Match is one name found by Scan.
type Match struct {
	Start, End int // byte offsets in the scanned text
	Text       string
	Kind       Kind
	Entity     *Entity // persons, groups, igos, orgs, media; nil for countries/demonyms/agents/titles
	Country    string  // ISO3 or IGO/UNO/EUR/NGO/IMG/MNC of the match itself
	Sector     string  // for seats, agents, titles, groups
	Office     string  // for titles
	Plural     bool    // agents and demonym nouns ("Iranians", "militias")
	Place      bool    // a city or region standing for its country ("Basra"), not the country's own name
}

// Resolution is one answer of Lookup.
type Resolution struct {
	Entity  *Entity // nil for countries, demonyms, seats, titles, agents
	Kind    Kind
	Name    string // canonical name (the entity's, the country's, the phrase's)
	Country string
	Sector  string
	Office  string
	Role    Role // the role held on the day asked, when HasRole
	HasRole bool
	How     string  // exact, alias, folded, surname, short, fuzzy
	Score   float64 // 1 for all but fuzzy matches
}

// KB is a loaded knowledge base. It is safe for concurrent use once loaded.
type KB struct {
	entities []*Entity
	byID     map[string]*Entity
	offices  map[string]*office   // by office key
	rank     map[string]int       // office key → seniority (lower is more senior)
	holders  map[string][]holding // country|office → roles

	// the compiled dictionaries, built once per KB
	names    index // everything Scan reports
	surnames index // person last names, for Surnames; built on first use
	surOnce  sync.Once
	// people by the first and last words of their longer names (Lookup)
	ends     map[string][]*Entity
	endsOnce sync.Once
	// countries by ISO3 (their canonical names, for Lookup)
	countryName map[string]string
}

// office is one entry of offices.yaml.
type office struct {
	Key       string
	Sector    string
	Titles    []string
	Countries map[string][]string
	// Periods: folded title → the spans it existed in; a title without
	// periods always did
	Periods map[string][][2]time.Time
}

// cand is what a dictionary key can stand for.
type cand struct {
	kind    Kind
	ent     *Entity
	name    string   // canonical name of the thing matched
	surface string   // the form registered (to tell exact from folded)
	forms   []string // the other forms merged into this candidate (agents and titles)
	country string
	sector  string
	office  string
	plural  bool
	// case rules: capMask bit i set = word i was capitalised in the
	// registered form and must be in the text; acronym = all capitals.
	caseFold bool
	capMask  uint64
	acronym  bool
	prio     int // lower wins among candidates of one key
}

// index is one dictionary of names, matched over word codes.
type index struct {
	vocab    map[string]uint32 // folded word → code
	keys     map[string]int    // encoded key → pattern number
	pats     []string          // encoded keys
	folded   []string          // the same keys as folded text (Lookup), made on first use
	foldOnce sync.Once
	cands    [][]cand
	trie     trie
	built    bool
	// build-time buffers
	scratch []token
	keybuf  []byte
	foldbuf []byte
	surface string
}
