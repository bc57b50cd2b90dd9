// Package source turns the arguments of `dyad ingest` — files, directories,
// globs, stdin, page URLs, RSS/Atom/JSON feeds and crawler JSON Lines — into a
// stream of raw documents. Text extraction happens later (internal/extract);
// this package only delivers bytes plus what the source already tells about
// the document (feed item title and date, crawler record fields).
//
// Network access is polite and guarded: robots.txt is honoured, one request
// at a time per host with a delay between them, retries back off, and
// private, loopback and link-local addresses are refused at dial time unless
// explicitly allowed.
package source

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/netip"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/dyad-project/dyad/internal/article"
)

// Doc is one document read from a source, or the failure to read one.
type Doc struct {
	Source      string // path, URL, "file.jsonl:LINE" for a JSONL record, "-" for stdin
	URL         string // final URL after redirects, or the record's url
	Body        []byte // raw bytes (HTML or text); empty for JSONL records that carry their text
	ContentType string
	// Hint is what the feed item or crawler record already tells about the
	// document; extraction may prefer it to what it finds in Body.
	Hint article.Article
	Err  error // non-nil: this document failed; the text names the source and the reason
}

// Options tune a Reader. The zero value gives the documented defaults.
type Options struct {
	AllowPrivate bool          // allow loopback/private/link-local addresses; refused by default
	UserAgent    string        // default DefaultUserAgent
	Timeout      time.Duration // per request, default 30s
	MaxBytes     int64         // per document, default 10 MiB
	HostDelay    time.Duration // minimum delay between requests to one host, default 1s, negative for none
	Retries      int           // retries on timeouts, 429 and 5xx; default 3, negative for none
	Backoff      time.Duration // wait before the first retry, doubled each time, jittered; default 1s
	MaxRetryWait time.Duration // longest Retry-After honoured before giving up; default 2m
	Workers      int           // requests in flight over all hosts, default 8
	Stdin        io.Reader     // read for the argument "-"; default os.Stdin
	Logger       *slog.Logger  // warnings that do not fail a document; default discards
}

// DefaultUserAgent names the project so site owners can find who crawls them.
const DefaultUserAgent = "dyad/0.1 (+https://github.com/dyad-project/dyad)"

func (o Options) withDefaults() Options {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 10 << 20
	}
	if o.HostDelay < 0 {
		o.HostDelay = 0
	} else if o.HostDelay == 0 {
		o.HostDelay = time.Second
	}
	if o.Retries == 0 {
		o.Retries = 3
	} else if o.Retries < 0 {
		o.Retries = 0
	}
	if o.Backoff <= 0 {
		o.Backoff = time.Second
	}
	if o.MaxRetryWait <= 0 {
		o.MaxRetryWait = 2 * time.Minute
	}
	if o.Workers <= 0 {
		o.Workers = 8
	}
	if o.Stdin == nil {
		o.Stdin = os.Stdin
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}

// Reader expands ingest arguments into documents. It is safe for concurrent
// use; its robots.txt cache and per-host schedule are shared by all calls.
type Reader struct {
	opt      Options
	client   *http.Client // documents: redirects are followed by hand, hop by hop
	robotsCl *http.Client // robots.txt: redirects followed by the client
	hosts    *hostGates
	robots   *robotsCache
	inflight chan struct{} // bounds requests in flight over all hosts
	pending  chan struct{} // bounds goroutines started for URL arguments
	// checkAddr vets every address dialled; tests replace it to model a
	// public host on the loopback interface.
	checkAddr func(netip.AddrPort) error
}

// New returns a Reader with opt, defaults filled in.
func New(opt Options) *Reader {
	opt = opt.withDefaults()
	r := &Reader{
		opt:      opt,
		hosts:    newHostGates(opt.HostDelay),
		robots:   newRobotsCache(),
		inflight: make(chan struct{}, opt.Workers),
		pending:  make(chan struct{}, 8*opt.Workers),
	}
	r.checkAddr = func(ap netip.AddrPort) error { return checkPublic(ap, opt.AllowPrivate) }
	r.client, r.robotsCl = r.newClients()
	return r
}

// Read streams the documents of args into out. Local arguments are read in
// order; URLs are fetched concurrently, so their documents arrive in no fixed
// order. A bad argument yields one Doc with Err and the others go on. Read
// closes nothing and returns when every argument is done, or ctx's error
// once ctx ends.
func (r *Reader) Read(ctx context.Context, args []string, out chan<- Doc) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	for _, arg := range args {
		if ctx.Err() != nil {
			break
		}
		switch {
		case arg == "-":
			r.readStdin(ctx, out)
		case isURL(arg):
			r.spawn(ctx, &wg, func() { r.readURL(ctx, arg, out) })
		default:
			r.readLocal(ctx, arg, out, &wg)
		}
	}
	wg.Wait()
	return ctx.Err()
}

// spawn runs fn in a goroutine once a pending slot is free, so a list of a
// million URLs does not become a million goroutines at once.
func (r *Reader) spawn(ctx context.Context, wg *sync.WaitGroup, fn func()) {
	select {
	case r.pending <- struct{}{}:
	case <-ctx.Done():
		return
	}
	wg.Go(func() {
		defer func() { <-r.pending }()
		fn()
	})
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// send delivers d unless ctx ends first; it reports whether d was delivered.
func send(ctx context.Context, out chan<- Doc, d Doc) bool {
	select {
	case out <- d:
		return true
	case <-ctx.Done():
		return false
	}
}

// normLang reduces a language tag ("en-US", "EN_gb", "english") to its ISO
// 639-1 code, or "" when it is not one.
func normLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	if len(s) != 2 || s[0] < 'a' || s[0] > 'z' || s[1] < 'a' || s[1] > 'z' {
		return ""
	}
	return s
}
