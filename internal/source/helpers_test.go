package source

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// testOptions allow the loopback test servers and keep waits short.
func testOptions() Options {
	return Options{
		AllowPrivate: true,
		Timeout:      2 * time.Second,
		HostDelay:    time.Millisecond,
		Retries:      2,
		Backoff:      10 * time.Millisecond,
	}
}

// collect runs Read over args and returns every Doc emitted.
func collect(t *testing.T, r *Reader, args ...string) []Doc {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out := make(chan Doc)
	var docs []Doc
	done := make(chan struct{})
	go func() {
		defer close(done)
		for d := range out {
			docs = append(docs, d)
		}
	}()
	err := r.Read(ctx, args, out)
	close(out)
	<-done
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return docs
}

// bySource indexes docs by Source, failing on duplicates.
func bySource(t *testing.T, docs []Doc) map[string]Doc {
	t.Helper()
	m := make(map[string]Doc)
	for _, d := range docs {
		if _, dup := m[d.Source]; dup {
			t.Fatalf("two docs for %s", d.Source)
		}
		m[d.Source] = d
	}
	return m
}

// hits records the requests a test server received.
type hits struct {
	mu    sync.Mutex
	paths []string
	times []time.Time
	uas   []string
}

func (h *hits) add(r *http.Request) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.paths = append(h.paths, r.URL.Path)
	h.times = append(h.times, time.Now())
	h.uas = append(h.uas, r.UserAgent())
}

func (h *hits) count(path string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := 0
	for _, p := range h.paths {
		if p == path {
			n++
		}
	}
	return n
}

// server starts a test server whose mux gets an empty robots.txt unless the
// test registers one, and records every request.
func server(t *testing.T, register func(mux *http.ServeMux, base func() string)) (*httptest.Server, *hits) {
	t.Helper()
	h := &hits{}
	mux := http.NewServeMux()
	var srv *httptest.Server
	register(mux, func() string { return srv.URL })
	if !muxHas(mux, "/robots.txt") {
		mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	}
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.add(r)
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, h
}

func muxHas(mux *http.ServeMux, path string) bool {
	_, pattern := mux.Handler(httptest.NewRequest(http.MethodGet, path, nil))
	return pattern != "" && pattern != "/"
}

// fixture reads testdata/name with {{BASE}} replaced by base.
func fixture(t *testing.T, name, base string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(string(b), "{{BASE}}", base)
}

func serveString(ctype, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		w.Write([]byte(body))
	}
}
