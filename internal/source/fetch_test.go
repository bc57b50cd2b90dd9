package source

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestPage(t *testing.T) {
	srv, h := server(t, func(mux *http.ServeMux, base func() string) {
		mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/story?id=7", http.StatusMovedPermanently)
		})
		mux.HandleFunc("/story", serveString("text/html; charset=utf-8", "<html><body><p>Story seven.</p></body></html>"))
		mux.HandleFunc("/missing", http.NotFound)
		mux.HandleFunc("/gz", func(w http.ResponseWriter, r *http.Request) {
			if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
				http.Error(w, "gzip expected", http.StatusBadRequest)
				return
			}
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Set("Content-Type", "text/html")
			w.Write(gzipBytes(t, []byte("<p>compressed page</p>")))
		})
	})
	docs := collect(t, New(testOptions()), srv.URL+"/old", srv.URL+"/missing", srv.URL+"/gz")
	m := bySource(t, docs)
	if d := m[srv.URL+"/gz"]; d.Err != nil || string(d.Body) != "<p>compressed page</p>" {
		t.Errorf("gzip: %+v", d)
	}
	d := m[srv.URL+"/old"]
	if d.Err != nil || d.URL != srv.URL+"/story?id=7" || d.ContentType != "text/html; charset=utf-8" ||
		!bytes.Contains(d.Body, []byte("Story seven.")) {
		t.Errorf("page: %+v", d)
	}
	var se *StatusError
	if e := m[srv.URL+"/missing"].Err; !errors.As(e, &se) || se.Code != 404 || !strings.Contains(e.Error(), srv.URL+"/missing") {
		t.Errorf("404: %v", e)
	}
	for _, ua := range h.uas {
		if ua != DefaultUserAgent {
			t.Errorf("User-Agent %q", ua)
		}
	}
	if n := h.count("/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times, want once", n)
	}
}

func TestRedirectLimitAndSize(t *testing.T) {
	srv, _ := server(t, func(mux *http.ServeMux, base func() string) {
		mux.HandleFunc("/loop/{n}", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/loop/"+r.PathValue("n")+"x", http.StatusFound)
		})
		mux.HandleFunc("/toftp", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "ftp://files.example/x", http.StatusFound)
		})
		mux.HandleFunc("/big", serveString("text/html", strings.Repeat("b", 5000)))
		mux.HandleFunc("/chunked-big", func(w http.ResponseWriter, r *http.Request) {
			for i := 0; i < 50; i++ { // no Content-Length: the limit must hold while reading
				w.Write(bytes.Repeat([]byte("c"), 100))
				w.(http.Flusher).Flush()
			}
		})
	})
	opt := testOptions()
	opt.MaxBytes = 1000
	m := bySource(t, collect(t, New(opt), srv.URL+"/loop/x", srv.URL+"/big", srv.URL+"/chunked-big", srv.URL+"/toftp", "http://"))
	if e := m[srv.URL+"/toftp"].Err; e == nil || !strings.Contains(e.Error(), "redirected to ftp://files.example/x") {
		t.Errorf("redirect to ftp: %v", e)
	}
	if e := m["http://"].Err; e == nil || !strings.Contains(e.Error(), "without host") {
		t.Errorf("URL without host: %v", e)
	}
	if e := m[srv.URL+"/loop/x"].Err; e == nil || !strings.Contains(e.Error(), "stopped after 5 redirects") {
		t.Errorf("redirect loop: %v", e)
	}
	for _, p := range []string{"/big", "/chunked-big"} {
		if e := m[srv.URL+p].Err; !errors.Is(e, ErrTooLarge) {
			t.Errorf("%s: %v, want ErrTooLarge", p, e)
		}
	}
}

func TestRetries(t *testing.T) {
	var n503, n429 atomic.Int32
	srv, h := server(t, func(mux *http.ServeMux, base func() string) {
		mux.HandleFunc("/flaky", func(w http.ResponseWriter, r *http.Request) {
			if n503.Add(1) == 1 {
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
			w.Write([]byte("flaky ok"))
		})
		mux.HandleFunc("/limited", func(w http.ResponseWriter, r *http.Request) {
			if n429.Add(1) == 1 {
				w.Header().Set("Retry-After", "1")
				http.Error(w, "slow down", http.StatusTooManyRequests)
				return
			}
			w.Write([]byte("limited ok"))
		})
		mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "down", http.StatusBadGateway)
		})
		mux.HandleFunc("/forever", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "3600")
			http.Error(w, "come back tomorrow", http.StatusTooManyRequests)
		})
	})
	r := New(testOptions()) // Retries: 2
	m := bySource(t, collect(t, r, srv.URL+"/flaky", srv.URL+"/limited", srv.URL+"/down", srv.URL+"/forever"))
	for _, p := range []string{"/flaky", "/limited"} {
		if d := m[srv.URL+p]; d.Err != nil || !strings.HasSuffix(string(d.Body), " ok") {
			t.Errorf("%s: %+v", p, d)
		}
	}
	if got := h.count("/flaky"); got != 2 {
		t.Errorf("/flaky requested %d times, want 2", got)
	}
	h.mu.Lock()
	var limited []time.Time
	for i, p := range h.paths {
		if p == "/limited" {
			limited = append(limited, h.times[i])
		}
	}
	h.mu.Unlock()
	if len(limited) != 2 || limited[1].Sub(limited[0]) < time.Second {
		t.Errorf("Retry-After not honoured: %v", limited)
	}
	var se *StatusError
	if e := m[srv.URL+"/down"].Err; !errors.As(e, &se) || se.Code != 502 || !strings.Contains(e.Error(), "after 3 attempts") {
		t.Errorf("/down: %v", e)
	}
	if h.count("/down") != 3 {
		t.Errorf("/down requested %d times, want 1 + 2 retries", h.count("/down"))
	}
	if e := m[srv.URL+"/forever"].Err; e == nil || !strings.Contains(e.Error(), "exceeds") || h.count("/forever") != 1 {
		t.Errorf("/forever: %v after %d requests", e, h.count("/forever"))
	}
}

