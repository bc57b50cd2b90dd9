package actors

import (
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/adrg/strutil/metrics"
)

// fuzzyThreshold is the Jaro-Winkler similarity of folded names above which
// Lookup offers a name as a fuzzy match.
const fuzzyThreshold = 0.93

// Lookup resolves a name as `dyad actors lookup NAME --date D` shows it:
// every entity, country, seat, title or agent it can stand for, with the
// role held on day and how the name matched (exact, alias, folded,
// surname, fuzzy). The fuzzy fallback runs only when nothing else matched.
func (kb *KB) Lookup(name string, day time.Time) []Resolution {
	words := wordsOf(tokenize(name, nil))
	if len(words) == 0 {
		return nil
	}
	var out []Resolution
	outOfPeriod := false
	if n, ok := kb.names.lookup(words); ok {
		for _, c := range kb.names.cands[n] {
			if c.kind == KindTitle && !kb.TitleExists(c.office, c.name, day) {
				outOfPeriod = true // "Secretary of War" in 2020: nobody held it
				continue
			}
			out = append(out, kb.resolve(c, howMatched(name, c), 1, day))
		}
	}
	named := len(out) > 0
	kb.buildSurnames()
	if n, ok := kb.surnames.lookup(words); ok {
		// a surname written as asked outranks one only folded alike:
		// "Obama" is Barack Obama, not Andre Mba Obame
		asked := plain(name)
		spelt := slices.ContainsFunc(kb.surnames.cands[n], func(c cand) bool { return plain(c.surface) == asked })
		for _, c := range kb.surnames.cands[n] {
			if spelt && plain(c.surface) != asked {
				continue
			}
			if c.ent != nil && slices.ContainsFunc(out, func(r Resolution) bool { return r.Entity == c.ent }) {
				continue // already found by a name of theirs
			}
			// when the name is something's own name, a surname only
			// spelt alike by folding is noise ("Tories" is not Torres)
			if named && !strings.EqualFold(strings.TrimSpace(name), c.surface) {
				continue
			}
			out = append(out, kb.resolve(c, "surname", 1, day))
		}
	}
	// a name or surname spelt as asked outranks a name only folded alike:
	// "Isaias" is Isaias Afewerki, not the Islamic State's "Isis";
	// "Cameron" is David Cameron, not Cameroon
	if slices.ContainsFunc(out, func(r Resolution) bool { return r.How != "folded" }) {
		out = slices.DeleteFunc(out, func(r Resolution) bool { return r.How == "folded" })
	}
	if len(out) > 0 {
		// on a day, a person holding a role then comes before one who
		// does not ("Maduro" in 2004 is Honduras's president)
		if !day.IsZero() {
			sort.SliceStable(out, func(i, j int) bool { return idle(out[i]) < idle(out[j]) })
		}
		return out
	}
	if rs, gone := kb.countryTitle(name, words, day); len(rs) > 0 || gone {
		return rs // a title of the country that did not exist then: no guesses
	}
	if rs := kb.titled(name, day); len(rs) > 0 {
		return rs
	}
	if rs := kb.byEnds(words, day); len(rs) > 0 {
		return rs
	}
	if outOfPeriod {
		return nil // a known title, not a misspelt one: no guesses
	}
	if len(words) == 1 && allCaps(name) && len(words[0].fold) <= 8 {
		// an unknown acronym is not a misspelt name: "OSCE" is not the USA
		return nil
	}
	want := foldedKey(words)
	jw := metrics.NewJaroWinkler()
	type hit struct {
		n     int
		score float64
	}
	var hits []hit
	for n, p := range kb.names.foldedKeys() {
		if s := jw.Compare(want, p); s >= fuzzyThreshold && everyWordNear(jw, want, p) {
			hits = append(hits, hit{n, s})
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].score > hits[j].score })
	for i, h := range hits {
		if i == 10 {
			break
		}
		for _, c := range kb.names.cands[h.n] {
			if c.kind == KindAgent || c.kind == KindTitle && !kb.TitleExists(c.office, c.name, day) {
				continue // an agent is an English word, not a misspelt name: "Navalny" is not "naval"
			}
			if !sameInitial(name, c.surface) {
				continue // a misspelling keeps the first letter: "Frei" is not "Thai"
			}
			out = append(out, kb.resolve(c, "fuzzy", h.score, day))
		}
	}
	return out
}

