package server

import (
	"context"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store/sqlite"
)

// The story page lists the later articles that recall an event apart from
// the reports of its day, and says how many and when.
func TestStoryPageListsRecallsApart(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	put := func(a *article.Article, m event.Mention) {
		r, err := db.PutArticle(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		m.SentEnd = len(m.Sentence)
		if err := db.PutMentions(ctx, r.ID, []event.Mention{m}); err != nil {
			t.Fatal(err)
		}
	}
	attack := func(from, to, sentence string, ref bool, why string) event.Mention {
		return event.Mention{Event: "ASSAULT", Quad: 4, Score: -9, Actor: event.Party{Code: "XAR", Text: "Gunmen"},
			Recipient: event.Party{Code: "XBE", Text: "the consulate"}, DateStart: day(from), DateEnd: day(to), Background: ref,
			Reference: ref, Claim: event.Asserted, Sentence: sentence, StoryID: "SV", StoryWhy: why}
	}
	report := "Gunmen stormed the Beltanian consulate in Vardo."
	put(&article.Article{Source: "https://a.example/1", Outlet: "A", Title: "Consulate stormed", Text: report,
		Published: day("2031-03-04")}, attack("2031-03-03", "2031-03-03", report, false, "first report"))
	recall := "The 2031 attack on the Beltanian consulate in Vardo still weighs on relations."
	put(&article.Article{Source: "https://b.example/2", Outlet: "B", Title: "A year on", Text: recall,
		Published: day("2032-03-03")}, attack("2031-01-01", "2031-12-31", recall, true,
		"joined as a reference: window 2031-01-01…2031-12-31 contains 2031-03-03; shared: Beltanian, consulate, Vardo (weight 3.0)"))
	s := newServer(t, Config{Store: db})
	code, body := get(t, s, "/stories/SV")
	if code != http.StatusOK {
		t.Fatalf("GET /stories/SV: %d", code)
	}
	reports, recalls := strings.Index(body, "Gunmen stormed"), strings.Index(body, "Recalled later")
	if reports < 0 || recalls < 0 || reports > recalls || !strings.Contains(body[recalls:], "still weighs") {
		t.Errorf("the recall is not listed apart after the report")
	}
	for _, want := range []string{"recalled by <strong>1</strong> later article, 2032", "2031-03-03</span>",
		"joined as a reference: window 2031-01-01…2031-12-31 contains 2031-03-03"} {
		if !strings.Contains(body, want) {
			t.Errorf("story page lacks %q", want)
		}
	}
	var st storyDetailJSON
	getJSON(t, s, "/api/stories/SV", &st)
	if st.RecalledBy != 1 || st.RecallStart == nil || *st.RecallStart != "2032-03-03" || *st.DateStart != "2031-03-03" ||
		*st.DateEnd != "2031-03-03" {
		t.Errorf("API story: %+v", st.storyJSON)
	}
}
