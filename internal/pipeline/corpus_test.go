package pipeline_test

import (
	"fmt"
	"github.com/dyad-project/dyad/internal/testutil"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
)

// baseDoc is one real article split into its head (title, outlet, date
// lines: short lines before the first real paragraph) and its paragraphs.
type baseDoc struct {
	head  []string
	paras []string
}

func loadBaseDocs(tb testing.TB) []baseDoc {
	tb.Helper()
	var docs []baseDoc
	for _, sub := range []string{"corpus/seeds", "corpus/news-dev"} {
		files, err := filepath.Glob(filepath.Join(testutil.SharedDir(tb, sub), "*.txt"))
		if err != nil {
			tb.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			var d baseDoc
			for _, line := range strings.Split(string(b), "\n") {
				line = strings.TrimSpace(line)
				switch {
				case line == "":
				case len(d.paras) == 0 && len(strings.Fields(line)) < 12:
					d.head = append(d.head, line)
				default:
					d.paras = append(d.paras, line)
				}
			}
			if len(d.paras) > 0 {
				docs = append(docs, d)
			}
		}
	}
	if len(docs) == 0 {
		tb.Skip("no corpus texts")
	}
	return docs
}

// targetSize is the length a generated article grows to: a typical news
// story once extracted.
const targetSize = 4 << 10

// genArticles makes n distinct articles from the base docs, the same n for
// the same seed: article i keeps the head of base doc i mod len(docs) (so its
// date line survives), then its paragraphs shuffled, then paragraphs of other
// docs until it reaches targetSize. A rare repeat is shuffled again.
func genArticles(tb testing.TB, docs []baseDoc, n int, seed uint64) []string {
	tb.Helper()
	rng := rand.New(rand.NewPCG(seed, 0x6479616420))
	seen := make(map[string]bool, n)
	out := make([]string, 0, n)
	for i := 0; len(out) < n; i++ {
		if i > 4*n {
			tb.Fatalf("cannot make %d distinct articles from %d docs", n, len(docs))
		}
		base := docs[len(out)%len(docs)]
		paras := append([]string(nil), base.paras...)
		rng.Shuffle(len(paras), func(a, b int) { paras[a], paras[b] = paras[b], paras[a] })
		var sb strings.Builder
		for _, h := range base.head {
			sb.WriteString(h + "\n\n")
		}
		for _, p := range paras {
			if sb.Len() >= targetSize {
				break
			}
			sb.WriteString(p + "\n\n")
		}
		for sb.Len() < targetSize {
			other := docs[rng.IntN(len(docs))]
			sb.WriteString(other.paras[rng.IntN(len(other.paras))] + "\n\n")
		}
		text := sb.String()
		h := article.ContentHash(text)
		if seen[h] {
			continue
		}
		seen[h] = true
		out = append(out, text)
	}
	return out
}

// writeArticles writes texts as numbered .txt files into dir.
func writeArticles(tb testing.TB, dir string, texts []string) {
	tb.Helper()
	for i, t := range texts {
		name := filepath.Join(dir, fmt.Sprintf("gen-%05d.txt", i))
		if err := os.WriteFile(name, []byte(t), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// TestGeneratedCorpus checks the benchmark corpus: deterministic, distinct
// hashes, about targetSize each. With DYAD_GEN_DIR set it also writes
// DYAD_GEN_N (default 1000) articles there, for measuring the binary:
//
//	DYAD_GEN_DIR=/tmp/gen go test ./internal/pipeline -run GeneratedCorpus
func TestGeneratedCorpus(t *testing.T) {
	docs := loadBaseDocs(t)
	a := genArticles(t, docs, 300, 1)
	b := genArticles(t, docs, 300, 1)
	c := genArticles(t, docs, 300, 2)
	hashes := map[string]bool{}
	same := 0
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("article %d differs between two runs with the same seed", i)
		}
		if a[i] == c[i] {
			same++
		}
		if n := len(a[i]); n < targetSize || n > 4*targetSize {
			t.Errorf("article %d is %d bytes, want about %d", i, n, targetSize)
		}
		hashes[article.ContentHash(a[i])] = true
	}
	if len(hashes) != len(a) {
		t.Errorf("%d distinct hashes for %d articles", len(hashes), len(a))
	}
	if same > len(a)/2 {
		t.Errorf("seed 2 repeats %d of %d articles of seed 1", same, len(a))
	}
	if dir := os.Getenv("DYAD_GEN_DIR"); dir != "" {
		n := 1000
		if s := os.Getenv("DYAD_GEN_N"); s != "" {
			var err error
			if n, err = strconv.Atoi(s); err != nil {
				t.Fatalf("DYAD_GEN_N: %v", err)
			}
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		writeArticles(t, dir, genArticles(t, docs, n, 1))
	}
}
