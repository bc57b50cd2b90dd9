package main

import (
	"bufio"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/dyad-project/dyad/internal/actors"
)

// The parties step turns the Party Facts core parties (hdigital/partyfactsdata
// : import/elecglob/partyfacts-core-parties.csv, MIT) into
// data/actors/parties.tsv: every party active since 1990 with its country
// and the names news can use for it. A name the source gives to parties of
// several countries ("Labour Party", "Democratic Party") is left out unless
// parties_fixes.tsv gives it to one of them; a name the knowledge base
// already resolves (Hamas, Hezbollah, a country) stays with what it
// resolves to; one-word English translations ("Change", "Merchants"),
// single words English text uses ("Shiite") and names made only of common
// words, unless three or more with a party word ("The Movement", "Law and
// Justice", "National Congress") are left out, since they would match
// ordinary text. Party Facts' pseudo-parties ("no-party") are skipped.

//go:embed parties_fixes.tsv
var partyFixesTSV string

// partyFactsPath is where the step looks for the source unless -partyfacts
// says otherwise; the file is not in ../shared/data (see SOURCES in the
// knowledge-base README for the commit).
var partyFactsPath = ""

type pfParty struct {
	id, country, short string
	names              []string // candidate names, best first
	fixAliases         []string
	native             map[string]bool // names in the party's language
	first, last        int             // years; last 0 = still active
	share              float64
}

// pfCountry maps Party Facts' own codes to the knowledge base's: Northern
// Ireland and Somaliland parties act in their states' news; Kosovo is UNK
// as in countries.tsv; European Parliament groups are EUR.
var pfCountry = map[string]string{"NIR": "GBR", "SML": "SOM", "PMR": "MDA", "XKX": "UNK", "EUN": "EUR"}

// partyWords make a name of common words a party's name all the same.
var partyWords = map[string]bool{"party": true, "movement": true, "front": true, "alliance": true, "union": true,
	"congress": true, "league": true, "coalition": true, "bloc": true, "democrats": true, "socialists": true,
	"republicans": true, "communists": true, "conservatives": true, "liberals": true, "greens": true}