// idle ranks a person by what they hold on the day asked and how the name
// matched: 0 an office (or anything not a person); then people found by a
// name of theirs before those found by a last name alone, each with a
// sector role (a Phoenix "government official", a "former official")
// before those with none. "Castro" in 2017 is Raúl, the head of state,
// before Fidel, a former official; "Milosevic" in 2020 is Slobodan, whose
// alias it is, before a Croatian official of that surname.
func idle(r Resolution) int {
	switch {
	case r.Kind != KindPerson && r.Kind != KindSurname, r.HasRole && r.Role.Office != "":
		return 0
	}
	n := 1
	if r.How == "surname" || r.How == "short" {
		n = 3
	}
	if !r.HasRole {
		n++
	}
	return n
}

func howMatched(name string, c cand) string {
	name = strings.TrimSpace(name)
	if strings.EqualFold(name, c.name) {
		return "exact"
	}
	if strings.EqualFold(name, c.surface) || slices.ContainsFunc(c.forms, func(f string) bool { return strings.EqualFold(name, f) }) {
		return "alias"
	}
	if c.ent != nil {
		for _, a := range c.ent.Aliases {
			if strings.EqualFold(name, a) {
				return "alias"
			}
		}
	}
	return "folded"
}

func (kb *KB) resolve(c cand, how string, score float64, day time.Time) Resolution {
	r := Resolution{Kind: c.kind, Name: c.name, Country: c.country, Sector: c.sector, Office: c.office, How: how, Score: score}
	if c.ent != nil {
		r.Entity = c.ent
		r.Name = c.ent.Name
		if ro, ok := kb.RoleAt(c.ent, day); ok {
			r.Role, r.HasRole = ro, true
			if ro.Country != "" {
				r.Country = ro.Country
			}
			if ro.Sector != "" {
				r.Sector = ro.Sector
			}
			r.Office = ro.Office
		}
	}
	return r
}

// byEnds finds people by the first and last words of their names when the
// name asked leaves out the middle ("Carlos Menem" for "Carlos Saúl Menem",
// "Mahathir Mohamad" for "Mahathir bin Mohamad"): before any fuzzy guess,
// and marked "short".
func (kb *KB) byEnds(words []token, day time.Time) []Resolution {
	if len(words) < 2 {
		return nil
	}
	kb.endsOnce.Do(func() {
		kb.ends = map[string][]*Entity{}
		for _, e := range kb.entities {
			if e.Kind != KindPerson {
				continue
			}
			seen := map[string]bool{}
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				ws := wordsOf(tokenize(n, nil))
				if len(ws) < 3 {
					continue
				}
				k := ws[0].fold + " " + ws[len(ws)-1].fold
				if !seen[k] {
					seen[k] = true
					kb.ends[k] = append(kb.ends[k], e)
				}
			}
		}
	})
	var out []Resolution
	for _, e := range kb.ends[words[0].fold+" "+words[len(words)-1].fold] {
		c := cand{kind: KindPerson, ent: e, name: e.Name, country: e.Country, sector: first(e.Sectors)}
		out = append(out, kb.resolve(c, "short", 1, day))
	}
	if !day.IsZero() {
		sort.SliceStable(out, func(i, j int) bool { return idle(out[i]) < idle(out[j]) })
	}
	return out
}

// TitleExists says whether the title of office existed on day: offices.yaml
// dates the titles created or abolished (the US "secretary of war" until
// 1947 and again from 2025-09-05). A zero day, or a title without dates,
// always did.
func (kb *KB) TitleExists(office, title string, day time.Time) bool {
	o := kb.offices[office]
	if o == nil || day.IsZero() || len(o.Periods) == 0 {
		return true
	}
	ps, ok := o.Periods[Fold(title)]
	if !ok {
		return true
	}
	for _, p := range ps {
		if (p[0].IsZero() || !day.Before(p[0])) && (p[1].IsZero() || day.Before(p[1])) {
			return true
		}
	}
	return false
}