func TestTimeoutDoesNotStopOthers(t *testing.T) {
	release := make(chan struct{})
	hang := func(w http.ResponseWriter, r *http.Request) {
		select { // never answers while the test runs
		case <-release:
		case <-r.Context().Done():
		}
	}
	// One host never answers at all, one answers robots.txt but hangs on pages.
	hangAll, allHits := server(t, func(mux *http.ServeMux, _ func() string) {
		mux.HandleFunc("/robots.txt", hang)
		mux.HandleFunc("/", hang)
	})
	hangPage, pageHits := server(t, func(mux *http.ServeMux, _ func() string) {
		mux.HandleFunc("/", hang)
	})
	t.Cleanup(func() { close(release) }) // runs before the servers close
	fine, _ := server(t, func(mux *http.ServeMux, base func() string) {
		mux.HandleFunc("/", serveString("text/plain", "fine"))
	})
	opt := testOptions()
	opt.Timeout = 200 * time.Millisecond
	opt.Retries = 1
	start := time.Now()
	m := bySource(t, collect(t, New(opt), hangAll.URL+"/slow", hangAll.URL+"/slow2", hangPage.URL+"/slow", fine.URL+"/"))
	for _, u := range []string{hangAll.URL + "/slow", hangAll.URL + "/slow2", hangPage.URL + "/slow"} {
		if e := m[u].Err; e == nil || !strings.Contains(e.Error(), "timeout after 200ms") || !strings.Contains(e.Error(), u) {
			t.Errorf("%s: %v", u, e)
		}
	}
	if d := m[fine.URL+"/"]; d.Err != nil || string(d.Body) != "fine" {
		t.Errorf("other server: %+v", d)
	}
	// An origin whose robots.txt times out (1 + 1 retry) is remembered as
	// unreachable: its pages fail without being tried again.
	if allHits.count("/robots.txt") != 2 || len(allHits.paths) != 2 {
		t.Errorf("silent host got %v", allHits.paths)
	}
	if pageHits.count("/slow") != 2 {
		t.Errorf("hanging page got %v", pageHits.paths)
	}
	if el := time.Since(start); el > 10*time.Second {
		t.Errorf("took %v", el)
	}
}

func TestPoliteness(t *testing.T) {
	const delay = 150 * time.Millisecond
	var inFlight, maxInFlight atomic.Int32
	srv, h := server(t, func(mux *http.ServeMux, base func() string) {
		mux.HandleFunc("/p/", func(w http.ResponseWriter, r *http.Request) {
			n := inFlight.Add(1)
			defer inFlight.Add(-1)
			for {
				m := maxInFlight.Load()
				if n <= m || maxInFlight.CompareAndSwap(m, n) {
					break
				}
			}
			time.Sleep(20 * time.Millisecond)
			w.Write([]byte("p"))
		})
	})
	opt := testOptions()
	opt.HostDelay = delay
	var args []string
	for _, p := range []string{"a", "b", "c", "d"} {
		args = append(args, srv.URL+"/p/"+p)
	}
	docs := collect(t, New(opt), args...)
	for _, d := range docs {
		if d.Err != nil {
			t.Fatal(d.Err)
		}
	}
	if maxInFlight.Load() != 1 {
		t.Errorf("%d requests in flight to one host", maxInFlight.Load())
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.times) != 5 { // robots.txt + 4 pages
		t.Fatalf("%d requests: %v", len(h.times), h.paths)
	}
	for i := 1; i < len(h.times); i++ {
		if gap := h.times[i].Sub(h.times[i-1]); gap < delay {
			t.Errorf("requests %s and %s only %v apart", h.paths[i-1], h.paths[i], gap)
		}
	}
}

// Two hosts are fetched in parallel: each handler waits until the other
// host has been reached, which would time out if hosts were served in turn.
func TestHostsInParallel(t *testing.T) {
	var wg sync.WaitGroup
	wg.Add(2)
	both := make(chan struct{})
	go func() { wg.Wait(); close(both) }()
	handler := func(w http.ResponseWriter, r *http.Request) {
		wg.Done()
		select {
		case <-both:
			w.Write([]byte("met"))
		case <-time.After(5 * time.Second):
			http.Error(w, "alone", http.StatusConflict)
		}
	}
	a, _ := server(t, func(mux *http.ServeMux, _ func() string) { mux.HandleFunc("/x", handler) })
	b, _ := server(t, func(mux *http.ServeMux, _ func() string) { mux.HandleFunc("/x", handler) })
	for _, d := range collect(t, New(testOptions()), a.URL+"/x", b.URL+"/x") {
		if d.Err != nil || string(d.Body) != "met" {
			t.Errorf("%s: %+v", d.Source, d)
		}
	}
}

func TestCancelledContext(t *testing.T) {
	srv, _ := server(t, func(mux *http.ServeMux, _ func() string) {
		mux.HandleFunc("/", serveString("text/plain", "x"))
	})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := make(chan Doc) // nobody reads: Read must still return
	if err := New(testOptions()).Read(ctx, []string{srv.URL + "/", "testdata/pages"}, out); !errors.Is(err, context.Canceled) {
		t.Errorf("Read: %v", err)
	}
}
