package extract

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkExtractHTML runs Extract over every corpus test page.
//
//	go test ./internal/extract -run '^$' -bench ExtractHTML -benchtime 3x
func BenchmarkExtractHTML(b *testing.B) {
	pages := loadPages(b)
	ctx := context.Background()
	var bytes int64
	for _, p := range pages {
		bytes += int64(len(p.body))
	}
	b.SetBytes(bytes)
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			_, _ = Extract(ctx, Input{Source: p.name, URL: p.url, Body: p.body, ContentType: "text/html"})
		}
	}
	b.ReportMetric(float64(len(pages))*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkExtractText runs Extract over the seeds and news-dev texts.
func BenchmarkExtractText(b *testing.B) {
	var docs [][]byte
	for _, sub := range []string{"corpus/seeds", "corpus/news-dev"} {
		files, _ := filepath.Glob(filepath.Join(sharedDir(b, sub), "*.txt"))
		for _, f := range files {
			body, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			docs = append(docs, body)
		}
	}
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if _, err := Extract(ctx, Input{Source: "bench", Body: d}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
