package main

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// site serves testdata/site: a page, an RSS feed of two items, a robots.txt
// that disallows /private/, and a path that always answers 500. It records
// the paths requested.
type site struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
	ua   []string
}

func newSite(t *testing.T) *site {
	t.Helper()
	s := &site{hits: map[string]int{}}
	file := func(name, ctype string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			b, err := os.ReadFile(filepath.Join("testdata", "site", name))
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			w.Header().Set("Content-Type", ctype)
			w.Write([]byte(strings.ReplaceAll(string(b), "{{BASE}}", s.URL)))
		}
	}
	mux := http.NewServeMux()
	mux.Handle("GET /robots.txt", file("robots.txt", "text/plain"))
	mux.Handle("GET /news/2025/03/05/talks.html", file("talks.html", "text/html; charset=utf-8"))
	mux.Handle("GET /feed.xml", file("feed.xml", "application/rss+xml"))
	mux.Handle("GET /items/one.html", file("item-one.html", "text/html; charset=utf-8"))
	mux.Handle("GET /items/two.html", file("item-two.html", "text/html; charset=utf-8"))
	mux.Handle("GET /private/secret.html", file("talks.html", "text/html"))
	mux.HandleFunc("GET /broken.html", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "database on fire", http.StatusInternalServerError)
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.ua = append(s.ua, r.UserAgent())
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *site) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// fast are the fetch flags that keep a test quick: no per-host delay, no
// retries (a 500 would otherwise be retried with backoff).
var fast = []string{"--delay", "0", "--retries", "0", "--timeout", "10s"}

func TestIngestURLs(t *testing.T) {
	db := env(t)
	s := newSite(t)
	page := s.URL + "/news/2025/03/05/talks.html"
	args := append([]string{"--db", db, "ingest", "--allow-private"}, fast...)
	args = append(args, page, s.URL+"/feed.xml", s.URL+"/private/secret.html", s.URL+"/broken.html")

	r := run(t, args...)
	if !errors.Is(r.err, errFailed) {
		t.Fatalf("err = %v, want errFailed\nstderr:\n%s", r.err, r.stderr)
	}
	if !strings.Contains(r.stderr, "3 new") || !strings.Contains(r.stderr, "2 failed") {
		t.Errorf("summary = %q, want 3 new, 2 failed", r.stderr)
	}
	t.Logf("stderr:\n%s", r.stderr)
	lines := errorLines(r.stderr)
	if len(lines) != 2 {
		t.Errorf("error lines = %q, want 2", lines)
	}
	for _, want := range []struct{ url, reason string }{
		{s.URL + "/private/secret.html", "disallowed by robots.txt"},
		{s.URL + "/broken.html", "500"},
	} {
		found := false
		for _, l := range lines {
			if strings.Contains(l, want.url) {
				found = true
				if !strings.Contains(l, want.reason) {
					t.Errorf("error line %q lacks %q", l, want.reason)
				}
			}
		}
		if !found {
			t.Errorf("no error line names %s:\n%s", want.url, r.stderr)
		}
	}
	if n := s.count("/private/secret.html"); n != 0 {
		t.Errorf("a path disallowed by robots.txt was fetched %d times", n)
	}
	if n := s.count("/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times, want once (cached)", n)
	}
	for _, ua := range s.ua {
		if !strings.HasPrefix(ua, "dyad/") {
			t.Errorf("User-Agent %q does not name dyad", ua)
		}
	}

	bySource := map[string]map[string]any{}
	for _, a := range jsonLines(t, mustRun(t, "--db", db, "articles", "--json").stdout) {
		bySource[a["source"].(string)] = a
	}
	// The outlet is the page's own (item two names its site), the feed's
	// title only for a page that names none (issue 17: the feed's title
	// replaced every page's outlet, so two outlets counted as one).
	for _, want := range []struct{ source, title, published, from, outlet string }{
		{page, "Iraq and Jordan sign electricity deal", "2025-03-05", "metadata", ""},
		{s.URL + "/items/one.html", "Kuwait hosts Gulf foreign ministers", "2025-03-09", "", "Example Wire: Region"},
		{s.URL + "/items/two.html", "Egypt and Sudan discuss Nile dam", "2025-03-10", "", "Nile Courier"},
	} {
		a := bySource[want.source]
		if a == nil {
			t.Errorf("%s not stored; stored: %v", want.source, keys(bySource))
			continue
		}
		if a["title"] != want.title || a["published"] != want.published {
			t.Errorf("%s: title %v published %v, want %q %s", want.source, a["title"], a["published"], want.title, want.published)
		}
		if want.outlet != "" && a["outlet"] != want.outlet {
			t.Errorf("%s: outlet %v, want %s", want.source, a["outlet"], want.outlet)
		}
		if want.from != "" && a["published_from"] != want.from {
			t.Errorf("%s: published_from %v, want %s", want.source, a["published_from"], want.from)
		}
		if a["language"] != "en" {
			t.Errorf("%s: language %v", want.source, a["language"])
		}
	}
	if a := bySource[page]; a != nil {
		text := showText(t, db, jsonID(a))
		if !strings.Contains(text, "500 megawatts") || strings.Contains(text, "All rights reserved") {
			t.Errorf("page text: main text missing or boilerplate kept:\n%s", text)
		}
	}

	// Fetching the same URLs again stores nothing new.
	r = run(t, args...)
	if !strings.Contains(r.stderr, "0 new") || !strings.Contains(r.stderr, "3 already stored") {
		t.Errorf("second run summary = %q, want 0 new, 3 already stored", r.stderr)
	}
}

func TestIngestURLRefusesLoopback(t *testing.T) {
	db := env(t)
	s := newSite(t)
	url := s.URL + "/news/2025/03/05/talks.html"
	r := run(t, append(append([]string{"--db", db, "ingest"}, fast...), url)...)
	if !errors.Is(r.err, errFailed) {
		t.Fatalf("err = %v, want errFailed\nstderr:\n%s", r.err, r.stderr)
	}
	lines := errorLines(r.stderr)
	if len(lines) != 1 || !strings.Contains(lines[0], url) ||
		!strings.Contains(lines[0], "refused non-public address") || !strings.Contains(lines[0], "loopback") {
		t.Errorf("error lines = %q, want one naming %s and the loopback refusal", lines, url)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.hits) != 0 {
		t.Errorf("the loopback server was contacted: %v", s.hits)
	}
}
