package plover

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

func TestEmbeddedDataLoads(t *testing.T) {
	if _, err := loadOnce(); err != nil {
		t.Fatalf("embedded data: %v", err)
	}
}

// Broken data must be refused at load time, not surface later as odd answers.
func TestLoadRejectsBrokenData(t *testing.T) {
	tests := []struct {
		name, file, old, new string
	}{
		{"yaml syntax", "yaml", "quads:", "quads: ["},
		{"unknown yaml field", "yaml", "    quad: 1\n    score: 2.5\n    cameo: \"030\"", "    quad: 1\n    score: 2.5\n    camoe: \"030\""},
		{"type out of order", "yaml", "name: AGREE", "name: CONSULT"},
		{"undefined quad", "yaml", "name: SANCTION\n    quad: 4", "name: SANCTION\n    quad: 5"},
		{"type without score", "yaml", "    score: 5\n    cameo: \"050\"", "    cameo: \"050\""},
		{"export code of another type", "yaml", "cameo: \"195\"}", "cameo: \"130\"}"},
		{"alias to unknown mode", "yaml", "host: visit", "host: visitt"},
		{"old label to unknown type", "yaml", "FIGHT: {type: ASSAULT}", "FIGHT: {type: BATTLE}"},
		{"crosswalk unknown type", "tsv", "0831\tCONCEDE", "0831\tCONCEED"},
		{"crosswalk unknown mode", "tsv", "042\tCONSULT\tvisit", "042\tCONSULT\tvisiting"},
		{"crosswalk unknown context", "tsv", "\teconomic\tExpress intent to cooperate economically", "\teconomy\tExpress intent to cooperate economically"},
		{"crosswalk bad code", "tsv", "0831\t", "0x31\t"},
		{"crosswalk short row", "tsv", "\tAccede to demands for change in leadership\t", "\t"},
		{"goldstein bad value", "gold", "0831\t5.0", "0831\tfive"},
		{"goldstein out of range", "gold", "0831\t5.0", "0831\t50"},
		{"goldstein root missing", "gold", "\n13\t-6.0\n", "\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			y, c, g := ontologyYAML, crosswalkTSV, goldsteinTSV
			target := map[string]*[]byte{"yaml": &y, "tsv": &c, "gold": &g}[tc.file]
			if !bytes.Contains(*target, []byte(tc.old)) {
				t.Fatalf("fixture text %q not found in embedded %s", tc.old, tc.file)
			}
			*target = bytes.Replace(*target, []byte(tc.old), []byte(tc.new), 1)
			if _, err := load(y, c, g); err == nil {
				t.Errorf("load accepted broken %s", tc.file)
			}
		})
	}
}

func TestTypes(t *testing.T) {
	want := "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT"
	var got []string
	for _, ty := range Types() {
		got = append(got, string(ty))
		if !ty.Valid() {
			t.Errorf("%s not Valid", ty)
		}
		if ty.Description() == "" {
			t.Errorf("%s has no description", ty)
		}
	}
	if strings.Join(got, " ") != want {
		t.Errorf("Types() = %v", got)
	}
	Types()[0] = "X"
	if Types()[0] != Agree {
		t.Error("Types() exposes internal state")
	}
	if EventType("DOCUMENT").Valid() {
		t.Error("DOCUMENT is not a PLOVER type")
	}
}

func TestQuadAndScore(t *testing.T) {
	tests := []struct {
		typ   EventType
		quad  QuadClass
		score float64
	}{
		{Agree, VerbalCooperation, 2.5},
		{Consult, VerbalCooperation, 2.5},
		{Support, VerbalCooperation, 5},
		{Concede, VerbalCooperation, 4.5},
		{Cooperate, MaterialCooperation, 9.5},
		{Aid, MaterialCooperation, 10},
		{Retreat, MaterialCooperation, 6.5},
		{Request, VerbalConflict, 0},
		{Accuse, VerbalConflict, -3}, // the manual prints 3; see ontology.yaml
		{Reject, VerbalConflict, -2},
		{Threaten, VerbalConflict, -3.5},
		{Protest, MaterialConflict, -5},
		{Sanction, MaterialConflict, -6}, // the manual's summary table says verbal
		{Mobilize, MaterialConflict, -5.5},
		{Coerce, MaterialConflict, -7},
		{Assault, MaterialConflict, -9},
	}
	if len(tests) != len(Types()) {
		t.Fatalf("table covers %d types, want %d", len(tests), len(Types()))
	}
	for _, tc := range tests {
		if got := tc.typ.Quad(); got != tc.quad {
			t.Errorf("%s.Quad() = %v, want %v", tc.typ, got, tc.quad)
		}
		if got := Score(tc.typ, ""); got != tc.score {
			t.Errorf("Score(%s) = %v, want %v", tc.typ, got, tc.score)
		}
	}
	if q := EventType("NOPE").Quad(); q != 0 {
		t.Errorf("unknown type quad = %v", q)
	}
}

