package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestJSONFilesByContent: in a directory, a crawler's JSON record
// (newspaper4k, news-please) is read as the article it holds and a JSON
// file that holds none (a metadata fixture) is skipped and counted. Read
// as text, each became an article of quoted keys whose escaped "\n\n" ran
// every paragraph into one "sentence" (up to 1,150 characters on
// ../shared/corpus/pages), and the metadata's excerpt was coded again.
func TestJSONFilesByContent(t *testing.T) {
	dir := filepath.Join("testdata", "jsonfiles")
	out := t.TempDir()
	ev := filepath.Join(out, "events.jsonl")
	r := mustRun(t, "code", "--events-out", ev, dir)
	if !strings.Contains(r.stderr, "expected-metadata.json: JSON data, not an article") || !strings.Contains(r.stderr, "1 skipped") {
		t.Errorf("code: stderr = %q", r.stderr)
	}
	evs := jsonLines(t, readFile(t, ev))
	if len(evs) == 0 {
		t.Fatal("no events from the crawler record")
	}
	for _, e := range evs {
		s := e["event_text"].(string)
		if e["doc"] != "us_warns_iraq.json" || len(s) > 200 || strings.Contains(s, `\n`) || strings.Contains(s, `"text"`) {
			t.Errorf("event from %v with sentence %q: want one sentence of the record's text", e["doc"], s)
		}
	}

	db := env(t)
	r = mustRun(t, "--db", db, "ingest", dir)
	if !strings.Contains(r.stderr, "1 new") || !strings.Contains(r.stderr, "1 skipped") {
		t.Errorf("ingest: stderr = %q", r.stderr)
	}
	arts := jsonLines(t, mustRun(t, "--db", db, "articles", "--json").stdout)
	if len(arts) != 1 || arts[0]["title"] != "US warns Iraq over militia attacks" || arts[0]["published"] != "2025-03-02" ||
		arts[0]["outlet"] != "Wire" {
		t.Errorf("stored articles: %v", arts)
	}
}