// countryTitle reads a country or its adjective before a title ("the
// Kenyan foreign minister", "US defense secretary") as the office of that
// country, whether or not a holder is known on day: open-world, the office
// and country are what the text says. A title that did not exist on day,
// or one that belongs to another country, gives nothing; gone says a title
// of the country was found that did not exist on day.
func (kb *KB) countryTitle(name string, words []token, day time.Time) (out []Resolution, gone bool) {
	if len(words) > 0 && words[0].fold == Fold("the") {
		words = words[1:]
	}
	for i := 1; i < len(words); i++ {
		n, ok := kb.names.lookup(words[:i])
		if !ok {
			continue
		}
		ctry := ""
		for _, c := range kb.names.cands[n] {
			if (c.kind == KindCountry || c.kind == KindDemonym) && c.ent == nil && accepts(c, name, words[:i]) {
				ctry = c.country
				break
			}
		}
		if ctry == "" {
			continue
		}
		t, ok := kb.names.lookup(words[i:])
		if !ok {
			continue
		}
		for _, c := range kb.names.cands[t] {
			if c.kind != KindTitle || c.country != "" && c.country != ctry {
				continue
			}
			if !kb.TitleExists(c.office, c.name, day) {
				gone = true
				continue
			}
			r := kb.resolve(c, "title", 1, day)
			r.Country = ctry
			if len(out) == 0 || out[0].Office != r.Office {
				out = append(out, r)
			}
		}
		if len(out) > 0 || gone {
			return out, gone
		}
	}
	return nil, false
}

// accepts applies Scan's case and spelling rules to a candidate for words
// of text.
func accepts(c cand, text string, words []token) bool {
	_, ok := accept([]cand{c}, text, words)
	return ok
}

// everyWordNear: each word of a name asked is near some word of the key
// (Jaro-Winkler ≥ 0.85), so that a shared given name does not carry a
// different surname ("Abubakar Shekau" is not "Aboubakary Sarki"), while
// a word missing or misspelt still matches ("Mahamat Deby" is "Mahamat
// Déby Itno").
func everyWordNear(jw *metrics.JaroWinkler, asked, key string) bool {
	kw := strings.Fields(key)
	for _, w := range strings.Fields(asked) {
		if !slices.ContainsFunc(kw, func(k string) bool { return jw.Compare(w, k) >= 0.85 }) {
			return false
		}
	}
	return true
}

// titled resolves a title or rank before a name ("Sultan Qaboos",
// "President Putin", "General Sisi") as the people the rest names, those
// holding that office on the day first; nil when the name does not begin
// with a title or the rest names no one.
func (kb *KB) titled(name string, day time.Time) []Resolution {
	name = strings.TrimSpace(name)
	ms := kb.Scan(name)
	if len(ms) == 0 || ms[0].Start != 0 || ms[0].Kind != KindTitle && ms[0].Kind != KindAgent || ms[0].End >= len(name) {
		return nil
	}
	var out []Resolution
	rest := strings.TrimSpace(name[ms[0].End:])
	for _, r := range kb.Lookup(rest, day) {
		if r.Entity != nil && (r.Kind == KindPerson || r.Kind == KindSurname) && r.How != "fuzzy" {
			out = append(out, r)
		}
	}
	office := ms[0].Office
	if len(out) == 0 && office != "" && !day.IsZero() {
		// a title and a given name: the holder of that office on the day
		// whose name begins with it ("Sultan Qaboos", "Emir Tamim")
		if w := wordsOf(tokenize(rest, nil)); len(w) == 1 {
			for k, hs := range kb.holders {
				if !strings.HasSuffix(k, "|"+office) {
					continue
				}
				for _, h := range hs {
					if !covers(h.role, day) || slices.ContainsFunc(out, func(r Resolution) bool { return r.Entity == h.ent }) {
						continue
					}
					if nw := wordsOf(tokenize(h.ent.Name, nil)); len(nw) > 1 && nw[0].fold == w[0].fold {
						c := cand{kind: KindPerson, ent: h.ent, name: h.ent.Name, country: h.ent.Country, sector: first(h.ent.Sectors)}
						out = append(out, kb.resolve(c, "short", 1, day))
					}
				}
			}
			slices.SortFunc(out, func(a, b Resolution) int { return strings.Compare(a.Entity.ID, b.Entity.ID) })
		}
	}
	if office != "" {
		sort.SliceStable(out, func(i, j int) bool {
			return (out[i].HasRole && out[i].Role.Office == office) && !(out[j].HasRole && out[j].Role.Office == office)
		})
	}
	return out
}

// sameInitial: a and b begin with the same letter, up to case and accents.
func sameInitial(a, b string) bool {
	pa, pb := plain(a), plain(b)
	if pa == "" || pb == "" {
		return false
	}
	ra, _ := utf8.DecodeRuneInString(pa)
	rb, _ := utf8.DecodeRuneInString(pb)
	return ra == rb
}
