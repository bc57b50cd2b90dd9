package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// ErrTooLarge is wrapped when a document exceeds Options.MaxBytes.
var ErrTooLarge = errors.New("document too large")

// StatusError is an HTTP answer that is neither success nor redirect.
type StatusError struct {
	Code   int
	Status string // "404 Not Found"
}

func (e *StatusError) Error() string { return "HTTP " + e.Status }

// accept prefers what extraction and feed parsing can use.
const accept = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml," +
	"application/feed+json,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"

// response is a fetched resource after redirects.
type response struct {
	url    *url.URL // final URL
	status int
	header http.Header
	body   []byte
}

// get fetches raw politely: robots.txt is checked and the host gate taken
// for every hop, and redirects are followed by hand so each hop gets both.
// A 304 is returned as a response, every other non-2xx as a StatusError.
func (r *Reader) get(ctx context.Context, raw string, hdr http.Header) (*response, error) {
	u, err := parseHTTPURL(raw)
	if err != nil {
		return nil, err
	}
	for hop := 0; ; hop++ {
		// Errors name the hop when it is not the URL the caller asked for.
		hopErr := func(err error) error {
			if hop == 0 {
				return err
			}
			return fmt.Errorf("redirected to %s: %w", u.Redacted(), err)
		}
		if err := r.allowed(ctx, u); err != nil {
			return nil, hopErr(err)
		}
		res, err := r.getOnce(ctx, u, hdr)
		if err != nil {
			return nil, hopErr(err)
		}
		switch res.status {
		case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
			http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
			if hop >= maxRedirects {
				return nil, fmt.Errorf("stopped after %d redirects", maxRedirects)
			}
			loc := res.header.Get("Location")
			if loc == "" {
				return nil, hopErr(errors.New("redirect without Location"))
			}
			next, err := u.Parse(loc)
			if err != nil {
				return nil, hopErr(fmt.Errorf("bad redirect %q: %w", loc, err))
			}
			if next, err = parseHTTPURL(next.String()); err != nil {
				return nil, fmt.Errorf("redirected to %s: %w", loc, err)
			}
			u = next
			continue
		case http.StatusNotModified:
			return res, nil
		}
		if res.status < 200 || res.status > 299 {
			return nil, &StatusError{Code: res.status, Status: strconv.Itoa(res.status) + " " + http.StatusText(res.status)}
		}
		return res, nil
	}
}

func parseHTTPURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("scheme %q: only http and https URLs are fetched", u.Scheme)
	}
	if u.Host == "" {
		return nil, errors.New("URL without host")
	}
	u.Fragment, u.RawFragment = "", ""
	return u, nil
}

// getOnce makes one request to u (with retries), without following redirects.
func (r *Reader) getOnce(ctx context.Context, u *url.URL, hdr http.Header) (*response, error) {
	var res *response
	err := r.withRetries(ctx, u, func(actx context.Context) (time.Duration, bool, error) {
		req, err := http.NewRequestWithContext(actx, http.MethodGet, u.String(), nil)
		if err != nil {
			return 0, false, err
		}
		for k, v := range hdr {
			req.Header[k] = v
		}
		req.Header.Set("User-Agent", r.opt.UserAgent)
		req.Header.Set("Accept", accept)
		resp, err := r.client.Do(req)
		if err != nil {
			return 0, isTimeout(actx, err), err
		}
		defer resp.Body.Close()
		if retryableStatus(resp.StatusCode) {
			return retryAfter(resp.Header), true, &StatusError{Code: resp.StatusCode, Status: resp.Status}
		}
		res = &response{url: u, status: resp.StatusCode, header: resp.Header}
		if resp.StatusCode < 200 || resp.StatusCode > 299 {
			return 0, false, nil // redirects, 304 and errors: the body is not wanted
		}
		if resp.ContentLength > r.opt.MaxBytes {
			return 0, false, fmt.Errorf("%w: %d bytes announced, limit %d", ErrTooLarge, resp.ContentLength, r.opt.MaxBytes)
		}
		res.body, err = io.ReadAll(io.LimitReader(resp.Body, r.opt.MaxBytes+1))
		if err != nil {
			return 0, isTimeout(actx, err), fmt.Errorf("read body: %w", err)
		}
		if int64(len(res.body)) > r.opt.MaxBytes {
			return 0, false, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, r.opt.MaxBytes)
		}
		return 0, false, nil
	})
	return res, err
}

// withRetries runs attempt under u's host gate, with the per-request timeout,
// retrying timeouts, 429 and 5xx with jittered exponential backoff or the
// server's Retry-After. The gate is held across retries so the whole host is
// backed off, not just this URL.
func (r *Reader) withRetries(ctx context.Context, u *url.URL, attempt func(context.Context) (time.Duration, bool, error)) error {
	g, err := r.hosts.acquire(ctx, strings.ToLower(u.Host))
	if err != nil {
		return err
	}
	defer g.release()
	for i := 0; ; i++ {
		select {
		case r.inflight <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		actx, cancel := context.WithTimeout(ctx, r.opt.Timeout)
		wait, retry, err := attempt(actx)
		timedOut := actx.Err() == context.DeadlineExceeded
		cancel()
		<-r.inflight
		g.done()
		if err == nil {
			return nil
		}
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the URL is named by the caller
		}
		if timedOut && ctx.Err() == nil {
			err = fmt.Errorf("timeout after %s: %w", r.opt.Timeout, err)
		}
		if !retry || i >= r.opt.Retries || ctx.Err() != nil {
			if i > 0 {
				err = fmt.Errorf("%w (after %d attempts)", err, i+1)
			}
			return err
		}
		if wait > r.opt.MaxRetryWait {
			return fmt.Errorf("%w (Retry-After %s exceeds %s)", err, wait, r.opt.MaxRetryWait)
		}
		if wait <= 0 {
			d := r.opt.Backoff << i
			wait = d/2 + rand.N(d)
		}
		wait = max(wait, r.hosts.delay)
		r.opt.Logger.Debug("retrying", "url", u.Redacted(), "err", err, "wait", wait)
		if err := sleep(ctx, wait); err != nil {
			return err
		}
	}
}

func retryableStatus(code int) bool {
	return code == http.StatusTooManyRequests || code >= 500
}

// isTimeout tells a timed-out request (worth retrying) from one cancelled by
// the caller (not).
func isTimeout(actx context.Context, err error) bool {
	if errors.Is(err, context.DeadlineExceeded) && actx.Err() == context.DeadlineExceeded {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// retryAfter reads a Retry-After header in seconds or as an HTTP date.
func retryAfter(h http.Header) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		if s < 0 {
			return 0
		}
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(time.Until(t), 0)
	}
	return 0
}
