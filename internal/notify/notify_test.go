package notify

import (
	"bufio"
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/analyze"
)

func testAlert() *analyze.Alert {
	return &analyze.Alert{ID: 7, Rule: "threats", Dyad: "IRN:USA", Summary: "threats: IRN:USA jumped",
		Stories: []analyze.AlertStory{{ID: "S1", Event: "THREATEN", Actor: "IRN", Recipient: "USA", Outlets: 1, OutletNames: []string{"Wire"},
			Evidence: []analyze.Evidence{{Outlet: "Wire", Sentence: "Iran threatened the United States."}}}}}
}

func TestWebhookSignedAndRetried(t *testing.T) {
	secret := []byte("s3cret")
	var calls atomic.Int32
	got := make(chan []byte, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if calls.Add(1) < 3 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		m := hmac.New(sha256.New, secret)
		m.Write(body)
		want := "sha256=" + hex.EncodeToString(m.Sum(nil))
		if !hmac.Equal([]byte(r.Header.Get(SignatureHeader)), []byte(want)) || r.Header.Get("Content-Type") != "application/json" {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		got <- body
	}))
	defer srv.Close()
	w := &Webhook{ID: "hook", URL: srv.URL, Secret: secret, Retries: 3, Backoff: time.Millisecond}
	if err := w.Notify(context.Background(), testAlert()); err != nil {
		t.Fatal(err)
	}
	var a analyze.Alert
	if err := json.Unmarshal(<-got, &a); err != nil || a.Stories[0].Evidence[0].Sentence != "Iran threatened the United States." {
		t.Fatalf("received %+v %v", a, err)
	}
	if calls.Load() != 3 {
		t.Errorf("%d calls, want 3 (two 503s retried)", calls.Load())
	}
	// A wrong secret is refused and a 4xx is not retried.
	calls.Store(10)
	bad := &Webhook{ID: "hook", URL: srv.URL, Secret: []byte("other"), Retries: 3, Backoff: time.Millisecond}
	if err := bad.Notify(context.Background(), testAlert()); err == nil || !strings.Contains(err.Error(), "401") || calls.Load() != 11 {
		t.Fatalf("wrong secret: %v after %d calls", err, calls.Load()-10)
	}
	// Spent retries are an error naming the attempts.
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(502) }))
	defer down.Close()
	err := (&Webhook{ID: "hook", URL: down.URL, Retries: 2, Backoff: time.Millisecond}).Notify(context.Background(), testAlert())
	if err == nil || !strings.Contains(err.Error(), "after 3 attempts") {
		t.Fatalf("down receiver: %v", err)
	}
}

func TestFileAndLog(t *testing.T) {
	path := filepath.Join(t.TempDir(), "alerts.jsonl")
	f := &File{ID: "file", Path: path}
	for range 2 {
		if err := f.Notify(context.Background(), testAlert()); err != nil {
			t.Fatal(err)
		}
	}
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	n := 0
	for sc := bufio.NewScanner(fh); sc.Scan(); n++ {
		var a analyze.Alert
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil || a.Rule != "threats" || len(a.Stories) != 1 {
			t.Fatalf("line %d: %+v %v", n+1, a, err)
		}
	}
	if n != 2 {
		t.Fatalf("%d lines, want 2", n)
	}
	var buf bytes.Buffer
	if err := (&Log{ID: "log", W: &buf}).Notify(context.Background(), testAlert()); err != nil {
		t.Fatal(err)
	}
	if out := buf.String(); !strings.HasPrefix(out, "ALERT threats: IRN:USA jumped") || !strings.Contains(out, `Wire: "Iran threatened the United States."`) {
		t.Fatalf("log output:\n%s", out)
	}
}
