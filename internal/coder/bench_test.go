package coder

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/syntax"
)

// newsCorpus builds n articles of about 4 KB from the paragraphs of the
// shared development corpus, shuffled with a fixed seed: real news prose
// (names, dates, quotations) rather than one sentence repeated, and the
// same articles on every run.
func newsCorpus(b *testing.B, n int) []*article.Article {
	b.Helper()
	var paras []string
	for _, set := range []string{"news-dev", "seeds"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", set, "*.txt"))
		for _, f := range files {
			body, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			for _, p := range strings.Split(string(body), "\n\n") {
				if p = strings.TrimSpace(p); len(p) > 150 {
					paras = append(paras, p)
				}
			}
		}
	}
	if len(paras) == 0 {
		b.Skip("../shared/corpus not found beside the repository: no news paragraphs to build the benchmark corpus from")
	}
	r := rand.New(rand.NewPCG(1, 2))
	arts := make([]*article.Article, n)
	for i := range arts {
		var sb strings.Builder
		for sb.Len() < 4000 {
			sb.WriteString(paras[r.IntN(len(paras))])
			sb.WriteString("\n\n")
		}
		arts[i] = &article.Article{Source: fmt.Sprintf("bench-%04d.txt", i), Text: sb.String(),
			Published: day("2020-03-10").AddDate(0, 0, r.IntN(60))}
	}
	return arts
}

// BenchmarkCodeNews codes ≈4 KB news articles on every core and reports
// articles/s and the heap in use after a collection at the end.
func BenchmarkCodeNews(b *testing.B) {
	codeNews(b, defaultCoder(b))
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MB")
}

// codeNews codes the benchmark's news articles on every core with c and
// reports articles/s.
func codeNews(b *testing.B, c *Coder) {
	arts := newsCorpus(b, 500)
	var size int64
	for _, a := range arts {
		size += int64(len(a.Text))
	}
	b.SetBytes(size / int64(len(arts)))
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			c.Code(arts[i%len(arts)])
			i++
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkCodeNewsParsed is BenchmarkCodeNews with the dependency parser,
// which reads the sentences that hold a trigger: compare the two in one
// run (go test ./internal/coder -run '^$' -bench 'CodeNews' -cpu 2).
func BenchmarkCodeNewsParsed(b *testing.B) {
	m, err := syntax.Load()
	if err != nil {
		b.Fatal(err)
	}
	codeNews(b, defaultCoder(b).WithParser(SyntaxParser(m)))
}
