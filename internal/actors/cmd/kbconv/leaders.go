package main

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/dyad-project/dyad/internal/actors"
)

// The leaders step turns leaders/office_holders.tsv (Wikidata position-held
// facts, CC0) into data/actors/leaders/heads.tsv: one person a line with
// their dated offices. It cleans what the source README lists (Portuguese
// labels, several open-ended holders of one office, year-only dates), leaves
// out the people the curated people/*.yaml already hold (the curated entry
// wins) and takes in the aliases and CAMEO codes of the Phoenix entry of the
// same person (same folded name and country), which the loader then drops.

//go:embed leaders_fixes.tsv
var leaderFixesTSV string

// leadersAddedTSV holds hand-checked holders the Wikidata extract lacks, in
// its format.
//
//go:embed leaders_added.tsv
var leadersAddedTSV string

// dataEnd is the last day of the Wikidata dump: an open term is "still in
// office on 2025-10-03".
const dataEnd = "2025-10-03"

// The foreign-minister snapshot covers who held the office from
// 2022-08-01 to 2022-12-10; the CIA directory was scraped in May–June 2019.
const (
	fmSnapshotFrom = "2022-08-01"
	ciaFrom, ciaTo = "2019-05-01", "2019-07-01"
)

// holderRow is one row of office_holders.tsv.
type holderRow struct {
	iso3, office, person, qid string
	start, end                string // YYYY-MM-DD; end "" = open
	startYear, endYear        bool   // the day may stand for the whole year
	severalOpen               bool   // flagged: several open-ended holders of the office
	drop                      bool
	aliases                   []string // hand-added rows: "aliases: A|B" in the note
}

type leaderFixes struct {
	label   map[string]string
	aliases map[string][]string
	home    map[string]string
	drop    map[string]bool
	dropIn  map[string]bool      // qid|iso3 or qid|office|iso3: roles in one country left out
	ends    map[string]string    // qid|office|iso3: the day an open term ended
	terms   map[string][2]string // qid|office|iso3|source start: the true start and end ("-" = open)
}

func parseLeaderFixes(s string) (leaderFixes, error) {
	fx := leaderFixes{label: map[string]string{}, aliases: map[string][]string{}, home: map[string]string{}, drop: map[string]bool{},
		dropIn: map[string]bool{}, ends: map[string]string{}, terms: map[string][2]string{}}
	for n, line := range strings.Split(s, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			return fx, fmt.Errorf("leaders_fixes.tsv:%d: want qid, action, value", n+1)
		}
		val := ""
		if len(f) > 2 {
			val = f[2]
		}
		switch f[1] {
		case "label":
			fx.label[f[0]] = val
		case "alias":
			fx.aliases[f[0]] = append(fx.aliases[f[0]], val)
		case "home":
			fx.home[f[0]] = val
		case "drop":
			fx.drop[f[0]] = true
		case "droprole":
			// "ISO3": every role there; "office ISO3": that office only
			fx.dropIn[f[0]+"|"+strings.Join(strings.Fields(val), "|")] = true
		case "end":
			w := strings.Fields(val)
			if len(w) != 3 {
				return fx, fmt.Errorf("leaders_fixes.tsv:%d: end wants \"office ISO3 YYYY-MM-DD\"", n+1)
			}
			fx.ends[f[0]+"|"+w[0]+"|"+w[1]] = w[2]
		case "term":
			w := strings.Fields(val)
			if len(w) != 5 {
				return fx, fmt.Errorf("leaders_fixes.tsv:%d: term wants \"office ISO3 SOURCE-START START END\"", n+1)
			}
			fx.terms[f[0]+"|"+w[0]+"|"+w[1]+"|"+w[2]] = [2]string{w[3], w[4]}
		default:
			return fx, fmt.Errorf("leaders_fixes.tsv:%d: unknown action %q", n+1, f[1])
		}
	}
	return fx, nil
}

// readHolders reads office_holders.tsv, keeping the offices asked for.
func readHolders(path string, offices map[string]bool) ([]*holderRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseHolders(f, path, offices)
}

