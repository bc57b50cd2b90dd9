package cameoverbs

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dyad-project/dyad/internal/lexicon"
)

// An invented dictionary in the PETRARCH format.
const dict = `# comment
&WEAPON_
+RIFLE
+FIELD_CANNON

####### VERB PATTERNS #######

--- SMITE [180] ---
SMITE [182] {SMITES SMOTE SMITTEN SMITING}
THUMP
+BEAT_UP {+BEATS_UP +BEAT_UP +BEATEN_UP +BEATING_UP}
- * &WEAPON [193] # SMITE <xx 01 Jan 2001>
- * FESTIVAL [---] # SMITE
- SAID * [010] # SMITE
- * + WITH VIGOUR AND ZEAL [182] # SMITE
- * TO + [182] # SMITE
- * STERN REBUKE AGAINST [111] # SMITE
- * + AS HUMAN_SHIELD [184] # SMITE
- * UPON + [190] # THUMP
- * WILL PROVIDE [190] # THUMP
- * HARD [---

--- GREET [---] ---
GREET
HAIL [042]
- * DELEGATION FROM + [042:042] # GREET
- * TALKS [046] # GREET

--- SCUTTLE [---] ---
SCUTTLE
FOUND [164]
- * TALKS [164] # SCUTTLE
`

var codes = map[string][2]string{
	"180": {"ASSAULT", ""}, "182": {"ASSAULT", "beat"}, "193": {"ASSAULT", "firearms"},
	"190": {"ASSAULT", ""}, "042": {"CONSULT", "visit"}, "046": {"CONSULT", ""},
	"164": {"SANCTION", "withdraw"},
	"111": {"ACCUSE", "disapprove"}, "184": {"ASSAULT", "abduct"},
}

func lookup(c string) (string, string, bool) {
	r, ok := codes[c]
	return r[0], r[1], ok
}

// A tiny treebank: "talk" and "say" are frequent verbs.
const treebank = `# text = invented
1	They	they	PRON	_	_	0	_	_	_
2	talk	talk	VERB	_	_	0	_	_	_
3	talk	talk	VERB	_	_	0	_	_	_
4	say	say	VERB	_	_	0	_	_	_
5	thump	thump	NOUN	_	_	0	_	_	_
6	thump	thump	NOUN	_	_	0	_	_	_
7	thump	thump	VERB	_	_	0	_	_	_
8	will	will	AUX	_	_	0	_	_	_
9	provide	provide	VERB	_	_	0	_	_	_
`

func convert(t *testing.T, opt Options) ([]*lexicon.Entry, *Stats) {
	t.Helper()
	d, err := Parse(strings.NewReader(dict))
	if err != nil {
		t.Fatal(err)
	}
	if opt.Lookup == nil {
		opt.Lookup = lookup
	}
	return Convert(d, opt)
}

func find(es []*lexicon.Entry, verb, event string, object string) *lexicon.Entry {
	for _, e := range es {
		if e.Verb == verb && e.Event == event && (object == "" && len(e.Object) == 0 || slices.Contains(e.Object, object)) {
			return e
		}
	}
	return nil
}

func TestParseBlocksVerbsPatterns(t *testing.T) {
	d, err := Parse(strings.NewReader(dict))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Synsets["WEAPON"]; !slices.Equal(got, []string{"rifle", "field cannon"}) {
		t.Errorf("synset WEAPON = %v", got)
	}
	if len(d.Blocks) != 3 || d.Blocks[0].Code != "180" || d.Blocks[1].Code != "---" {
		t.Fatalf("blocks = %+v", d.Blocks)
	}
	b := d.Blocks[0]
	if v := b.Verbs[0]; v.Lemma != "smite" || v.Code != "182" || !slices.Contains(v.Forms, "smote") {
		t.Errorf("verb line = %+v", v)
	}
	if v := b.Verbs[2]; v.Lemma != "beat up" || !slices.Contains(v.Forms, "beaten up") {
		t.Errorf("multi-word verb = %+v", v)
	}
	if len(b.Patterns) != 9 || len(d.Malformed) != 1 {
		t.Errorf("%d patterns, malformed %v", len(b.Patterns), d.Malformed)
	}
	if p := d.Blocks[1].Patterns[0]; p.Code != "042" || !slices.Equal(p.Post, []string{"DELEGATION", "FROM", "+"}) || !slices.Equal(p.Verbs, []string{"greet"}) {
		t.Errorf("pattern = %+v", p)
	}
}

