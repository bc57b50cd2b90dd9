package relevance

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/article"
)

// TestJudge runs the gate on invented texts of each genre (testdata/texts).
func TestJudge(t *testing.T) {
	tests := []struct {
		file   string
		types  []string
		news   bool
		reason string // a part of the reason given when not news
	}{
		{file: "news.txt", news: true},
		{file: "opinion.txt", news: true},
		{file: "brief.txt", news: true}, // too short to judge, however it reads
		{file: "encyclopedia.txt", reason: "encyclopedic"},
		{file: "manual.txt", reason: "addressed to the reader"},
		{file: "recipe.txt", reason: "addressed to the reader"},
		{file: "fiction.txt", reason: "dialogue"},
		// A page's declared kind counts, but does not decide alone.
		{file: "news.txt", types: []string{"article", "Product"}, news: true},
		{file: "manual.txt", types: []string{"NewsArticle"}, reason: "addressed to the reader"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "texts", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			a := &article.Article{Text: string(b), Language: "en", PageTypes: tt.types,
				Published: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)}
			v := Judge(a)
			t.Logf("margin %.2f %s", v.Margin, v.Reason)
			if v.News != tt.news {
				t.Fatalf("News = %v (margin %.2f, reason %q, signals %+v), want %v", v.News, v.Margin, v.Reason, v.Signals, tt.news)
			}
			if !tt.news && !strings.Contains(v.Reason, tt.reason) {
				t.Errorf("reason %q does not mention %q", v.Reason, tt.reason)
			}
			if tt.news && v.Reason != "" {
				t.Errorf("news with a reason %q", v.Reason)
			}
		})
	}
}

// TestJudgeShort: a one-sentence document (PLV's, a feed snippet) is always
// coded, even one that reads like an instruction.
func TestJudgeShort(t *testing.T) {
	for _, text := range []string{
		"Israeli troops fired on protesters near the border fence.",
		"Click here to read the full story and share it with your friends.",
		"",
	} {
		if v := Judge(&article.Article{Text: text}); !v.News {
			t.Errorf("%q judged not news: %s", text, v.Reason)
		}
	}
}

func TestSignals(t *testing.T) {
	tests := []struct {
		name string
		text string
		want func(Signals) bool
	}{
		{"quoted you is not the writer's", `"You will pay for this," the minister said.`, func(s Signals) bool { return s.You == 0 }},
		{"writer's you", "You can pay for this later.", func(s Signals) bool { return s.You > 0 }},
		{"quoted I is not the writer's", "“I was there,” she told reporters.", func(s Signals) bool { return s.I == 0 && s.Reporting == 1 }},
		{"changelog Added is no attribution", "+ Added Slime Block\n+ Added Banners", func(s Signals) bool { return s.Reporting == 0 }},
		{"citation brackets", "The city was founded in 1140.[3] It grew fast.[4]", func(s Signals) bool { return s.Reference == 1 }},
		{"life years", "The poet Ardan Maleck (1781–1843) led the assembly.", func(s Signals) bool { return s.Reference == 1 }},
		{"weekday", "The talks resumed on Thursday.", func(s Signals) bool { return s.Recent == 1 }},
		{"date this year", "The talks resumed on March 2, 2024.", func(s Signals) bool { return s.Recent == 1 }},
		{"date long ago", "The republic was proclaimed on 7 May 1821.", func(s Signals) bool { return s.Recent == 0 }},
		{"dateline", "KELTIS, Velmora (Wire) -- Dock workers at the port walked off the job on Tuesday.", func(s Signals) bool { return s.Dateline }},
		{"no dateline", "The port -- the largest in the country -- was closed on Tuesday after talks failed.", func(s Signals) bool { return !s.Dateline }},
		{"dialogue", "“You're late,” her father muttered.\n“The ferry was slow, and the rain never stopped.”", func(s Signals) bool { return s.Dialogue == 1 }},
		{"code", "$ quillbox init myproject\nname = \"myproject\"\nThis creates a folder for your sources.", func(s Signals) bool { return s.Code > 0.6 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Read(&article.Article{Text: tt.text, Published: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)})
			if !tt.want(s) {
				t.Errorf("signals %+v", s)
			}
		})
	}
}
