package main

import (
	"fmt"
	"github.com/dyad-project/dyad/internal/testutil"
	"path/filepath"
	"strings"
	"testing"
)

// Seed 002 is a 2020 story under a 2025 dateline: what `dyad code
// --docs-out` knows is stored with the article and shown by every command
// that lists the article or its events (issue 17).
func TestDateCheckShownEverywhere(t *testing.T) {
	seeds := testutil.SharedDir(t, "corpus/seeds")
	db := env(t)
	mustRun(t, "--db", db, "-q", "ingest", seeds)

	var id string
	for _, a := range jsonLines(t, mustRun(t, "--db", db, "articles", "--json").stdout) {
		if filepath.Base(a["source"].(string)) != "002_1da35b5d97764059.txt" {
			if a["date_conflict"] != false || a["date_checked"] != true {
				t.Errorf("%s: date_checked %v, date_conflict %v; want a check without conflict", a["source"], a["date_checked"], a["date_conflict"])
			}
			continue
		}
		id = fmt.Sprint(a["id"])
		if a["published"] != "2025-11-18" || a["date_conflict"] != true ||
			a["content_date_start"] != "2020-05-07" || a["content_date_end"] != "2021-01-20" {
			t.Errorf("seed 002 in articles --json: %v", a)
		}
		if rs, _ := a["date_reasons"].([]any); len(rs) == 0 {
			t.Errorf("seed 002: no date_reasons: %v", a)
		}
		if in, _ := a["inconsistencies"].([]any); len(in) != 1 || !strings.Contains(in[0].(string), "Zarif") {
			t.Errorf("seed 002: inconsistencies %v, want the Zarif title", a["inconsistencies"])
		}
	}
	if id == "" {
		t.Fatal("seed 002 not listed")
	}

	r := mustRun(t, "--db", db, "articles")
	for _, want := range []string{"DATE CHECK", "conflict: content 2020-05-07…2021-01-20"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("dyad articles lacks %q:\n%s", want, r.stdout)
		}
	}
	if want := "article " + id + ": the printed date contradicts the content"; !strings.Contains(r.stderr, want) {
		t.Errorf("dyad articles does not say %q on stderr: %q", want, r.stderr)
	}
	show := mustRun(t, "--db", db, "show", id).stdout
	for _, want := range []string{"Published: 2025-11-18 (dateline)",
		"Date check: CONFLICT: the content belongs to 2020-05-07…2021-01-20",
		"because Mike Pompeo held foreign_minister 2018-04-26…2021-01-20",
		"inconsistent title: \"Iraq’s Foreign Minister Zarif\""} {
		if !strings.Contains(show, want) {
			t.Errorf("dyad show %s lacks %q:\n%s", id, want, show)
		}
	}
	js := jsonLines(t, mustRun(t, "--db", db, "show", id, "--json").stdout)
	if len(js) != 1 || js[0]["date_conflict"] != true || js[0]["content_date_start"] != "2020-05-07" {
		t.Errorf("dyad show --json: %v", js)
	}

	// its events are dated by the content and marked so
	marked := 0
	for _, m := range jsonLines(t, mustRun(t, "--db", db, "events", "--json").stdout) {
		if filepath.Base(m["source"].(string)) != "002_1da35b5d97764059.txt" {
			if m["article_date_conflict"] != nil {
				t.Errorf("event of %s marked as dated by content", m["source"])
			}
			continue
		}
		marked++
		if m["article_date_conflict"] != true || m["date_start"].(string) < "2020" || m["date_end"].(string) > "2021-01-20" {
			t.Errorf("event of seed 002: %v", m)
		}
	}
	if marked == 0 {
		t.Fatal("no event of seed 002")
	}
	tl := mustRun(t, "--db", db, "timeline", "--dyad", "USA:IRQ")
	if !strings.Contains(tl.stdout, "2020-05-07…2021-01-20 *") || !strings.Contains(tl.stderr, "* dated by the content") {
		t.Errorf("timeline does not mark events dated by the content:\n%s\n%s", tl.stdout, tl.stderr)
	}
}
