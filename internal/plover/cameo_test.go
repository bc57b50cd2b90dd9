package plover

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// sharedData returns the path of a file in /work/shared/data, found from this
// test file's location, or skips the test when the reference data is absent.
func sharedData(t *testing.T, rel string) string {
	t.Helper()
	_, self, _, _ := runtime.Caller(0)
	p := filepath.Join(filepath.Dir(self), "..", "..", "..", "shared", "data", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		t.Skipf("reference file %s absent: %v", p, err)
	}
	return p
}

func TestRoundTrip(t *testing.T) {
	for _, ty := range Types() {
		code := ToCAMEO(ty, "")
		got, _, ok := FromCAMEO(code)
		if !ok || got != ty {
			t.Errorf("FromCAMEO(ToCAMEO(%s)) = FromCAMEO(%q) = %s, %v", ty, code, got, ok)
		}
		for _, m := range ty.Modes() {
			code := ToCAMEO(ty, m)
			got, gotMode, ok := FromCAMEO(code)
			if !ok || got != ty {
				t.Errorf("FromCAMEO(ToCAMEO(%s, %s)) = FromCAMEO(%q) = %s, %v", ty, m, code, got, ok)
			}
			// A mode the crosswalk uses must come back as itself.
			if crosswalkUses(ty, m) && gotMode != m {
				t.Errorf("mode %s/%s exported as %q, which reads back as mode %q", ty, m, code, gotMode)
			}
		}
	}
	if got := ToCAMEO("NOPE", ""); got != "" {
		t.Errorf("ToCAMEO(unknown) = %q", got)
	}
}

func crosswalkUses(ty EventType, mode string) bool {
	for _, row := range onto().crosswalk {
		if row.Type == ty && row.Mode == mode {
			return true
		}
	}
	return false
}

func TestToCAMEO(t *testing.T) {
	tests := []struct {
		typ        EventType
		mode, want string
	}{
		{Consult, "visit", "042"},
		{Consult, "phone", "041"},
		{Consult, "multilateral", "040"}, // no CAMEO code of its own
		{Assault, "", "180"},
		{Assault, "aerial", "195"},
		{Assault, "firearms", "193"},
		{Threaten, "", "130"},
		{Threaten, "not-a-mode", "130"},
		{Accuse, "", "112"},
		{Protest, "strike", "143"},
		{Retreat, "release", "0841"},
	}
	for _, tc := range tests {
		if got := ToCAMEO(tc.typ, tc.mode); got != tc.want {
			t.Errorf("ToCAMEO(%s, %q) = %q, want %q", tc.typ, tc.mode, got, tc.want)
		}
	}
}

func TestFromCAMEO(t *testing.T) {
	tests := []struct {
		code string
		typ  EventType
		mode string
		ok   bool
	}{
		{"0831", Concede, "", true},
		{"130", Threaten, "", true},
		{"190", Assault, "", true},
		{"19", Assault, "", true},
		{"08", Concede, "", true},          // listed twice in the source; first wins
		{"0841", Retreat, "release", true}, // root 08 but RETREAT
		{"163", Coerce, "restrict", true},  // SANCTION root, COERCE row
		{"1712", Assault, "destroy", true}, // fixed mode, see the note column
		{"175", Assault, "", true},
		{"191", Coerce, "restrict", true},
		{"042", Consult, "visit", true},
		{" 042\t", Consult, "visit", true},
		{"1215", Reject, "assist", true}, // unlisted: longest prefix 121
		{"176", Coerce, "", true},        // unlisted: root 17
		{"0357", Agree, "", true},
		{"010", "", "", false}, // MAKE PUBLIC STATEMENT: not an event
		{"01", "", "", false},
		{"0214", "", "", false}, // APPEAL: not an event
		{"21", "", "", false},
		{"00", "", "", false},
		{"", "", "", false},
		{"8", "", "", false},
		{"08311", "", "", false},
		{"08a", "", "", false},
	}
	for _, tc := range tests {
		typ, mode, ok := FromCAMEO(tc.code)
		if typ != tc.typ || mode != tc.mode || ok != tc.ok {
			t.Errorf("FromCAMEO(%q) = %s, %q, %v; want %s, %q, %v", tc.code, typ, mode, ok, tc.typ, tc.mode, tc.ok)
		}
	}
}

func TestLookupCAMEO(t *testing.T) {
	row, ok := LookupCAMEO("1215")
	if !ok || row.Code != "121" || row.Description != "Reject material cooperation" {
		t.Errorf("LookupCAMEO(1215) = %+v, %v", row, ok)
	}
	row, _ = LookupCAMEO("094")
	if !slices.Equal(row.Contexts, []string{"military", "legal"}) {
		t.Errorf("094 contexts = %v", row.Contexts)
	}
	row.Contexts[0] = "changed"
	if again, _ := LookupCAMEO("094"); again.Contexts[0] != "military" {
		t.Error("LookupCAMEO exposes internal state")
	}
}

func TestCAMEORoot(t *testing.T) {
	tests := map[string]string{
		"0831": "08", "130": "13", "19": "19", "2042": "20", " 042 ": "04",
		"": "", "8": "", "21": "", "abc": "", "12345": "",
	}
	for in, want := range tests {
		if got := CAMEORoot(in); got != want {
			t.Errorf("CAMEORoot(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every row of the source table, read at test time, maps as the source says,
// except for the cells this package repairs (which carry a note).
func TestCrosswalkMatchesSource(t *testing.T) {
	f, err := os.Open(sharedData(t, "plover/CAMEO2PLOVER-2021.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		code, rest, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(line, "#") || seen[strings.TrimSpace(code)] {
			continue
		}
		code = strings.TrimSpace(code)
		seen[code] = true
		body, _, _ := strings.Cut(rest, "#")
		cells := strings.Split(body+",,", ",")
		wantType, wantMode := strings.TrimSpace(cells[0]), strings.TrimSpace(cells[1])
		row, ok := LookupCAMEO(code)
		if !ok || row.Code != code {
			t.Errorf("source code %s: not in the crosswalk (got %+v)", code, row)
			continue
		}
		if string(row.Type) != wantType {
			t.Errorf("%s: type %s, source says %s", code, row.Type, wantType)
		}
		if row.Mode != wantMode && row.Note == "" {
			t.Errorf("%s: mode %q, source says %q, and no note says why", code, row.Mode, wantMode)
		}
	}
	if len(seen) != len(onto().crosswalk) {
		t.Errorf("source has %d codes, embedded crosswalk %d", len(seen), len(onto().crosswalk))
	}
}

// Every CAMEO code GDELT scores is either a PLOVER event or under a root that
// PLOVER drops.
func TestCrosswalkCoversGDELTCodes(t *testing.T) {
	for code := range onto().goldstein {
		_, _, ok := FromCAMEO(code)
		dropped := strings.HasPrefix(code, "01") || strings.HasPrefix(code, "02")
		if ok == dropped {
			t.Errorf("FromCAMEO(%s) ok = %v", code, ok)
		}
	}
}

func FuzzFromCAMEO(f *testing.F) {
	for _, s := range []string{"0831", "01", "19", "", "2042", "08a", "99999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		typ, mode, ok := FromCAMEO(code)
		if !ok {
			return
		}
		if !typ.Valid() || !ValidMode(typ, mode) || CAMEORoot(code) == "" {
			t.Errorf("FromCAMEO(%q) = %s, %q: invalid result", code, typ, mode)
		}
		if _, ok := Goldstein(code); !ok {
			t.Errorf("Goldstein(%q) missing for a crosswalk code", code)
		}
	})
}
