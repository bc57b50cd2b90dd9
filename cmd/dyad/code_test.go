package main

import (
	"fmt"
	"github.com/dyad-project/dyad/internal/testutil"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unsafe"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/coder"
	"github.com/dyad-project/dyad/internal/event"
)

func TestCodeSeeds(t *testing.T) {
	seeds := testutil.SharedDir(t, "corpus/seeds")
	db := env(t)
	dir := t.TempDir()
	evPath, docsPath := filepath.Join(dir, "events.jsonl"), filepath.Join(dir, "docs.jsonl")

	r := mustRun(t, "--db", db, "code", "--events-out", evPath, "--docs-out", docsPath, seeds)
	if r.stdout != "" {
		t.Errorf("with both outputs in files, stdout = %q", r.stdout)
	}
	if !regexp.MustCompile(`coded 5 documents: \d+ event mentions in \d+ stories; 0 duplicate, 0 failed`).MatchString(r.stderr) {
		t.Errorf("summary = %q", r.stderr)
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("dyad code created the database %s; it should work in memory", db)
	}

	events := jsonLines(t, readFile(t, evPath))
	if len(events) < 5 {
		t.Fatalf("%d event mentions, want several per seed", len(events))
	}
	perDoc := map[string]int{}
	datePat := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	for i, e := range events {
		doc, _ := e["doc"].(string)
		perDoc[doc]++
		if doc == "" || e["event"] == "" || e["event_text"] == "" {
			t.Errorf("event %d lacks doc, event or evidence: %v", i, e)
		}
		actor, _ := e["actor"].(map[string]any)
		if code, _ := actor["code"].(string); code == "" {
			t.Errorf("event %d has no actor.code: %v", i, e)
		}
		if ds, _ := e["date_start"].(string); ds != "" && !datePat.MatchString(ds) {
			t.Errorf("event %d date_start = %q", i, ds)
		}
	}
	dated := 0
	for _, e := range events {
		if ds, _ := e["date_start"].(string); ds != "" {
			dated++
		}
	}
	if dated*2 < len(events) {
		t.Errorf("only %d of %d mentions have a date_start", dated, len(events))
	}

	docs := jsonLines(t, readFile(t, docsPath))
	if len(docs) != 5 {
		t.Fatalf("%d document lines, want 5", len(docs))
	}
	for _, d := range docs {
		name, _ := d["doc"].(string)
		if _, ok := d["published"]; !ok {
			t.Errorf("%s: no published field", name)
		}
		conflict, ok := d["date_conflict"].(bool)
		if !ok {
			t.Errorf("%s: date_conflict missing or not a bool: %v", name, d["date_conflict"])
		}
		// 002 is an old story (2020) republished under a 2025 date.
		if want := strings.HasPrefix(name, "002_"); conflict != want {
			t.Errorf("%s: date_conflict = %v, want %v (reasons %v)", name, conflict, want, d["date_reasons"])
		}
		if conflict {
			if s, _ := d["content_date_start"].(string); s == "" || s >= "2025" {
				t.Errorf("%s: content window starts %q, want before the printed 2025 date", name, s)
			}
		}
		if n, _ := d["mentions"].(float64); int(n) != perDoc[name] {
			t.Errorf("%s: docs line says %v mentions, events file has %d", name, d["mentions"], perDoc[name])
		}
	}
}

func TestCodeToStdout(t *testing.T) {
	seeds := testutil.SharedDir(t, "corpus/seeds")
	env(t)
	r := mustRun(t, "-q", "code", filepath.Join(seeds, "003_364a8a0b311234ed.txt"))
	if r.stderr != "" {
		t.Errorf("-q printed %q", r.stderr)
	}
	events := jsonLines(t, r.stdout)
	if len(events) == 0 {
		t.Fatal("no mentions on stdout")
	}
	for _, e := range events {
		if e["doc"] != "003_364a8a0b311234ed.txt" {
			t.Errorf("mention of doc %v", e["doc"])
		}
	}
}

