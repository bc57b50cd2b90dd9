package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/dyad-project/dyad/internal/export"
)

// TestWatchOnceThenExport runs `dyad watch --once` twice against a local
// feed (the second round gets 304), then reads what it stored through
// `dyad trend` and `dyad export`.
func TestWatchOnceThenExport(t *testing.T) {
	db := env(t)
	texts := []string{
		"Iran warns US\nWire\nMarch 10, 2026\n\nIranian Foreign Minister Abbas Araghchi threatened the United States with retaliation.\n",
		"Base attacked\nWire\nMarch 10, 2026\n\nIranian forces attacked a US base in Syria.\n",
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.xml" {
			w.Header().Set("ETag", `"v1"`)
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("Content-Type", "application/rss+xml")
			io.WriteString(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>`+
				`<item><title>one</title><link>/a/0</link></item><item><title>two</title><link>/a/1</link></item></channel></rss>`)
			return
		}
		for i, txt := range texts {
			if r.URL.Path == fmt.Sprintf("/a/%d", i) {
				w.Header().Set("Content-Type", "text/plain; charset=utf-8")
				io.WriteString(w, txt)
				return
			}
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()
	cfg := filepath.Join(t.TempDir(), "watch.yaml")
	alerts := filepath.Join(t.TempDir(), "alerts.jsonl")
	os.WriteFile(cfg, []byte(fmt.Sprintf(`feeds: [%s/feed.xml]
fetch: {allow_private: true, delay: 0s}
rules:
  - {name: hostile, dyad: USA:IRN, events: [THREATEN, ASSAULT], threshold: 2, window: 3650d, baseline_windows: 2}
notify:
  - {name: file, type: jsonl, path: %s}
`, srv.URL, alerts)), 0o644)
	r := mustRun(t, "--db", db, "watch", "--once", cfg)
	if !strings.Contains(r.stderr, "1 polled (0 unchanged, 0 failed), 2 new articles (0 failed), 1 alerts") {
		t.Fatalf("first round:\n%s", r.stderr)
	}
	r = mustRun(t, "--db", db, "watch", "--once", cfg)
	if !strings.Contains(r.stderr, "1 polled (1 unchanged, 0 failed), 0 new articles (0 failed), 0 alerts") {
		t.Fatalf("second round:\n%s", r.stderr)
	}
	if b, _ := os.ReadFile(alerts); strings.Count(string(b), "\n") != 1 || !strings.Contains(string(b), "Iranian forces attacked a US base in Syria.") {
		t.Fatalf("alerts file:\n%s", b)
	}
	var series struct {
		Points []struct {
			Stories          int `json:"stories"`
			VerbalConflict   int `json:"verbal_conflict"`
			MaterialConflict int `json:"material_conflict"`
		} `json:"points"`
	}
	r = mustRun(t, "--db", db, "trend", "--dyad", "usa:irn", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &series); err != nil || len(series.Points) != 1 ||
		series.Points[0].VerbalConflict != 1 || series.Points[0].MaterialConflict != 1 {
		t.Fatalf("trend: %+v %v\n%s", series, err, r.stdout)
	}
	out := filepath.Join(t.TempDir(), "events.parquet")
	mustRun(t, "--db", db, "export", "--format", "parquet", "--what", "events", "--type", "assault", "-o", out)
	rows, err := parquet.ReadFile[export.EventRow](out)
	if err != nil || len(rows) != 1 || rows[0].Event != "ASSAULT" || rows[0].DateStart == nil || rows[0].DateStart.String() != "2026-03-10" {
		t.Fatalf("parquet export: %+v %v", rows, err)
	}
	if r := run(t, "--db", db, "export", "--format", "gdelt", "--what", "articles"); r.err == nil {
		t.Error("gdelt export of articles accepted")
	}
}