func convertParties(src, out string) error {
	path := partyFactsPath
	if path == "" {
		path = filepath.Join(src, "partyfacts", "partyfacts-core-parties.csv")
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("party facts core parties (get import/elecglob/partyfacts-core-parties.csv of hdigital/partyfactsdata, pass -partyfacts): %w", err)
	}
	defer f.Close()
	rd := csv.NewReader(bufio.NewReader(f))
	rd.FieldsPerRecord = -1
	recs, err := rd.ReadAll()
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	common, err := ewtWords(filepath.Join(src, "ud-ewt", "en_ewt-ud-train.conllu"))
	if err != nil {
		return err
	}
	fixes := map[string][]string{}
	for _, line := range strings.Split(partyFixesTSV, "\n") {
		fl := strings.Split(line, "\t")
		if len(fl) < 2 || strings.HasPrefix(line, "#") {
			continue
		}
		fixes[fl[0]] = strings.Split(fl[1], "|")
	}
	kb, err := actors.Load(hide{os.DirFS(out), "parties.tsv"}, ".")
	if err != nil {
		return fmt.Errorf("load knowledge base %s: %w", out, err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	get := func(r []string, k string) string {
		if i, ok := col[k]; ok && i < len(r) {
			return strings.TrimSpace(r[i])
		}
		return ""
	}
	var parties []*pfParty
	for _, r := range recs[1:] {
		// technical rows and the pseudo-parties of non-party systems
		// ("Merchants no-party", "Tribal groups no-party")
		if get(r, "technical") != "" || strings.Contains(get(r, "name_english")+get(r, "name"), "no-party") {
			continue
		}
		p := &pfParty{id: get(r, "partyfacts_id"), country: get(r, "country"), short: get(r, "name_short")}
		p.first, _ = strconv.Atoi(get(r, "year_first"))
		p.last, _ = strconv.Atoi(get(r, "year_last"))
		p.share, _ = strconv.ParseFloat(get(r, "share"), 64)
		if c, ok := pfCountry[p.country]; ok {
			p.country = c
		}
		if p.last != 0 && p.last < 1990 || len(p.country) != 3 {
			continue
		}
		p.fixAliases = fixes[p.id]
		p.names = nameVariants(get(r, "name_english"))
		english := map[string]bool{}
		for _, n := range p.names {
			english[n] = true
		}
		for _, n := range nameVariants(get(r, "name")) {
			if !english[n] {
				p.names = append(p.names, n)
				if p.native == nil {
					p.native = map[string]bool{}
				}
				p.native[n] = true
			}
		}
		parties = append(parties, p)
	}
	// who claims each folded name
	claims := map[string][]*pfParty{}
	fixed := map[string]*pfParty{}
	for _, p := range parties {
		seen := map[string]bool{}
		for _, n := range p.names {
			if k := actors.Fold(n); !seen[k] {
				seen[k] = true
				claims[k] = append(claims[k], p)
			}
		}
		if a := acronym(p.short, common); a != "" {
			if k := actors.Fold(a); !seen[k] {
				seen[k] = true
				claims[k] = append(claims[k], p)
			}
		}
		for _, n := range p.fixAliases {
			fixed[actors.Fold(n)] = p
		}
	}
	// a name the knowledge base already reads as a whole, as something
	// else than a generic agent or a Phoenix entry (which gives way to a
	// party of the same name), stays with it; Scan, not Lookup: no fuzzy
	// guesses, and case as in text
	taken := func(n string) bool {
		for _, m := range kb.Scan(n) {
			if m.Start != 0 || m.End != len(n) {
				continue
			}
			phx := m.Entity != nil && strings.Contains(m.Entity.Source, "phoenix/")
			if m.Kind != actors.KindAgent && !phx {
				return true
			}
		}
		return false
	}
	var rows [][]string
	for _, p := range parties {
		var names []string
		add := func(n string) {
			if !slices.ContainsFunc(names, func(m string) bool { return actors.Fold(m) == actors.Fold(n) }) {
				names = append(names, n)
			}
		}
		for _, n := range p.fixAliases {
			add(n)
		}
		cands := slices.Clone(p.names)
		if a := acronym(p.short, common); a != "" {
			cands = append(cands, a)
		}
		for _, n := range cands {
			k := actors.Fold(n)
			if fp, ok := fixed[k]; ok && fp != p || len(claims[k]) > 1 && fixed[k] != p {
				continue
			}
			// one word of the English translation is an English word
			// ("Merchants", "Change"); one of the party's own
			// language is a name (Likud, Fidesz)
			if !strings.Contains(n, " ") && !p.native[n] && acronym(n, common) == "" {
				continue
			}
			if !usableName(n, common) {
				continue
			}
			add(n)
		}
		names = slices.DeleteFunc(names, taken)
		if len(names) == 0 {
			continue
		}
		years := strconv.Itoa(p.first) + "-"
		if p.last != 0 {
			years += strconv.Itoa(p.last)
		}
		// the canonical name: the first name of the fixes that is not an
		// acronym ("Labour Party", "Kuomintang"), else the source's English name
		for i, n := range names {
			if slices.Contains(p.fixAliases, n) && n != strings.ToUpper(n) {
				names[0], names[i] = names[i], names[0]
				break
			}
		}
		rows = append(rows, []string{"pf-" + p.id, names[0], strings.Join(names[1:], "|"), p.country, "PTY", p.id, years})
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i][3] != rows[j][3] {
			return rows[i][3] < rows[j][3]
		}
		return rows[i][1] < rows[j][1]
	})
	return writeTSV(filepath.Join(out, "parties.tsv"), []string{
		"Political parties: id, name, aliases (|), country, sectors (|), Party Facts id, years active.",
		"Generated by `go run ./internal/actors/cmd/kbconv -only parties -partyfacts FILE`; do not edit by hand: a",
		"curated YAML entry with the same id replaces a row. Derived from the Party Facts core parties",
		"(hdigital/partyfactsdata : import/elecglob/partyfacts-core-parties.csv @ 035db5bc, MIT, Party Facts",
		"authors; Döring & Regel 2019, Party Politics 25(2)), parties active since 1990, with the names of",
		"internal/actors/cmd/kbconv/parties_fixes.tsv (dyad project).",
		"id\tname\taliases\tcountry\tsectors\tpartyfacts\tyears",
	}, rows)
}

