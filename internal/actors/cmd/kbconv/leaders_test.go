package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dyad-project/dyad/internal/actors"
)

// TestFixGroup: invented holders of one office.
func TestFixGroup(t *testing.T) {
	a := &holderRow{person: "A", start: "2001-03-04", end: "2005-01-01", endYear: true}
	b := &holderRow{person: "B", start: "2005-06-07", end: "2010-02-03"}
	c := &holderRow{person: "C", start: "2010-01-01", end: "2014-05-06", startYear: true}
	d := &holderRow{person: "D", start: "2014-05-06", severalOpen: true}     // open, followed by E
	stray := &holderRow{person: "S", start: "2015-01-01", severalOpen: true} // open, inside E's closed term once capped
	e := &holderRow{person: "E", start: "2014-09-01", end: "2018-01-01"}
	f := &holderRow{person: "F", start: "2018-01-01", severalOpen: true} // the last: stays open
	fixGroup([]*holderRow{f, stray, e, d, c, b, a})
	// an unflagged open holder beside a parallel one stays open
	p := &holderRow{person: "P", start: "2013-03-05"}
	q := &holderRow{person: "Q", start: "2019-01-23", end: "2023-01-05"}
	fixGroup([]*holderRow{p, q})
	if p.end != "" || p.drop {
		t.Errorf("P: end %q drop %v, want open", p.end, p.drop)
	}
	for _, w := range []struct {
		r          *holderRow
		start, end string
		drop       bool
	}{
		{a, "2001-03-04", "2005-06-07", false}, // year-only end → the successor's precise start
		{c, "2010-02-03", "2014-05-06", false}, // year-only start → the predecessor's precise end
		{d, "2014-05-06", "2014-09-01", false}, // open → ends when the next begins
		{stray, "2015-01-01", "2018-01-01", true},
		{f, "2018-01-01", "", false},
	} {
		if w.r.start != w.start || w.r.end != w.end || w.r.drop != w.drop {
			t.Errorf("%s: %s…%s drop=%v, want %s…%s drop=%v", w.r.person, w.r.start, w.r.end, w.r.drop, w.start, w.end, w.drop)
		}
	}
}

// TestLeaderFixes: labels, drops and homes apply; a blank-node id is
// left out.
func TestLeaderFixes(t *testing.T) {
	fx, err := parseLeaderFixes("Q1\tlabel\tKing One\nQ2\tdrop\ta council\nQ1\thome\tBBB\n")
	if err != nil {
		t.Fatal(err)
	}
	rows := []*holderRow{
		{iso3: "AAA", office: "head_of_state", person: "Rei Um da Terra", qid: "Q1", start: "1990-01-02", end: "2000-01-02"},
		{iso3: "BBB", office: "head_of_state", person: "Rei Um da Terra", qid: "Q1", start: "1995-01-02", end: "2000-01-02"},
		{iso3: "AAA", office: "head_of_government", person: "Conselho", qid: "Q2", start: "1990-01-02"},
		{iso3: "AAA", office: "head_of_government", person: "x", qid: "http://www.wikidata.org/.well-known/genid/ab", start: "1990-01-02"},
	}
	cleanHolders(rows, fx)
	ls := groupLeaders(rows, fx)
	if len(ls) != 1 || ls[0].name != "King One" || ls[0].country != "BBB" || ls[0].rows[0].iso3 != "BBB" {
		t.Fatalf("got %+v", ls)
	}
}

