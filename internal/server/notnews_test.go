package server

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
)

const heldBack = "encyclopedic (citation marks, life years, coordinates)"

// withNotNews adds to the fixture a page the relevance gate held back, as
// ingest stores it, and returns its id.
func withNotNews(t *testing.T) (*Server, int64) {
	t.Helper()
	db := fixture(t)
	a := &article.Article{Source: "baghdad-wiki.html", Title: "Baghdad", Text: "Baghdad (1258–1920) is the capital of Iraq.[1]",
		SimHash: 0x5a5a5a, NotNews: heldBack}
	r, err := db.PutArticle(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	return newServer(t, Config{Store: db}), r.ID
}

// The API says which articles the relevance gate held back, and why; null
// for the coded ones.
func TestAPINotNews(t *testing.T) {
	s, id := withNotNews(t)
	var a map[string]any
	getJSON(t, s, fmt.Sprintf("/api/articles/%d", id), &a)
	if a["not_news"] != heldBack || a["mentions"] != float64(0) {
		t.Fatalf("held-back article: not_news %v, mentions %v", a["not_news"], a["mentions"])
	}
	var list struct{ Items []map[string]any }
	getJSON(t, s, "/api/articles", &list)
	if len(list.Items) < 2 {
		t.Fatalf("%d articles listed", len(list.Items))
	}
	for _, it := range list.Items {
		v, present := it["not_news"]
		if !present {
			t.Errorf("listed article %v has no not_news field", it["id"])
		}
		if want := it["id"] == float64(id); (v == heldBack) != want || (!want && v != nil) {
			t.Errorf("listed article %v: not_news %v", it["id"], v)
		}
	}
}

func TestPagesShowNotNews(t *testing.T) {
	s, id := withNotNews(t)
	page := fmt.Sprintf("/articles/%d", id)
	for _, tc := range []struct{ path, want string }{
		{page, "held back by the relevance gate (" + heldBack + "); stored, not coded"},
		{page, "None: the page was not coded (not news)."},
		{"/articles", "not news: not coded"},
	} {
		code, body := get(t, s, tc.path)
		if code != 200 || !strings.Contains(body, tc.want) {
			t.Errorf("GET %s: %d, lacks %q", tc.path, code, tc.want)
		}
	}
	if _, body := get(t, s, "/articles/1"); strings.Contains(body, "notnews") {
		t.Errorf("/articles/1 says it was held back")
	}
}

// withArabic adds to the fixture an Arabic report, stored and not coded as
// ingest stores it, and returns its id.
func withArabic(t *testing.T) (*Server, int64) {
	t.Helper()
	db := fixture(t)
	a := &article.Article{Source: "ar002.txt", Title: "وزير: لم نعرف بعد من أطلق النار على الحدود", Language: "ar",
		Text: "قال وزير الدفاع الأميركي إن الولايات المتحدة لم تتأكد بعد من الجهة التي نفذت الهجوم.", SimHash: 0x3c3c3c}
	r, err := db.PutArticle(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	return newServer(t, Config{Store: db}), r.ID
}

// A text in a language dyad does not code says so on its page, which
// renders it right to left (issue 17).
func TestPageShowsUncodedLanguage(t *testing.T) {
	s, id := withArabic(t)
	_, body := get(t, s, fmt.Sprintf("/articles/%d", id))
	for _, want := range []string{`<article class="text wide" dir="rtl" lang="ar">`, `<h1 dir="rtl" lang="ar">`,
		"<strong>Not coded:</strong> the text is in ar", "None: the text was not coded (ar)."} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
	if _, body := get(t, s, "/articles/1"); strings.Contains(body, "Not coded") || strings.Contains(body, `dir="rtl"`) {
		t.Errorf("/articles/1 (English) says it was not coded or reads right to left")
	}
}
