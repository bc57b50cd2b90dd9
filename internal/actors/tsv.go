package actors

import (
	"fmt"
	"iter"
	"path"
	"strings"
	"time"
)

// country is one line of countries.tsv.
type country struct {
	ISO3, Name                 string
	Aliases, Demonyms, Plurals []string
	Capitals                   []string
}

// agent is one line of agents.tsv: a generic noun and its sectors.
type agent struct {
	Phrase  string
	Sectors []string
	Plural  bool
}

// place is a Phoenix name that stands for a country (cities, regions).
type place struct {
	Names   []string
	Country string
}

// eachLine calls fn with the tab-separated fields of every non-comment line.
// The fields are substrings of one copy of b (no string per field) and the
// slice is reused from line to line: fn may keep the strings, not the slice.
func eachLine(b []byte, file string, minFields int, fn func(f []string) error) error {
	text := string(b)
	var f []string
	for n := 1; text != ""; n++ {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		f = f[:0]
		for {
			i := strings.IndexByte(line, '\t')
			if i < 0 {
				f = append(f, line)
				break
			}
			f = append(f, line[:i])
			line = line[i+1:]
		}
		if len(f) < minFields {
			return fmt.Errorf("%s:%d: want %d tab-separated fields, got %d", file, n, minFields, len(f))
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("%s:%d: %w", file, n, err)
		}
	}
	return nil
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// countries.tsv: iso3, name, aliases, demonyms, plural nouns, capitals.
func (r *raw) readCountries(l layer, name string) error {
	b, err := readFile(l, name)
	if err != nil || b == nil {
		return err
	}
	return eachLine(b, path.Join(l.name, name), 6, func(f []string) error {
		r.countries[f[0]] = &country{ISO3: f[0], Name: f[1], Aliases: splitList(f[2]),
			Demonyms: splitList(f[3]), Plurals: splitList(f[4]), Capitals: splitList(f[5])}
		return nil
	})
}

// agents.tsv: phrase, sectors (comma-separated), form (s or p).
func (r *raw) readAgents(l layer, name string) error {
	b, err := readFile(l, name)
	if err != nil || b == nil {
		return err
	}
	return eachLine(b, path.Join(l.name, name), 3, func(f []string) error {
		a := agent{Phrase: f[0], Sectors: strings.Split(f[1], ","), Plural: f[2] == "p"}
		r.agents[Fold(a.Phrase)+"\t"+f[2]] = a
		return nil
	})
}

// parsePhoenix reads phoenix/*.tsv: id, kind, country, name, aliases, codes. A code is a
// CAMEO actor code with an optional window, "IRQGOV 20040628-20050407";
// either date may be empty (open).
func parsePhoenix(l layer, name string) (phoenixFile, error) {
	var out phoenixFile
	b, err := readFile(l, name)
	if err != nil || b == nil {
		return out, err
	}
	file := path.Join(l.name, name)
	err = eachLine(b, file, 6, func(f []string) error {
		if f[1] == "place" {
			out.places = append(out.places, place{Names: append([]string{f[3]}, splitList(f[4])...), Country: f[2]})
			return nil
		}
		kind, ok := entityKinds[f[1]]
		if !ok {
			return fmt.Errorf("unknown kind %q", f[1])
		}
		if kind == KindPerson && isInstitution(f[3]) {
			// the Phoenix files list some agencies among people (the
			// US departments under USA's government): as people they
			// lent their last words as surnames ("Labour" → Labor)
			kind = KindOrg
		}
		e := &Entity{ID: f[0], Name: f[3], Kind: kind, Country: f[2], Aliases: splitList(f[4]), Source: file}
		if f[5] != "" {
			e.Roles = make([]Role, 0, 1+strings.Count(f[5], ";")+strings.Count(f[5], "|"))
		}
		for code := range codesOf(f[5]) {
			ro, err := phoenixRole(code)
			if err != nil {
				return fmt.Errorf("%s: %w", f[0], err)
			}
			e.Roles = append(e.Roles, ro)
			// a role holds one sector; the entity keeps all of them
			c, _, _ := strings.Cut(code, " ")
			e.Sectors = appendCAMEOSectors(e.Sectors, c)
		}
		fillFromRoles(e)
		out.ents = append(out.ents, e)
		return nil
	})
	return out, err
}

// phoenixFile is what one file in the Phoenix format holds.
type phoenixFile struct {
	ents   []*Entity
	places []place
}

// institutionWords are the words of the names of agencies and bodies, never
// of a person.
var institutionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`Department Ministry Administration Agency Bureau Board Commission Committee
		Council Office Party Court Bank Institute Authority Corporation Organization Organisation Association Union
		Army Forces Police Government University Federation League Front Movement Parliament Assembly Senate Cabinet`) {
		m[w] = true
	}
	return m
}()

