package extract

import (
	"bufio"
	"context"
	"encoding/json"
	"github.com/dyad-project/dyad/internal/testutil"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
)

func TestSeeds(t *testing.T) {
	dir := testutil.SharedDir(t, "corpus/seeds")
	tests := []struct {
		file, title, outlet, author, date string
		from                              article.DateSource
		gone, kept                        []string
	}{
		{file: "000_e91ca02078149963.txt", date: "2025-11-04", from: article.DateLine,
			gone: []string{"16 px", "↺", "date 2025"},
			kept: []string{"Reports are circulating about a phone call", "kidnapped Elizabeth in March 2023."}},
		{file: "001_10f7ca3463b17ff0.txt", title: "US issues 'final warning' to Iraq over resistance factions",
			date: "2025-11-02", from: article.DateEmbed,
			gone: []string{"Above photo", "pic.twitter.com", "@TheCradleMedia", "——"},
			kept: []string{"The US has issued its “final” and “most serious” warning", "sources in the Israeli army’s northern command told Maariv."}},
		{file: "002_1da35b5d97764059.txt", title: "Top Iraqi diplomat in Iran after US Embassy warning",
			outlet: "Arab Press", date: "2025-11-18", from: article.DateLine,
			gone: []string{"Related Articles", "Saudi Arabia’s Solar Surge", "Dick Cheney", "Smotrich’s ‘Camels’", "0:00", "Newsletter", "×", "بالشعب", "Tuesday, Nov 18"},
			kept: []string{"Iraq’s foreign minister arrived in Tehran on Saturday morning", "adding that they want to “protect the interest of Iraqis.”"}},
		{file: "003_364a8a0b311234ed.txt", title: "Blinken stresses Iraq not be ‘drawn’ into regional war, urges Baghdad to ‘control’ Iran-backed factions",
			author: "Zhelwan Z. Wali", date: "2024-11-05", from: article.DateLine,
			gone: []string{"holds a Master’s degree", "Profile picture", "Author Zhelwan", "NEWSLETTER", "delivered to your inbox", "Updated at 08:07", "Image of Blinken", "3 min read"},
			kept: []string{"ERBIL, Kurdistan Region of Iraq - US Secretary of State Antony Blinken on Tuesday", "can return to their homes.”"}},
		{file: "004_8f7cb8a4f3b487f6.txt", date: "2026-01-26", from: article.DateLine,
			gone: []string{"date 2026-01-26"},
			kept: []string{"Marco Rubio’s call with PM Shia al-Sudani comes as Iraq", "there is a shared concern among regional countries.”"}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			a, err := Extract(context.Background(), Input{Source: tc.file, Body: readFile(t, filepath.Join(dir, tc.file))})
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tc.title {
				t.Errorf("title %q, want %q", a.Title, tc.title)
			}
			if a.Outlet != tc.outlet {
				t.Errorf("outlet %q, want %q", a.Outlet, tc.outlet)
			}
			if a.Author != tc.author {
				t.Errorf("author %q, want %q", a.Author, tc.author)
			}
			if a.PublishedString() != tc.date || a.DateFrom != tc.from {
				t.Errorf("published %s (%s), want %s (%s)", a.PublishedString(), a.DateFrom, tc.date, tc.from)
			}
			if a.Language != "en" {
				t.Errorf("language %q", a.Language)
			}
			for _, g := range tc.gone {
				if strings.Contains(a.Text, g) {
					t.Errorf("boilerplate %q kept in text", g)
				}
			}
			for _, k := range tc.kept {
				if !strings.Contains(a.Text, k) {
					t.Errorf("body %q lost", k)
				}
			}
			if a.Hash != article.ContentHash(a.Text) || a.SimHash == 0 {
				t.Errorf("hash %q simhash %x", a.Hash, a.SimHash)
			}
		})
	}
}

type goldDoc struct {
	Doc       string   `json:"doc"`
	Outlet    string   `json:"outlet"`
	Published []string `json:"published"`
}

func readGold(t *testing.T, path string) []goldDoc {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("gold %s absent: %v", path, err)
	}
	defer f.Close()
	var out []goldDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var g goldDoc
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		out = append(out, g)
	}
	return out
}