// TestCIANames: the CIA's spelling of a holder becomes an alias only when
// it can be the same person.
func TestCIANames(t *testing.T) {
	wd := []*holderRow{
		{iso3: "AAA", office: "head_of_government", person: "Abiy Ahmed Ali", qid: "Q1", start: "2018-04-02"},
		{iso3: "BBB", office: "head_of_state", person: "New Leader", qid: "Q2", start: "2019-01-24"},
		{iso3: "CCC", office: "foreign_minister", person: "Saadeddine Othmani", qid: "Q3", start: "2017-01-01"},
	}
	cia := "iso3\toffice\tperson\tobserved\n" +
		"AAA\thead_of_government\tAbiy Ahmed\t2019-06\n" +
		"BBB\thead_of_state\tOld Predecessor\t2019-06\n" + // the list lags: another person
		"CCC\tforeign_minister\tSaad Eddine al-Othmani\t2019-06\n"
	al := map[string][]string{}
	placed := ciaNames(cia, wd, al)
	if !slices.Equal(al["Q1"], []string{"Abiy Ahmed"}) || len(al["Q2"]) != 0 || !slices.Equal(al["Q3"], []string{"Saad Eddine al-Othmani"}) {
		t.Errorf("aliases %v", al)
	}
	if !placed["CCC|foreign_minister|Saad Eddine al-Othmani"] || placed["BBB|head_of_state|Old Predecessor"] {
		t.Errorf("placed %v", placed)
	}
}

// TestPhoenixDays: a year-only term takes the day of the Phoenix code of
// the same person that begins (ends) in that year.
func TestPhoenixDays(t *testing.T) {
	r := &holderRow{iso3: "AAA", office: "head_of_government", person: "Invented Person", start: "1997-01-01", end: "2007-01-01", startYear: true, endYear: true}
	phx := map[string]*phxPerson{actors.Fold("Invented Person") + "|AAA": {codes: []string{"AAAELI 19710101-19970502", "AAAGOV 20030101-20070630", "AAAGOV 19970502-20070627", "BBBGOV 19970101-"}}}
	phoenixDays([]*holderRow{r}, phx)
	if r.start != "1997-05-02" || r.end != "2007-06-27" || r.startYear || r.endYear {
		t.Errorf("got %s…%s (year flags %v %v)", r.start, r.end, r.startYear, r.endYear)
	}
}

// TestParticleEnd: a name ending (folded) in a name particle is not used.
func TestParticleEnd(t *testing.T) {
	for n, want := range map[string]bool{"Mohamed Abbou": true, "Ali Bin": true, "Abiy Ahmed": false, "Ibrahim Abu Ghazala": false} {
		if got := particleEnd(n); got != want {
			t.Errorf("particleEnd(%q) = %v", n, got)
		}
	}
}

// TestFindPhoenix: the Phoenix person of a leader is found by the same
// folded name, else by the first and last words when only one person of
// the country has them.
func TestFindPhoenix(t *testing.T) {
	a := &phxPerson{name: "Daniel Arap Moi"}
	phx := map[string]*phxPerson{
		actors.Fold("Daniel Arap Moi") + "|AAA": a, "ends:" + ends("Daniel Arap Moi") + "|AAA": a,
		"ends:" + ends("Jan Novak") + "|BBB": nil, // two people share the ends
	}
	if findPhoenix(phx, "Daniel Toroitich arap Moi", "AAA") != a {
		t.Error("Daniel Toroitich arap Moi: not found by its ends")
	}
	if findPhoenix(phx, "Daniel Toroitich arap Moi", "CCC") != nil {
		t.Error("found in another country")
	}
	if findPhoenix(phx, "Jan Karel Novak", "BBB") != nil {
		t.Error("an ambiguous pair of ends gave a person")
	}
}

