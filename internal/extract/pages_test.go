package extract

import (
	"context"
	"encoding/json"
	"github.com/dyad-project/dyad/internal/testutil"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
)

// page is one test page of the shared corpus with what it should yield.
type page struct {
	name, url string
	body      []byte
	date      string // expected calendar day as written, "" when none
	text      string // expected main text, "" when none
}

// loadPages reads the readability and newspaper4k test pages.
func loadPages(t testing.TB) []page {
	root := testutil.SharedDir(t, "corpus/pages")
	var out []page
	rdirs, _ := filepath.Glob(filepath.Join(root, "readability/test/test-pages/*"))
	for _, d := range rdirs {
		body, err := os.ReadFile(filepath.Join(d, "source.html"))
		if err != nil {
			continue
		}
		var meta struct {
			PublishedTime *string `json:"publishedTime"`
		}
		if b, err := os.ReadFile(filepath.Join(d, "expected-metadata.json")); err == nil {
			_ = json.Unmarshal(b, &meta)
		}
		p := page{name: "readability/" + filepath.Base(d), body: body}
		if meta.PublishedTime != nil && len(*meta.PublishedTime) >= 10 {
			p.date = (*meta.PublishedTime)[:10]
		}
		if b, err := os.ReadFile(filepath.Join(d, "expected.html")); err == nil {
			p.text = htmlText(string(b))
		}
		out = append(out, p)
	}
	nroot := filepath.Join(root, "newspaper4k/tests/data")
	nfiles, _ := filepath.Glob(filepath.Join(nroot, "html/*.html"))
	for _, f := range nfiles {
		base := strings.TrimSuffix(filepath.Base(f), ".html")
		body, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		p := page{name: "newspaper4k/" + base, body: body}
		var meta struct {
			URL         string  `json:"url"`
			PublishDate *string `json:"publish_date"`
		}
		if b, err := os.ReadFile(filepath.Join(nroot, "metadata", base+".json")); err == nil {
			_ = json.Unmarshal(b, &meta)
			p.url = meta.URL
			if meta.PublishDate != nil && len(*meta.PublishDate) >= 10 {
				p.date = (*meta.PublishDate)[:10]
			}
		}
		if b, err := os.ReadFile(filepath.Join(nroot, "txt", base+".txt")); err == nil {
			p.text = string(b)
		}
		out = append(out, p)
	}
	return out
}

func htmlText(s string) string {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return b.String()
}

func tokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// tokenF1 is the bag-of-words F1 of got against want.
func tokenF1(got, want string) float64 {
	g, w := tokens(got), tokens(want)
	if len(g) == 0 || len(w) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, t := range w {
		count[t]++
	}
	common := 0
	for _, t := range g {
		if count[t] > 0 {
			count[t]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(len(g)), float64(common)/float64(len(w))
	return 2 * p * r / (p + r)
}

// TestPagesDates measures publication-date accuracy and text quality over
// the readability and newspaper4k test pages. Print the figures with
//
//	go test ./internal/extract -run TestPagesDates -v
func TestPagesDates(t *testing.T) {
	pages := loadPages(t)
	if len(pages) == 0 {
		t.Skip("no test pages")
	}
	var dated, right, texts, undatedGot int
	var f1sum float64
	for _, p := range pages {
		a, err := Extract(context.Background(), Input{Source: p.name, URL: p.url, Body: p.body, ContentType: "text/html"})
		got, text := "", ""
		if err == nil {
			got, text = a.PublishedString(), a.Text
		} else {
			t.Logf("%s: %v", p.name, err)
		}
		if p.date != "" {
			dated++
			if got == p.date {
				right++
			} else {
				t.Logf("date miss %s: got %q want %q", p.name, got, p.date)
			}
		}
		if p.date == "" && got != "" {
			undatedGot++ // the expectation has no date; ours may or may not be right
		}
		if strings.TrimSpace(p.text) != "" {
			texts++
			f := tokenF1(text, p.text)
			f1sum += f
			if f < 0.5 {
				t.Logf("low F1 %.2f %s", f, p.name)
			}
		}
	}
	acc := float64(right) / float64(dated)
	meanF1 := f1sum / float64(texts)
	t.Logf("dates: %d/%d = %.3f right (day as written); %d of %d pages without an expected date got one; text token F1 mean %.4f over %d pages",
		right, dated, acc, undatedGot, len(pages)-dated, meanF1, texts)
	if acc < 0.90 {
		t.Fatalf("date accuracy %.3f < 0.90", acc)
	}
	if meanF1 < minTextF1 {
		t.Fatalf("mean text F1 %.3f < %.2f", meanF1, minTextF1)
	}
}

// minTextF1 is set just under the measured mean so regressions show.
const minTextF1 = 0.93
