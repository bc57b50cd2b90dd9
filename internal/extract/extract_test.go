package extract

import (
	"bytes"
	"context"
	"errors"
	"github.com/dyad-project/dyad/internal/testutil"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dyad-project/dyad/internal/article"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

const arabicSample = "أعلنت وزارة الخارجية العراقية اليوم أن الوزير سيزور طهران الأسبوع المقبل لبحث العلاقات الثنائية بين البلدين والتطورات الإقليمية في المنطقة."

func TestBadInput(t *testing.T) {
	win1256, err := charmap.Windows1256.NewEncoder().String(arabicSample)
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("Iraq warns militias\n\nThe minister said the talks would resume next week in Baghdad, according to a statement issued by his office on Monday evening after the meeting with the envoy.")
	if err != nil {
		t.Fatal(err)
	}
	latin1, _ := charmap.ISO8859_1.NewEncoder().String("Café talks in Genève\n\nLe ministre a déclaré que les négociations reprendront la semaine prochaine à Genève, selon un communiqué publié lundi.")
	// One 2 MB line of prose. (One word repeated is junk: readable_test.go.)
	huge := strings.Repeat("Officials said the talks in Baghdad would go on. ", 42000)
	tests := []struct {
		name        string
		body        []byte
		contentType string
		err         error
		text, lang  string // substring expected in Text; language
	}{
		{name: "empty", body: nil, err: ErrEmpty},
		{name: "whitespace", body: []byte(" \n\t\r\n  "), err: ErrEmpty},
		{name: "png", body: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), err: ErrBinary},
		{name: "pdf", body: []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), err: ErrBinary},
		{name: "gzip", body: []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00"), err: ErrBinary},
		{name: "nul bytes", body: []byte("some text\x00\x00\x00more text\x00 here"), err: ErrBinary},
		{name: "control chars", body: bytes.Repeat([]byte{1, 2, 3, 'a', 4, 5}, 100), err: ErrBinary},
		{name: "only punctuation", body: []byte("— — — 0:00 ×"), err: ErrNoText},
		{name: "invalid utf-8 repaired", body: []byte("Iraq warns militias\n\nThe minister said \xff\xfe the talks would resume next week in Baghdad, officials said on Monday.\n\nBaghdad’s statement was brief."),
			text: "the talks would resume next week in Baghdad", lang: "en"},
		{name: "windows-1256 declared", body: []byte(win1256), contentType: "text/plain; charset=windows-1256", text: "وزارة الخارجية", lang: "ar"},
		{name: "windows-1256 sniffed", body: []byte(win1256), text: "وزارة الخارجية", lang: "ar"},
		{name: "windows-1256 html meta", body: []byte(`<html><head><meta charset="windows-1256"><title>x</title></head><body><article><p>` + win1256 + `</p><p>` + win1256 + `</p></article></body></html>`), text: "وزارة الخارجية", lang: "ar"},
		{name: "utf-16 bom", body: []byte(utf16), text: "talks would resume", lang: "en"},
		{name: "latin-1 declared", body: []byte(latin1), contentType: "text/plain; charset=iso-8859-1", text: "négociations reprendront", lang: "fr"},
		{name: "broken html", body: []byte("<html><body><div><p>Iraqi forces clashed with militias in Basra on Monday, officials said, and the fighting went on for hours.<p>Unclosed <b>tags <i>everywhere</div></span></table><p>More text here about the clashes in the city of Basra and the response."), contentType: "text/html", text: "clashed with militias in Basra"},
		{name: "html tags only", body: []byte("<html><body><div></div><script>var x=1;</script></body></html>"), err: ErrNoText},
		{name: "huge single line", body: []byte(huge), text: "would go on. Officials"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Extract(context.Background(), Input{Source: "doc-" + tc.name, Body: tc.body, ContentType: tc.contentType})
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("err %v, want %v", err, tc.err)
				}
				if !strings.Contains(err.Error(), "doc-"+tc.name) {
					t.Errorf("error %q does not name the source", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !utf8.ValidString(a.Text) {
				t.Error("text is not valid UTF-8")
			}
			if !strings.Contains(a.Text, tc.text) {
				t.Errorf("text %.200q lacks %q", a.Text, tc.text)
			}
			if tc.lang != "" && a.Language != tc.lang {
				t.Errorf("language %q, want %q", a.Language, tc.lang)
			}
		})
	}
}

func TestCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Extract(ctx, Input{Source: "x", Body: []byte("text")}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
}

func TestHint(t *testing.T) {
	body := []byte("Some headline about Iraq and Iran\n\nThe minister said on Monday that the talks with Tehran would resume next week in Baghdad, officials said.\n")
	feedDay := article.Day(mustDay(t, "2024-03-02"))
	in := Input{Source: "feed-item", URL: "https://example.com/2024/03/01/story", Body: body,
		Hint: article.Article{Title: "Feed title", Published: feedDay, DateFrom: article.DateFeed}}
	a, err := Extract(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Feed title" || a.PublishedString() != "2024-03-02" || a.DateFrom != article.DateFeed {
		t.Errorf("hint lost: %q %s %s", a.Title, a.PublishedString(), a.DateFrom)
	}
	if a.Outlet != "example.com" {
		t.Errorf("outlet from host %q", a.Outlet)
	}
	in.Hint = article.Article{}
	a, err = Extract(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if a.PublishedString() != "2024-03-01" || a.DateFrom != article.DateURL {
		t.Errorf("URL date: %s %s", a.PublishedString(), a.DateFrom)
	}
	// A crawler record with text only and no body.
	a, err = Extract(context.Background(), Input{Source: "jsonl:3", Hint: article.Article{Text: string(body)}})
	if err != nil || !strings.Contains(a.Text, "talks with Tehran") || a.HasDate() || a.DateFrom != article.DateUnknown {
		t.Errorf("text-only hint: %v %+v", err, a)
	}
}

func TestLanguageArabic(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(testutil.SharedDir(t, "corpus/news-ar"), "ar*.txt"))
	if len(files) == 0 {
		t.Skip("no Arabic articles")
	}
	for _, f := range files {
		a, err := Extract(context.Background(), Input{Source: f, Body: readFile(t, f)})
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if a.Language != "ar" {
			t.Errorf("%s: language %q", filepath.Base(f), a.Language)
		}
		// These files open with "key: value" front matter.
		raw := string(readFile(t, f))
		if title := frontValue(raw, "title"); a.Title != title {
			t.Errorf("%s: title %q, want %q", filepath.Base(f), a.Title, title)
		}
		if date := frontValue(raw, "date"); a.PublishedString() != date {
			t.Errorf("%s: published %q, want %q", filepath.Base(f), a.PublishedString(), date)
		}
		if strings.Contains(a.Text, "source_repo:") || strings.Contains(a.Text, "اقرأ أيضا") {
			t.Errorf("%s: front matter or read-also links kept", filepath.Base(f))
		}
	}
	tests := []struct{ text, want string }{
		{"این یک متن فارسی است که درباره گفتگوهای ایران و عراق در پایتخت نوشته شده و چند کلمه دیگر هم دارد.", "fa"},
		{"Der Minister sagte am Montag, dass die Gespräche in der nächsten Woche in Bagdad fortgesetzt werden.", "de"},
		{"12345 — 678", ""},
		// English by its function words, without the trigram detector
		{"Dhurata Ali said that despite their deteriorating health conditions, they will not end the strike.", "en"},
		{"The minister said on Monday that the talks with the delegation would resume in Baghdad after the holiday.", "en"},
		// other Latin-script languages quoting English still go to it
		{"Le ministre a déclaré lundi que « the talks » reprendraient à Bagdad la semaine prochaine après les fêtes.", "fr"},
		{"De minister zei maandag dat de gesprekken met de delegatie na de feestdagen in Bagdad worden hervat.", "nl"},
	}
	for _, tc := range tests {
		if got := Language(tc.text); got != tc.want {
			t.Errorf("Language(%.30q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestSimHashNear(t *testing.T) {
	dir := testutil.SharedDir(t, "corpus/news-dev")
	a := ParseText(string(readFile(t, filepath.Join(dir, "news-017.txt")))).Text
	b := ParseText(string(readFile(t, filepath.Join(dir, "news-019.txt")))).Text
	syndicated := "Reprinted from The New York Times\n\n" + strings.ReplaceAll(a, "\n\n", "\n") +
		"\n\nSign up for our daily briefing. Copyright 2015 The New York Times Company. All rights reserved."
	if d := hamming(SimHash(a), SimHash(syndicated)); !Near(SimHash(a), SimHash(syndicated)) {
		t.Errorf("syndicated copy not near: distance %d", d)
	}
	if d := hamming(SimHash(a), SimHash(b)); Near(SimHash(a), SimHash(b)) || d < 10 {
		t.Errorf("different articles near: distance %d", d)
	}
	if SimHash("") != 0 || SimHash("one") == 0 {
		t.Error("degenerate inputs")
	}
}

func frontValue(s, key string) string {
	for _, l := range strings.Split(s, "\n") {
		if v, ok := strings.CutPrefix(l, key+": "); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func hamming(a, b uint64) int {
	n := 0
	for x := a ^ b; x != 0; x &= x - 1 {
		n++
	}
	return n
}

func mustDay(t *testing.T, s string) (d time.Time) {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// A language the crawler record declares is kept; without one it is
// detected.
func TestDeclaredLanguageKept(t *testing.T) {
	text := "Border guards detained two fishermen near the northern islands on Sunday, officials said."
	a, err := Extract(context.Background(), Input{Source: "rec.jsonl#1", Hint: article.Article{Text: text, Language: "en"}})
	if err != nil || a.Language != "en" {
		t.Fatalf("declared en: got %q (%v)", a.Language, err)
	}
	a, err = Extract(context.Background(), Input{Source: "rec.jsonl#2", Hint: article.Article{Text: text}})
	if err != nil || a.Language != "en" {
		t.Errorf("undeclared: got %q (%v), want en detected", a.Language, err)
	}
}

// A crawler record's text that is HTML goes through the HTML extractor,
// whatever content type the reader gave it and whether or not the record
// has a url (issue 17: a url sent it through the plain-text parser, markup
// and all).
func TestRecordHTMLWithURL(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Talks resume in Oman</title>
<meta property="og:site_name" content="Gulf Wire"></head><body><nav>Home | World | Sport</nav>
<article><h1>Talks resume in Oman</h1>
<p>Iranian and American negotiators met in Muscat on Tuesday for a third round of indirect talks on the nuclear programme, officials said.</p>
<p>The Omani foreign minister carried messages between the two delegations, which sat in separate rooms of the same palace.</p>
<p>Both sides described the meeting as constructive and agreed to meet again next week, according to a statement.</p>
</article><footer>© Gulf Wire</footer></body></html>`
	for _, c := range []struct{ name, url, ct string }{
		{"url, text/plain", "https://gulfwire.example/2026/03/03/talks", "text/plain; charset=utf-8"},
		{"no url, text/plain", "", "text/plain; charset=utf-8"},
		{"url, no type", "https://gulfwire.example/2026/03/03/talks", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			hint := article.Article{Source: "crawl.jsonl:1", URL: c.url, Text: page}
			a, err := Extract(context.Background(), Input{Source: "crawl.jsonl:1", URL: c.url, ContentType: c.ct, Hint: hint})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(a.Text, "<") || strings.Contains(a.Text, "Home | World") || !strings.Contains(a.Text, "negotiators met in Muscat") {
				t.Errorf("text kept markup or chrome:\n%s", a.Text)
			}
			if a.Title != "Talks resume in Oman" {
				t.Errorf("title %q", a.Title)
			}
		})
	}
	// plain text stays plain text
	hint := article.Article{Source: "crawl.jsonl:2", URL: "https://x.example/a", Text: "Iran and the US met in Muscat on Tuesday, officials said.\nThey will meet again."}
	a, err := Extract(context.Background(), Input{Source: "crawl.jsonl:2", URL: hint.URL, ContentType: "text/plain; charset=utf-8", Hint: hint})
	if err != nil || !strings.Contains(a.Text, "They will meet again.") {
		t.Fatalf("plain record: %v %+v", err, a)
	}
}
