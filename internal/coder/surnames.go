package coder

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-project/dyad/internal/actors"
)

// addSurnames finds people named by surname alone after the text introduced
// them in full ("Donald Trump" … "Trump said"): the knowledge base only
// matches full names and aliases, and a bare surname is ambiguous until the
// document says whose it is.
func addSurnames(text string, ms []actors.Match) []actors.Match {
	type intro struct {
		ent   *actors.Entity
		after int
	}
	names := map[string]intro{}
	given := map[string]intro{}
	givenBlocked := map[string]bool{}
	for _, m := range ms {
		if m.Entity == nil || m.Entity.Kind != actors.KindPerson {
			continue
		}
		for _, src := range []string{m.Text, m.Entity.Name} {
			f := strings.Fields(src)
			if len(f) < 2 {
				continue
			}
			if familyFirst[m.Entity.Country] {
				// "Kim Jong Un" … "Kim said": the family name comes first
				if k := f[0]; utf8.RuneCountInString(k) >= 2 {
					if _, seen := names[k]; !seen {
						names[k] = intro{m.Entity, m.End}
					}
				}
				continue
			}
			last := strings.TrimSuffix(strings.TrimSuffix(f[len(f)-1], "’s"), "'s")
			for _, k := range surnameForms(last) {
				if _, seen := names[k]; !seen && utf8.RuneCountInString(k) > 2 {
					names[k] = intro{m.Entity, m.End}
				}
			}
			// a given name alone ("Elizabeth") once the full name was
			// given, unless two people of the text share it
			if first := f[0]; utf8.RuneCountInString(first) > 3 && !givenBlocked[first] {
				if prev, seen := given[first]; seen && prev.ent != m.Entity {
					givenBlocked[first] = true
				} else {
					given[first] = intro{m.Entity, m.End}
				}
			}
		}
	}
	for k, in := range given {
		if _, taken := names[k]; !taken && !givenBlocked[k] {
			names[k] = in
		}
	}
	if len(names) == 0 {
		return ms
	}
	covered := overlapIndex(ms)
	var add []actors.Match
	for name, in := range names {
		for from := in.after; ; {
			i := strings.Index(text[from:], name)
			if i < 0 {
				break
			}
			s := from + i
			e := s + len(name)
			from = e
			if !wordBoundary(text, s, e) || covered(s, e) {
				continue
			}
			add = append(add, actors.Match{Start: s, End: e, Text: name, Kind: actors.KindPerson, Entity: in.ent, Country: in.ent.Country})
		}
	}
	if len(add) == 0 {
		return ms
	}
	out := append(ms, add...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	// two surnames may overlap ("al-Sudani" and "Sudani"): keep the first, longest
	res := out[:0]
	end := -1
	for _, m := range out {
		if m.Start < end {
			continue
		}
		res = append(res, m)
		end = m.End
	}
	return res
}

// familyFirst are the countries whose names put the family name first, as
// the English press writes them too ("Kim Jong Un", "Xi Jinping", "Hun
// Sen", "Nguyen Xuan Phuc").
var familyFirst = map[string]bool{"CHN": true, "TWN": true, "HKG": true, "MAC": true, "KOR": true, "PRK": true,
	"VNM": true, "KHM": true, "MNG": true, "SGP": true}

// surnameForms gives "al-Abbasi" and "Abbasi" for either.
func surnameForms(last string) []string {
	for _, p := range []string{"al-", "Al-", "el-", "El-", "as-", "ash-", "ad-"} {
		if strings.HasPrefix(last, p) {
			return []string{last, last[len(p):]}
		}
	}
	return []string{last, "al-" + last}
}

// wordBoundary reports whether text[s:e] stands as a whole word ("Trump",
// not "Trumpet"), allowing a possessive after it.
func wordBoundary(text string, s, e int) bool {
	if s > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:s])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' {
			return false
		}
	}
	if e < len(text) {
		r, _ := utf8.DecodeRuneInString(text[e:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// titledSurnames adds the persons a title names by surname alone ("Vice
// President Biden", "Prime Minister Netanyahu"): the holder of that office
// on the day among the people of that surname. The full name then need not
// come first.
func (c *Coder) titledSurnames(text string, ms []actors.Match, day time.Time) []actors.Match {
	var add []actors.Match
	for i, m := range ms {
		if m.Kind != actors.KindTitle || m.Office == "" {
			continue
		}
		if i+1 < len(ms) && ms[i+1].Start-m.End <= 1 {
			continue // the title already names someone
		}
		// only the words right after the title are looked at: scanning
		// the whole text for surnames would cost a second pass
		end := min(len(text), m.End+40)
		for _, sm := range c.kb.Surnames(text[m.End:end]) {
			if sm.Start > 1 {
				break
			}
			e := sm.Entity
			if e == nil {
				continue
			}
			if r, ok := c.kb.RoleAt(e, day); ok && r.Office == m.Office && (m.Country == "" || m.Country == r.Country) {
				add = append(add, actors.Match{Start: m.End + sm.Start, End: m.End + sm.End, Text: sm.Text,
					Kind: actors.KindPerson, Entity: e, Country: e.Country, Sector: sm.Sector})
				break
			}
		}
	}
	if len(add) == 0 {
		return ms
	}
	out := append(append([]actors.Match(nil), ms...), add...)
	sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

// overlapIndex answers whether a span overlaps one of the matches (sorted by
// start) in logarithmic time: the matches starting before the span's end
// are a prefix, and one of them reaches into the span when the furthest end
// of that prefix does. A linear scan per occurrence made long texts
// quadratic.
func overlapIndex(ms []actors.Match) func(s, e int) bool {
	reach := make([]int, len(ms))
	for i, m := range ms {
		reach[i] = m.End
		if i > 0 && reach[i-1] > reach[i] {
			reach[i] = reach[i-1]
		}
	}
	return func(s, e int) bool {
		j := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= e })
		return j > 0 && reach[j-1] > s
	}
}