func TestEventsAfterIngest(t *testing.T) {
	seeds := testutil.SharedDir(t, "corpus/seeds")
	db := env(t)
	mustRun(t, "--db", db, "-q", "ingest", seeds)

	r := mustRun(t, "--db", db, "events", "--dyad", "usa:irq", "--json")
	ms := jsonLines(t, r.stdout)
	if len(ms) == 0 {
		t.Fatal("no USA:IRQ mentions after ingesting the seeds")
	}
	for _, m := range ms {
		a, _ := m["actor"].(map[string]any)
		rc, _ := m["recipient"].(map[string]any)
		if a["code"] != "USA" || rc["code"] != "IRQ" {
			t.Errorf("mention outside USA:IRQ: actor %v recipient %v", a, rc)
		}
		if m["event_text"] == "" || m["source"] == "" {
			t.Errorf("mention without evidence or source: %v", m)
		}
	}
	threats := jsonLines(t, mustRun(t, "--db", db, "events", "--dyad", "USA:IRQ", "--type", "threaten", "--json").stdout)
	if len(threats) == 0 || len(threats) >= len(ms) {
		t.Errorf("--type threaten: %d of %d USA:IRQ mentions", len(threats), len(ms))
	}
	for _, m := range threats {
		if m["event"] != "THREATEN" {
			t.Errorf("--type threaten gave %v", m["event"])
		}
	}

	table := mustRun(t, "--db", db, "events", "--dyad", "USA:IRQ").stdout
	if !strings.HasPrefix(table, "DATE") || strings.Count(table, "\n") != len(ms)+1 {
		t.Errorf("table has %d lines for %d mentions:\n%s", strings.Count(table, "\n"), len(ms), table)
	}

	for _, tc := range []struct{ args []string }{
		{[]string{"events", "--dyad", "USAIRQ"}},
		{[]string{"events", "--type", "NOT_A_TYPE"}},
		{[]string{"events", "--since", "2025/01/01"}},
	} {
		if r := run(t, append([]string{"--db", db}, tc.args...)...); r.err == nil {
			t.Errorf("%v: no error", tc.args)
		}
	}
}

func TestEvalSeeds(t *testing.T) {
	seeds := testutil.SharedDir(t, "corpus/seeds")
	gold := testutil.SharedDir(t, "gold/seeds")
	env(t)
	// the figures come from the script (--json); the coder moves them, the
	// words around them must not
	js := jsonLines(t, mustRun(t, "eval", "--json", "--gold", gold, seeds).stdout)
	if len(js) != 1 {
		t.Fatalf("eval --json: %d JSON objects, want 1", len(js))
	}
	strict, _ := js[0]["strict"].(map[string]any)
	p, _ := strict["precision"].(float64)
	rc, _ := strict["recall"].(float64)
	f1, _ := strict["f1"].(float64)
	predicted, _ := js[0]["predictions"].(float64)
	num := func(k string) int { v, _ := js[0][k].(float64); return int(v) }
	// merging: the Hegseth warning and call of 000/001 are merged, and no
	// merge joins different gold stories; how many merged pairs touch
	// found events moves with the coder (it read 3 here and 5 once in CI,
	// unexplained: the events were the same)
	if num("cross_doc_merged") < 2 || num("false_merges") != 0 {
		t.Errorf("merging: %d of %d cross-document pairs merged, %d of %d merges wrong; want ≥ 2 merged, none wrong",
			num("cross_doc_merged"), num("cross_doc_pairs"), num("false_merges"), num("merged_pairs"))
	}
	// for people: the figures in words, no Python reprs, no JSON
	r := mustRun(t, "eval", "--verbose", "--gold", gold, seeds)
	for _, want := range []string{fmt.Sprintf("events: %d predicted, 27 core events in the gold", int(predicted)),
		fmt.Sprintf("  strict (type, parties, date):  precision %.3f  recall %.3f  F1 %.3f", p, rc, f1),
		"documents: publication date right on 1.000",
		"date conflicts: 1 in the gold, 1 flagged: precision 1.00  recall 1.00  F1 1.00; content window right on 1.000",
		"  FP  002_1da35b5d97764059.txt: THREATEN USA -> - (2020-05-07, 2021-01-20) | While Iran",
		"  DATE 003-03: found, but the date is off (gold 2024-09-08…2024-09-22)"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("eval lacks %q:\n%s", want, r.stdout)
		}
	}
	if !regexp.MustCompile(`(?m)^merging: [2-9] of \d+ events reported by two documents merged; 0 of \d+ merges wrong$`).MatchString(r.stdout) {
		t.Errorf("eval's merging line is not 'merging: N of M events reported by two documents merged; 0 of K merges wrong' (N ≥ 2):\n%s", r.stdout)
	}
	for _, py := range []string{"datetime.date(", "None", "('", "{\""} {
		if strings.Contains(r.stdout, py) {
			t.Errorf("eval prints %q:\n%s", py, r.stdout)
		}
	}
	// the script's own report, byte for byte, when asked
	script := mustRun(t, "eval", "--script", "--verbose", "--gold", gold, seeds).stdout
	if !strings.Contains(script, "datetime.date(2025, 11, 2)") || !strings.Contains(script, fmt.Sprintf("events: strict P %.3f R %.3f F1 %.3f", p, rc, f1)) {
		t.Errorf("eval --script is not the script's report:\n%s", script)
	}
	for _, k := range []string{"strict", "loose_no_date", "docs", "predictions", "core_gold"} {
		if _, ok := js[0][k]; !ok {
			t.Errorf("eval JSON lacks %q: %v", k, js[0])
		}
	}
	if docs, _ := js[0]["docs"].(map[string]any); docs["published_accuracy"] != 1.0 {
		t.Errorf("publication dates of the seeds: accuracy %v, want 1", docs["published_accuracy"])
	}

	if r := run(t, "eval", "--gold", gold); r.err == nil || !strings.Contains(r.err.Error(), "nothing to score") {
		t.Errorf("eval without sources: err = %v", r.err)
	}
	if r := run(t, "eval", seeds); r.err == nil || !strings.Contains(r.err.Error(), "gold") {
		t.Errorf("eval without --gold: err = %v", r.err)
	}
}

