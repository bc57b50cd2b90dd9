package main

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// agentExtras are generic actor nouns of news English that the TABARI
// agents file lacks (it relies on a noun stemmer); singular and plural.
var agentExtras = []struct{ sing, plur, sectors string }{
	{"", "forces", "MIL"},
	{"", "armed forces", "MIL"},
	{"", "officials", "GOV"},
	{"faction", "factions", "UAF"},
	{"armed faction", "armed factions", "UAF"},
	{"resistance faction", "resistance factions", "UAF"},
	{"opposition", "", "OPP"},
	{"demonstrator", "demonstrators", "CVL,OPP"},
	{"authorities", "", "GOV"},
	{"administration", "administrations", "GOV"},
	{"cabinet", "cabinets", "GOV"},
	{"spokesman", "spokesmen", "GOV"},
	{"spokeswoman", "spokeswomen", "GOV"},
	{"spokesperson", "spokespeople", "GOV"},
	{"paramilitary", "paramilitaries", "PRM"},
	{"gunman", "gunmen", "UAF"},
	{"jihadist", "jihadists", "REB"},
	{"extremist", "extremists", "REB"},
	{"terrorist", "terrorists", "REB"},
	{"", "people", "CVL"},
	{"hard-liner", "hard-liners", "CVL"},
	{"hardliner", "hardliners", "CVL"},
	// people news reports acting that the TABARI list lacks (issue 15)
	{"striker", "strikers", "LAB"},
	{"musician", "musicians", "CVL"},
	{"survivor", "survivors", "CVL"},
	{"inmate", "inmates", "CRM"},
	{"donor", "donors", "SOC"},
	{"aid agency", "aid agencies", "SOC"},
	{"negotiator", "negotiators", "GOV"},
	{"investigator", "investigators", "COP"},
	{"inspector", "inspectors", "GOV"},
	// bodies news names by their common noun, which the TABARI list has only
	// inside longer phrases ("COMMERCIAL_BANK", "CENTRAL_ELECTION_COMMITTEE",
	// "RULING_PARTY", "COMPANY_OWNER", "MILLS_ASSOCIATION")
	{"bank", "banks", "BUS"},
	{"lender", "lenders", "BUS"},
	{"firm", "firms", "BUS"},
	{"management", "", "BUS"},
	{"owner", "owners", "BUS"},
	{"party", "parties", "PTY"},
	{"committee", "committees", "GOV"},
	{"commission", "commissions", "GOV"},
	{"association", "associations", "CVL"},
	{"organization", "organizations", "NGO"},
	{"organisation", "organisations", "NGO"},
	{"", "jets", "MIL"},
	{"home guard", "home guards", "COP"},
	{"homeguard", "homeguards", "COP"},
}

// agentDrop are TABARI agent words that name a place, a quality or a
// relation rather than an actor in news English: "the region", "state-run",
// "Islamic", "his family", "Evin prison". As parties they only ever took the
// country of the article and produced events between the wrong sides.
var agentDrop = map[string]bool{
	"region": true, "regions": true, "state": true, "area": true, "areas": true, "head": true, "heads": true,
	"islamic": true, "shiite": true, "shia": true, "sunni": true, "family": true, "families": true,
	"prison": true, "prisons": true, "school": true, "schools": true, "member": true, "members": true,
}

var (
	agentLine = regexp.MustCompile(`^([^\[{#]+?)\s*(?:\{([^}]*)\})?\s*\[~([A-Z]+)\]`)
	substSet  = regexp.MustCompile(`^(![A-Z]+!)\s*=\s*(.+)$`)
)

// skipSectors are TABARI codes that mark non-actors.
var skipSectors = map[string]bool{"NON": true, "JNK": true}

