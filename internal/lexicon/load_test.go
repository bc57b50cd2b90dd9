package lexicon

import (
	"github.com/dyad-project/dyad/internal/plover"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestDefaultLoads(t *testing.T) {
	lex := mustDefault(t)
	if lex.Len() < 500 {
		t.Errorf("built-in lexicon has %d entries, want 500+", lex.Len())
	}
	types := map[string]int{}
	for _, e := range lex.Entries() {
		if e.Event != "" && !e.IsStop() {
			types[e.Event]++
		}
	}
	for _, ev := range EventTypes() {
		if types[ev] == 0 {
			t.Errorf("no trigger for %s", ev)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ file, want string }{
		{"unknown_event.yaml", `entry 2 (verb frobnicate): unknown event "EXPLODE"`},
		{"bad_mode.yaml", `mode "phone" is not a mode of ASSAULT`},
		{"no_lemma.yaml", "entry 1 (verb ): needs a verb or a noun"},
		{"both.yaml", "has both a verb and a noun"},
		{"unknown_field.yaml", "field objekt not found"},
		{"duplicate.yaml", "entry 2 (verb attack) repeats entry 1"},
		{"bad_claim.yaml", `unknown claim "certain"`},
		{"syntax.yaml", "syntax.yaml"},
	}
	for _, tt := range tests {
		raw, err := os.ReadFile(filepath.Join("testdata", "bad", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		fsys := fstest.MapFS{"verbs/" + tt.file: {Data: raw}}
		_, err = Load(fsys, "verbs")
		if err == nil {
			t.Errorf("%s: loaded without error", tt.file)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.file) {
			t.Errorf("%s: error %q, want it to name the file and contain %q", tt.file, err, tt.want)
		}
	}
}

func TestLoadUserDir(t *testing.T) {
	base := fstest.MapFS{
		"verbs/a.yaml":     {Data: []byte("- {noun: protest, event: PROTEST, mode: demo}\n- {verb: attack, event: ASSAULT}\n")},
		"verbs/empty.yaml": {Data: []byte("# nothing yet\n")},
	}
	lex, err := Load(base, "verbs", filepath.Join("testdata", "user"))
	if err != nil {
		t.Fatal(err)
	}
	if lex.Len() != 4 { // protest replaced, attack, lob, investigate
		t.Errorf("Len = %d, want 4", lex.Len())
	}
	s := "Rebels lobbed grenades at the protest and attacked the post."
	if got := describe(s, lex.Triggers(Tokenize(s))); got != "ASSAULT/explosives lobbed; ASSAULT attacked" {
		t.Errorf("got %q", got)
	}
	s = "Prosecutors investigated the bombing."
	if got := describe(s, lex.Triggers(Tokenize(s))); got != "ACCUSE/investigate investigated" {
		t.Errorf("old label INVESTIGATE: got %q", got)
	}
	if _, err := Load(base, "verbs", filepath.Join("testdata", "missing")); err == nil {
		t.Error("a missing user dir must be an error")
	}
}

// A verb with event-noun objects receives as its nouns do, unless it names
// its own prepositions, whatever it does to the noun: "began an audit of
// X", "suspended aid to X", "rejected talks with X" concern X.
func TestInheritPreps(t *testing.T) {
	fsys := fstest.MapFS{"verbs/a.yaml": {Data: []byte(`
- {noun: audit, event: ACCUSE, recipient_prep: [into, of]}
- {noun: parley, event: CONSULT, recipient_prep: [with]}
- {noun: grant, event: AID, recipient_prep: [to, for]}
- {verb: begin, object: [audit], event: ACCUSE}
- {verb: withhold, object: [grant, parley], event: SANCTION}
- {verb: convene, object: [parley], event: CONSULT, recipient_prep: [among]}
`)}}
	lex, err := Load(fsys, "verbs")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, e := range lex.Entries() {
		if e.Verb != "" {
			got[e.Verb] = e.RecipientPrep
		}
	}
	if !slices.Equal(got["begin"], []string{"into", "of"}) {
		t.Errorf("begin + audit receives with %v, want [into of]", got["begin"])
	}
	if !slices.Equal(got["withhold"], []string{"to", "for", "with"}) {
		t.Errorf("withhold + grant/parley receives with %v, want [to for with] (the nouns' own, of another type)", got["withhold"])
	}
	if !slices.Equal(got["convene"], []string{"among"}) {
		t.Errorf("convene keeps its own prepositions, got %v", got["convene"])
	}
}

// The ontology decides: every entry's PLOVER type is the one the CAMEO to
// PLOVER crosswalk gives its CAMEO code (signing a formal agreement, 057, is
// SUPPORT; imposing sanctions, 163, is COERCE; a conviction, 116, ACCUSE),
// so the two codes an event carries never disagree.
func TestEntriesFollowTheCrosswalk(t *testing.T) {
	lex, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range lex.Entries() {
		if e.CAMEO == "" || e.Event == "" || e.IsStop() {
			continue
		}
		if pt, _, ok := plover.FromCAMEO(e.CAMEO); ok && string(pt) != e.Event {
			t.Errorf("%s: %s is %s, but CAMEO %s is %s", e.File, e, e.Event, e.CAMEO, pt)
		}
	}
}

func TestUnknownFrame(t *testing.T) {
	fsys := fstest.MapFS{"verbs/a.yaml": {Data: []byte("- {verb: order, event: REQUEST, frame: raising}\n")}}
	if _, err := Load(fsys, "verbs"); err == nil || !strings.Contains(err.Error(), `unknown frame "raising"`) {
		t.Errorf("err = %v, want an unknown frame named", err)
	}
}
