package server

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"net/http"
	"strings"
)

var (
	errUnauthorized = errors.New("this needs the write token")
	errForbidden    = errors.New("forbidden")
	errReadOnly     = errors.New("the server is read-only: start dyad serve with --token (or DYAD_TOKEN) to allow writes")
	errCSRF         = errors.New("the form has expired or did not come from this site: reload the page and try again")
	errNoActors     = errors.New("no actor knowledge base loaded")
)

const csrfCookie = "dyad_csrf"

// csrfKeys signs CSRF tokens: a form's token is the HMAC of a random
// cookie, so a page on another site can neither read nor forge it.
type csrfKeys struct{ key []byte }

func newCSRFKeys() (*csrfKeys, error) {
	k := make([]byte, 32)
	if _, err := rand.Read(k); err != nil {
		return nil, err
	}
	return &csrfKeys{key: k}, nil
}

func (c *csrfKeys) sign(nonce string) string {
	m := hmac.New(sha256.New, c.key)
	m.Write([]byte(nonce))
	return hex.EncodeToString(m.Sum(nil))
}

// csrfToken returns the token a form on this page must carry, setting the
// cookie it is bound to when the browser has none.
func (s *Server) csrfToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) == 32 {
		return s.csrf.sign(c.Value)
	}
	b := make([]byte, 16)
	rand.Read(b)
	nonce := hex.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: nonce, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode,
		Secure: r.TLS != nil})
	return s.csrf.sign(nonce)
}

func (s *Server) checkCSRF(r *http.Request) error {
	c, err := r.Cookie(csrfCookie)
	if err != nil || len(c.Value) != 32 {
		return errCSRF
	}
	got := r.PostFormValue("csrf_token")
	if !hmac.Equal([]byte(got), []byte(s.csrf.sign(c.Value))) {
		return errCSRF
	}
	return nil
}

// tokenOK compares in constant time, so timing tells nothing of the token.
func (s *Server) tokenOK(got string) bool {
	return s.cfg.Token != "" && subtle.ConstantTimeCompare([]byte(got), []byte(s.cfg.Token)) == 1
}

// bearer guards an API write: "Authorization: Bearer TOKEN".
func (s *Server) bearer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.Token == "" {
			s.fail(w, r, http.StatusForbidden, errReadOnly)
			return
		}
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || !s.tokenOK(strings.TrimSpace(got)) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="dyad"`)
			s.fail(w, r, http.StatusUnauthorized, errUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// formAuth guards a form write: the CSRF token of the page and the write
// token typed into the form.
func (s *Server) formAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		if s.cfg.Token == "" {
			s.fail(w, r, http.StatusForbidden, errReadOnly)
			return
		}
		if err := s.checkCSRF(r); err != nil {
			s.fail(w, r, http.StatusForbidden, err)
			return
		}
		if !s.tokenOK(r.PostFormValue("token")) {
			s.fail(w, r, http.StatusUnauthorized, errUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}