// parseHolders reads rows in the format of office_holders.tsv: a header
// line (comment lines before it are skipped), then one row a line.
func parseHolders(r io.Reader, path string, offices map[string]bool) ([]*holderRow, error) {
	var out []*holderRow
	sc := bufio.NewScanner(r)
	header := false
	for n := 1; sc.Scan(); n++ {
		if !header {
			header = !strings.HasPrefix(sc.Text(), "#")
			continue
		}
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 8 {
			return nil, fmt.Errorf("%s:%d: want 8 fields", path, n)
		}
		if !offices[c[1]] {
			continue
		}
		out = append(out, &holderRow{iso3: c[0], office: c[1], person: strings.TrimSpace(c[2]), start: c[3], end: c[4], qid: c[6],
			startYear: strings.Contains(c[7], "start may be year"), endYear: strings.Contains(c[7], "end may be year"),
			severalOpen: strings.Contains(c[7], "several open-ended")})
		if _, as, ok := strings.Cut(c[7], "aliases: "); ok {
			as, _, _ = strings.Cut(as, ";")
			out[len(out)-1].aliases = strings.Split(as, "|")
		}
	}
	return out, sc.Err()
}

// addHolders appends the hand-added rows to the source's: a row without a
// Wikidata id takes the id of a source row of the same name, so that a
// person the source knows for other terms stays one person.
func addHolders(rows []*holderRow, added string, offices map[string]bool) ([]*holderRow, error) {
	extra, err := parseHolders(strings.NewReader(added), "leaders_added.tsv", offices)
	if err != nil {
		return nil, err
	}
	qids := map[string]string{}
	for _, r := range rows {
		if r.qid != "" {
			qids[actors.Fold(r.person)] = r.qid
		}
	}
	for _, r := range extra {
		if r.qid == "" {
			r.qid = qids[actors.Fold(r.person)]
		}
	}
	return append(rows, extra...), nil
}

// endTerms closes the open terms the fixes end (a successor after the
// source's last day) and sets the dates of the terms the fixes redate (a
// year-only or wrong start the source does not flag).
func endTerms(rows []*holderRow, fx leaderFixes) {
	for _, r := range rows {
		if t, ok := fx.terms[r.qid+"|"+r.office+"|"+r.iso3+"|"+r.start]; ok {
			r.start, r.startYear, r.endYear = t[0], false, false
			if r.end = t[1]; r.end == "-" {
				r.end = ""
			}
		}
		if d, ok := fx.ends[r.qid+"|"+r.office+"|"+r.iso3]; ok && r.end == "" {
			r.end = d
		}
	}
}

// cleanHolders applies the fixes and the date rules, in place; rows to
// leave out get drop set.
func cleanHolders(rows []*holderRow, fx leaderFixes) {
	seen := map[string]bool{}
	for _, r := range rows {
		if l, ok := fx.label[r.qid]; ok {
			r.person = l
		}
		key := r.iso3 + "|" + r.office + "|" + r.qid + "|" + r.start
		nkey := r.iso3 + "|" + r.office + "|" + actors.Fold(r.person) + "|" + r.start
		switch {
		case fx.drop[r.qid], fx.dropIn[r.qid+"|"+r.iso3], fx.dropIn[r.qid+"|"+r.office+"|"+r.iso3], !strings.HasPrefix(r.qid, "Q") && r.qid != "", r.person == "", r.start == "",
			r.end != "" && r.end < r.start, seen[key], seen[nkey]:
			r.drop = true
		case r.office == "foreign_minister" && r.end != "" && r.end < fmSnapshotFrom:
			// the snapshot saw who held the office in Aug–Dec 2022; an
			// earlier term listed beside it is often wrong (an MP, an envoy)
			r.drop = true
		}
		seen[key], seen[nkey] = true, true
	}
	groups := map[string][]*holderRow{}
	var keys []string
	for _, r := range rows {
		if r.drop {
			continue
		}
		k := r.iso3 + "|" + r.office
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], r)
	}
	for _, k := range keys {
		fixGroup(groups[k])
	}
}

