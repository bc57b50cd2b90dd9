package actors

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/data"
)

// state is one line of testdata/states.tsv: a sovereign state and the days
// it existed.
type state struct {
	iso3     string
	from, to time.Time // zero = open
}

func readStates(t *testing.T) []state {
	t.Helper()
	b, err := os.ReadFile("testdata/states.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var out []state
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			t.Fatalf("states.tsv: %q: want iso3, from, to", line)
		}
		s := state{iso3: f[0]}
		for i, d := range []*time.Time{&s.from, &s.to} {
			if f[i+1] != "" {
				if *d, err = time.Parse(time.DateOnly, f[i+1]); err != nil {
					t.Fatalf("states.tsv: %q: %v", line, err)
				}
			}
		}
		out = append(out, s)
	}
	return out
}

// TestHeadsKnown: on 1 July of 1995, 2005, 2015, 2020 and 2025, the knowledge base knows
// who headed the state for at least 190 of the sovereign states of that
// day (testdata/states.tsv: the UN members and observers, Taiwan and
// Kosovo, about 195), and who headed its government for as many (the gaps
// left are collective or rotating heads, San Marino's Captains Regent and
// Haiti's council, and Afghanistan's acting prime ministers of 1994–96);
// every other year 1995–2026 keeps at least 189 and 185
// (DYAD_ALL_YEARS=1 with -v logs them all).
func TestHeadsKnown(t *testing.T) {
	if _, err := fs.Stat(data.FS, "actors/leaders/heads.tsv"); err != nil {
		t.Skip("leaders/heads.tsv absent")
	}
	kb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	states := readStates(t)
	checked := map[int]bool{1995: true, 2005: true, 2015: true, 2020: true, 2025: true}
	for y := 1995; y <= 2026; y++ {
		day := time.Date(y, 7, 1, 0, 0, 0, 0, time.UTC)
		var n, hos, hog, either int
		var noHOS, noHOG []string
		for _, s := range states {
			if !s.from.IsZero() && day.Before(s.from) || !s.to.IsZero() && !day.Before(s.to) {
				continue
			}
			n++
			_, _, a := kb.Holder(s.iso3, "head_of_state", day)
			_, _, g := kb.Holder(s.iso3, "head_of_government", day)
			if a {
				hos++
			} else {
				noHOS = append(noHOS, s.iso3)
			}
			if g {
				hog++
			} else {
				noHOG = append(noHOG, s.iso3)
			}
			if a || g {
				either++
			}
		}
		if checked[y] || os.Getenv("DYAD_ALL_YEARS") != "" {
			t.Logf("%d-07-01: of %d states, head of state known for %d (not %v), head of government for %d (not %v), either for %d",
				y, n, hos, noHOS, hog, noHOG, either)
		}
		// the years the issue names want 190 of each; the others may not
		// fall below what they reach now (a regression guard)
		wantHOS, wantHOG := 189, 185
		if checked[y] {
			wantHOS, wantHOG = 190, 190
		}
		if hos < wantHOS || either < wantHOS {
			t.Errorf("%d-07-01: head of state known for %d states, a head of either kind for %d; want ≥ %d", y, hos, either, wantHOS)
		}
		if hog < wantHOG {
			t.Errorf("%d-07-01: head of government known for %d states, want ≥ %d", y, hog, wantHOG)
		}
	}
}

