package extract

import (
	"fmt"
	"github.com/dyad-project/dyad/internal/testutil"
	"hash/fnv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// FuzzExtractText checks the text-page parser on arbitrary bytes, raw and
// after charset decoding: no panic, valid UTF-8 text, paragraph offsets
// that are ordered, inside the input and point at trimmed non-empty text.
//
//	go test ./internal/extract -run '^$' -fuzz FuzzExtractText -fuzztime 1m
func FuzzExtractText(f *testing.F) {
	f.Add([]byte(" date 2025-11-04 + ↺ − 16 px\n\nBody text here. It is long enough to count as prose, surely.\n"))
	f.Add([]byte("Arab Press\n\nTuesday, Nov 18, 2025\n\nTitle Title\nTitle Title\n\nRelated Articles\nA B C\nD E F\n×"))
	f.Add([]byte("— The Cradle (@TheCradleMedia) November 2, 2025\nx pic.twitter.com/abc\n"))
	f.Add([]byte("Â \xff\xfe\n\r\n\u00a0Â"))
	for _, sub := range []string{"seeds", "news-dev"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", sub, "*.txt"))
		for _, file := range files[:min(len(files), 3)] {
			if b, err := os.ReadFile(file); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		done := make(chan struct{})
		defer close(done)
		go func() {
			select {
			case <-done:
			case <-time.After(3 * time.Second):
				panic(fmt.Sprintf("slow input %q", b))
			}
		}()
		decoded, _ := decode(b, "")
		for _, s := range []string{string(b), decoded} {
			p := ParseText(s)
			if !utf8.ValidString(p.Text) {
				t.Fatalf("invalid UTF-8 text %q", p.Text)
			}
			prev := 0
			for _, sp := range p.Paragraphs {
				if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
					t.Fatalf("bad span %+v after %d in %d bytes", sp, prev, len(s))
				}
				if seg := s[sp.Start:sp.End]; strings.TrimSpace(seg) != seg || seg == "" {
					t.Fatalf("span %+v is not a trimmed line: %q", sp, seg)
				}
				prev = sp.End
			}
			if len(p.Paragraphs) == 0 && p.Text != "" {
				t.Fatalf("text without paragraphs: %q", p.Text)
			}
			if !p.Published.IsZero() && p.DateFrom == "" {
				t.Fatal("date without source")
			}
		}
	})
}

// reCaptionWhole is the caption pattern as one expression over the whole
// line, as it was before isChrome matched on the line's head.
var reCaptionWhole = regexp.MustCompile(`(?i)^(?:file\s*[-–—:]\s*)?in this [^.]{0,80}\bphoto\b|^\[[^\]]{3,160}\]$`)

// FuzzChromeShortcuts checks that the literal guards and line heads that
// spare the text-page parser its regular expressions decide as the whole
// expressions on the whole line do.
//
//	go test ./internal/extract -run '^$' -fuzz FuzzChromeShortcuts -fuzztime 1m
func FuzzChromeShortcuts(f *testing.F) {
	for _, s := range []string{"Copyright 2024 Reuters", "Photo: AP", "photo   ", "PHOTOS   of the day",
		"المصدر   : وكالات", "In this Thursday, Dec. 28, 2017 file photo, a man", "[Read: the other story]",
		"… Hide Caption 1 of 10 Photos: …", "She is a reporter who covers politics", "Tuesday, Nov 18, 2025",
		strings.Repeat("word ", 30) + "copyright", "updated: Monday" + strings.Repeat(" ", 120) + ":"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if strings.ContainsAny(line, "ſK") {
			t.Skip() // (?i) folds these two into s and k; the literal guards are ASCII
		}
		h := head(line, 96)
		for _, re := range []*regexp.Regexp{chromePrefix, shoutPrefix, labelPrefix} {
			if re.MatchString(line) != re.MatchString(h) {
				t.Fatalf("%v: line %q, head %q disagree", re, line, h)
			}
		}
		if want, got := reCaptionWhole.MatchString(line), bracketLink(line) || reCaptionIntro.MatchString(head(line, 400)); want != got {
			t.Fatalf("caption %q: %v, want %v", line, got, want)
		}
		if galleryLine.MatchString(line) && !containsFold(line, "hide caption") {
			t.Fatalf("gallery guard misses %q", line)
		}
		if bioCue.MatchString(line) != bioCued(line) {
			t.Fatalf("bio guard %q: %v", line, bioCued(line))
		}
		if !hasYear(line) && (reISO.MatchString(line) || reMDY.MatchString(line) || reDMY.MatchString(line)) {
			t.Fatalf("year guard misses %q", line)
		}
	})
}