// fixGroup cleans the holders of one office of one country.
//
//   - A year-only date next to a day-precise one of the same year gives way
//     to it: the predecessor's end is the successor's start.
//   - An open-ended holder flagged "several open-ended" and followed by a
//     later one ends when the next one starts.
//   - A holder flagged "several open-ended" whose term, so capped, lies
//     inside another holder's closed term is left out (a stray statement,
//     e.g. a second US head of state in 2018).
func fixGroup(g []*holderRow) {
	sort.SliceStable(g, func(i, j int) bool { return g[i].start < g[j].start })
	for i := 0; i+1 < len(g); i++ {
		a, b := g[i], g[i+1]
		if a.end == "" || a.end[:4] != b.start[:4] {
			continue
		}
		switch {
		case a.endYear && !b.startYear:
			a.end, a.endYear = b.start, false
		case b.startYear && !a.endYear:
			b.start, b.startYear = a.end, false
		}
	}
	open := map[*holderRow]bool{}
	for i, a := range g {
		if a.end != "" || !a.severalOpen {
			// an open holder the source does not flag stands beside a
			// parallel government (Northern Cyprus, Myanmar's NUG): it
			// stays open
			continue
		}
		open[a] = true
		for _, b := range g[i+1:] {
			if b.start > a.start {
				a.end = b.start
				break
			}
		}
	}
	for _, a := range g {
		if !open[a] || !a.severalOpen || a.end == "" {
			continue
		}
		for _, b := range g {
			if b != a && !open[b] && b.start <= a.start && a.end <= b.end {
				a.drop = true
				break
			}
		}
	}
}

// leader is one person of heads.tsv.
type leader struct {
	id, name, qid, country string
	aliases                []string
	rows                   []*holderRow
	codes                  []string // Phoenix CAMEO codes taken in
	curated                bool     // id is a curated person's
}

// mergeSameID joins people given one id (a curated person found under two
// spellings, two people of one name and country in the CIA list).
func mergeSameID(people []*leader) []*leader {
	byID := map[string]*leader{}
	out := people[:0]
	for _, l := range people {
		if first := byID[l.id]; first != nil {
			first.rows = append(first.rows, l.rows...)
			if first.qid == "" {
				first.qid = l.qid
			}
			continue
		}
		byID[l.id] = l
		out = append(out, l)
	}
	return out
}

// groupLeaders gathers the kept rows by person and picks each one's home
// country: the fixes' home, else the country of the longest terms.
func groupLeaders(rows []*holderRow, fx leaderFixes) []*leader {
	byQ := map[string]*leader{}
	var out []*leader
	for _, r := range rows {
		if r.drop {
			continue
		}
		k := r.qid
		if k == "" {
			k = actors.Fold(r.person) + "|" + r.iso3
		}
		l := byQ[k]
		if l == nil {
			l = &leader{name: r.person, qid: r.qid, aliases: slices.Clone(fx.aliases[r.qid])}
			byQ[k] = l
			out = append(out, l)
		}
		for _, a := range r.aliases {
			if !slices.Contains(l.aliases, a) {
				l.aliases = append(l.aliases, a)
			}
		}
		l.rows = append(l.rows, r)
	}
	for _, l := range out {
		days := map[string]int{}
		for _, r := range l.rows {
			end := r.end
			if end == "" {
				end = dataEnd
			}
			days[r.iso3] += dayNum(end) - dayNum(r.start)
		}
		best := ""
		for c, d := range days {
			if best == "" || d > days[best] || d == days[best] && c < best {
				best = c
			}
		}
		if h, ok := fx.home[l.qid]; ok {
			best = h
		}
		l.country = best
		// home-country roles first: a tie in seniority keeps the first
		sort.SliceStable(l.rows, func(i, j int) bool {
			hi, hj := l.rows[i].iso3 == best, l.rows[j].iso3 == best
			if hi != hj {
				return hi
			}
			return l.rows[i].start < l.rows[j].start
		})
		if l.qid != "" {
			l.id = slug(asciiFold(l.name)) + "-" + strings.ToLower(l.qid)
		} else {
			l.id = slug(asciiFold(l.name)) + "-" + strings.ToLower(l.country)
		}
	}
	return out
}

// asciiFold drops accents ("François" → "Francois") for ids.
func asciiFold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func dayNum(d string) int {
	var y, m, dd int
	fmt.Sscanf(d, "%d-%d-%d", &y, &m, &dd)
	return y*372 + m*31 + dd
}

// curatedPeople is what the curated YAML says about who is there.
type curatedPeople struct {
	qids  map[string]string              // Wikidata id → curated id
	names map[string]map[string][]string // folded name → country → curated ids
}

