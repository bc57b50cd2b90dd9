package server

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/dyad-project/dyad/internal/source"
)

func TestEveryResponseCarriesTheCSP(t *testing.T) {
	s := newServer(t, Config{})
	for _, u := range []string{"/", "/timeline", "/api/events", "/static/app.css", "/nope", "/api/stories/nope"} {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, u, nil))
		csp := rec.Header().Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe") || !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("%s: CSP %q", u, csp)
		}
		if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", u)
		}
	}
}

// activeMarkup lists what in a page could run script or style inline:
// event-handler and style attributes, javascript: URLs, <style>, and
// <script> with content that is not JSON data.
func activeMarkup(page string) []string {
	var out []string
	z := html.NewTokenizer(strings.NewReader(page))
	inScript := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out
		case html.TextToken:
			if inScript && strings.TrimSpace(string(z.Text())) != "" {
				out = append(out, "inline script")
			}
		case html.EndTagToken:
			inScript = false
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if tok.Data == "style" {
				out = append(out, "<style>")
			}
			if tok.Data == "script" {
				typ := ""
				for _, a := range tok.Attr {
					if a.Key == "type" {
						typ = a.Val
					}
				}
				inScript = typ != "application/json"
			}
			for _, a := range tok.Attr {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(a.Key, "on") || a.Key == "style" || strings.HasPrefix(v, "javascript:") {
					out = append(out, "<"+tok.Data+" "+a.Key+"="+a.Val+">")
				}
			}
		}
	}
}

func TestNoInlineScriptOrStyleInPages(t *testing.T) {
	for _, attack := range []string{`<img src=x onerror=alert(1)>`, `<script>alert(1)</script>`, `<a href=" JavaScript:x">`, `<p style="x">`} {
		if len(activeMarkup(attack)) == 0 {
			t.Fatalf("the check misses %s", attack)
		}
	}
	s := newServer(t, Config{})
	for _, u := range []string{"/", "/timeline", "/dyads", "/dyads/USA/IRQ", "/network", "/map", "/stories/S1", "/stories/S3",
		"/articles", "/articles/3", "/alerts", "/ingest", "/actors", "/nope"} {
		_, body := get(t, s, u)
		if bad := activeMarkup(body); len(bad) > 0 {
			t.Errorf("%s: %v", u, bad)
		}
	}
}

func TestArticleTextRendersInert(t *testing.T) {
	s := newServer(t, Config{})
	for _, u := range []string{"/articles/3", "/stories/S3", "/timeline", "/articles", "/"} {
		_, body := get(t, s, u)
		for _, bad := range []string{`<script>alert`, `href="javascript:`, `onerror="alert`, `<img src=x`, `<svg onload`, `<b onmouseover`} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: %q rendered as markup", u, bad)
			}
		}
	}
	_, body := get(t, s, "/articles/3")
	if !strings.Contains(body, `&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;`) {
		t.Error("the article's text is not shown escaped")
	}
	if !strings.Contains(body, `<mark class="evidence" id="m`) {
		t.Error("the evidence is not highlighted")
	}
}

func TestReadOnlyWithoutToken(t *testing.T) {
	rules := filepath.Join(t.TempDir(), "watch.yaml")
	s := newServer(t, Config{RulesPath: rules, Ingest: func(context.Context, string) (IngestResult, error) {
		t.Fatal("ingest ran on a read-only server")
		return IngestResult{}, nil
	}})
	for _, req := range []*http.Request{
		httptest.NewRequest(http.MethodPut, "/api/alert-rules", strings.NewReader("rules: []")),
		httptest.NewRequest(http.MethodPost, "/api/ingest", strings.NewReader(`{"url":"https://example.com/"}`)),
		httptest.NewRequest(http.MethodPost, "/ingest", strings.NewReader(url.Values{"url": {"https://example.com/"}}.Encode())),
	} {
		req.Header.Set("Authorization", "Bearer "+testToken)
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusForbidden || !strings.Contains(rec.Body.String(), "read-only") {
			t.Errorf("%s %s: %d %s", req.Method, req.URL, rec.Code, rec.Body)
		}
	}
	if _, err := os.Stat(rules); err == nil {
		t.Fatal("a read-only server wrote the rules file")
	}
}

const goodRules = "rules:\n  - name: usa-irn\n    dyad: USA:IRN\n    threshold: 3\n"

