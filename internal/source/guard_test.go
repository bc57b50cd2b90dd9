package source

import (
	"errors"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"testing"
)

func TestCheckPublic(t *testing.T) {
	tests := []struct {
		addr string
		kind string // "" when public
	}{
		{"8.8.8.8", ""},
		{"2a00:1450:4001:80b::200e", ""},
		{"127.0.0.1", "loopback"},
		{"::1", "loopback"},
		{"::ffff:127.0.0.1", "loopback"},
		{"10.1.2.3", "private"},
		{"172.16.0.1", "private"},
		{"192.168.1.1", "private"},
		{"fd00::1", "private"},
		{"169.254.169.254", "link-local"}, // cloud metadata
		{"fe80::1", "link-local"},
		{"0.0.0.0", "unspecified"},
		{"::", "unspecified"},
		{"224.0.0.1", "multicast"},
		{"ff02::1", "multicast"},
		{"100.64.1.1", "special-purpose"},
		{"64:ff9b::7f00:1", "special-purpose"},
		{"255.255.255.255", "special-purpose"},
	}
	for _, tc := range tests {
		ap := netip.AddrPortFrom(netip.MustParseAddr(tc.addr), 80)
		err := checkPublic(ap, false)
		if tc.kind == "" {
			if err != nil {
				t.Errorf("%s: %v", tc.addr, err)
			}
			continue
		}
		if !errors.Is(err, ErrPrivateAddress) || !strings.Contains(err.Error(), tc.kind) {
			t.Errorf("%s: %v, want %s refused", tc.addr, err, tc.kind)
		}
		if checkPublic(ap, true) != nil {
			t.Errorf("%s refused with AllowPrivate", tc.addr)
		}
	}
}

func TestPrivateAddressRefused(t *testing.T) {
	srv, h := server(t, func(mux *http.ServeMux, _ func() string) {
		mux.HandleFunc("/", serveString("text/plain", "inside"))
	})
	u, _ := url.Parse(srv.URL)
	byName := "http://localhost:" + u.Port() + "/named" // resolved at dial time

	opt := testOptions()
	opt.AllowPrivate = false
	m := bySource(t, collect(t, New(opt), srv.URL+"/x", byName))
	for _, src := range []string{srv.URL + "/x", byName} {
		if e := m[src].Err; !errors.Is(e, ErrPrivateAddress) || !strings.Contains(e.Error(), "loopback") {
			t.Errorf("%s: %v, want refusal", src, e)
		}
	}
	if len(h.paths) != 0 {
		t.Errorf("the private server was reached: %v", h.paths)
	}

	docs := collect(t, New(testOptions()), srv.URL+"/x")
	if len(docs) != 1 || docs[0].Err != nil || string(docs[0].Body) != "inside" {
		t.Errorf("AllowPrivate: %+v", docs)
	}
}

// A redirect from a public host to a private one is refused when the
// private address is dialled. Both test servers live on the loopback
// interface, so the policy is told to treat the first as public.
func TestRedirectToPrivateRefused(t *testing.T) {
	inner, innerHits := server(t, func(mux *http.ServeMux, _ func() string) {
		mux.HandleFunc("/", serveString("text/plain", "secret"))
	})
	outer, _ := server(t, func(mux *http.ServeMux, _ func() string) {
		mux.HandleFunc("/go", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, inner.URL+"/admin", http.StatusFound)
		})
		mux.HandleFunc("/ok", serveString("text/plain", "public"))
	})
	public := netip.MustParseAddrPort(strings.TrimPrefix(outer.URL, "http://"))
	opt := testOptions()
	opt.AllowPrivate = false
	r := New(opt)
	r.checkAddr = func(ap netip.AddrPort) error {
		if ap == public {
			return nil
		}
		return checkPublic(ap, false)
	}
	m := bySource(t, collect(t, r, outer.URL+"/go", outer.URL+"/ok"))
	if e := m[outer.URL+"/go"].Err; !errors.Is(e, ErrPrivateAddress) {
		t.Errorf("redirect to private: %v", e)
	}
	if d := m[outer.URL+"/ok"]; d.Err != nil || string(d.Body) != "public" {
		t.Errorf("public page: %+v", d)
	}
	if len(innerHits.paths) != 0 {
		t.Errorf("private server reached: %v", innerHits.paths)
	}
}