// international codes: a curated person filed under one (a UN or EU head)
// is the same person as a national leader of the same name.
var international = map[string]bool{"IGO": true, "UNO": true, "EUR": true, "NGO": true, "IMG": true, "MNC": true}

func readCurated(dir string) (curatedPeople, error) {
	cp := curatedPeople{qids: map[string]string{}, names: map[string]map[string][]string{}}
	files, _ := filepath.Glob(filepath.Join(dir, "people", "*.yaml"))
	more, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	for _, f := range append(files, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			return cp, err
		}
		var list []struct {
			ID       string   `yaml:"id"`
			Kind     string   `yaml:"kind"`
			Name     string   `yaml:"name"`
			Aliases  []string `yaml:"aliases"`
			Country  string   `yaml:"country"`
			Wikidata string   `yaml:"wikidata"`
			Roles    []struct {
				Country string `yaml:"country"`
			} `yaml:"roles"`
		}
		if err := yaml.Unmarshal(b, &list); err != nil {
			continue // offices.yaml, seats.yaml: not entity lists
		}
		for _, e := range list {
			if e.ID == "" || e.Kind != "" && e.Kind != "person" {
				continue
			}
			if e.Wikidata != "" {
				cp.qids[e.Wikidata] = e.ID
			}
			ctry := map[string]bool{e.Country: true}
			for _, r := range e.Roles {
				ctry[r.Country] = true
			}
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				if len(strings.Fields(n)) < 2 {
					continue // a surname or a regnal name alone says too little
				}
				k := actors.Fold(n)
				if cp.names[k] == nil {
					cp.names[k] = map[string][]string{}
				}
				for c := range ctry {
					if !slices.Contains(cp.names[k][c], e.ID) {
						cp.names[k][c] = append(cp.names[k][c], e.ID)
					}
				}
			}
		}
	}
	return cp, nil
}

// curatedID returns the id of the curated person who is l: the same
// Wikidata id, or a full name of theirs (folded) in one of l's countries or
// filed under an international code; "" if none.
func (cp curatedPeople) curatedID(l *leader) string {
	if id := cp.qids[l.qid]; id != "" && l.qid != "" {
		return id
	}
	for _, n := range append([]string{l.name}, l.aliases...) {
		ctry := cp.names[actors.Fold(n)]
		for _, r := range l.rows {
			if ids := ctry[r.iso3]; len(ids) > 0 {
				return ids[0]
			}
		}
		for c, ids := range ctry {
			if international[c] {
				return ids[0]
			}
		}
	}
	return ""
}

// phxPerson is a person line of phoenix/*.tsv.
type phxPerson struct {
	name    string
	aliases []string
	codes   []string
}

