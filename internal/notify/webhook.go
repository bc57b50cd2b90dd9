package notify

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/dyad-project/dyad/internal/analyze"
)

// SignatureHeader carries "sha256=" and the hex HMAC-SHA256 of the request
// body under the shared secret, as GitHub's webhooks do; receivers compare
// it in constant time.
const SignatureHeader = "X-Dyad-Signature"

// Sign returns the SignatureHeader value of body under secret.
func Sign(secret, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Webhook POSTs each alert as JSON, signed when a secret is set, retrying
// network errors, 429 and 5xx with doubling waits.
type Webhook struct {
	ID      string
	URL     string
	Secret  []byte
	Retries int           // after the first attempt
	Backoff time.Duration // first wait; default 1s
	Client  *http.Client  // default: 10s timeout
}

// Name names the notifier.
func (w *Webhook) Name() string { return w.ID }

// Notify delivers a, or returns the last failure once the retries are spent.
func (w *Webhook) Notify(ctx context.Context, a *analyze.Alert) error {
	body, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("%s: %w", w.ID, err)
	}
	client := w.Client
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Second}
	}
	wait := w.Backoff
	if wait <= 0 {
		wait = time.Second
	}
	for attempt := 0; ; attempt++ {
		retry, err := w.post(ctx, client, body, a)
		if err == nil {
			return nil
		}
		if !retry || attempt >= w.Retries {
			return fmt.Errorf("%s: POST %s: %w (after %d attempts)", w.ID, w.URL, err, attempt+1)
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return fmt.Errorf("%s: %w", w.ID, ctx.Err())
		}
		wait *= 2
	}
}

func (w *Webhook) post(ctx context.Context, client *http.Client, body []byte, a *analyze.Alert) (retry bool, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.URL, bytes.NewReader(body))
	if err != nil {
		return false, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "dyad-watch")
	req.Header.Set("X-Dyad-Rule", a.Rule)
	if a.ID != 0 {
		// Receivers can drop a repeat of the same alert after a retry.
		req.Header.Set("X-Dyad-Alert-Id", strconv.FormatInt(a.ID, 10))
	}
	if len(w.Secret) > 0 {
		req.Header.Set(SignatureHeader, Sign(w.Secret, body))
	}
	res, err := client.Do(req)
	if err != nil {
		return ctx.Err() == nil, err
	}
	defer res.Body.Close()
	io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	switch {
	case res.StatusCode >= 200 && res.StatusCode < 300:
		return false, nil
	case res.StatusCode == http.StatusTooManyRequests || res.StatusCode >= 500:
		return true, fmt.Errorf("HTTP %s", res.Status)
	}
	return false, fmt.Errorf("HTTP %s", res.Status)
}