func TestConvertVerbsAndPatterns(t *testing.T) {
	es, st := convert(t, Options{Bare: "own", Stops: true})
	// the verb with its own code, its irregular forms and the recipient
	// preposition of "* TO +" with the same code
	e := find(es, "smite", "ASSAULT", "")
	if e == nil || e.Mode != "beat" || e.CAMEO != "182" || !slices.Contains(e.Forms, "smote") ||
		!slices.Equal(e.RecipientPrep, []string{"to"}) {
		t.Fatalf("bare smite = %+v %q %q", e, e.Forms, e.RecipientPrep)
	}
	// a synonym set expands into objects
	if e := find(es, "smite", "ASSAULT", "field cannon"); e == nil || e.Mode != "firearms" || !slices.Contains(e.Object, "rifle") {
		t.Errorf("object entry = %+v", e)
	}
	// a preposition closing the object introduces the recipient
	if e := find(es, "smite", "ACCUSE", "stern rebuke"); e == nil || !slices.Equal(e.RecipientPrep, []string{"against"}) {
		t.Errorf("object + preposition = %+v", e)
	}
	// the target, then a complement: the complement is the object
	if e := find(es, "smite", "ASSAULT", "human shield"); e == nil || e.Mode != "abduct" {
		t.Errorf("complement after the target = %+v", e)
	}
	// a null-coded pattern of a trigger verb is a stop
	if e := find(es, "smite", "NONE", "festival"); e == nil {
		t.Error("no stop entry for smite + festival")
	}
	// "thump" takes its block's code: no entry of its own with -bare own
	if e := find(es, "thump", "ASSAULT", ""); e != nil {
		t.Errorf("thump has a bare entry %+v", e)
	}
	// objects and recipient prepositions; a pattern names its verb
	if e := find(es, "greet", "CONSULT", "delegation"); e == nil || e.Mode != "visit" || !slices.Equal(e.RecipientPrep, []string{"from"}) {
		t.Errorf("greet + delegation = %+v", e)
	}
	if e := find(es, "hail", "CONSULT", "delegation"); e != nil {
		t.Errorf("a pattern written for GREET applied to HAIL: %+v", e)
	}
	for _, why := range []string{
		"pattern: words required before the verb (\"NOT *\", \"SAID *\")",
		"pattern: words after the target or a skipped phrase",
		"pattern: only a preposition after the verb",
		"line: malformed (no code, unclosed bracket)",
	} {
		if st.Dropped[why] == 0 {
			t.Errorf("nothing dropped as %q: %v", why, st.Dropped)
		}
	}
}

func TestConvertBareAll(t *testing.T) {
	es, _ := convert(t, Options{Bare: "all"})
	if e := find(es, "thump", "ASSAULT", ""); e == nil || e.CAMEO != "180" {
		t.Errorf("thump with its block's code = %+v", e)
	}
	if e := find(es, "greet", "", ""); e != nil {
		t.Errorf("null-coded verb has an entry %+v", e)
	}
}

func TestConvertCuratedWins(t *testing.T) {
	cur := []*lexicon.Entry{
		{Verb: "greet", Event: "CONSULT"}, // a reading of its own
		{Noun: "talks", Event: "CONSULT"}, // an event noun
		{Verb: "hail", Claim: "reported"}, // a reporting verb
		{Verb: "smite", Object: []string{"rifle"}, Event: "ASSAULT"},
		{Verb: "find guilty", Forms: []string{"find guilty", "found guilty"}, Event: "SANCTION"},
	}
	es, _ := convert(t, Options{Bare: "all", Stops: true, Curated: cur})
	for _, e := range es {
		switch {
		case e.Verb == "greet":
			t.Errorf("curated verb with a reading of its own got %+v", e)
		case slices.Contains(e.Object, "talks") && e.Event == "CONSULT":
			t.Errorf("a curated event noun became an object of the same type: %+v", e)
		case e.Verb == "smite" && len(e.Object) == 0:
			t.Errorf("curated verb got a bare entry %+v", e)
		case e.Verb == "smite" && slices.Contains(e.Object, "rifle"):
			t.Errorf("curated object repeated: %+v", e)
		}
	}
	if e := find(es, "smite", "ASSAULT", "field cannon"); e == nil {
		t.Error("curated verb with objects lost the objects it lacks")
	}
	// "scuttled the talks" says something else than the noun: it stays
	if e := find(es, "scuttle", "SANCTION", "talks"); e == nil {
		t.Error("a verb that changes what a curated noun says lost it as object")
	}
	// "found" (establish) is the past of the curated "find (guilty)"
	if e := find(es, "found", "SANCTION", ""); e != nil {
		t.Errorf("a form of a curated verb became a verb: %+v", e)
	}
}