// TestAddedHolders: a hand-added row takes the Wikidata id of a source row
// of the same name and its aliases; an "end" fix closes an open term.
func TestAddedHolders(t *testing.T) {
	src := []*holderRow{
		{iso3: "AAA", office: "head_of_state", person: "Ann Example", qid: "Q1", start: "2001-01-01", end: "2005-01-01"},
		{iso3: "AAA", office: "head_of_state", person: "Bob Example", qid: "Q2", start: "2020-01-01"},
	}
	added := "# comment\niso3\toffice\tperson\tstart\tend\tsource\tperson_id\tnote\n" +
		"AAA\thead_of_government\tAnn Example\t1999-01-01\t2001-01-01\tdyad\t\tbefore; aliases: Ann X|A. Example\n" +
		"AAA\thead_of_state\tCid Example\t2025-11-01\t\tdyad\t\t\n" +
		"AAA\tforeign_minister\tDee Example\t2025-11-01\t\tdyad\t\t\n"
	rows, err := addHolders(src, added, map[string]bool{"head_of_state": true, "head_of_government": true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Fatalf("got %d rows, want 4 (the foreign minister left out)", len(rows))
	}
	if rows[2].qid != "Q1" || !slices.Equal(rows[2].aliases, []string{"Ann X", "A. Example"}) {
		t.Errorf("Ann's added row: qid %q aliases %q, want Q1 [Ann X A. Example]", rows[2].qid, rows[2].aliases)
	}
	if rows[3].qid != "" {
		t.Errorf("Cid: qid %q, want none", rows[3].qid)
	}
	fx, err := parseLeaderFixes("Q2\tend\thead_of_state AAA 2025-11-01\n")
	if err != nil {
		t.Fatal(err)
	}
	endTerms(rows, fx)
	if rows[1].end != "2025-11-01" || rows[0].end != "2005-01-01" {
		t.Errorf("ends: Bob %q, Ann %q; want 2025-11-01, 2005-01-01", rows[1].end, rows[0].end)
	}
	if _, err := parseLeaderFixes("Q2\tend\thead_of_state 2025-11-01\n"); err == nil {
		t.Error("an end without a country parsed")
	}
	// the embedded additions parse
	if _, err := addHolders(nil, leadersAddedTSV, map[string]bool{"head_of_state": true, "head_of_government": true}); err != nil {
		t.Error(err)
	}
}

// TestLeadersUpToDate: data/actors/leaders/*.tsv are what the leaders step
// makes of the shared source and of leaders_added.tsv and leaders_fixes.tsv
// as they are now; after editing either, regenerate with
// `go run ./internal/actors/cmd/kbconv -only leaders -src ../shared/data -out data/actors`.
func TestLeadersUpToDate(t *testing.T) {
	src := filepath.Join("..", "..", "..", "..", "..", "shared", "data")
	if _, err := os.Stat(filepath.Join(src, "leaders", "office_holders.tsv")); err != nil {
		t.Skipf("no source: %v", err)
	}
	kb := filepath.Join("..", "..", "..", "..", "data", "actors")
	out := t.TempDir()
	if err := os.CopyFS(out, os.DirFS(kb)); err != nil {
		t.Fatal(err)
	}
	if err := convertLeaders(src, out); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"heads.tsv", "ministers.tsv"} {
		want, err := os.ReadFile(filepath.Join(out, "leaders", f))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(kb, "leaders", f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("data/actors/leaders/%s is stale: regenerate it with `go run ./internal/actors/cmd/kbconv -only leaders -src ../shared/data -out data/actors`", f)
		}
	}
}

// TestCloseCodes: a head's open Phoenix government codes end with their
// last head term in that country, once it has a successor.
func TestCloseCodes(t *testing.T) {
	rows := []*holderRow{
		{iso3: "AAA", office: "head_of_state", start: "1990-01-01", end: "1995-01-01"},
		{iso3: "AAA", office: "head_of_government", start: "2000-01-01", end: "2014-10-31"},
		{iso3: "BBB", office: "head_of_state", start: "2010-01-01"}, // still in office
		{iso3: "CCC", office: "foreign_minister", start: "2010-01-01", end: "2012-01-01"},
	}
	got := closeCodes([]string{
		"AAAGOV 19871015-",         // open since before: ends with the last term
		"AAAGOVMIL 20050101-",      // a government code of any kind
		"AAAGOV 19800101-19850101", // closed already
		"AAAELI 19680101-",         // not a government code
		"AAAGOV 20150101-",         // opened after the last term
		"AAAELI",                   // no window
		"BBBGOV 20080101-",         // a head still in office
		"CCCGOV 20100101-",         // no head term there
	}, rows)
	want := []string{
		"AAAGOV 19871015-20141031",
		"AAAGOVMIL 20050101-20141031",
		"AAAGOV 19800101-19850101",
		"AAAELI 19680101-",
		"AAAGOV 20150101-",
		"AAAELI",
		"BBBGOV 20080101-",
		"CCCGOV 20100101-",
	}
	if !slices.Equal(got, want) {
		t.Errorf("closeCodes:\n got %q\nwant %q", got, want)
	}
}

