package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestRelevanceGate: an invented encyclopedia stub beside a news report is
// not coded (it yielded seven events from 1963 to 2022 before the gate),
// and both `dyad code` and `dyad ingest` say so instead of yielding little
// in silence; --docs-out says why.
func TestRelevanceGate(t *testing.T) {
	dir := filepath.Join("testdata", "gate")
	out := t.TempDir()
	evPath, docsPath := filepath.Join(out, "events.jsonl"), filepath.Join(out, "docs.jsonl")
	r := mustRun(t, "code", "--events-out", evPath, "--docs-out", docsPath, dir)
	if !strings.Contains(r.stderr, "1 page not news-like (encyclopedia, manual, fiction, how-to…): not coded") {
		t.Errorf("code: stderr = %q", r.stderr)
	}
	perDoc := map[string]int{}
	for _, e := range jsonLines(t, readFile(t, evPath)) {
		perDoc[e["doc"].(string)]++
	}
	if perDoc["encyclopedia.txt"] != 0 || perDoc["news.txt"] == 0 {
		t.Errorf("events per document = %v, want none from the encyclopedia and some from the news", perDoc)
	}
	for _, d := range jsonLines(t, readFile(t, docsPath)) {
		reason, _ := d["not_news"].(string)
		switch d["doc"] {
		case "encyclopedia.txt":
			if !strings.Contains(reason, "encyclopedic") {
				t.Errorf("encyclopedia not_news = %q", reason)
			}
		case "news.txt":
			if _, ok := d["not_news"]; ok {
				t.Errorf("news has not_news = %q", reason)
			}
		}
	}

	db := env(t)
	r = mustRun(t, "--db", db, "ingest", dir)
	if !strings.Contains(r.stderr, "1 page not news-like (encyclopedia, manual, fiction, how-to…): stored, not coded") {
		t.Errorf("ingest: stderr = %q", r.stderr)
	}
	r = mustRun(t, "--db", db, "events", "--json")
	if strings.Contains(r.stdout, "encyclopedia.txt") || !strings.Contains(r.stdout, "news.txt") {
		t.Errorf("stored events: %s", r.stdout)
	}

	// the verdict is stored with the article and shown where it is listed
	var id string
	for _, a := range jsonLines(t, mustRun(t, "--db", db, "articles", "--json").stdout) {
		reason, held := a["not_news"].(string)
		switch filepath.Base(a["source"].(string)) {
		case "encyclopedia.txt":
			id = fmt.Sprint(a["id"])
			if !strings.Contains(reason, "encyclopedic") {
				t.Errorf("articles --json: encyclopedia not_news = %v", a["not_news"])
			}
		case "news.txt":
			if held {
				t.Errorf("articles --json: news not_news = %q", reason)
			}
		}
	}
	if id == "" {
		t.Fatal("encyclopedia.txt not listed")
	}
	r = mustRun(t, "--db", db, "articles")
	for _, line := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(line, id+" ") != strings.Contains(line, "not news: not coded") {
			t.Errorf("dyad articles row: %q (article %s is the one held back)", line, id)
		}
	}
	if want := "article " + id + ": not news-like"; !strings.Contains(r.stderr, want) {
		t.Errorf("dyad articles stderr lacks %q: %q", want, r.stderr)
	}
	show := mustRun(t, "--db", db, "show", id).stdout
	if !strings.Contains(show, "Coded:     no: not news-like (encyclopedic") || !strings.Contains(show, "stored but not coded") {
		t.Errorf("dyad show %s does not say it was held back:\n%s", id, show)
	}
	js := jsonLines(t, mustRun(t, "--db", db, "show", id, "--json").stdout)
	if len(js) != 1 || !strings.Contains(fmt.Sprint(js[0]["not_news"]), "encyclopedic") {
		t.Errorf("dyad show --json: not_news = %v", js)
	}
}