// isInstitution reports whether one of name's words (runs of ASCII letters,
// digits and underscores, as a regexp's \b sees them) is an institution
// word. A regexp alternation of the words cost a tenth of the load.
func isInstitution(name string) bool {
	start := -1
	for i := 0; i <= len(name); i++ {
		if i < len(name) && isASCIIWord(name[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && institutionWords[name[start:i]] {
			return true
		}
		start = -1
	}
	return false
}

func isASCIIWord(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z' || c == '_'
}

// codesOf yields the items of a list separated by ";" or "|" (an empty
// list has none), without making the list.
func codesOf(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for s != "" {
			i := strings.IndexAny(s, ";|")
			if i < 0 {
				yield(s)
				return
			}
			if !yield(s[:i]) {
				return
			}
			s = s[i+1:]
			if s == "" {
				yield("")
			}
		}
	}
}

// parseYMD reads "20060102" without time.Parse's generality (tens of
// thousands of dates are read at load); anything odd goes to time.Parse
// for its error.
func parseYMD(s string) (time.Time, error) {
	if len(s) == 8 {
		n := 0
		for i := 0; i < 8; i++ {
			if s[i] < '0' || s[i] > '9' {
				n = -1
				break
			}
			n = n*10 + int(s[i]-'0')
		}
		if y, m, d := n/10000, time.Month(n/100%100), n%100; n >= 0 && m >= 1 && m <= 12 && d >= 1 {
			if t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC); t.Day() == d {
				return t, nil
			}
		}
	}
	return time.Parse("20060102", s)
}

func phoenixRole(code string) (Role, error) {
	c, window, _ := strings.Cut(code, " ")
	ro := Role{Sector: cameoSector(c)}
	if len(c) >= 3 {
		ro.Country = cameoCountry(c)
	}
	if window == "" {
		return ro, nil
	}
	from, to, ok := strings.Cut(window, "-")
	if !ok {
		return ro, fmt.Errorf("bad window %q", window)
	}
	var err error
	if from != "" {
		if ro.From, err = parseYMD(from); err != nil {
			return ro, fmt.Errorf("bad date %q", from)
		}
	}
	if to != "" {
		if ro.To, err = parseYMD(to); err != nil {
			return ro, fmt.Errorf("bad date %q", to)
		}
	}
	return ro, nil
}

// leaders/*.tsv: id, name, aliases, home country, Wikidata id, offices,
// CAMEO codes. An office is "head_of_state USA 19930120-20010120" (the end
// exclusive, either side may be empty = open); offices and codes are
// separated by ";". The files are generated (kbconv's leaders step); the
// curated YAML wins over an entry with the same id or Wikidata id, and an
// entry replaces the Phoenix person of the same name and country.
func (r *raw) readLeaders(l layer, name string) error {
	b, err := readFile(l, name)
	if err != nil || b == nil {
		return err
	}
	file := path.Join(l.name, name)
	return eachLine(b, file, 7, func(f []string) error {
		e := &Entity{ID: f[0], Name: f[1], Kind: KindPerson, Country: f[3], Aliases: splitList(f[2]), Wikidata: f[4], Source: file}
		for o := range codesOf(f[5]) {
			ro, err := r.leaderRole(o)
			if err != nil {
				return fmt.Errorf("%s: %w", f[0], err)
			}
			e.Roles = append(e.Roles, ro)
		}
		for code := range codesOf(f[6]) {
			ro, err := phoenixRole(code)
			if err != nil {
				return fmt.Errorf("%s: %w", f[0], err)
			}
			e.Roles = append(e.Roles, ro)
		}
		fillFromRoles(e)
		if _, ok := r.leaders[e.ID]; !ok {
			r.leaderIDs = append(r.leaderIDs, e.ID)
		}
		r.leaders[e.ID] = e
		return nil
	})
}

// leaderRole reads "office COUNTRY FROM-TO".
func (r *raw) leaderRole(s string) (Role, error) {
	f := strings.Fields(s)
	if len(f) != 3 {
		return Role{}, fmt.Errorf("bad office %q (want \"office COUNTRY YYYYMMDD-YYYYMMDD\")", s)
	}
	o, ok := r.offices[f[0]]
	if !ok && len(r.offices) > 0 {
		return Role{}, fmt.Errorf("unknown office %q (not in offices.yaml)", f[0])
	}
	ro, err := phoenixRole(f[1] + " " + f[2])
	if err != nil {
		return ro, err
	}
	title, cached := r.titles[f[0]]
	if !cached {
		title = officeTitle(f[0])
		r.titles[f[0]] = title
	}
	ro.Office, ro.Country, ro.Title = f[0], f[1], title
	ro.Sector = "GOV"
	if ok && o.Sector != "" {
		ro.Sector = o.Sector
	}
	return ro, nil
}

// officeTitle is the generic title of an office key: "head_of_state" →
// "Head of State".
func officeTitle(key string) string {
	words := strings.Split(key, "_")
	for i, w := range words {
		if w == "" || i > 0 && (w == "of" || w == "the" || w == "and") {
			continue
		}
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// parties.tsv: id, name, aliases, country, sectors, Party Facts id, years
// (generated by kbconv's parties step). Parties rank with the curated
// entries (they replace Phoenix entries of the same name); a YAML entry
// with the same id, in this directory or a later one, replaces the row.
func (r *raw) readParties(l layer, name string) error {
	b, err := readFile(l, name)
	if err != nil || b == nil {
		return err
	}
	file := path.Join(l.name, name)
	return eachLine(b, file, 5, func(f []string) error {
		if _, dup := r.entities[f[0]]; dup {
			return nil
		}
		e := &Entity{ID: f[0], Name: f[1], Kind: KindGroup, Country: f[3], Aliases: splitList(f[2]),
			Sectors: splitList(f[4]), Source: file}
		r.entities[e.ID] = e
		r.order = append(r.order, e.ID)
		return nil
	})
}
