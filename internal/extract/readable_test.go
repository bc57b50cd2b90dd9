package extract

import (
	"context"
	"errors"
	"github.com/dyad-project/dyad/internal/testutil"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// Junk read as documents is refused with its reason (testdata/junk, and
// generated inputs too big to keep), the batch's other documents are not
// this test's business.
func TestJunkRefused(t *testing.T) {
	tests := []struct {
		file string
		err  error
		why  string // in the error text
	}{
		{"feed.rss", ErrNotProse, "XML document (<rss>)"},
		{"script.svg", ErrNotProse, "XML document (<svg>)"},
		{"items.txt", ErrNotProse, "markup"},
		{"base64.txt", ErrNotProse, "tokens longer than"},
		{"data.json", ErrNotProse, "letters"},
		{"urls.txt", nil, ""}, // link lines are page chrome: no text is left
		{"hex.txt", ErrNotProse, ""},
		{"undecodable.txt", ErrUndecodable, "undecodable"},
		{"bom-garbage.txt", ErrUndecodable, "undecodable"}, // a UTF-16 mark before bytes that are not UTF-16
		{"one-word.txt", nil, ""},                          // any refusal: a lone word is no article
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("testdata", "junk", tc.file)
			a, err := Extract(context.Background(), Input{Source: path, Body: readFile(t, path)})
			if err == nil {
				t.Fatalf("stored as an article: %.200q", a.Text)
			}
			if tc.err != nil && !errors.Is(err, tc.err) || !strings.Contains(err.Error(), tc.why) ||
				!strings.Contains(err.Error(), path) {
				t.Errorf("error %q, want %v naming the file and saying %q", err, tc.err, tc.why)
			}
		})
	}
	// Smaller than the probe's 5 MB token and million lines, which
	// cmd/dyad's TestHostileCorpus ingests: the rules do not depend on size,
	// and the race detector makes megabytes slow here.
	generated := []struct {
		name string
		body string
		why  string
	}{
		{"1 MB single token", strings.Repeat("x", 1<<20), "tokens longer than"},
		{"200k a lines", strings.Repeat("a\n", 200_000), `"a" is 200000 of its 200000 words`},
		{"one word repeated on one line", strings.Repeat("word ", 100_000), `"word" is`},
		{"digits", strings.Repeat("12 345 6789 ", 1000), "no article text"},
	}
	for _, tc := range generated {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Extract(context.Background(), Input{Source: tc.name, Body: []byte(tc.body)})
			if err == nil || !strings.Contains(err.Error(), tc.why) {
				t.Errorf("error %v, want one saying %q", err, tc.why)
			}
		})
	}
}

// Real text, however short or whatever its script, passes the content
// check (testdata/prose: a PLV-style sentence, six words, Japanese, Thai,
// market figures, a long URL, quoted HTML).
func TestProseReadable(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "prose", "*.txt"))
	if len(files) < 10 {
		t.Fatalf("only %d prose samples", len(files))
	}
	for _, f := range files {
		if err := readable(string(readFile(t, f))); err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
		}
	}
}

// Every text of the shared corpora passes the content check as extracted:
// the one-sentence PLV documents, the seeds, news-dev and the Arabic news.
func TestCorporaReadable(t *testing.T) {
	for _, sub := range []string{"plv-train", "seeds", "news-dev", "news-ar"} {
		dir := testutil.SharedDir(t, filepath.Join("corpus", sub))
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		n := 0
		for _, f := range files {
			if fi, err := os.Stat(f); err != nil || !fi.Mode().IsRegular() || strings.HasSuffix(f, ".tsv") || strings.HasSuffix(f, ".md") {
				continue
			}
			a, err := Extract(context.Background(), Input{Source: f, Body: readFile(t, f)})
			if errors.Is(err, ErrNotProse) || errors.Is(err, ErrUndecodable) {
				t.Errorf("%s: %v", f, err)
			}
			if err == nil {
				n++
				if a.Text != stripControl(a.Text) {
					t.Errorf("%s: control characters left", f)
				}
			}
		}
		t.Logf("%s: %d documents pass", sub, n)
	}
}

