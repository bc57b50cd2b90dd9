package actors

import (
	"os"
	"strings"
	"testing"
	"time"
)

func loadFixture(t testing.TB, extra ...string) *KB {
	t.Helper()
	kb, err := Load(os.DirFS("testdata"), "kb", extra...)
	if err != nil {
		t.Fatal(err)
	}
	return kb
}

type wantMatch struct {
	text    string
	kind    Kind
	id      string // entity id, if any
	country string
	sector  string
	office  string
	plural  bool
}

func TestScan(t *testing.T) {
	kb := loadFixture(t)
	cases := []struct {
		text string
		want []wantMatch
	}{
		{"Iraqi Prime Minister Mustafa al-Kadhimi met Iranian officials.", []wantMatch{
			{text: "Iraqi", kind: KindDemonym, country: "IRQ"},
			{text: "Prime Minister", kind: KindTitle, sector: "GOV", office: "head_of_government"},
			{text: "Mustafa al-Kadhimi", kind: KindPerson, id: "mustafa-al-kadhimi", country: "IRQ", sector: "GOV"},
			{text: "Iranian", kind: KindDemonym, country: "IRN"},
		}},
		// folded variant, alias, plural agent and demonym noun
		{"Kazemi said Kata'ib Hizballah militias and Iranians fled.", []wantMatch{
			{text: "Kata'ib Hizballah", kind: KindGroup, id: "kataib-hezbollah", country: "IRQ", sector: "PRM"},
			{text: "militias", kind: KindAgent, sector: "UAF", plural: true},
			{text: "Iranians", kind: KindDemonym, country: "IRN", plural: true},
		}},
		{"Mustafa Al Kazimi, Thabit al-Abbasi and Peter Hegseth", []wantMatch{
			{text: "Mustafa Al Kazimi", kind: KindPerson, id: "mustafa-al-kadhimi"},
			{text: "Thabit al-Abbasi", kind: KindPerson, id: "thabet-al-abbasi"},
			{text: "Peter Hegseth", kind: KindPerson, id: "pete-hegseth"},
		}},
		// seats, capitals, U.S./US acronyms, case rules
		{"The White House and Washington warned the U.S. troops; us and the turkey in Turkey.", []wantMatch{
			{text: "White House", kind: KindSeat, country: "USA", sector: "GOV"},
			{text: "Washington", kind: KindSeat, country: "USA", sector: "GOV"},
			{text: "U.S.", kind: KindCountry, country: "USA"},
			{text: "troops", kind: KindAgent, sector: "MIL", plural: true},
			{text: "Turkey", kind: KindCountry, country: "TUR"},
		}},
		{"US forces and the Defense Minister spoke to the Secretary of War.", []wantMatch{
			{text: "US", kind: KindCountry, country: "USA"},
			{text: "forces", kind: KindAgent, sector: "MIL", plural: true},
			{text: "Defense Minister", kind: KindTitle, office: "defense_minister", sector: "GOV"},
			{text: "Secretary of War", kind: KindTitle, office: "defense_minister", country: "USA"},
		}},
		// the YAML wins over Phoenix; Phoenix people and places still match
		{"Hezbollah and Javad Zarif in Kabul", []wantMatch{
			{text: "Hezbollah", kind: KindGroup, id: "hezbollah"},
			{text: "Javad Zarif", kind: KindPerson, id: "phx-mohammad-javad-zarif", country: "IRN", sector: "GOV"},
			{text: "Kabul", kind: KindCountry, country: "AFG"},
		}},
		// whole words only; agents are not folded ("troups" is not "troops")
		{"Iranianism and Iraqiya troups", nil},
	}
	for _, c := range cases {
		got := kb.Scan(c.text)
		if len(got) != len(c.want) {
			t.Errorf("Scan(%q): %d matches %v, want %d", c.text, len(got), texts(got), len(c.want))
			continue
		}
		for i, w := range c.want {
			g := got[i]
			if g.Text != w.text || c.text[g.Start:g.End] != w.text || g.Kind != w.kind {
				t.Errorf("Scan(%q)[%d] = %q %s, want %q %s", c.text, i, g.Text, g.Kind, w.text, w.kind)
				continue
			}
			if w.id != "" && (g.Entity == nil || g.Entity.ID != w.id) {
				t.Errorf("Scan(%q)[%d] entity %v, want %s", c.text, i, g.Entity, w.id)
			}
			if w.country != "" && g.Country != w.country || w.sector != "" && g.Sector != w.sector ||
				w.office != g.Office || w.plural != g.Plural {
				t.Errorf("Scan(%q)[%d] = %+v, want %+v", c.text, i, g, w)
			}
		}
	}
}

func texts(ms []Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text+"/"+string(m.Kind))
	}
	return out
}

func TestSurnames(t *testing.T) {
	kb := loadFixture(t)
	got := kb.Surnames("Later, Abbasi and al-Kazemi spoke; abbasi did not.")
	if len(got) != 2 {
		t.Fatalf("Surnames: %v, want Abbasi and al-Kazemi", texts(got))
	}
	if got[0].Entity.ID != "thabet-al-abbasi" || got[0].Kind != KindSurname || got[1].Text != "al-Kazemi" || got[1].Entity.ID != "mustafa-al-kadhimi" {
		t.Errorf("Surnames = %+v", got)
	}
}

