package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
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
