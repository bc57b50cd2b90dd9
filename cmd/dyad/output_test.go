package main

import (
	"encoding/json"
	"github.com/dyad-project/dyad/internal/testutil"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dyad trend tells the truth in few lines: one line per period with
// stories, --by month, the dyad as asked, dates as in the CSV (issue 17).
func TestTrendOutput(t *testing.T) {
	seeds := testutil.SharedDir(t, "corpus/seeds")
	db := env(t)
	mustRun(t, "--db", db, "-q", "ingest", seeds)

	chart := mustRun(t, "--db", db, "trend", "--dyad", "USA:IRQ").stdout
	lines := strings.Split(strings.TrimSpace(chart), "\n")
	if !strings.HasPrefix(lines[0], "USA:IRQ by day") {
		t.Errorf("chart title %q, want the dyad as asked (USA:IRQ)", lines[0])
	}
	// the seeds' USA–IRQ stories fall on 5 days across 15 months
	if len(lines) != 1+5+1 || !strings.Contains(lines[len(lines)-1], "5 days with stories shown, 442 without left out") {
		t.Errorf("chart has %d lines, want a title, 5 days and a note:\n%s", len(lines), chart)
	}
	for _, l := range lines[1 : len(lines)-1] {
		if strings.Contains(l, "   0  vc0  mc0  vk0  mk0") {
			t.Errorf("an empty day is printed: %q", l)
		}
	}
	if all := mustRun(t, "--db", db, "trend", "--dyad", "USA:IRQ", "--empty").stdout; strings.Count(all, "\n") != 1+447 {
		t.Errorf("--empty prints %d lines, want 448", strings.Count(all, "\n"))
	}

	monthly := mustRun(t, "--db", db, "trend", "--dyad", "irq:usa", "--by", "month").stdout
	if !strings.HasPrefix(monthly, "IRQ:USA by month") || !strings.Contains(monthly, "\n2025-11-01  ") ||
		!strings.Contains(monthly, "3 months with stories shown, 12 without left out") {
		t.Errorf("--by month:\n%s", monthly)
	}

	var s struct {
		Dyad   string
		By     string
		Points []struct{ Start string }
	}
	js := mustRun(t, "--db", db, "trend", "--dyad", "USA:IRQ", "--by", "month", "--json").stdout
	if err := json.Unmarshal([]byte(js), &s); err != nil {
		t.Fatal(err)
	}
	csv := strings.Split(mustRun(t, "--db", db, "trend", "--dyad", "USA:IRQ", "--by", "month", "--csv").stdout, "\n")
	if s.Dyad != "USA:IRQ" || s.By != "month" || len(s.Points) != 15 || len(csv) != 1+15+1 {
		t.Fatalf("--json: %s %s %d points; --csv %d lines", s.Dyad, s.By, len(s.Points), len(csv))
	}
	for i, p := range s.Points {
		if got := strings.Split(csv[i+1], ",")[0]; p.Start != got {
			t.Errorf("period %d starts %q in JSON, %q in CSV", i, p.Start, got)
		}
	}
}

// Filters either match case-insensitively or fail saying why: never an
// empty table for a typo (issue 17).
func TestFiltersRefuseWhatCannotMatch(t *testing.T) {
	seeds := testutil.SharedDir(t, "corpus/seeds")
	db := env(t)
	mustRun(t, "--db", db, "-q", "ingest", seeds)
	for _, tc := range []struct {
		args []string
		want string // in the error; "" = succeeds
	}{
		{[]string{"events", "--dyad", "US:IQ"}, `unknown country code "US"`},
		{[]string{"timeline", "--dyad", "USA:IQ"}, `unknown country code "IQ"`},
		{[]string{"stories", "--dyad", "USA"}, "want two country codes"},
		{[]string{"trend", "--dyad", "US:IQ"}, `unknown country code "US"`},
		{[]string{"export", "--what", "events", "--dyad", "XXX:IRQ"}, `unknown country code "XXX"`},
		{[]string{"stories", "--type", "threats"}, `not a PLOVER event type; one of AGREE`},
		{[]string{"timeline", "--dyad", "USA:IRQ", "--type", "attacks"}, `not a PLOVER event type`},
		{[]string{"trend", "--dyad", "USA:IRQ", "--by", "year"}, `want day, week or month`},
		{[]string{"events", "--colour"}, "unknown flag: --colour"},
		{[]string{"timeline", "--dyad", "usa:irq", "--type", "threaten"}, ""},
		{[]string{"stories", "--type", "Threaten"}, ""},
		{[]string{"events", "--dyad", "usa:irq", "--type", "threaten"}, ""},
	} {
		r := run(t, append([]string{"--db", db}, tc.args...)...)
		switch {
		case tc.want == "" && r.err != nil:
			t.Errorf("%v: %v", tc.args, r.err)
		case tc.want == "" && !strings.Contains(r.stdout, "THREATEN"):
			t.Errorf("%v: no THREATEN story:\n%s", tc.args, r.stdout)
		case tc.want != "" && (r.err == nil || !strings.Contains(r.err.Error(), tc.want)):
			t.Errorf("%v: error %v, want one saying %q (stdout %q)", tc.args, r.err, tc.want, r.stdout)
		}
	}
}

// dyad stories show prints the evidence as the article has it (a no-break
// space is a space, not \u00a0) and counts in words ("1 outlet").
func TestStoryShowReads(t *testing.T) {
	db := env(t)
	src := filepath.Join(t.TempDir(), "nbsp.txt")
	text := "Tuesday, Nov 4, 2025\n\nUS warns Iraq\n\nThe United\u00a0States threatened Iraq with sanctions on Tuesday, officials said.\n"
	if err := os.WriteFile(src, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "--db", db, "-q", "ingest", src)
	rows := jsonLines(t, mustRun(t, "--db", db, "stories", "--json").stdout)
	if len(rows) == 0 {
		t.Fatal("no story coded")
	}
	show := mustRun(t, "--db", db, "stories", "show", rows[0]["story_id"].(string)).stdout
	for _, bad := range []string{`\u00a0`, "\u00a0", `\"`, "1 outlets", "1 mentions"} {
		if strings.Contains(show, bad) {
			t.Errorf("stories show prints %q:\n%s", bad, show)
		}
	}
	// the file names no outlet: its path is not one (issue 17)
	if !strings.Contains(show, "1 mention from no known outlet") || !strings.Contains(show, "“The United States threatened Iraq") {
		t.Errorf("stories show:\n%s", show)
	}
}

// One id scheme and one outlets type (issue 17, exports): an event is its
// stored mention id in `events --json`, the CSV export and PLOVER JSON
// Lines; `outlets` is a number in `stories --json` and `timeline --csv`,
// `outlet_names` the list; CSV booleans are TRUE/FALSE.
func TestOneIDAndOutletsType(t *testing.T) {
	seeds := testutil.SharedDir(t, "corpus/seeds")
	db := env(t)
	mustRun(t, "--db", db, "-q", "ingest", seeds)

	var ids []string
	for _, e := range jsonLines(t, mustRun(t, "--db", db, "events", "--json").stdout) {
		ids = append(ids, e["id"].(string))
	}
	plover := jsonLines(t, mustRun(t, "--db", db, "-q", "export", "--format", "jsonl", "--what", "events").stdout)
	csvOut := strings.Split(strings.TrimSpace(mustRun(t, "--db", db, "-q", "export", "--format", "csv", "--what", "events").stdout), "\n")
	if len(ids) == 0 || len(plover) != len(ids) || len(csvOut) != len(ids)+1 || !strings.HasPrefix(csvOut[0], "mention_id,") {
		t.Fatalf("%d events, %d PLOVER lines, %d CSV lines (header %q)", len(ids), len(plover), len(csvOut), csvOut[0])
	}
	seen := map[string]bool{}
	for i, id := range ids {
		if seen[id] || strings.Contains(id, "-") {
			t.Errorf("event id %q: repeated or not a mention id", id)
		}
		seen[id] = true
		if plover[i]["id"] != id || !strings.HasPrefix(csvOut[i+1], id+",") {
			t.Errorf("event %d: events --json %q, export jsonl %v, export csv %q", i, id, plover[i]["id"], csvOut[i+1][:20])
		}
	}
	for _, s := range jsonLines(t, mustRun(t, "--db", db, "stories", "--json").stdout) {
		n, ok := s["outlets"].(float64)
		names, ok2 := s["outlet_names"].([]any)
		if !ok || !ok2 || int(n) != len(names) {
			t.Fatalf("story %v: outlets %v, outlet_names %v; want a count and its list", s["story_id"], s["outlets"], s["outlet_names"])
		}
	}
	tl := mustRun(t, "--db", db, "timeline", "--dyad", "USA:IRQ", "--csv").stdout
	if !strings.Contains(tl, ",FALSE\n") && !strings.Contains(tl, ",TRUE\n") {
		t.Errorf("timeline --csv booleans are not TRUE/FALSE:\n%s", tl)
	}
}

// A file without an outlet is no outlet (issue 17): its path is not shown as
// one and it does not count as an independent outlet.
func TestUnknownOutletIsNoOutlet(t *testing.T) {
	dir := t.TempDir()
	page, err := os.ReadFile(filepath.Join("testdata", "future.txt"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "a.txt"), page, 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte(strings.Replace(string(page), "met US envoy", "held talks with US envoy", 1)), 0o644)
	db := env(t)
	mustRun(t, "--db", db, "-q", "ingest", dir)
	stories := jsonLines(t, mustRun(t, "--db", db, "stories", "--json").stdout)
	if len(stories) == 0 {
		t.Fatal("no stories")
	}
	for _, s := range stories {
		if s["outlets"] != float64(0) || len(s["outlet_names"].([]any)) != 0 {
			t.Errorf("story %v: outlets %v %v; files without an outlet count for none", s["story_id"], s["outlets"], s["outlet_names"])
		}
	}
	show := mustRun(t, "--db", db, "stories", "show", stories[0]["story_id"].(string)).stdout
	if !strings.Contains(show, "outlet: unknown outlet; source: ") || strings.Contains(show, "outlet: "+dir) {
		t.Errorf("stories show names a path as the outlet:\n%s", show)
	}
}
