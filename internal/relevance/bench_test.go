package relevance

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
)

// BenchmarkJudge: the gate's cost on a ~250-word news report and on a
// 20-times longer text, against the coder's ~10 ms per 4 KB article.
//
//	go test ./internal/relevance -run '^$' -bench Judge -benchmem
func BenchmarkJudge(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("testdata", "texts", "news.txt"))
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		text string
	}{{"news", string(raw)}, {"long", strings.Repeat(string(raw)+"\n\n", 20)}} {
		a := &article.Article{Text: c.text, Language: "en"}
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				Judge(a)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