func convertAgents(src, out string) error {
	b, err := os.ReadFile(filepath.Join(src, "ngec/PLOVER_agents.txt"))
	if err != nil {
		return err
	}
	type row struct{ phrase, sectors, form string }
	rows := map[string]row{} // first sector assignment wins
	var order []string
	put := func(phrase, sectors, form string) {
		phrase = strings.ToLower(strings.Join(strings.Fields(phrase), " "))
		if phrase == "" || agentDrop[phrase] {
			return
		}
		k := phrase + "\t" + form
		if _, ok := rows[k]; ok {
			return
		}
		if _, ok := rows[phrase+"\t"+map[string]string{"s": "p", "p": "s"}[form]]; ok {
			return
		}
		rows[k] = row{phrase, sectors, form}
		order = append(order, k)
	}
	subst := map[string][]string{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if m := substSet.FindStringSubmatch(line); m != nil {
			for _, w := range strings.Split(m[2], ",") {
				subst[m[1]] = append(subst[m[1]], strings.TrimSpace(w))
			}
			continue
		}
		m := agentLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		var sectors []string
		for c := m[3]; len(c) >= 3; c = c[3:] {
			if !skipSectors[c[:3]] {
				sectors = append(sectors, c[:3])
			}
		}
		if len(sectors) == 0 {
			continue
		}
		sec := strings.Join(sectors, ",")
		for _, phrase := range expand(m[1], subst) {
			p := tabariPhrase(phrase.text)
			if phrase.plural {
				put(p, sec, "p")
				continue
			}
			if _, isPlural := rows[strings.ToLower(strings.Join(strings.Fields(p), " "))+"\tp"]; isPlural {
				continue // a plural listed on its own line (PROTESTERS); "protesterss" is no word
			}
			put(p, sec, "s")
			if m[2] != "" {
				for _, pl := range strings.Fields(m[2]) {
					put(tabariPhrase(pl), sec, "p")
				}
			} else if pl := pluralNoun(p); pl != "" {
				put(pl, sec, "p")
			}
		}
	}
	for _, x := range agentExtras {
		put(x.sing, x.sectors, "s")
		put(x.plur, x.sectors, "p")
	}
	sort.Strings(order)
	var out2 [][]string
	for _, k := range order {
		r := rows[k]
		out2 = append(out2, []string{r.phrase, r.sectors, r.form})
	}
	header := []string{
		"Generic agents: phrase, PLOVER sectors (primary first), form (s singular, p plural). Generated by",
		"`go run ./internal/actors/cmd/kbconv`; do not edit by hand. Derived from",
		"ahalterman/NGEC-2025 : NGEC/assets/PLOVER_agents.txt @ a3909e2a (MIT), itself from",
		"openeventdata/petrarch2 Phoenix.agents.txt @ 676801cd (MIT); plus a few nouns listed in kbconv.",
		"phrase\tsectors\tform",
	}
	return writeTSV(filepath.Join(out, "agents.tsv"), header, out2)
}

type phrase struct {
	text   string
	plural bool
}

// expand replaces substitution sets such as !PERSON! (man, men, woman…).
func expand(p string, subst map[string][]string) []phrase {
	p = strings.TrimSpace(p)
	for set, words := range subst {
		i := strings.Index(p, set)
		if i < 0 {
			continue
		}
		var out []phrase
		for _, w := range words {
			lw := strings.ToLower(w)
			plural := lw == "men" || lw == "women" || lw == "ministers" || lw == "ministries"
			for _, e := range expand(p[:i]+w+p[i+len(set):], subst) {
				out = append(out, phrase{e.text, plural || e.plural})
			}
		}
		return out
	}
	return []phrase{{text: p}}
}

func tabariPhrase(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "_", " "))
}

// pluralNoun makes the regular plural of the phrase's last word.
func pluralNoun(p string) string {
	words := strings.Fields(p)
	if len(words) == 0 {
		return ""
	}
	w := words[len(words)-1]
	var pl string
	switch {
	case w == "police" || w == "military" || w == "people" || strings.HasSuffix(w, "men") || w == "personnel":
		return ""
	case strings.HasSuffix(w, "man"):
		pl = w[:len(w)-3] + "men"
	case strings.HasSuffix(w, "person"):
		pl = w[:len(w)-6] + "people"
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		pl = w + "es"
	case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		pl = w[:len(w)-1] + "ies"
	default:
		pl = w + "s"
	}
	words[len(words)-1] = pl
	return strings.Join(words, " ")
}