// simHashRef is SimHash as first written: the lower-cased text split into
// a slice of words, shingles hashed with hash/fnv.
func simHashRef(text string) uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	const k = 3
	var acc [64]int
	seen := map[uint64]bool{}
	h := fnv.New64a()
	for i := 0; i+k <= len(words) || (i == 0 && len(words) > 0); i++ {
		end := min(i+k, len(words))
		h.Reset()
		for _, w := range words[i:end] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		f := mix(h.Sum64())
		if seen[f] {
			continue
		}
		seen[f] = true
		for b := range 64 {
			if f&(1<<b) != 0 {
				acc[b]++
			} else {
				acc[b]--
			}
		}
	}
	var sig uint64
	for b := range 64 {
		if acc[b] > 0 {
			sig |= 1 << b
		}
	}
	return sig
}

// wordCountRef is wordCount as first written, over strings.Fields.
func wordCountRef(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if hasLetter(f) {
			n++
		}
	}
	return n
}

// FuzzCounting checks the in-place SimHash and wordCount against the
// slice-building versions they replace: signatures are stored, so they
// must not change.
//
//	go test ./internal/extract -run '^$' -fuzz FuzzCounting -fuzztime 1m
func FuzzCounting(f *testing.F) {
	for _, s := range []string{"", "one", "one two", "One two three", "İstanbul ǅ ΣΑΣ \xff a-b 12 x\u00a0y\u2003z",
		"The minister said on Monday that talks would resume.", "a a a a a a", "\u0085tab\tnew\nline"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := SimHash(s), simHashRef(s); got != want {
			t.Fatalf("SimHash(%q) = %x, want %x", s, got, want)
		}
		if got, want := wordCount(s), wordCountRef(s); got != want {
			t.Fatalf("wordCount(%q) = %d, want %d", s, got, want)
		}
	})
}

// TestCountingCorpus compares them on every corpus text.
func TestCountingCorpus(t *testing.T) {
	for _, sub := range []string{"corpus/seeds", "corpus/news-dev", "corpus/news-ar"} {
		files, _ := filepath.Glob(filepath.Join(testutil.SharedDir(t, sub), "*.txt"))
		for _, file := range files {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			s := string(b)
			if SimHash(s) != simHashRef(s) {
				t.Errorf("%s: SimHash differs", file)
			}
			for _, l := range strings.Split(s, "\n") {
				if wordCount(l) != wordCountRef(l) {
					t.Errorf("%s: wordCount(%q) differs", file, l)
				}
			}
		}
	}
}

// FuzzBlockText checks the text of a parsed HTML tree: every non-space
// character of its text nodes kept in order, one block a line, no line
// starting or ending in a space, and language detection on it not failing.
//
//	go test ./internal/extract -run '^$' -fuzz FuzzBlockText -fuzztime 1m
func FuzzBlockText(f *testing.F) {
	for _, s := range []string{"<p>a</p><p>b</p>", "<p>He <b>said</b>: no<br>yes</p>", "<table><tr><td>x</td><td>y</td></tr></table>",
		"<ul><li> one </li><li>two\n</li></ul>", "<div><p></p><p>  </p>text</div>", "<pre>a\n\nb</pre><script>x</script>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := html.Parse(strings.NewReader(s))
		if err != nil {
			return
		}
		got := blockText(doc)
		var all strings.Builder
		for n := range doc.Descendants() {
			if n.Type == html.TextNode {
				all.WriteString(n.Data)
			}
		}
		if !sameNonSpace(strings.Map(asciiSpaceOnly, got), strings.Map(asciiSpaceOnly, all.String())) {
			t.Fatalf("blockText(%q) = %q lost or added characters of %q", s, got, all.String())
		}
		for _, l := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
			if got != "" && (l == "" || strings.TrimSpace(l) != l) {
				t.Fatalf("blockText(%q) = %q: line %q", s, got, l)
			}
		}
		_ = Language(got)
	})
}

// asciiSpaceOnly makes every Unicode space an ASCII one: blockText splits
// words on any of them, sameNonSpace skips only ASCII ones.
func asciiSpaceOnly(r rune) rune {
	if unicode.IsSpace(r) {
		return ' '
	}
	return r
}