// TestLeaderProbes: real-world (name, date) → (country, office) from the
// generated leaders file, and the curated entry winning over it.
func TestLeaderProbes(t *testing.T) {
	if _, err := fs.Stat(data.FS, "actors/leaders/heads.tsv"); err != nil {
		t.Skip("leaders/heads.tsv absent")
	}
	kb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	probes := []struct {
		name, date, country, office string
	}{
		{"Jair Bolsonaro", "2020-03-01", "BRA", "head_of_state"},
		{"Cyril Ramaphosa", "2019-06-01", "ZAF", "head_of_state"},
		{"Justin Trudeau", "2018-01-01", "CAN", "head_of_government"},
		{"Bill Clinton", "1998-01-01", "USA", "head_of_state"},
		{"Nelson Mandela", "1996-05-01", "ZAF", "head_of_state"},
		{"Angela Merkel", "2010-01-01", "DEU", "head_of_government"},
		{"Shinzo Abe", "2015-01-01", "JPN", "head_of_government"},
		{"Narendra Modi", "2020-01-01", "IND", "head_of_government"},
		{"Andrés Manuel López Obrador", "2021-01-01", "MEX", "head_of_state"},
		{"Andres Manuel Lopez Obrador", "2021-01-01", "MEX", "head_of_state"}, // accents folded
		{"Helmut Kohl", "1995-07-01", "DEU", "head_of_government"},
		{"Margrethe II", "2000-01-01", "DNK", "head_of_state"}, // home country first of three
		{"Mswati III", "2010-01-01", "SWZ", "head_of_state"},   // Portuguese label replaced
		{"Harald V", "2010-01-01", "NOR", "head_of_state"},
		{"Pope Francis", "2020-01-01", "VAT", "head_of_state"},
		{"Abiy Ahmed", "2020-01-01", "ETH", "head_of_government"}, // the CIA's spelling, an alias
		{"Kasym-Zhomart Tokayev", "2019-07-01", "KAZ", "head_of_state"},
		{"Volodymyr Zelensky", "2022-03-01", "UKR", "head_of_state"},
		{"Volodymyr Zelenskyy", "2024-03-01", "UKR", "head_of_state"},
		{"Nicolás Maduro", "2020-06-01", "VEN", "head_of_state"}, // a contested claimant does not end his term
		// curated people gain the terms their file lacks
		{"Vladimir Putin", "2003-01-01", "RUS", "head_of_state"},
		{"Benjamin Netanyahu", "1997-06-01", "ISR", "head_of_government"},
		{"Mark Rutte", "2015-01-01", "NLD", "head_of_government"},     // curated as NATO's head
		{"Charles Michel", "2016-01-01", "BEL", "head_of_government"}, // curated as the EU's
		{"Elizabeth II", "2000-01-01", "GBR", "head_of_state"},        // queen of many realms: her own first
		{"Nicolas Sarkozy", "2006-01-01", "", ""},                     // a co-prince term on year-only dates left out
		// leaders of former states (people/sun.yaml, yug.yaml, csk.yaml)
		{"Mikhail Gorbachev", "1991-01-01", "SUN", "head_of_state"},
		{"Slobodan Milosevic", "1999-01-01", "YUG", "head_of_state"},
		{"Slobodan Milošević", "1995-01-01", "SRB", "head_of_state"},
		{"Vaclav Havel", "1991-01-01", "CSK", "head_of_state"},
		{"Václav Havel", "1995-01-01", "CZE", "head_of_state"}, // the Czech term, from Wikidata
		{"Svetozar Marović", "2004-01-01", "SCG", "head_of_state"},
		// foreign ministers: the 2022 snapshot (from the Wikidata start),
		// the CIA list of mid-2019 (observed then)
		{"Dmytro Kuleba", "2022-03-01", "UKR", "foreign_minister"},
		{"Penny Wong", "2022-10-01", "AUS", "foreign_minister"},
		{"Pavlo Klimkin", "2019-06-01", "UKR", "foreign_minister"},
		{"Chrystia Freeland", "2019-06-15", "CAN", "foreign_minister"},
		{"Stepan Poltorak", "2019-06-01", "UKR", "defense_minister"},
	}
	for _, p := range probes {
		rs := kb.Lookup(p.name, day(p.date))
		ok := false
		for _, r := range rs {
			if r.How != "fuzzy" && r.Kind == KindPerson && (p.office == "" && !r.HasRole || r.HasRole && r.Country == p.country && r.Office == p.office) {
				ok = true
				break
			}
		}
		if !ok {
			t.Errorf("%s on %s: %+v, want %s %s", p.name, p.date, rs, p.country, p.office)
		}
	}
	// out of term: no head role (the Phoenix codes may say ELI or GOV)
	for _, r := range kb.Lookup("Bill Clinton", day("2005-01-01")) {
		if r.Office == "head_of_state" {
			t.Errorf("Bill Clinton 2005 still head of state: %+v", r)
		}
	}
	// before the Wikidata start: no foreign-minister role
	for _, r := range kb.Lookup("Dmytro Kuleba", day("2018-01-01")) {
		if r.Office == "foreign_minister" {
			t.Errorf("Kuleba foreign minister in 2018: %+v", r)
		}
	}
	// holders on a day
	for _, h := range []struct{ country, office, date, name string }{
		{"USA", "head_of_state", "2019-06-01", "Donald Trump"}, // the stray second US head of state of 2018 is gone
		{"AUS", "head_of_government", "2016-01-01", "Malcolm Turnbull"},
		{"QAT", "head_of_state", "1995-03-01", "Khalifa bin Hamad Al Thani"}, // a year-only start gives way to a precise end
		{"ARG", "head_of_state", "1995-07-01", "Carlos Saúl Menem"},
		{"KEN", "foreign_minister", "2022-11-01", "Alfred Nganga Mutua"},
		{"GBR", "head_of_government", "1997-03-01", "John Major"}, // year-only Wikidata dates, days from Phoenix
		{"GBR", "head_of_government", "1997-06-01", "Tony Blair"},
		{"UKR", "foreign_minister", "2019-06-01", "Pavlo Klimkin"},
	} {
		e, _, ok := kb.Holder(h.country, h.office, day(h.date))
		if !ok || e.Name != h.name {
			t.Errorf("Holder(%s, %s, %s) = %v, want %s", h.country, h.office, h.date, e, h.name)
		}
	}
	// curated wins: one person, from the curated file
	n := 0
	for _, r := range kb.Lookup("Emmanuel Macron", day("2020-01-01")) {
		if r.Kind == KindPerson {
			n++
			if r.Entity.Source != "actors/people/fra.yaml" {
				t.Errorf("Macron from %s, want the curated file", r.Entity.Source)
			}
		}
	}
	if n != 1 {
		t.Errorf("Emmanuel Macron: %d persons, want 1", n)
	}
}

