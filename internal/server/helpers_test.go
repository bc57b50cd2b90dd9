package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
	"github.com/dyad-project/dyad/internal/store/sqlite"
)

const testToken = "test-token-0123456789"

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// malicious is article text written to attack the page that shows it.
const malicious = `Militias <script>alert("xss")</script> fired rockets at the embassy. ` +
	`<a href="javascript:alert(1)">click</a> <img src=x onerror="alert(2)"> <svg onload=alert(3)></svg> ` +
	`Iraq's government condemned the attack.`

// fixture stores a small corpus: a USA→IRQ threat reported by two outlets
// (one story), an IRQ→USA consultation, and an article whose text, title and
// URL carry script.
func fixture(t *testing.T) *sqlite.DB {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	put := func(a *article.Article, ms ...event.Mention) int64 {
		r, err := db.PutArticle(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.PutMentions(ctx, r.ID, ms); err != nil {
			t.Fatal(err)
		}
		return r.ID
	}
	threat := func(sent string, start int, claim string, by ...string) event.Mention {
		return event.Mention{Event: "THREATEN", Quad: 3, Score: -4, Actor: event.Party{Code: "USA", Text: "Washington"},
			Recipient: event.Party{Code: "IRQ", Text: "Baghdad"}, DateStart: day("2025-11-01"), DateEnd: day("2025-11-01"),
			Precision: "day", Claim: claim, ReportedBy: by, Sentence: sent, SentStart: start, SentEnd: start + len(sent),
			StoryID: "S1", Trigger: "warned"}
	}
	t1 := "Background first. Washington warned Baghdad over the militias. More text."
	put(&article.Article{Source: "https://reuters.example/a", URL: "https://reuters.example/a", Outlet: "Reuters",
		Title: "US warns Iraq", Text: t1, SimHash: 0x0f0f, Published: day("2025-11-02")},
		threat("Washington warned Baghdad over the militias.", 18, event.Asserted))
	t2 := "Officials said Washington threatened Baghdad. Iraq consulted the US envoy in October."
	put(&article.Article{Source: "https://ap.example/b", Outlet: "AP", Title: "Threats", Text: t2, SimHash: 0xf0f0f0f0,
		Published: day("2025-11-03")},
		threat("Officials said Washington threatened Baghdad.", 0, event.Reported, "AP", "officials"),
		event.Mention{Event: "CONSULT", Quad: 1, Score: 1, Actor: event.Party{Code: "IRQ", Text: "Iraq"},
			Recipient: event.Party{Code: "USA", Text: "US envoy"}, DateStart: day("2025-10-15"), DateEnd: day("2025-10-15"),
			Claim: event.Asserted, Sentence: "Iraq consulted the US envoy in October.", SentStart: 46, SentEnd: 85, StoryID: "S2"})
	evil := strings.Index(malicious, "Militias")
	put(&article.Article{Source: "javascript:alert('src')", URL: "javascript:alert('url')", Outlet: `<b onmouseover=alert(4)>Evil</b>`,
		Title: `<script>alert("title")</script>Rockets`, Text: malicious, SimHash: 0xff00ff00ff00, Published: day("2025-11-04")},
		event.Mention{Event: "ASSAULT", Quad: 4, Score: -8, Actor: event.Party{Code: "IRQ", Text: "Militias"},
			Recipient: event.Party{Code: "USA", Text: "the embassy"}, DateStart: day("2025-11-04"), DateEnd: day("2025-11-04"),
			Claim: event.Asserted, Sentence: malicious[evil : strings.Index(malicious, "embassy.")+8], SentStart: evil,
			SentEnd: strings.Index(malicious, "embassy.") + 8, StoryID: "S3"})
	return db
}

func newServer(t *testing.T, cfg Config) *Server {
	t.Helper()
	if cfg.Store == nil {
		cfg.Store = fixture(t)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// get serves one GET and returns the status and body.
func get(t *testing.T, h http.Handler, url string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, url, nil))
	body, _ := io.ReadAll(rec.Body)
	return rec.Code, string(body)
}

func getJSON(t *testing.T, h http.Handler, url string, v any) {
	t.Helper()
	code, body := get(t, h, url)
	if code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", url, code, body)
	}
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("GET %s: %v in %s", url, err, body)
	}
}

var _ store.Reader = (*sqlite.DB)(nil)

func readSource(name string) (string, error) {
	b, err := os.ReadFile(name)
	return string(b), err
}

func jsonDecode(b []byte, v any) error { return json.Unmarshal(b, v) }
