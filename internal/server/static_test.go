package server

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// Paths under /static/ that are not valid UTF-8 once unescaped (a lone
// byte, an overlong "." as old decoders read it) or that climb out: the
// answer is a client error, never a 5xx.
func TestStaticRefusesBadPaths(t *testing.T) {
	s := newServer(t, Config{})
	tests := []struct {
		path string
		want int
	}{
		{"/static/app.css", http.StatusOK},
		{"/static/%ff", http.StatusBadRequest},
		{"/static/%c0%ae", http.StatusBadRequest},
		{"/static/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", http.StatusBadRequest},
		{"/static/app.css%00", http.StatusBadRequest},
		{"/static/%2e%2e/server.go", http.StatusNotFound},
		{"/static/nope.js", http.StatusNotFound},
		{"/static/", http.StatusNotFound},
	}
	for _, tc := range tests {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tc.path, nil))
		if rec.Code != tc.want {
			t.Errorf("GET %s: %d, want %d", tc.path, rec.Code, tc.want)
		}
	}
}

// The same bytes in the paths of the pages and the API: no 5xx. (The actor
// routes are left out: without a knowledge base they answer 500 whatever
// the path.)
func TestBadUTF8PathsNeverFail(t *testing.T) {
	s := newServer(t, Config{})
	for _, p := range []string{"/stories/%ff", "/articles/%c0%ae", "/dyads/%ff/IRQ",
		"/api/stories/%ff", "/api/articles/%c0%ae", "/api/dyads/%ff/%c0/series",
		"/%ff", "/api/%ff", "/timeline?since=%ff", "/api/events?actor=%ff&since=%c0%ae"} {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code >= 500 {
			t.Errorf("GET %s: %d", p, rec.Code)
		}
	}
}