func TestQuadString(t *testing.T) {
	tests := map[QuadClass]string{
		1: "verbal_cooperation", 2: "material_cooperation",
		3: "verbal_conflict", 4: "material_conflict", 7: "QuadClass(7)",
	}
	for q, want := range tests {
		if got := q.String(); got != want {
			t.Errorf("QuadClass(%d).String() = %q, want %q", int(q), got, want)
		}
	}
}

func TestParseType(t *testing.T) {
	tests := []struct {
		in   string
		want EventType
		mode string
		ok   bool
	}{
		{"ASSAULT", Assault, "", true},
		{"assault", Assault, "", true},
		{" Consult\n", Consult, "", true},
		{"DEMAND", Request, "", true},
		{"disapprove", Accuse, "disapprove", true},
		{"INVESTIGATE", Accuse, "investigate", true},
		{"FIGHT", Assault, "", true},
		{"Yield", Concede, "", true},
		{"DOCUMENT", "", "", false},
		{"", "", "", false},
		{"ASSAULTS", "", "", false},
	}
	for _, tc := range tests {
		got, ok := ParseType(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseType(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
		_, mode, _ := ParseLabel(tc.in)
		if mode != tc.mode {
			t.Errorf("ParseLabel(%q) mode = %q, want %q", tc.in, mode, tc.mode)
		}
	}
}

func TestModes(t *testing.T) {
	if m := Agree.Modes(); m != nil {
		t.Errorf("AGREE modes = %v, want none", m)
	}
	if got := Consult.Modes(); !slices.Equal(got, []string{"visit", "third-party", "multilateral", "phone"}) {
		t.Errorf("CONSULT modes = %v", got)
	}
	tests := []struct {
		typ  EventType
		mode string
		ok   bool
	}{
		{Consult, "visit", true},
		{Consult, "", true},
		{Agree, "", true},
		{Agree, "visit", false},
		{Assault, "drone", true},
		{Assault, "massacre", true}, // NGEC's codebook adds it
		{Retreat, "return", true},
		{Threaten, "rights", true},
		{Threaten, "political", false}, // only an alias
		{Coerce, "Arrest", false},      // modes are lower case
		{"NOPE", "", false},
	}
	for _, tc := range tests {
		if got := ValidMode(tc.typ, tc.mode); got != tc.ok {
			t.Errorf("ValidMode(%s, %q) = %v, want %v", tc.typ, tc.mode, got, tc.ok)
		}
	}
}

func TestNormalizeMode(t *testing.T) {
	tests := []struct {
		typ      EventType
		in, want string
		ok       bool
	}{
		{Consult, "host", "visit", true},
		{Consult, " Phone ", "phone", true},
		{Protest, "strike-hun", "hunger", true},
		{Coerce, "detain", "arrest", true},
		{Threaten, "political", "rights", true},
		{Assault, "", "", true},
		{Assault, "host", "", false},
		{"NOPE", "visit", "", false},
	}
	for _, tc := range tests {
		got, ok := NormalizeMode(tc.typ, tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("NormalizeMode(%s, %q) = %q, %v; want %q, %v", tc.typ, tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestScoreModes(t *testing.T) {
	tests := []struct {
		typ  EventType
		mode string
		want float64
	}{
		{Consult, "visit", 4},
		{Consult, "phone", 1.5},
		{Retreat, "disarm", 10},
		{Assault, "unconventional", -10},
		{Assault, "crowd-control", -7.5},
		{Protest, "vandalize", -5},    // no score in the manual: type's
		{Assault, "massacre", -9},     // NGEC mode: type's
		{Assault, "no-such-mode", -9}, // unknown mode: type's
		{"NOPE", "", 0},
	}
	for _, tc := range tests {
		if got := Score(tc.typ, tc.mode); got != tc.want {
			t.Errorf("Score(%s, %q) = %v, want %v", tc.typ, tc.mode, got, tc.want)
		}
	}
	for _, ty := range Types() {
		for _, m := range append(ty.Modes(), "") {
			if s := Score(ty, m); s < -10 || s > 10 {
				t.Errorf("Score(%s, %q) = %v out of range", ty, m, s)
			}
		}
	}
}

func TestContextsAndSectors(t *testing.T) {
	c := Contexts()
	if len(c) != 37 || c[0] != "military" || !ValidContext("cbrn") || ValidContext("humanitarian") {
		t.Errorf("Contexts() = %d items starting %q", len(c), c[0])
	}
	s := Sectors()
	if len(s) != 25 || s["PRM"] == "" || s["GOV"] == "" {
		t.Errorf("Sectors() = %v", s)
	}
	s["GOV"] = "changed"
	if Sectors()["GOV"] == "changed" {
		t.Error("Sectors() exposes internal state")
	}
	if NonStateCodes()["IGO"] == "" {
		t.Error("NonStateCodes() lacks IGO")
	}
}