func TestActorsLookup(t *testing.T) {
	env(t)
	for _, tc := range []struct {
		name, date string
		want       []string
	}{
		{"Thabit al-Abbasi", "2025-11-02", []string{"Thabet al-Abbasi", "IRQ", "Defense Minister (IRQ"}},
		{"Thabet al-Abbasi", "2025-11-02", []string{"Thabet al-Abbasi", "IRQ", "Defense Minister (IRQ"}},
		{"Zzyzx Qwertyuiop", "2025-11-02", []string{"not in the knowledge base"}},
	} {
		r := mustRun(t, "actors", "lookup", tc.name, "--date", tc.date)
		for _, w := range tc.want {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("lookup %q on %s: %q missing from\n%s", tc.name, tc.date, w, r.stdout)
			}
		}
	}
	if r := run(t, "actors", "lookup", "Thabit al-Abbasi", "--date", "2 Nov 2025"); r.err == nil {
		t.Error("a malformed --date was accepted")
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// detach leaves no kept string pointing into the article's text, so the
// text can be freed while the run goes on.
func TestDetachCopiesOutOfTheText(t *testing.T) {
	text := "Washington warned Tehran on Monday. Tehran rejected the warning."
	a := &article.Article{Source: "a.txt", Title: text[:10], Outlet: text[11:17], Text: text}
	res := coder.Result{Mentions: []event.Mention{
		{Sentence: text[:35], Trigger: text[11:17], DateText: text[25:34], Outlet: a.Outlet,
			Actor: event.Party{Text: text[:10]}, Recipient: event.Party{Text: text[18:24]}},
		{Sentence: text[:35], Trigger: text[11:17]},
	}}
	res.Check.Reasons = []string{text[36:42]}
	detach(a, &res)
	inText := func(s string) bool {
		if s == "" {
			return false
		}
		p, lo := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(text)))
		return p >= lo && p < lo+uintptr(len(text))
	}
	m := res.Mentions[0]
	for name, s := range map[string]string{"title": a.Title, "outlet": a.Outlet, "sentence": m.Sentence, "trigger": m.Trigger,
		"date text": m.DateText, "mention outlet": m.Outlet, "actor": m.Actor.Text, "recipient": m.Recipient.Text,
		"reason": res.Check.Reasons[0]} {
		if inText(s) {
			t.Errorf("%s %q still points into the text", name, s)
		}
	}
	if m.Sentence != text[:35] || m.Actor.Text != "Washington" || m.Recipient.Text != "Tehran" || a.Title != "Washington" {
		t.Errorf("detach changed the strings: %+v", m)
	}
	if unsafe.StringData(res.Mentions[1].Sentence) != unsafe.StringData(m.Sentence) {
		t.Errorf("two mentions of one sentence got two copies of it")
	}
}