func TestStripControl(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text\n\twith tab\r\n", "plain text\n\twith tab\r\n"},
		{"nul\x00here", "nulhere"},
		{"esc\x1b[31mred", "esc[31mred"},
		{"page\fbreak", "page\nbreak"},
		{"c1\u0085\u009fend", "c1end"},
		{"nonchar\uffff\ufffe", "nonchar"},
		{"Arabic نص and ünïcödé stay", "Arabic نص and ünïcödé stay"},
	}
	for _, tc := range tests {
		if got := stripControl(tc.in); got != tc.want {
			t.Errorf("stripControl(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// A NUL past the first 4 KB (which the binary sniff looks at) is dropped,
// and the rest of the document is kept.
func TestLateNULStripped(t *testing.T) {
	body := strings.Repeat("The minister met the envoy in Baghdad on Monday to discuss the talks.\n\n", 80) + "Late\x00 NUL\x01 here.\n"
	a, err := Extract(context.Background(), Input{Source: "late-nul.txt", Body: []byte(body)})
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(a.Text, "\x00\x01") || !strings.Contains(a.Text, "Late NUL here.") {
		t.Errorf("text ends %q", a.Text[max(0, len(a.Text)-40):])
	}
}

func TestXMLRoot(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<?xml version="1.0"?><rss version="2.0">`, "rss"},
		{"\ufeff  <!-- c --><!DOCTYPE svg><svg width='1'>", "svg"},
		{`<feed xmlns="http://www.w3.org/2005/Atom">`, "feed"},
		{`<?xml version="1.0"?><catalog>`, "catalog"},
		{`<b>Breaking</b> news from Basra`, ""},
		{`Plain text <rss> later`, ""},
		{`<?xml`, ""},
	}
	for _, tc := range tests {
		if got := xmlRoot(tc.in); got != tc.want {
			t.Errorf("xmlRoot(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzReadable checks the content check and its helpers on arbitrary
// input: no panic; stripControl leaves no control character, keeps valid
// UTF-8 valid and is idempotent; a refusal wraps one of the two reasons.
//
//	go test ./internal/extract -run '^$' -fuzz FuzzReadable -fuzztime 30s
func FuzzReadable(f *testing.F) {
	for _, dir := range []string{"junk", "prose"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*"))
		for _, file := range files {
			if b, err := os.ReadFile(file); err == nil {
				f.Add(string(b))
			}
		}
	}
	f.Add("a\na\na\n")
	f.Add("<?xml version='1.0'?><!-- x --><!DOCTYPE y><svg/>")
	f.Add("nul\x00\x1b\u0085\ufffe\f end")
	f.Fuzz(func(t *testing.T, s string) {
		clean := stripControl(s)
		for _, r := range clean {
			if isStripped(r) || r == '\f' {
				t.Fatalf("stripControl left %U in %q", r, clean)
			}
		}
		if stripControl(clean) != clean {
			t.Fatalf("stripControl not idempotent on %q", s)
		}
		if utf8.ValidString(s) && !utf8.ValidString(clean) {
			t.Fatalf("stripControl broke UTF-8: %q", s)
		}
		if err := readable(clean); err != nil && !errors.Is(err, ErrNotProse) && !errors.Is(err, ErrUndecodable) {
			t.Fatalf("readable: unexpected error %v", err)
		}
		_ = xmlRoot(s)
	})
}

// BenchmarkReadable measures the content check on the news-dev texts: it
// runs on every document, so it must stay a small share of extraction.
func BenchmarkReadable(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(testutil.SharedDir(b, "corpus/news-dev"), "*.txt"))
	var text []byte
	for _, f := range files {
		text = append(text, readFile(b, f)...)
	}
	s := string(text)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		_ = readable(s)
	}
}
