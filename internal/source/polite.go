package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// ErrDisallowed is wrapped when robots.txt forbids a URL to our user agent.
var ErrDisallowed = errors.New("disallowed by robots.txt")

// maxRobotsBytes is the size of robots.txt read; Google reads 500 KiB too.
const maxRobotsBytes = 500 << 10

// hostGates serialises requests per host: one in flight, and at least delay
// between the end of one and the start of the next.
type hostGates struct {
	delay time.Duration
	mu    sync.Mutex
	m     map[string]*hostGate
}

type hostGate struct {
	tok  chan struct{} // holding the token is holding the host
	last time.Time     // end of the previous request; guarded by tok
}

func newHostGates(delay time.Duration) *hostGates {
	return &hostGates{delay: delay, m: make(map[string]*hostGate)}
}

// acquire waits for the host's turn. The caller must release the gate.
func (h *hostGates) acquire(ctx context.Context, host string) (*hostGate, error) {
	h.mu.Lock()
	g := h.m[host]
	if g == nil {
		g = &hostGate{tok: make(chan struct{}, 1)}
		h.m[host] = g
	}
	h.mu.Unlock()
	select {
	case g.tok <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if err := g.wait(ctx, h.delay); err != nil {
		g.release()
		return nil, err
	}
	return g, nil
}

// wait sleeps until at least d has passed since the previous request ended.
func (g *hostGate) wait(ctx context.Context, d time.Duration) error {
	if g.last.IsZero() {
		return nil
	}
	return sleep(ctx, time.Until(g.last.Add(d)))
}

// done marks the end of a request made under the gate.
func (g *hostGate) done() { g.last = time.Now() }

func (g *hostGate) release() { <-g.tok }

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// How long robots.txt rules are kept: a day as Google does, and failures
// only briefly so that a long-running watch tries the host again.
const (
	robotsTTL        = 24 * time.Hour
	robotsFailureTTL = 30 * time.Minute
)

// robotsCache holds one robots.txt per origin, fetched once per TTL.
type robotsCache struct {
	mu sync.Mutex
	m  map[string]*robotsEntry
}

type robotsEntry struct {
	mu      sync.Mutex // held while fetching, so an origin is fetched once
	data    *robotstxt.RobotsData
	err     error // the origin could not be reached
	expires time.Time
}

func newRobotsCache() *robotsCache { return &robotsCache{m: make(map[string]*robotsEntry)} }

// allowed tests u against its origin's robots.txt for our user agent.
func (r *Reader) allowed(ctx context.Context, u *url.URL) error {
	data, err := r.robotsFor(ctx, u.Scheme+"://"+strings.ToLower(u.Host))
	if err != nil {
		return err
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !data.TestAgent(path, r.opt.UserAgent) {
		return ErrDisallowed
	}
	return nil
}

func (r *Reader) robotsFor(ctx context.Context, origin string) (*robotstxt.RobotsData, error) {
	r.robots.mu.Lock()
	e := r.robots.m[origin]
	if e == nil {
		e = &robotsEntry{}
		r.robots.m[origin] = e
	}
	r.robots.mu.Unlock()
	e.mu.Lock()
	defer e.mu.Unlock()
	if time.Now().Before(e.expires) {
		return e.data, e.err
	}
	data, err := r.fetchRobots(ctx, origin)
	if ctx.Err() != nil {
		return nil, ctx.Err() // the caller gave up: nothing learnt about the host
	}
	ttl := robotsTTL
	if err != nil {
		ttl = robotsFailureTTL
	}
	e.data, e.err, e.expires = data, err, time.Now().Add(ttl)
	return data, err
}

// fetchRobots returns the rules of origin, following Google's reading: a 4xx
// or an unparseable file allows everything, a 5xx or 429 that outlasts the
// retries disallows everything, and an origin that cannot be reached at all
// is an error, so its URLs fail at once instead of each timing out again.
func (r *Reader) fetchRobots(ctx context.Context, origin string) (*robotstxt.RobotsData, error) {
	allowAll, _ := robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
	u, err := url.Parse(origin + "/robots.txt")
	if err != nil {
		return nil, err
	}
	var status int
	var body []byte
	err = r.withRetries(ctx, u, func(actx context.Context) (time.Duration, bool, error) {
		req, err := http.NewRequestWithContext(actx, http.MethodGet, u.String(), nil)
		if err != nil {
			return 0, false, err
		}
		req.Header.Set("User-Agent", r.opt.UserAgent)
		resp, err := r.robotsCl.Do(req)
		if err != nil {
			return 0, isTimeout(actx, err), err
		}
		defer resp.Body.Close()
		if retryableStatus(resp.StatusCode) {
			return retryAfter(resp.Header), true, &StatusError{Code: resp.StatusCode, Status: resp.Status}
		}
		status = resp.StatusCode
		body, err = io.ReadAll(io.LimitReader(resp.Body, maxRobotsBytes))
		if err != nil {
			return 0, isTimeout(actx, err), err
		}
		return 0, false, nil
	})
	var se *StatusError
	switch {
	case errors.As(err, &se):
		r.opt.Logger.Warn("robots.txt keeps failing; origin disallowed for now", "origin", origin, "err", err)
		return robotstxt.FromStatusAndBytes(http.StatusServiceUnavailable, nil)
	case err != nil:
		return nil, fmt.Errorf("robots.txt unreachable: %w", err)
	}
	data, err := robotstxt.FromStatusAndBytes(status, body)
	if err != nil || data == nil {
		r.opt.Logger.Warn("robots.txt unreadable; treated as allow-all", "origin", origin, "status", status, "err", err)
		return allowAll, nil
	}
	return data, nil
}
