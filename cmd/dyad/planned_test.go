package main

import (
	"path/filepath"
	"testing"
)

// An article of 3 March 2026 announcing talks on 1 April 2027 reports a
// plan, not talks that took place (issue 17): the mentions dated after the
// article are planned, with their date kept; the meeting of the day stays
// asserted.
func TestFutureEventsArePlanned(t *testing.T) {
	db := env(t)
	src := filepath.Join("testdata", "future.txt")
	mustRun(t, "--db", db, "-q", "ingest", src)
	ms := jsonLines(t, mustRun(t, "--db", db, "events", "--json").stdout)
	if len(ms) == 0 {
		t.Fatal("no events coded")
	}
	future := 0
	for _, m := range ms {
		start, _ := m["date_start"].(string)
		switch {
		case start > "2026-03-03":
			future++
			if m["claim"] != "planned" || start != "2027-04-01" {
				t.Errorf("%s %s on %s: claim %v, want planned on 2027-04-01", m["event"], m["event_text"], start, m["claim"])
			}
		case m["claim"] == "planned":
			t.Errorf("%s on %s (not after the article) made a plan", m["event"], start)
		}
	}
	if future == 0 {
		t.Fatalf("no event after the article's date: %v", ms)
	}
	// the same through dyad code, which eval and the score script read
	for _, m := range jsonLines(t, mustRun(t, "-q", "code", src).stdout) {
		if s, _ := m["date_start"].(string); s > "2026-03-03" && m["claim"] != "planned" {
			t.Errorf("dyad code: %s on %s is %v", m["event"], s, m["claim"])
		}
	}
}