// nameVariants splits "A / B" and "A/B" alternatives and drops year and
// bracket notes: "Democratic Party (2007)" → "Democratic Party",
// "Nationalist Movement [Action] Party" → both readings.
func nameVariants(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(strings.ReplaceAll(s, " -- ", "/"), func(r rune) bool { return r == '/' || r == ';' }) {
		part = strings.TrimSpace(part)
		if i := strings.Index(part, "("); i > 0 {
			part = strings.TrimSpace(part[:i])
		}
		if strings.Contains(part, "[") {
			out = append(out, clean(strings.NewReplacer("[", "", "]", "").Replace(part)))
			for strings.Contains(part, "[") {
				i, j := strings.Index(part, "["), strings.Index(part, "]")
				if j < i {
					break
				}
				part = part[:i] + part[j+1:]
			}
		}
		out = append(out, clean(part))
	}
	return slices.DeleteFunc(out, func(s string) bool { return s == "" })
}

func clean(s string) string {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "’", "'")), " ")
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return "" // a name in another script: Scan reads English text
		}
	}
	return s
}

// acronym returns a party's short name when it can stand alone in text: all
// capitals, 3 to 8 letters (hyphens allowed), not an English token.
func acronym(s string, common map[string]bool) string {
	if len(s) < 3 || len(s) > 8 || common[strings.ToLower(s)] || common[s] {
		return ""
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r == '-') {
			return ""
		}
	}
	return s
}

// usableName: a name of two or more words with a word that is not common
// English or a party word, or a single uncommon word; capitalised.
func usableName(n string, common map[string]bool) bool {
	words := strings.Fields(n)
	if len(words) == 0 || !unicode.IsUpper([]rune(words[0])[0]) {
		return false
	}
	if len(words) == 1 {
		// a single word English text uses at all, even capitalised
		// ("Shiite", "Muslim", "Renaissance"), is not the party's
		return len(n) >= 4 && !common[strings.ToLower(n)] && !common["@"+strings.ToLower(n)]
	}
	// common words only ("The Movement", "National Congress", "People's
	// Party") name a party only when three or more, one a party word,
	// and not after "the"
	party := false
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".,'’-"))
		if partyWords[lw] {
			party = true
		} else if !common[lw] {
			return true
		}
	}
	return party && len(words) >= 3 && !strings.EqualFold(words[0], "the")
}

// ewtWords are the words the UD English Web Treebank writes in lower
// case somewhere, and its all-capital tokens (CEO, GDP) kept as written;
// "@word" marks a word it writes in any case.
func ewtWords(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("common words: %w", err)
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		fl := strings.SplitN(line, "\t", 3)
		if len(fl) < 2 {
			continue
		}
		w := fl[1]
		if w == strings.ToLower(w) || len(w) <= 5 && w == strings.ToUpper(w) {
			out[w] = true
		}
		out["@"+strings.ToLower(w)] = true // seen in any case
	}
	return out, sc.Err()
}

// hide is a directory with one file left out (the step's own output, which
// must not count as already known).
type hide struct {
	fs.FS
	name string
}

func (h hide) Open(name string) (fs.File, error) {
	if filepath.Base(name) == h.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return h.FS.Open(name)
}

func (h hide) ReadDir(name string) ([]fs.DirEntry, error) {
	es, err := fs.ReadDir(h.FS, name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return slices.DeleteFunc(es, func(e fs.DirEntry) bool { return e.Name() == h.name }), err
}