func TestLookup(t *testing.T) {
	kb := loadFixture(t)
	cases := []struct{ name, id, how string }{
		{"Pete Hegseth", "pete-hegseth", "exact"},
		{"peter hegseth", "pete-hegseth", "alias"},
		{"Mustafa Kazimi", "mustafa-al-kadhimi", "folded"},
		{"Abbasi", "thabet-al-abbasi", "surname"},
		{"Pete Hegsett", "pete-hegseth", "folded"},
		{"Pete Hegsed", "pete-hegseth", "fuzzy"},
	}
	for _, c := range cases {
		rs := kb.Lookup(c.name, day("2025-10-01"))
		if len(rs) == 0 || rs[0].Entity == nil || rs[0].Entity.ID != c.id || rs[0].How != c.how {
			t.Errorf("Lookup(%q) = %+v, want %s by %s", c.name, rs, c.id, c.how)
		}
	}
	rs := kb.Lookup("Pete Hegseth", day("2025-10-01"))
	if !rs[0].HasRole || rs[0].Role.Title != "Secretary of War" {
		t.Errorf("Lookup role = %+v, want Secretary of War", rs[0].Role)
	}
	if rs := kb.Lookup("Iraq", day("2025-10-01")); len(rs) == 0 || rs[0].Kind != KindCountry || rs[0].Country != "IRQ" {
		t.Errorf("Lookup(Iraq) = %+v", rs)
	}
	if rs := kb.Lookup("Zzyzx Qwerty", day("2025-10-01")); len(rs) != 0 {
		t.Errorf("Lookup(nonsense) = %+v, want nothing", rs)
	}
}

func TestScanNoMatchOnEmptyKB(t *testing.T) {
	kb, err := Load(os.DirFS("testdata"), "nonexistent")
	if err != nil {
		t.Fatal(err)
	}
	if got := kb.Scan(strings.Repeat("Iraq ", 10)); len(got) != 0 {
		t.Errorf("empty KB matched %v", texts(got))
	}
}

// TestBodyNouns: bodies news names by their common noun alone are agents of
// their sector ("the committee", "banks", "the party"); the IGO acronyms
// of four letters and more also match as words ("Nato").
func TestBodyNouns(t *testing.T) {
	kb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, sector string }{
		{"The committee rejected the bill.", "GOV"},
		{"An electoral commission annulled it.", "GOV"},
		{"Banks froze the accounts.", "BUS"},
		{"Lenders cut rates.", "BUS"},
		{"The firm denied it.", "BUS"},
		{"The management refused to talk.", "BUS"},
		{"Its owners sued.", "BUS"},
		{"The party expelled him.", "PTY"},
		{"Opposition parties walked out.", "PTY"},
		{"A farmers' association protested.", "CVL"},
		{"The organization condemned it.", "NGO"},
		{"The jets struck at dawn.", "MIL"},
		{"Three homeguards were hurt.", "COP"},
	} {
		var got string
		for _, m := range kb.Scan(c.text) {
			if m.Kind == KindAgent {
				got = m.Sector
			}
		}
		if got != c.sector {
			t.Errorf("Scan(%q): agent sector %q, want %q", c.text, got, c.sector)
		}
	}
}

// TestSpeltBeforeFolded: where names fold alike, the one registered as the
// text spells it wins, in Scan and in Lookup ("Isaias" and "Isis" share a
// folded key).
func TestSpeltBeforeFolded(t *testing.T) {
	kb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, id string }{
		{"Isaias said the border was closed.", "isaias-afewerki-q57348"},
		{"Isis fighters attacked.", "islamic-state"},
		{"ISIS attacked.", "islamic-state"},
		{"Isaias Afwerki met Abiy.", "isaias-afewerki-q57348"},
	} {
		ms := kb.Scan(c.text)
		if len(ms) == 0 || ms[0].Entity == nil || ms[0].Entity.ID != c.id {
			t.Errorf("Scan(%q) = %v, want %s first", c.text, texts(ms), c.id)
		}
	}
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ name, id string }{
		{"Isaias", "isaias-afewerki-q57348"},
		{"Isis", "islamic-state"},
	} {
		rs := kb.Lookup(c.name, day)
		if len(rs) != 1 || rs[0].Entity == nil || rs[0].Entity.ID != c.id {
			t.Errorf("Lookup(%q) = %+v, want %s alone", c.name, rs, c.id)
		}
	}
}

// TestAcronymSpelled: an acronym is matched as registered, never through
// the vowel merges of transliteration ("ODA", official development
// assistance, is not the UDA).
func TestAcronymSpelled(t *testing.T) {
	kb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Peru gave Chile ODA worth 40 million dollars.", false},
		{"The UDA declared a ceasefire.", true},
	} {
		found := false
		for _, m := range kb.Scan(c.text) {
			found = found || m.Entity != nil && strings.Contains(m.Entity.Name, "Ulster")
		}
		if found != c.want {
			t.Errorf("Scan(%q) = %v: Ulster Defence Association %v, want %v", c.text, texts(kb.Scan(c.text)), found, c.want)
		}
	}
}