// TestFormerStatesAndIGOs: dissolved and renamed states and international
// organisations resolve to their own codes, never fuzzily to a country.
func TestFormerStatesAndIGOs(t *testing.T) {
	kb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(1995, 7, 1, 0, 0, 0, 0, time.UTC)
	for _, p := range []struct {
		name    string
		kind    Kind
		country string
	}{
		{"Yugoslavia", KindCountry, "YUG"},
		{"Yugoslav", KindDemonym, "YUG"},
		{"Serbia and Montenegro", KindCountry, "SCG"},
		{"Soviet Union", KindCountry, "SUN"},
		{"USSR", KindCountry, "SUN"},
		{"Czechoslovakia", KindCountry, "CSK"},
		{"East Germany", KindCountry, "DDR"},
		{"Swaziland", KindCountry, "SWZ"},
		{"Burma", KindCountry, "MMR"},
		{"Zaire", KindCountry, "COD"},
		{"OSCE", KindIGO, "IGO"},
		{"SCO", KindIGO, "IGO"},
		{"Shanghai Cooperation Organisation", KindIGO, "IGO"},
		{"ILO", KindIGO, "UNO"},
		{"International Labor Organization", KindIGO, "UNO"},
		{"ASEAN", KindIGO, "IGO"},
		{"ECOWAS", KindIGO, "IGO"},
		{"G7", KindIGO, "IGO"},
		{"G-20", KindIGO, "IGO"},
		{"WHO", KindIGO, "UNO"},
		{"IAEA", KindIGO, "UNO"},
		{"International Criminal Court", KindIGO, "IGO"},
		{"International Court of Justice", KindIGO, "UNO"},
		{"OPEC", KindIGO, "IGO"},
		{"African Union", KindIGO, "IGO"},
		{"Arab League", KindIGO, "IGO"},
		{"GCC", KindIGO, "IGO"},
		{"OIC", KindIGO, "IGO"},
	} {
		rs := kb.Lookup(p.name, day)
		if len(rs) == 0 || rs[0].How == "fuzzy" || rs[0].Kind != p.kind || rs[0].Country != p.country {
			t.Errorf("Lookup(%q) = %+v, want %s %s", p.name, rs, p.kind, p.country)
		}
	}
	// in running text, an acronym matches only in capitals
	if ms := kb.Scan("the sco and osce were not named"); len(ms) != 0 {
		t.Errorf("lower-case acronyms matched: %+v", ms)
	}
	if ms := kb.Scan("The OSCE sent monitors."); len(ms) != 1 || ms[0].Entity == nil || ms[0].Entity.ID != "osce" {
		t.Errorf("Scan OSCE: %+v", ms)
	}
}

