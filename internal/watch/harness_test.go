package watch

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/actors"
	"github.com/dyad-project/dyad/internal/analyze"
	"github.com/dyad-project/dyad/internal/coder"
	"github.com/dyad-project/dyad/internal/lexicon"
	"github.com/dyad-project/dyad/internal/notify"
)

// day1 is the first day the test feeds publish.
var day1 = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

// clock is the controlled time the watcher evaluates rules against.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }

type item struct {
	day   int // 1 = day1
	title string
	text  string
}

// feedServer serves per-outlet RSS feeds whose items appear day by day as
// the clock moves, with ETags, plus a feed that serves garbage and one that
// never answers in time.
type feedServer struct {
	*httptest.Server
	clock *clock
	items map[string][]item // outlet → items
	mu    sync.Mutex
	hits  map[string]int
}

func newFeedServer(t *testing.T, c *clock, items map[string][]item) *feedServer {
	fs := &feedServer{clock: c, items: items, hits: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{outlet}/feed.xml", fs.feed)
	mux.HandleFunc("GET /{outlet}/a/{n}", fs.article)
	mux.HandleFunc("GET /garbage.xml", func(w http.ResponseWriter, r *http.Request) {
		fs.hit(r)
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, "\x00\x01{ this is not a feed <<")
	})
	mux.HandleFunc("GET /slow.xml", func(w http.ResponseWriter, r *http.Request) {
		fs.hit(r)
		select { // longer than the client's timeout; ends when the client gives up
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	fs.Server = httptest.NewServer(mux)
	t.Cleanup(fs.Close)
	return fs
}

func (fs *feedServer) hit(r *http.Request) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.hits[r.URL.Path]++
}

func (fs *feedServer) count(path string) int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.hits[path]
}

// today is the 1-based day of the clock.
func (fs *feedServer) today() int { return int(fs.clock.Now().Sub(day1).Hours()/24) + 1 }

func (fs *feedServer) feed(w http.ResponseWriter, r *http.Request) {
	fs.hit(r)
	outlet := r.PathValue("outlet")
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title><link>%s</link>`, outlet, fs.URL)
	for i, it := range fs.items[outlet] {
		if it.day > fs.today() {
			continue
		}
		d := day1.AddDate(0, 0, it.day-1).Add(9 * time.Hour)
		fmt.Fprintf(&b, `<item><title>%s</title><link>%s/%s/a/%d</link><pubDate>%s</pubDate></item>`,
			it.title, fs.URL, outlet, i, d.Format(time.RFC1123Z))
	}
	b.WriteString(`</channel></rss>`)
	sum := sha256.Sum256([]byte(b.String()))
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/rss+xml")
	io.WriteString(w, b.String())
}

func (fs *feedServer) article(w http.ResponseWriter, r *http.Request) {
	fs.hit(r)
	outlet := r.PathValue("outlet")
	var n int
	fmt.Sscan(r.PathValue("n"), &n)
	if n < 0 || n >= len(fs.items[outlet]) {
		http.NotFound(w, r)
		return
	}
	it := fs.items[outlet][n]
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	// The closing line makes every article's text its own (ingest keeps
	// one copy of a text).
	fmt.Fprintf(w, "%s\n%s\n%s\n\n%s\n\nThis is dispatch %d of %s.\n", it.title, outlet,
		day1.AddDate(0, 0, it.day-1).Format("January 2, 2006"), it.text, n, outlet)
}

// hookReceiver is a webhook endpoint that checks the signature.
type hookReceiver struct {
	*httptest.Server
	mu     sync.Mutex
	alerts []analyze.Alert
	bad    int
}

func newHookReceiver(t *testing.T, secret string) *hookReceiver {
	h := &hookReceiver{}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		m := hmac.New(sha256.New, []byte(secret))
		m.Write(body)
		want := "sha256=" + hex.EncodeToString(m.Sum(nil))
		h.mu.Lock()
		defer h.mu.Unlock()
		var a analyze.Alert
		if !hmac.Equal([]byte(r.Header.Get(notify.SignatureHeader)), []byte(want)) || json.Unmarshal(body, &a) != nil {
			h.bad++
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		h.alerts = append(h.alerts, a)
	}))
	t.Cleanup(h.Close)
	return h
}

func (h *hookReceiver) received() ([]analyze.Alert, int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]analyze.Alert(nil), h.alerts...), h.bad
}

var (
	coderOnce sync.Once
	testCoder *coder.Coder
	coderErr  error
)

// loadCoder builds the embedded coder once for all tests.
func loadCoder(t testing.TB) *coder.Coder {
	t.Helper()
	coderOnce.Do(func() {
		kb, err := actors.Default()
		if err != nil {
			coderErr = err
			return
		}
		lex, err := lexicon.Default()
		if err != nil {
			coderErr = err
			return
		}
		testCoder = coder.New(kb, lex)
	})
	if coderErr != nil {
		t.Fatal(coderErr)
	}
	return testCoder
}