func readPhoenixPeople(dir string) (map[string]*phxPerson, error) {
	out := map[string]*phxPerson{}
	files, _ := filepath.Glob(filepath.Join(dir, "phoenix", "*.tsv"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(string(b), "\n") {
			c := strings.Split(line, "\t")
			if len(c) < 6 || c[1] != "person" {
				continue
			}
			k := actors.Fold(c[3]) + "|" + c[2]
			if _, dup := out[k]; dup {
				continue
			}
			p := &phxPerson{name: c[3]}
			if c[4] != "" {
				p.aliases = strings.Split(c[4], "|")
			}
			if c[5] != "" {
				p.codes = strings.Split(c[5], ";")
			}
			out[k] = p
			if e := ends(c[3]); e != "" {
				ek := "ends:" + e + "|" + c[2]
				if _, seen := out[ek]; seen {
					out[ek] = nil // two people: no guess
				} else {
					out[ek] = p
				}
			}
		}
	}
	return out, nil
}

// ends is a name's first and last word, folded ("Daniel Toroitich arap Moi"
// and "Daniel Arap Moi" share "daniel moi"); "" for a one-word name.
func ends(name string) string {
	w := strings.Fields(actors.Fold(name))
	if len(w) < 2 {
		return ""
	}
	return w[0] + " " + w[len(w)-1]
}

// findPhoenix returns the Phoenix person of that name and country: the
// same folded name, else the one person of the country with the same first
// and last words.
func findPhoenix(phx map[string]*phxPerson, name, country string) *phxPerson {
	if p := phx[actors.Fold(name)+"|"+country]; p != nil {
		return p
	}
	if e := ends(name); e != "" {
		return phx["ends:"+e+"|"+country]
	}
	return nil
}

// particles begin Arabic names; a name folding to one at its end would
// match the start of longer names.
var nameParticles = map[string]bool{"abu": true, "bin": true, "ibn": true, "ben": true, "ould": true, "bint": true, "abd": true, "al": true, "el": true}

func particleEnd(name string) bool {
	w := strings.Fields(actors.Fold(name))
	return len(w) > 0 && nameParticles[w[len(w)-1]]
}

// ciaOffices maps the CIA list's offices to the knowledge base's.
var ciaOffices = map[string]string{"foreign_minister": "foreign_minister", "defence_minister": "defense_minister"}

// phoenixDays dates a year-only start or end by the Phoenix entry of the
// same person (same folded name and country): a government code of that
// country beginning (ending) in the same year gives the day ("Tony Blair
// 1997-01-01" becomes 1997-05-02 from GBRGOV 19970502-20070627); the end
// is taken from the code whose start matched when there is one.
func phoenixDays(rows []*holderRow, phx map[string]*phxPerson) {
	type window struct{ from, to string }
	for _, r := range rows {
		if !r.startYear && !r.endYear {
			continue
		}
		p := findPhoenix(phx, r.person, r.iso3)
		if p == nil {
			continue
		}
		var ws []window
		for _, c := range p.codes {
			code, win, _ := strings.Cut(c, " ")
			if !strings.HasPrefix(code, r.iso3) || !strings.Contains(code[3:], "GOV") {
				continue
			}
			from, to, _ := strings.Cut(win, "-")
			ws = append(ws, window{isoDay(from), isoDay(to)})
		}
		var matched *window
		if r.startYear {
			for i, w := range ws {
				if w.from != "" && w.from[:4] == r.start[:4] {
					r.start, r.startYear, matched = w.from, false, &ws[i]
					break
				}
			}
		}
		if r.endYear && r.end != "" {
			if matched != nil && matched.to != "" && matched.to[:4] == r.end[:4] {
				r.end, r.endYear = matched.to, false
				continue
			}
			for _, w := range ws {
				if w.to != "" && w.to[:4] == r.end[:4] {
					r.end, r.endYear = w.to, false
					break
				}
			}
		}
	}
}

// isoDay turns YYYYMMDD into YYYY-MM-DD ("" stays "").
func isoDay(d string) string {
	if len(d) != 8 {
		return ""
	}
	return d[:4] + "-" + d[4:6] + "-" + d[6:]
}

// readCIA reads the foreign and defence ministers of cabinet_2019_cia.tsv as roles
// observed in May–June 2019. A person Wikidata knows (same folded name and
// country) takes the row under their id; one whose Wikidata term already
// covers the day is left out.
func readCIA(path string, wd []*holderRow, aliases map[string][]string) ([]*holderRow, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	named := ciaNames(string(b), wd, aliases)
	qid := map[string]string{}
	covered := map[string]bool{}
	for _, r := range wd {
		if r.drop {
			continue
		}
		k := actors.Fold(r.person) + "|" + r.iso3
		qid[k] = r.qid
		if r.office == "foreign_minister" && r.start <= ciaFrom && (r.end == "" || r.end >= ciaTo) {
			covered[k] = true
		}
	}
	var out []*holderRow
	seen := map[string]bool{}
	for n, line := range strings.Split(string(b), "\n") {
		c := strings.Split(line, "\t")
		if n == 0 || len(c) < 4 || strings.TrimSpace(c[2]) == "" {
			continue
		}
		office := ciaOffices[c[1]]
		if office == "" {
			continue
		}
		name := strings.TrimSpace(c[2])
		if particleEnd(name) {
			continue // "Mohamed Abbou" folds to "Mohammad Abu …", the start of other names
		}
		k := actors.Fold(name) + "|" + c[0]
		if office == "foreign_minister" && covered[k] || seen[k+"|"+office] || named[c[0]+"|"+c[1]+"|"+name] {
			continue
		}
		seen[k+"|"+office] = true
		out = append(out, &holderRow{iso3: c[0], office: office, person: name, qid: qid[k], start: ciaFrom, end: ciaTo})
	}
	return out, nil
}

// ciaNames reads the CIA's spelling of a Wikidata person as an alias: when
// the CIA lists one holder of an office of a country and Wikidata has one
// holder of it in May–June 2019 under another name, they are the same
// person ("Abiy Ahmed" for Wikidata's "Abiy Ahmed Ali"). It returns the
// CIA rows so placed (iso3|office|name).
func ciaNames(text string, wd []*holderRow, aliases map[string][]string) map[string]bool {
	cia := map[string][]string{} // iso3|office → names
	for n, line := range strings.Split(text, "\n") {
		c := strings.Split(line, "\t")
		if n == 0 || len(c) < 4 || strings.TrimSpace(c[2]) == "" {
			continue
		}
		switch c[1] {
		case "head_of_state", "head_of_government", "foreign_minister":
			k := c[0] + "|" + c[1]
			cia[k] = append(cia[k], strings.TrimSpace(c[2]))
		}
	}
	held := map[string][]*holderRow{} // iso3|office → Wikidata holders in the window
	for _, r := range wd {
		if !r.drop && r.start < ciaTo && (r.end == "" || r.end > ciaFrom) {
			k := r.iso3 + "|" + r.office
			held[k] = append(held[k], r)
		}
	}
	placed := map[string]bool{}
	for k, names := range cia {
		hs := held[k]
		if len(names) != 1 || len(hs) == 0 {
			continue
		}
		name := names[0]
		same := false
		for _, h := range hs {
			same = same || actors.Fold(h.person) == actors.Fold(name)
		}
		if same {
			placed[k+"|"+name] = true
			continue
		}
		if len(hs) != 1 || len(strings.Fields(name)) < 2 || hs[0].qid == "" || strings.Contains(name, `"`) ||
			!sameSurname(hs[0].person, name) {
			continue // the CIA list lags in places: another person, not another spelling
		}
		q := hs[0].qid
		dup := actors.Fold(name) == actors.Fold(hs[0].person)
		for _, a := range aliases[q] {
			dup = dup || actors.Fold(a) == actors.Fold(name)
		}
		if !dup {
			aliases[q] = append(aliases[q], name)
		}
		placed[k+"|"+name] = true
	}
	return placed
}

// sameSurname says whether two spellings can be one person's: the last
// word of one (folded) is a word of the other ("Abiy Ahmed Ali" and "Abiy
// Ahmed", "Saadeddine Othmani" and "Saad Eddine al-Othmani").
func sameSurname(a, b string) bool {
	wa, wb := strings.Fields(actors.Fold(a)), strings.Fields(actors.Fold(b))
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	return slices.Contains(wb, wa[len(wa)-1]) || slices.Contains(wa, wb[len(wb)-1])
}

func convertLeaders(src, out string) error {
	fx, err := parseLeaderFixes(leaderFixesTSV)
	if err != nil {
		return err
	}
	rows, err := readHolders(filepath.Join(src, "leaders", "office_holders.tsv"),
		map[string]bool{"head_of_state": true, "head_of_government": true, "foreign_minister": true})
	if err != nil {
		return err
	}
	if rows, err = addHolders(rows, leadersAddedTSV, map[string]bool{"head_of_state": true, "head_of_government": true}); err != nil {
		return err
	}
	endTerms(rows, fx)
	phx, err := readPhoenixPeople(out)
	if err != nil {
		return err
	}
	cleanHolders(rows, fx)
	phoenixDays(rows, phx) // after a precise neighbour had its say
	for q, as := range fx.aliases {
		fx.aliases[q] = slices.Clone(as)
	}
	cia, err := readCIA(filepath.Join(src, "leaders", "cabinet_2019_cia.tsv"), rows, fx.aliases)
	if err != nil {
		return err
	}
	people := groupLeaders(append(rows, cia...), fx)
	cur, err := readCurated(out)
	if err != nil {
		return err
	}
	var lines, mlines [][]string
	skipped := 0
	for _, l := range people {
		if id := cur.curatedID(l); id != "" {
			l.id, l.curated = id, true
		}
	}
	people = mergeSameID(people)
	given := map[string]int{}
	for _, l := range people {
		if g := givenName(l); g != "" {
			given[g]++
		}
	}
	for _, l := range people {
		if l.curated {
			// the curated entry wins; the loader adds the terms it lacks
			skipped++
			l.aliases, l.codes = nil, nil
			if l.isHead() {
				lines = append(lines, leaderLine(l))
			} else {
				mlines = append(mlines, leaderLine(l))
			}
			continue
		}
		if a := djSpelling(l.name, l.country); a != "" && !slices.Contains(l.aliases, a) {
			l.aliases = append(l.aliases, a)
		}
		if g := givenName(l); g != "" && given[g] == 1 && !slices.Contains(l.aliases, g) && !givenAbroad(phx, g, l.country) {
			// Ethiopian and Eritrean names are a given name and the
			// father's: news calls a head by the first ("Abiy", "Meles",
			// "Isaias"; Thai prime ministers too), unless two heads share
			// it (Tesfaye)
			l.aliases = append(l.aliases, g)
		}
		if p := findPhoenix(phx, l.name, l.country); p != nil {
			have := map[string]bool{actors.Fold(l.name): true}
			for _, a := range l.aliases {
				have[actors.Fold(a)] = true
			}
			for _, a := range append([]string{p.name}, p.aliases...) {
				if k := actors.Fold(a); !have[k] {
					have[k] = true
					l.aliases = append(l.aliases, a)
				}
			}
			l.codes = closeCodes(p.codes, l.rows)
		}
		if l.isHead() {
			lines = append(lines, leaderLine(l))
		} else {
			mlines = append(mlines, leaderLine(l))
		}
	}
	for _, ls := range [][][]string{lines, mlines} {
		sort.Slice(ls, func(i, j int) bool {
			if ls[i][3] != ls[j][3] {
				return ls[i][3] < ls[j][3]
			}
			return ls[i][0] < ls[j][0]
		})
	}
	header := []string{
		"Heads of state and government 1990–2025 (with the foreign-minister terms of the same people): id, name,",
		"aliases (|), home country, Wikidata id, offices (; \"office COUNTRY YYYYMMDD-YYYYMMDD\", the end exclusive",
		"or open = in office on the source's last day: 2025-10-03 for heads, 2022-12-10 for foreign ministers),",
		"CAMEO codes of the Phoenix entry of the same person (; as in phoenix/*.tsv).",
		"Generated by `go run ./internal/actors/cmd/kbconv -only leaders`; do not edit by hand: fix",
		"internal/actors/cmd/kbconv/leaders_fixes.tsv or override the person in people/*.yaml (the curated",
		"entry wins). Derived from Wikidata \"position held\" statements (CC0), via cfmessias/geografia",
		"data/leaders_history.csv @ 2e1e3b9; Phoenix codes and aliases from openeventdata/petrarch2 (MIT).",
		fmt.Sprintf("%d people, of whom %d are in the curated files: a line with a curated id only adds the", len(lines), skipped),
		"terms the curated entry lacks (an office and country none of its roles overlaps in time).",
		"id\tname\taliases\tcountry\twikidata\toffices\tcodes",
	}
	if err := writeTSV(filepath.Join(out, "leaders", "heads.tsv"), header, lines); err != nil {
		return err
	}
	mheader := []string{
		"Foreign and defence ministers who were not heads of state or government, in the format of heads.tsv: the",
		"holders of Aug–Dec 2022 with their Wikidata start dates (Wikidata \"position held\", CC0, via",
		"every-politician-scrapers/world sources/foreign/wikidata.csv; an open end = in office on 2022-12-10),",
		"and the foreign and defence ministers the CIA's \"World Leaders and Cabinet Members of Foreign Governments\" listed",
		"in May–June 2019 (US Government work, public domain, via WilliamRADFunk/cia-world-leaders @ d52b3b8),",
		"as a role held " + ciaFrom + " … " + ciaTo + " (exclusive): seen then, not necessarily before or after.",
		"Generated by `go run ./internal/actors/cmd/kbconv -only leaders`; do not edit by hand.",
		fmt.Sprintf("%d people.", len(mlines)),
		"id\tname\taliases\tcountry\twikidata\toffices\tcodes",
	}
	return writeTSV(filepath.Join(out, "leaders", "ministers.tsv"), mheader, mlines)
}

// byGivenName are the countries whose heads the news calls by their given
// name alone, and the office that holds for ("" any head): patronymic names
// (Ethiopia, Eritrea: "Abiy", "Isaias"), Thai prime ministers ("Prayut",
// "Thaksin", "Yingluck"; not the kings, whose first word is a title) and
// Malaysian ones, whose second name is the father's ("Mahathir").
var byGivenName = map[string]string{"ETH": "", "ERI": "", "THA": "head_of_government", "MYS": "head_of_government"}

// givenName is the first name of a head of a byGivenName country (of four
// letters or more), else "".
func givenName(l *leader) string {
	office, ok := byGivenName[l.country]
	if !ok || !l.isHead() || office != "" && !slices.ContainsFunc(l.rows, func(r *holderRow) bool { return r.office == office }) {
		return ""
	}
	if w := strings.Fields(l.name); len(w) > 1 && len(w[0]) >= 4 {
		return w[0]
	}
	return ""
}

// givenAbroad: for the countries where only prime ministers go by their
// given name (Thailand, Malaysia), whether that name also begins the name of a
// Phoenix person of another country ("Anand", "Suriya" are Indian names
// too): then it would stand for the wrong person abroad.
func givenAbroad(phx map[string]*phxPerson, given, country string) bool {
	if byGivenName[country] == "" {
		return false
	}
	g := actors.Fold(given)
	for k := range phx {
		name, ctry, _ := strings.Cut(k, "|")
		if ctry != country && !strings.HasPrefix(name, "ends:") && (name == g || strings.HasPrefix(name, g+" ")) {
			return true
		}
	}
	return false
}

func (l *leader) isHead() bool {
	for _, r := range l.rows {
		if r.office == "head_of_state" || r.office == "head_of_government" {
			return true
		}
	}
	return false
}

func leaderLine(l *leader) []string {
	var roles []string
	for _, r := range l.rows {
		roles = append(roles, fmt.Sprintf("%s %s %s-%s", r.office, r.iso3, compact(r.start), compact(r.end)))
	}
	return []string{l.id, l.name, strings.Join(l.aliases, "|"), l.country, l.qid, strings.Join(roles, ";"), strings.Join(l.codes, ";")}
}

func compact(d string) string { return strings.ReplaceAll(d, "-", "") }

// closeCodes ends the open government codes of a head's Phoenix entry
// ("BFAGOV 19871015-") on the last day of their head terms in that
// country, once every such term has a successor: the Phoenix dictionaries
// stop early in 2015, so an open code there means "still in office then",
// not for ever (Compaoré left in 2014, Mugabe in 2017). A code opened
// after the last term, or in a country the person never headed, stays.
func closeCodes(codes []string, rows []*holderRow) []string {
	last := map[string]string{} // country → the last head term's end; "" = a term still open
	open := map[string]bool{}
	for _, r := range rows {
		if r.office != "head_of_state" && r.office != "head_of_government" {
			continue
		}
		if r.end == "" {
			open[r.iso3] = true
		} else if r.end > last[r.iso3] {
			last[r.iso3] = r.end
		}
	}
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = c
		code, window, ok := strings.Cut(c, " ")
		if !ok || len(code) < 6 || code[3:6] != "GOV" || !strings.HasSuffix(window, "-") {
			continue
		}
		end, ctry := last[code[:3]], code[:3]
		if open[ctry] || end == "" {
			continue
		}
		if start := strings.TrimSuffix(window, "-"); start <= compact(end) {
			out[i] = code + " " + start + "-" + compact(end)
		}
	}
	return out
}

// djSpelling is the English press's spelling of a South Slavic name with
// "đ" ("Franjo Tuđman" → "Franjo Tudjman", "Zoran Đinđić" → "Zoran
// Djindjic"), which folding does not reach (it reads "đ" as "d"); "" for
// a name without one or from elsewhere (Vietnamese "Đ" is a D).
func djSpelling(name, country string) string {
	if !southSlavic[country] || !strings.ContainsAny(name, "đĐ") {
		return ""
	}
	return strings.NewReplacer("đ", "dj", "Đ", "Dj").Replace(name)
}

var southSlavic = map[string]bool{"SRB": true, "HRV": true, "BIH": true, "MNE": true, "SVN": true, "YUG": true, "SCG": true}
