package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/testutil"
)

// The end-to-end benchmarks of issue 16, in process (start-up excluded: the
// knowledge base and lexicon load once), on the corpus of
// scripts/corpus2000.sh made in a temp dir: DYAD_BENCH_ARTICLES copies
// (default 400) of the seeds and news-dev texts, each with a unique last
// line. DYAD_NO_PARSE=1 codes without the parser, as the binary does.
//
//	go test ./cmd/dyad -run '^$' -bench 'Command' -benchtime 3x
//	DYAD_NO_PARSE=1 DYAD_BENCH_ARTICLES=2000 go test ./cmd/dyad -run '^$' -bench 'Command/code' -benchtime 1x
func BenchmarkCommand(b *testing.B) {
	n := testutil.BenchArticles(b, 400)
	dir := speedCorpus(b, n)
	if _, err := loadCoder(); err != nil { // loaded once per process, untimed
		b.Fatal(err)
	}
	ctx := context.Background()
	b.Run("code", func(b *testing.B) {
		o := &codeOptions{eventsOut: filepath.Join(b.TempDir(), "events.jsonl")}
		o.budget = pipeline.DefaultBudget
		for b.Loop() {
			if err := runCode(ctx, &globals{quiet: true}, o, []string{dir}, io.Discard, io.Discard); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
	})
	b.Run("ingest", func(b *testing.B) {
		tmp, i := b.TempDir(), 0
		o := &ingestOptions{budget: pipeline.DefaultBudget}
		for b.Loop() {
			i++
			g := &globals{quiet: true, db: filepath.Join(tmp, fmt.Sprintf("bench-%d.db", i))}
			if err := runIngest(ctx, g, o, []string{dir}, io.Discard); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
	})
}

// speedCorpus writes n texts as scripts/corpus2000.sh does: the seeds and
// news-dev texts in turn, each made unique by a last line naming its number.
func speedCorpus(b *testing.B, n int) string {
	var src []string
	for _, sub := range []string{"corpus/seeds", "corpus/news-dev"} {
		files, err := filepath.Glob(filepath.Join(testutil.SharedDir(b, sub), "*.txt"))
		if err != nil {
			b.Fatal(err)
		}
		src = append(src, files...)
	}
	if len(src) == 0 {
		b.Skip("no texts in ../shared/corpus/{seeds,news-dev}")
	}
	dir := b.TempDir()
	for i := range n {
		f := src[i%len(src)]
		body, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		body = fmt.Appendf(body, "\n\nReference number %05d.\n", i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d_%s", i, filepath.Base(f))), body, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}
