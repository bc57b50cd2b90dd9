package timex

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// newsDev is the news-dev corpus, read in place from the shared tree.
func newsDev(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "corpus", "news-dev")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("news-dev corpus not found at %s: %v", dir, err)
	}
	return dir
}

type article struct {
	ref       time.Time
	sentences []string
}

// readArticle takes the reference from the date line (third line) and
// splits the body into rough sentences.
func readArticle(t *testing.T, path string) article {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	var a article
	if len(lines) > 2 {
		for _, x := range Find(lines[2], time.Time{}, Options{}) {
			if x.Window.Precision == Day {
				a.ref = x.Window.Start
				break
			}
		}
	}
	for _, l := range lines {
		for _, s := range strings.SplitAfter(l, ". ") {
			if s = strings.TrimSpace(s); s != "" {
				a.sentences = append(a.sentences, s)
			}
		}
	}
	return a
}

func checkExprs(t *testing.T, where, s string, xs []Expr) {
	t.Helper()
	end := 0
	for _, x := range xs {
		if x.Start < end || x.End <= x.Start || x.End > len(s) || s[x.Start:x.End] != x.Text {
			t.Errorf("%s: bad offsets %d:%d for %q in %q", where, x.Start, x.End, x.Text, s)
		}
		end = x.End
		if !x.Window.IsZero() && x.Window.End.Before(x.Window.Start) {
			t.Errorf("%s: %q window %v ends before it starts", where, x.Text, x.Window)
		}
	}
}

// TestCorpus runs Find on every sentence of news-dev, in both tenses and
// with each expression as the anchor of the next; every date line must
// yield the reference, and every non-anchored expression must resolve.
func TestCorpus(t *testing.T) {
	dir := newsDev(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skip("news-dev corpus is empty")
	}
	n := 0
	for _, f := range files {
		a := readArticle(t, f)
		if a.ref.IsZero() {
			t.Errorf("%s: no date found in the date line", filepath.Base(f))
			continue
		}
		anchor := dayW(a.ref)
		for _, s := range a.sentences {
			n++
			for _, future := range []bool{false, true} {
				xs := Find(s, a.ref, Options{Future: future, Anchor: anchor})
				checkExprs(t, filepath.Base(f), s, xs)
				for _, x := range xs {
					if x.Window.IsZero() {
						t.Errorf("%s: %q unresolved against %s", filepath.Base(f), x.Text, a.ref.Format(time.DateOnly))
					} else if !future {
						anchor = x.Window
					}
				}
			}
		}
	}
	t.Logf("%d sentences in %d articles", n, len(files))
}

// TestCorpusGoldPhrases checks the phrases the gold reference notes resolve;
// the first expression of the article containing the phrase is taken.
func TestCorpusGoldPhrases(t *testing.T) {
	dir := newsDev(t)
	f, err := os.Open(filepath.Join("testdata", "news-dev-phrases.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cache := map[string]article{}
	sc := bufio.NewScanner(f)
	rows := 0
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 5 {
			t.Fatalf("bad row %q", line)
		}
		rows++
		doc, phrase, future := c[0], c[1], c[2] == "1"
		gold := Window{mustDay(t, c[3]), mustDay(t, c[4]), ""}
		a, ok := cache[doc]
		if !ok {
			a = readArticle(t, filepath.Join(dir, doc))
			cache[doc] = a
		}
		x, found := findPhrase(a, phrase, future)
		switch {
		case !found:
			t.Errorf("%s: %q not found", doc, phrase)
		case !scoreOK(x.Window, gold):
			t.Errorf("%s: %q (future %v) resolved to %v, gold %s/%s", doc, phrase, future, x.Window, c[3], c[4])
		}
	}
	if rows < 40 {
		t.Fatalf("only %d rows", rows)
	}
}

func findPhrase(a article, phrase string, future bool) (Expr, bool) {
	for _, s := range a.sentences {
		for _, x := range Find(s, a.ref, Options{Future: future}) {
			if strings.Contains(x.Text, phrase) {
				return x, true
			}
		}
	}
	return Expr{}, false
}

// scoreOK applies the date rule of tools/score_events.py.
func scoreOK(w, gold Window) bool {
	if w.IsZero() {
		return false
	}
	mid := w.Start.Add(w.End.Sub(w.Start) / 2)
	if mid.Before(gold.Start) || mid.After(gold.End.Add(24*time.Hour-1)) {
		return false
	}
	return w.Days() <= gold.Days()+31
}