func TestConvertTreebankFilters(t *testing.T) {
	u, err := ReadUsage(strings.NewReader(treebank))
	if err != nil {
		t.Fatal(err)
	}
	if !u.IsFrequentVerb("talk", 1) || u.IsFrequentVerb("say", 1) {
		t.Errorf("frequent verbs: %v", u.Frequent(1))
	}
	if !u.MostlyNominal([]string{"thump", "thumps"}) || u.MostlyNominal([]string{"provide"}) {
		t.Error("MostlyNominal")
	}
	if u.Nominal("will") || !u.Nominal("festival") {
		t.Error("Nominal: an auxiliary is not a noun, an unknown word passes")
	}
	es, st := convert(t, Options{Bare: "all", Usage: u, General: 1})
	if e := find(es, "thump", "ASSAULT", ""); e != nil {
		t.Errorf("a verb that is mostly a noun kept its bare entry: %+v", e)
	}
	if st.Dropped["pattern: object is not a noun phrase (\"will provide\", \"commit\")"] == 0 {
		t.Errorf("\"* WILL PROVIDE\" kept: %v", st.Dropped)
	}
}

// The generated entries load in the lexicon and trigger on invented
// sentences; the stop entry keeps its verb from triggering.
func TestGeneratedEntriesMatch(t *testing.T) {
	es, _ := convert(t, Options{Bare: "own", Stops: true})
	var buf bytes.Buffer
	if err := WriteYAML(&buf, "invented", es); err != nil {
		t.Fatal(err)
	}
	lex, err := lexicon.Load(fstest.MapFS{"verbs/gen.yaml": {Data: buf.Bytes()}}, "verbs")
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	for _, c := range []struct{ text, event, mode string }{
		{"Rebels smote the convoy with rifles.", "ASSAULT", "firearms"},
		{"The guards smites a prisoner.", "ASSAULT", "beat"},
		{"The mayor greeted a delegation from the valley.", "CONSULT", "visit"},
		{"The gang smote the villagers as human shields.", "ASSAULT", "abduct"},
		{"The deputies smite a stern rebuke against the board.", "ACCUSE", "disapprove"},
		{"Crowds smote the festival drums all night.", "", ""},
	} {
		tr := lex.Triggers(lexicon.Tokenize(c.text))
		switch {
		case c.event == "" && len(tr) > 0:
			t.Errorf("%q: triggered %s", c.text, tr[0].Entry)
		case c.event != "" && (len(tr) != 1 || tr[0].Entry.Event != c.event || tr[0].Entry.Mode != c.mode):
			t.Errorf("%q: %+v, want %s/%s", c.text, tr, c.event, c.mode)
		}
	}
}

// data/verbs/cameo.yaml is what the converter makes of the shared
// dictionary today (skipped when the shared data is not there).
func TestGeneratedFileUpToDate(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	shared := filepath.Join(root, "..", "shared", "data")
	in := filepath.Join(shared, "petrarch2", "CAMEO.verbpatterns.150430.txt")
	tb := filepath.Join(shared, "ud-ewt", "en_ewt-ud-train.conllu")
	if _, err := os.Stat(in); err != nil {
		t.Skip("no shared dictionary:", err)
	}
	if _, err := os.Stat(tb); err != nil {
		t.Skip("no shared treebank:", err)
	}
	if testing.Short() {
		t.Skip("short")
	}
	want, err := os.ReadFile(filepath.Join(root, "data", "verbs", "cameo.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "cameo.yaml")
	cmd := exec.Command("go", "run", "./internal/lexicon/cmd/cameoverbs", "-in", in, "-general", tb,
		"-top", "400", "-bare", "own", "-out", out)
	cmd.Dir = root
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// the header names the output path; compare the entries
	body := func(b []byte) string {
		s := string(b)
		return s[strings.Index(s, "\n- "):]
	}
	if body(got) != body(want) {
		t.Error("data/verbs/cameo.yaml is not what the converter makes now: regenerate it (see data/verbs/README.md)")
	}
}