// TestNewsDev checks the printed date of every news-dev article (the first
// day of its gold window), its title line and outlet line.
func TestNewsDev(t *testing.T) {
	dir := testutil.SharedDir(t, "corpus/news-dev")
	gold := readGold(t, filepath.Join(dir, "..", "..", "gold", "news-dev", "docs.jsonl"))
	// Every article of the corpus has its gold line (the set grows: count it,
	// do not hard-code its size).
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) == 0 || len(gold) != len(files) {
		t.Fatalf("%d gold docs for %d articles", len(gold), len(files))
	}
	for _, g := range gold {
		t.Run(g.Doc, func(t *testing.T) {
			body := readFile(t, filepath.Join(dir, g.Doc))
			a, err := Extract(context.Background(), Input{Source: g.Doc, Body: body})
			if err != nil {
				t.Fatal(err)
			}
			if a.PublishedString() != g.Published[0] || a.DateFrom != article.DateLine {
				t.Errorf("published %s (%s), want %s dateline", a.PublishedString(), a.DateFrom, g.Published[0])
			}
			lines := strings.SplitN(string(body), "\n", 3)
			if a.Title != strings.TrimSpace(lines[0]) {
				t.Errorf("title %q, want first line %q", a.Title, lines[0])
			}
			if a.Outlet != strings.TrimSpace(lines[1]) {
				t.Errorf("outlet %q, want %q", a.Outlet, lines[1])
			}
			for _, bp := range []string{"Copyright", "Read or Share this story", "JUST WATCHED", "Slideshow (", "Continue reading the main story", "Sign up for", "contributed to this report", "Â"} {
				if strings.Contains(a.Text, bp) {
					t.Errorf("boilerplate %q kept", bp)
				}
			}
			if wordCount(a.Text) < 150 {
				t.Errorf("text too short: %d words", wordCount(a.Text))
			}
		})
	}
}

func TestDateLines(t *testing.T) {
	tests := []struct{ line, want, rest string }{
		{" date 2025-11-04 + ↺ − 16 px", "2025-11-04", ""},
		{"Tuesday, Nov 18, 2025", "2025-11-18", ""},
		{"Nov. 05, 2024 • 3 min read", "2024-11-05", ""},
		{"Published 13 January 2016", "2016-01-13", ""},
		{"Wed, Feb 25, 2015", "2015-02-25", ""},
		{"25 Feb 2015", "2015-02-25", ""},
		{"2016-05-20", "2016-05-20", ""},
		{"May 08, 2018", "2018-05-08", ""},
		{"Fri, Sep 09, 2016", "2016-09-09", ""},
		{"Updated 10:30 AM EDT, March 3, 2019", "2019-03-03", ""},
		{"date 2026-01-26 Rubio’s call with al-Sudani comes as Iraq waits.", "2026-01-26", "Rubio’s call with al-Sudani comes as Iraq waits."},
		{"The talks of May 8, 2018 ended without a deal.", "", ""},
		{"On Tuesday, Nov 18, 2025 the minister arrived in Tehran for talks", "", ""},
		{"February 30, 2015", "", ""},
	}
	for _, tc := range tests {
		d, rest, ok := parseDateLine(tc.line)
		got := ""
		if ok {
			got = d.Format("2006-01-02")
		}
		if got != tc.want || rest != tc.rest {
			t.Errorf("parseDateLine(%q) = %q %q, want %q %q", tc.line, got, rest, tc.want, tc.rest)
		}
	}
}

func TestBodyDateIsNotDateLine(t *testing.T) {
	s := "Talks resume in Baghdad\n\nThe ministers met in Baghdad on May 8, 2018 and agreed to resume the talks that broke down last year, officials said.\n\nThey will meet again next month in Tehran, according to the statement released on Monday.\n"
	p := ParseText(s)
	if !p.Published.IsZero() || p.DateFrom != article.DateUnknown {
		t.Fatalf("body date taken as publication date: %v %q", p.Published, p.DateFrom)
	}
	if p.Title != "Talks resume in Baghdad" {
		t.Errorf("title %q", p.Title)
	}
}

func TestURLDate(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://www.cnn.com/2023/11/06/politics/x/index.html", "2023-11-06"},
		{"https://example.com/news/20231106/story.html", "2023-11-06"},
		{"https://example.com/2023-11-06-story", "2023-11-06"},
		{"https://time.com/6330957/james-hansen/", ""},
		{"https://example.com/2023/13/40/x", ""},
		{"2023/11/06", ""},
	}
	for _, tc := range tests {
		d, ok := urlDate(tc.url)
		got := ""
		if ok {
			got = d.Format("2006-01-02")
		}
		if got != tc.want {
			t.Errorf("urlDate(%q) = %q, want %q", tc.url, got, tc.want)
		}
	}
}

// A document of one line, with no date and no full stop, is a snippet: its
// line is its text, not only its title.
func TestOneLineDocument(t *testing.T) {
	for _, body := range []string{
		"Rebels in the north agree to hand over their weapons to the regional council",
		"Border guards detain two fishermen off the southern coast\n",
		"The ministry recalled its ambassador over the dispute.",
	} {
		a, err := Extract(context.Background(), Input{Source: "snippet.txt", Body: []byte(body)})
		if err != nil {
			t.Fatalf("%q: %v", body, err)
		}
		if a.Text != strings.TrimSpace(body) {
			t.Errorf("text %q, want the line %q", a.Text, body)
		}
	}
}