// TestIGOSpelling: transliteration folding is for people and groups; an
// organisation is written as registered ("Asian" is not ASEAN).
func TestIGOSpelling(t *testing.T) {
	kb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range kb.Scan("Asian leaders met.") {
		if m.Kind == KindIGO {
			t.Errorf("Asian matched %+v", m)
		}
	}
	if ms := kb.Scan("Asean leaders met."); len(ms) != 1 || ms[0].Kind != KindIGO {
		t.Errorf("Asean: %+v", ms)
	}
	// an organisation's acronym of four letters or more, written as a word
	for _, c := range []struct {
		text, id string
	}{
		{"a convoy of the Nato mission", "nato"},
		{"Opec cut output.", "opec"},
		{"nato and opec", ""},    // not in lower case
		{"NaTo said", ""},        // nor in mixed case
		{"Who sent doctors", ""}, // nor three letters
	} {
		ms := kb.Scan(c.text)
		var got string
		for _, m := range ms {
			if m.Kind == KindIGO && m.Entity != nil {
				got = m.Entity.ID
			}
		}
		if got != c.id {
			t.Errorf("Scan(%q): IGO %q, want %q (%+v)", c.text, got, c.id, ms)
		}
	}
}

// TestLookupOrder: on a day, the person holding a role then comes first; a
// person found by name and by surname is listed once; an unknown acronym
// has no fuzzy answer.
func TestLookupOrder(t *testing.T) {
	kb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	rs := kb.Lookup("Maduro", time.Date(2004, 1, 1, 0, 0, 0, 0, time.UTC))
	if len(rs) == 0 || rs[0].Entity == nil || rs[0].Entity.Country != "HND" {
		t.Errorf("Maduro 2004: %+v, want Ricardo Maduro (HND) first", rs)
	}
	rs = kb.Lookup("Maduro", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
	if len(rs) == 0 || rs[0].Entity == nil || rs[0].Entity.Country != "VEN" {
		t.Errorf("Maduro 2020: %+v, want Nicolás Maduro (VEN) first", rs)
	}
	// an office held outranks a sector role: Raúl, not Fidel, in 2017
	rs = kb.Lookup("Castro", time.Date(2017, 6, 16, 0, 0, 0, 0, time.UTC))
	if len(rs) == 0 || rs[0].Entity == nil || rs[0].Entity.Name != "Raúl Castro" {
		t.Errorf("Castro 2017: %+v, want Raúl Castro first", rs)
	}
	// a name of the person's own outranks another's surname with a sector role
	rs = kb.Lookup("Milosevic", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
	if len(rs) == 0 || rs[0].Entity == nil || rs[0].Entity.ID != "slobodan-milosevic" {
		t.Errorf("Milosevic 2020: %+v, want Slobodan Milošević first", rs)
	}
	seen := map[*Entity]bool{}
	for _, r := range kb.Lookup("Poroshenko", time.Time{}) {
		if r.Entity != nil && seen[r.Entity] {
			t.Errorf("Poroshenko: %s listed twice", r.Entity.Name)
		}
		seen[r.Entity] = true
	}
	if rs := kb.Lookup("UNMISS", time.Time{}); len(rs) != 0 { // was a fuzzy "Omani"
		t.Errorf("UNMISS: %+v, want nothing", rs)
	}
	// a fuzzy match is a misspelt name: never an agent noun, never a
	// shared given name with another surname; a missing word is allowed
	for _, c := range []struct{ name, want string }{
		{"Navalnyy", ""},        // was "naval"
		{"Abubakar Shekau", ""}, // was Aboubakary Sarki
		{"Mahamat Deby", "Mahamat Déby Itno"},
		{"Mahathirr", "Mahathir bin Mohamad"},
	} {
		rs := kb.Lookup(c.name, time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC))
		var got string
		if len(rs) > 0 {
			got = rs[0].Name
		}
		if got != c.want {
			t.Errorf("Lookup(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestLeaderProbeTable: the probes of testdata/leader_probes.tsv resolve,
// by name and date, to the country and office.
func TestLeaderProbeTable(t *testing.T) {
	kb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("testdata/leader_probes.tsv")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 4 || strings.HasPrefix(line, "#") {
			continue
		}
		n++
		day, err := time.Parse("2006-01-02", f[1])
		if err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		rs := kb.Lookup(f[0], day)
		ok := len(rs) > 0 && rs[0].How != "fuzzy" && rs[0].Country == f[2]
		switch {
		case !ok, f[3] == "-":
		case len(f[3]) == 3 && f[3] == strings.ToUpper(f[3]):
			ok = rs[0].Sector == f[3] // a sector: parties, movements
		case f[3] == "head":
			ok = rs[0].HasRole && (rs[0].Office == "head_of_state" || rs[0].Office == "head_of_government")
		default:
			ok = rs[0].HasRole && rs[0].Office == f[3]
		}
		if !ok {
			var got string
			if len(rs) > 0 {
				got = fmt.Sprintf("%s %s %s %s (%s)", rs[0].Name, rs[0].Country, rs[0].Office, rs[0].Role.Title, rs[0].How)
			}
			t.Errorf("%s on %s: got %s, want %s %s", f[0], f[1], got, f[2], f[3])
		}
	}
	t.Logf("%d probes", n)
}

// TestHoldersAfterSource: the holders the Wikidata extract (to 2025-10-03)
// leaves open are closed when a successor took over, and the successors
// answer (leaders_added.tsv and the "end" fixes of kbconv).
func TestHoldersAfterSource(t *testing.T) {
	kb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ country, office, day, want string }{
		{"JPN", "head_of_government", "2025-10-20", "Shigeru Ishiba"},
		{"JPN", "head_of_government", "2025-10-21", "Sanae Takaichi"},
		{"IRL", "head_of_state", "2025-11-10", "Michael Higgins"},
		{"IRL", "head_of_state", "2026-06-01", "Catherine Connolly"},
		{"BOL", "head_of_state", "2026-06-01", "Rodrigo Paz"},
		{"SYC", "head_of_state", "2026-06-01", "Patrick Herminie"},
		{"MDG", "head_of_state", "2026-06-01", "Michael Randrianirina"},
		{"MDG", "head_of_government", "2026-06-01", "Herintsalama Rajaonarivelo"},
		{"VNM", "head_of_state", "2025-01-01", "Lương Cường"},
		{"PER", "head_of_state", "2025-10-09", "Dina Boluarte"},
		{"PER", "head_of_state", "2026-01-01", "José Jerí"},
		{"MWI", "head_of_state", "2026-01-01", "Peter Mutharika"},
		{"GNB", "head_of_state", "2026-01-01", "Horta Inta-A"},
		{"POL", "head_of_state", "1995-07-01", "Lech Wałęsa"},
		{"GRC", "head_of_state", "2005-07-01", "Karolos Papoulias"},
		{"CZE", "head_of_government", "2025-12-08", "Petr Fiala"},
		{"CZE", "head_of_government", "2025-12-09", "Andrej Babiš"},
		{"MMR", "head_of_government", "2025-08-01", "Nyo Saw"},
		{"CHL", "head_of_state", "2026-03-10", "Gabriel Boric"},
		{"CHL", "head_of_state", "2026-03-11", "José Antonio Kast"},
		{"LBY", "head_of_government", "2024-01-01", "Abdulhamid Dabaiba"},
		{"BFA", "head_of_state", "2015-07-01", "Michel Kafando"},         // not a Yemeni general
		{"WSM", "head_of_state", "2005-07-01", "Malietoa Tanumafili II"}, // not the prime minister
		{"MMR", "head_of_government", "2023-01-01", "Min Aung Hlaing"},   // not a council member
		{"BFA", "head_of_state", "1990-07-01", "Blaise Compaoré"},        // not a Spanish officer
		{"HRV", "head_of_state", "1996-07-01", "Franjo Tuđman"},          // not Sanader
		{"MEX", "head_of_state", "2000-07-01", "Ernesto Zedillo"},        // Fox from 2000-12-01
		{"MEX", "head_of_state", "2010-07-01", "Felipe Calderón"},
		{"MLT", "head_of_government", "1998-07-01", "Alfred Sant"},     // Fenech Adami from 1998-09-06
		{"ECU", "head_of_state", "1998-07-01", "Fabián Alarcón"},       // Mahuad from 1998-08-10
		{"AZE", "head_of_government", "2019-07-01", "Novruz Mammadov"}, // Asadov from 2019-10-08
		{"PRY", "head_of_state", "2023-07-01", "Mario Abdo Benítez"},   // Peña from 2023-08-15
		{"GRC", "head_of_government", "2019-07-01", "Alexis Tsipras"},  // Mitsotakis from 2019-07-08
	} {
		day, _ := time.Parse(time.DateOnly, c.day)
		e, _, ok := kb.Holder(c.country, c.office, day)
		if !ok || e.Name != c.want {
			t.Errorf("%s %s on %s = %v, want %s", c.country, c.office, c.day, e, c.want)
		}
	}
	for _, c := range []struct{ name, day string }{
		{"Shigeru Ishiba", "2026-01-01"}, {"Tô Lâm", "2025-01-01"}, {"Andry Rajoelina", "2026-01-01"},
		{"Petr Fiala", "2026-01-01"}, {"Gabriel Boric", "2026-06-01"},
	} {
		day, _ := time.Parse(time.DateOnly, c.day)
		rs := kb.Lookup(c.name, day)
		if len(rs) > 0 && rs[0].HasRole && (rs[0].Office == "head_of_state" || rs[0].Office == "head_of_government") {
			t.Errorf("%s on %s still %s of %s", c.name, c.day, rs[0].Office, rs[0].Role.Country)
		}
	}
}

// TestPhoenixRolesEnd: a head's government role taken from the Phoenix
// dictionaries (which stop in 2015) ends with their last term once a
// successor took over, instead of holding for ever; an undated elite code
// (a former leader) stays.
func TestPhoenixRolesEnd(t *testing.T) {
	kb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, day string
		held      bool
	}{
		{"Robert Mugabe", "2010-01-01", true},
		{"Robert Mugabe", "2020-01-01", false},
		{"Blaise Compaoré", "2000-01-01", true},
		{"Blaise Compaoré", "2016-01-01", false},
		{"Abdelaziz Bouteflika", "2022-01-01", false},
		{"Emmerson Mnangagwa", "2022-01-01", true},
	} {
		day, _ := time.Parse(time.DateOnly, c.day)
		rs := kb.Lookup(c.name, day)
		if len(rs) == 0 {
			t.Errorf("%s: not found", c.name)
			continue
		}
		// an undated elite code ("ZWEELI") stays: a former leader
		if held := rs[0].HasRole && (rs[0].Office != "" || rs[0].Role.Sector == "GOV"); held != c.held {
			t.Errorf("%s on %s: role %+v, want a government role held: %v", c.name, c.day, rs[0].Role, c.held)
		}
	}
}

// TestLookupCountryTitle: a country or its adjective before a title is the
// office of that country, held or not; titles of another time give nothing;
// the old dictionaries' "people" named by a title are gone.
func TestLookupCountryTitle(t *testing.T) {
	kb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, day, country, office string }{
		{"the Kenyan foreign minister", "2015-01-01", "KEN", "foreign_minister"},
		{"Iraqi defense minister", "2015-01-01", "IRQ", "defense_minister"},
		{"US Secretary of Defense", "2015-01-01", "USA", "defense_minister"},
		{"American Vice President", "2015-01-01", "USA", "vice_president"},
		{"British prime minister", "2015-01-01", "GBR", "head_of_government"},
		{"US Secretary of War", "2025-10-01", "USA", "defense_minister"},
		{"US Secretary of War", "2015-01-01", "", ""},
		{"Kenyan secretary of state", "2015-01-01", "", ""}, // a US title
	} {
		day, _ := time.Parse(time.DateOnly, c.day)
		rs := kb.Lookup(c.name, day)
		if c.country == "" {
			if len(rs) > 0 {
				t.Errorf("%s on %s = %s %s %s (%s), want nothing", c.name, c.day, rs[0].Name, rs[0].Country, rs[0].Office, rs[0].How)
			}
			continue
		}
		if len(rs) == 0 || rs[0].Kind != KindTitle || rs[0].Country != c.country || rs[0].Office != c.office {
			t.Errorf("%s on %s = %+v, want the %s title of %s", c.name, c.day, rs, c.office, c.country)
		}
	}
	for _, name := range []string{"The US Secretary of State", "US Secretary of State", "Secretary of State", "American Vice-President"} {
		for _, r := range kb.Lookup(name, time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)) {
			if r.Kind == KindPerson {
				t.Errorf("%s: a person %q (%s)", name, r.Name, r.Entity.ID)
			}
		}
	}
}

