package actors

import (
	"strings"
	"testing"
	"time"
)

// TestParties: parties and movements resolve to their country as parties
// or armed groups, and the names that used to go astray no longer do.
func TestParties(t *testing.T) {
	kb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ name, country, sector string }{
		{"Labour", "GBR", "PTY"}, // not the US Department of Labor
		{"Tories", "GBR", "PTY"}, // not Ralph Torres by folding
		{"Conservatives", "GBR", "PTY"},
		{"Democrats", "USA", "PTY"},
		{"Republicans", "USA", "PTY"},
		{"GOP", "USA", "PTY"},
		{"BJP", "IND", "PTY"},
		{"Congress party", "IND", "PTY"},
		{"Kuomintang", "TWN", "PTY"},
		{"DPP", "TWN", "PTY"},
		{"AKP", "TUR", "PTY"},
		{"CHP", "TUR", "PTY"},
		{"PKK", "TUR", "REB"},
		{"LTTE", "LKA", "REB"},
		{"Fatah", "PSE", "PTY"},
		{"Muslim Brotherhood", "EGY", "PTY"},
		{"ANC", "ZAF", "PTY"},
		{"Likud", "ISR", "PTY"},
		{"Fidesz", "HUN", "PTY"},
		{"ZANU-PF", "ZWE", "PTY"},
		{"PSUV", "VEN", "PTY"},
		{"Ennahda", "TUN", "PTY"},
		{"ELN", "COL", "REB"},
	} {
		rs := kb.Lookup(tc.name, day)
		if len(rs) == 0 || rs[0].How == "fuzzy" || rs[0].Country != tc.country || rs[0].Sector != tc.sector {
			var got string
			if len(rs) > 0 {
				got = rs[0].Name + " " + rs[0].Country + " " + rs[0].Sector + " " + rs[0].How
			}
			t.Errorf("%s: got %q, want %s %s", tc.name, got, tc.country, tc.sector)
		}
		for _, r := range rs {
			if r.Entity != nil && strings.Contains(r.Entity.Name, "Department") {
				t.Errorf("%s: also %s", tc.name, r.Entity.Name)
			}
		}
	}
	// an acronym never fuzzy-matches: an unknown one is nothing, a known
	// one only itself
	for _, a := range []string{"OSCE", "ZZQX", "UNMISS"} {
		for _, r := range kb.Lookup(a, day) {
			if r.How == "fuzzy" || r.Kind == KindCountry {
				t.Errorf("%s: %s %s (%s)", a, r.Name, r.Kind, r.How)
			}
		}
	}
}