// TestGivenName: heads of patronymic countries go by their given name, Thai
// prime ministers too unless a person abroad has that given name, and Thai
// kings not at all.
func TestGivenName(t *testing.T) {
	phx := map[string]*phxPerson{actors.Fold("Anand Sharma") + "|IND": {name: "Anand Sharma"}}
	for _, c := range []struct {
		name, country, office, want string
		abroad                      bool
	}{
		{"Abiy Ahmed", "ETH", "head_of_government", "Abiy", false},
		{"Isaias Afewerki", "ERI", "head_of_state", "Isaias", false},
		{"Thaksin Shinawatra", "THA", "head_of_government", "Thaksin", false},
		{"Anand Panyarachun", "THA", "head_of_government", "Anand", true},
		{"Maha Vajiralongkorn", "THA", "head_of_state", "", false},
		{"Joko Widodo", "IDN", "head_of_state", "", false},
		{"Abe Shinzo", "JPN", "head_of_government", "", false},
	} {
		l := &leader{name: c.name, country: c.country, rows: []*holderRow{{iso3: c.country, office: c.office}}}
		if got := givenName(l); got != c.want {
			t.Errorf("givenName(%s) = %q, want %q", c.name, got, c.want)
		}
		if c.want != "" {
			if got := givenAbroad(phx, c.want, c.country); got != c.abroad {
				t.Errorf("givenAbroad(%s) = %v, want %v", c.want, got, c.abroad)
			}
		}
	}
}

// TestDjSpelling: South Slavic "đ" as the English press writes it, and
// nowhere else.
func TestDjSpelling(t *testing.T) {
	for _, c := range []struct{ name, country, want string }{
		{"Franjo Tuđman", "HRV", "Franjo Tudjman"},
		{"Zoran Đinđić", "SRB", "Zoran Djindjić"},
		{"Lê Đức Anh", "VNM", ""},
		{"Aleksandar Vučić", "SRB", ""},
	} {
		if got := djSpelling(c.name, c.country); got != c.want {
			t.Errorf("djSpelling(%q, %s) = %q, want %q", c.name, c.country, got, c.want)
		}
	}
}

// TestTermFix: a "term" fix redates the one term it names; "end" closes an
// open one; a malformed line is an error.
func TestTermFix(t *testing.T) {
	fx, err := parseLeaderFixes("Q1\tterm\thead_of_state AAA 2000-01-01 2000-12-01 2006-12-01\n" +
		"Q2\tterm\thead_of_government AAA 2018-10-08 2019-10-08 -\n" +
		"Q3\tend\thead_of_state AAA 2025-11-01\n")
	if err != nil {
		t.Fatal(err)
	}
	a := &holderRow{qid: "Q1", iso3: "AAA", office: "head_of_state", start: "2000-01-01", end: "2006-01-01", startYear: true}
	other := &holderRow{qid: "Q1", iso3: "AAA", office: "head_of_government", start: "2000-01-01", end: "2006-01-01"}
	b := &holderRow{qid: "Q2", iso3: "AAA", office: "head_of_government", start: "2018-10-08"}
	c := &holderRow{qid: "Q3", iso3: "AAA", office: "head_of_state", start: "2020-01-01"}
	endTerms([]*holderRow{a, other, b, c}, fx)
	for _, w := range []struct {
		r          *holderRow
		start, end string
	}{
		{a, "2000-12-01", "2006-12-01"},
		{other, "2000-01-01", "2006-01-01"}, // another office: untouched
		{b, "2019-10-08", ""},
		{c, "2020-01-01", "2025-11-01"},
	} {
		if w.r.start != w.start || w.r.end != w.end {
			t.Errorf("%s %s: %s–%s, want %s–%s", w.r.qid, w.r.office, w.r.start, w.r.end, w.start, w.end)
		}
	}
	if a.startYear {
		t.Error("a redated term still marked year-only")
	}
	if _, err := parseLeaderFixes("Q1\tterm\thead_of_state AAA 2000-01-01\n"); err == nil {
		t.Error("a short term line: no error")
	}
}