// TestSurnameSpelling: a surname written as asked outranks surnames only
// folded alike.
func TestSurnameSpelling(t *testing.T) {
	kb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for name, want := range map[string]string{"Obama": "Barack Obama", "Trudeau": "Justin Trudeau"} {
		rs := kb.Lookup(name, day)
		if len(rs) == 0 || rs[0].Name != want {
			t.Errorf("%s: %+v, want %s first", name, rs, want)
		}
		for _, r := range rs {
			if plain(r.Name) != plain(want) && !strings.HasSuffix(plain(r.Name), plain(name)) {
				t.Errorf("%s: also %s, spelt otherwise", name, r.Name)
			}
		}
	}
}

// TestLookupTitled: a title before a name is read as the person the rest
// names, the holder of that office first; with a given name alone, the
// holder of the office then whose name begins with it.
func TestLookupTitled(t *testing.T) {
	kb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2015, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ name, want string }{
		{"President Putin", "Vladimir Putin"},
		{"Prime Minister Modi", "Narendra Modi"},
		{"Sultan Qaboos", "Qaboos bin Said Al Said"},
		{"President Xi", "Xi Jinping"},
		{"President Castro", "Raúl Castro"},
		{"President Nobody", ""},
	} {
		rs := kb.Lookup(c.name, day)
		var got string
		if len(rs) > 0 && rs[0].Entity != nil {
			got = rs[0].Entity.Name
		}
		if got != c.want {
			t.Errorf("Lookup(%q) on %s = %q, want %q", c.name, day.Format(time.DateOnly), got, c.want)
		}
	}
}

// TestSameInitial: fuzzy matches keep the first letter ("Frei" was
// Thailand, "Mahathir" Nepal, by folded keys alike).
func TestSameInitial(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Frei", "Thailand", false},
		{"Mahathir", "Nepal", false},
		{"Mahathirr", "Mahathir", true},
		{"Érdogan", "erdoğan", true},
		{"", "x", false},
	} {
		if got := sameInitial(c.a, c.b); got != c.want {
			t.Errorf("sameInitial(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