func TestAPIWritesNeedTheToken(t *testing.T) {
	rules := filepath.Join(t.TempDir(), "watch.yaml")
	s := newServer(t, Config{RulesPath: rules, Token: testToken})
	put := func(auth, body string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPut, "/api/alert-rules", strings.NewReader(body))
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		return rec
	}
	for _, auth := range []string{"", "Bearer wrong-token-0123456789", "Basic " + testToken, testToken} {
		if rec := put(auth, goodRules); rec.Code != http.StatusUnauthorized {
			t.Errorf("Authorization %q: %d", auth, rec.Code)
		}
	}
	if rec := put("Bearer "+testToken, "rules:\n  - name: x\n"); rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "threshold") {
		t.Errorf("invalid rules: %d %s", rec.Code, rec.Body)
	}
	if rec := put("Bearer "+testToken, goodRules); rec.Code != http.StatusOK || rec.Body.String() != "{\"rules\":1}\n" {
		t.Fatalf("valid rules: %d %s", rec.Code, rec.Body)
	}
	if b, _ := os.ReadFile(rules); string(b) != goodRules {
		t.Fatalf("rules file: %q", b)
	}
	if code, body := get(t, s, "/api/alert-rules"); code != http.StatusOK || body != goodRules {
		t.Fatalf("GET rules: %d %q", code, body)
	}
}

// formPost posts a form the way a browser would after loading page.
func formPost(t *testing.T, s http.Handler, page, action string, form url.Values, withCookie, withCSRF bool) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, page, nil))
	m := regexp.MustCompile(`name="csrf_token" value="([0-9a-f]+)"`).FindStringSubmatch(rec.Body.String())
	if m == nil {
		t.Fatalf("%s has no CSRF token", page)
	}
	if withCSRF {
		form.Set("csrf_token", m[1])
	}
	req := httptest.NewRequest(http.MethodPost, action, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if withCookie {
		for _, c := range rec.Result().Cookies() {
			req.AddCookie(c)
		}
	}
	out := httptest.NewRecorder()
	s.ServeHTTP(out, req)
	return out
}

func TestFormsNeedCSRFAndToken(t *testing.T) {
	rules := filepath.Join(t.TempDir(), "watch.yaml")
	s := newServer(t, Config{RulesPath: rules, Token: testToken})
	form := func(token string) url.Values { return url.Values{"rules": {goodRules}, "token": {token}} }
	if rec := formPost(t, s, "/alerts", "/alerts/rules", form(testToken), false, true); rec.Code != http.StatusForbidden {
		t.Errorf("no cookie: %d", rec.Code)
	}
	if rec := formPost(t, s, "/alerts", "/alerts/rules", form(testToken), true, false); rec.Code != http.StatusForbidden {
		t.Errorf("no CSRF field: %d", rec.Code)
	}
	if rec := formPost(t, s, "/alerts", "/alerts/rules", form("wrong-token-0123456789"), true, true); rec.Code != http.StatusUnauthorized {
		t.Errorf("wrong token: %d", rec.Code)
	}
	if _, err := os.Stat(rules); err == nil {
		t.Fatal("a refused form wrote the rules file")
	}
	rec := formPost(t, s, "/alerts", "/alerts/rules", form(testToken), true, true)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "Saved 1 rule.") {
		t.Fatalf("good form: %d %s", rec.Code, rec.Body)
	}
	// a page on another site posting the form is refused before anything else
	req := httptest.NewRequest(http.MethodPost, "/alerts/rules", strings.NewReader(form(testToken).Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	out := httptest.NewRecorder()
	s.ServeHTTP(out, req)
	if out.Code != http.StatusForbidden {
		t.Errorf("cross-site post: %d", out.Code)
	}
}

func TestIngestRefusesPrivateAddresses(t *testing.T) {
	db := fixture(t)
	inside := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("the server fetched %s from a private address", r.URL)
	}))
	defer inside.Close()
	ing := NewIngester(db, source.Options{AllowPrivate: true, Retries: -1}, Coding{}) // AllowPrivate is overridden
	s := newServer(t, Config{Store: db, Token: testToken, Ingest: ing})
	for _, u := range []string{inside.URL + "/page", strings.Replace(inside.URL, "127.0.0.1", "localhost", 1) + "/x", "http://[::1]:9/", "http://10.1.2.3:9/", "http://169.254.169.254/latest/meta-data/"} {
		_, err := ing(context.Background(), u)
		if !errors.Is(err, source.ErrPrivateAddress) || statusOf(err) != http.StatusForbidden {
			t.Errorf("%s: %v", u, err)
		}
	}
	req := httptest.NewRequest(http.MethodPost, "/api/ingest", strings.NewReader(`{"url":"`+inside.URL+`/"}`))
	req.Header.Set("Authorization", "Bearer "+testToken)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden || !strings.Contains(rec.Body.String(), "refused non-public address") {
		t.Fatalf("API: %d %s", rec.Code, rec.Body)
	}
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/", "https://user:pw@example.com/", "not a url"} {
		if _, err := ing(context.Background(), u); statusOf(err) != http.StatusBadRequest {
			t.Errorf("%s: %v", u, err)
		}
	}
}
