package source

import (
	"errors"
	"net/http"
	"strings"
	"testing"
)

func TestRobotsDisallow(t *testing.T) {
	tests := []struct {
		name, robots     string
		allowed, refused []string
	}{
		{"star group", "User-agent: googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /private\n",
			[]string{"/public", "/priv"}, []string{"/private/a", "/private2"}},
		// The most specific group wins; the star group is then ignored.
		{"own group", "User-agent: *\nDisallow: /\n\nUser-agent: dyad\nDisallow: /nodyad\nAllow: /\n",
			[]string{"/public"}, []string{"/nodyad?q=1"}},
		{"disallow all", "User-agent: *\nDisallow: /\n", nil, []string{"/public", "/"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv, h := server(t, func(mux *http.ServeMux, base func() string) {
				mux.HandleFunc("/robots.txt", serveString("text/plain", tc.robots))
				mux.HandleFunc("/", serveString("text/html", "<p>ok</p>"))
			})
			var args []string
			for _, p := range append(append([]string{}, tc.allowed...), tc.refused...) {
				args = append(args, srv.URL+p)
			}
			m := bySource(t, collect(t, New(testOptions()), args...))
			for _, p := range tc.refused {
				if e := m[srv.URL+p].Err; !errors.Is(e, ErrDisallowed) || !strings.Contains(e.Error(), "disallowed by robots.txt") {
					t.Errorf("%s: %v, want disallowed", p, e)
				}
			}
			for _, p := range tc.allowed {
				if e := m[srv.URL+p].Err; e != nil {
					t.Errorf("%s: %v", p, e)
				}
			}
			if got := len(h.paths) - 1; got != len(tc.allowed) {
				t.Errorf("requests besides robots.txt: %v", h.paths)
			}
			if h.count("/robots.txt") != 1 {
				t.Errorf("robots.txt fetched %d times", h.count("/robots.txt"))
			}
		})
	}
}

func TestRobotsServerError(t *testing.T) {
	srv, h := server(t, func(mux *http.ServeMux, _ func() string) {
		mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "oops", http.StatusInternalServerError)
		})
		mux.HandleFunc("/", serveString("text/plain", "page"))
	})
	m := bySource(t, collect(t, New(testOptions()), srv.URL+"/a", srv.URL+"/b"))
	for _, p := range []string{"/a", "/b"} {
		if e := m[srv.URL+p].Err; !errors.Is(e, ErrDisallowed) {
			t.Errorf("%s: %v, want disallowed while robots.txt fails", p, e)
		}
	}
	if n := h.count("/robots.txt"); n != 3 || len(h.paths) != 3 {
		t.Errorf("requests %v, want robots.txt tried 3 times and nothing else", h.paths)
	}
}
