package pipeline_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/actors"
	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/coder"
	"github.com/dyad-project/dyad/internal/extract"
	"github.com/dyad-project/dyad/internal/lexicon"
	"github.com/dyad-project/dyad/internal/merge"
	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/relevance"
	"github.com/dyad-project/dyad/internal/source"
	"github.com/dyad-project/dyad/internal/store/sqlite"
	"github.com/dyad-project/dyad/internal/testutil"
)

// The benchmarks, run one at a time on a quiet machine:
//
//	go test ./internal/pipeline -run '^$' -bench . -benchtime 3x
//	DYAD_BENCH_ARTICLES=1000 go test ./internal/pipeline -run '^$' -bench IngestText -benchtime 1x
//	go test ./internal/pipeline -run '^$' -bench CodeText -cpu 1,2

// benchArticles is the size of the generated text corpus, DYAD_BENCH_ARTICLES
// or 200.
func benchArticles(b *testing.B) int { return testutil.BenchArticles(b, 200) }

// heapPeak samples HeapInuse while a benchmark runs; ReadMemStats stops the
// world, so the period is long enough not to weigh on the figures.
type heapPeak struct {
	peak atomic.Uint64
	stop chan struct{}
	wg   sync.WaitGroup
}

func startHeapPeak() *heapPeak {
	h := &heapPeak{stop: make(chan struct{})}
	h.wg.Go(func() {
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > h.peak.Load() {
				h.peak.Store(ms.HeapInuse)
			}
			select {
			case <-h.stop:
				return
			case <-t.C:
			}
		}
	})
	return h
}

// report stops sampling and reports the peak in MB.
func (h *heapPeak) report(b *testing.B) {
	close(h.stop)
	h.wg.Wait()
	b.ReportMetric(float64(h.peak.Load())/(1<<20), "peak-heap-MB")
}

func loadCoder(b *testing.B) *coder.Coder {
	b.Helper()
	kb, err := actors.Default()
	if err != nil {
		b.Fatal(err)
	}
	lex, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	return coder.New(kb, lex)
}

// benchIngest ingests dir into a fresh SQLite store per iteration, through
// the real source reader and extractor; with code it also codes and stores
// the mentions as `dyad ingest` does. It reports articles stored per second
// and the peak heap.
func benchIngest(b *testing.B, dir string, code bool) {
	ctx := context.Background()
	var c *coder.Coder
	if code {
		c = loadCoder(b)
	}
	reader := source.New(source.Options{HostDelay: -1, Retries: -1})
	dbDir := b.TempDir()
	// One untimed pass first: the first extraction of a page set runs
	// clearly slower (lazy initialisation in the extraction libraries, page
	// cache), and b.Loop would otherwise time that cold pass.
	if db, err := sqlite.Open(ctx, filepath.Join(dbDir, "warm.db")); err != nil {
		b.Fatal(err)
	} else {
		if _, err := pipeline.Ingest(ctx, reader, db, []string{dir}, pipeline.Options{}); err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
	runtime.GC()
	heap := startHeapPeak()
	stored, failed, iter := 0, 0, 0
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		iter++
		db, err := sqlite.Open(ctx, filepath.Join(dbDir, "bench-"+strconv.Itoa(iter)+".db"))
		if err != nil {
			b.Fatal(err)
		}
		var opt pipeline.Options
		if code {
			opt.Code = func(ctx context.Context, a *article.Article) (any, error) { return c.CodeContext(ctx, a) }
			opt.After = func(ctx context.Context, a *article.Article, r any) error {
				ms := r.(coder.Result).Mentions
				merge.Merge(ms)
				return db.PutMentions(ctx, a.ID, ms)
			}
		}
		b.StartTimer()
		sum, err := pipeline.Ingest(ctx, reader, db, []string{dir}, opt)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		if sum.New == 0 {
			b.Fatalf("nothing stored: %+v", sum)
		}
		stored += sum.New
		failed += len(sum.Failed)
		db.Close()
		b.StartTimer()
	}
	heap.report(b)
	b.ReportMetric(float64(stored)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(failed)/float64(iter), "failed/op")
}

func BenchmarkIngestText(b *testing.B) {
	dir := b.TempDir()
	writeArticles(b, dir, genArticles(b, loadBaseDocs(b), benchArticles(b), 1))
	b.Run("store", func(b *testing.B) { benchIngest(b, dir, false) })
	b.Run("code", func(b *testing.B) { benchIngest(b, dir, true) })
}

// BenchmarkIngestHTML ingests the readability test pages: real pages of all
// sizes (2 KB to 2 MB) from many sites.
func BenchmarkIngestHTML(b *testing.B) {
	pages, err := filepath.Glob(filepath.Join(testutil.SharedDir(b, "corpus/pages/readability/test/test-pages"), "*", "source.html"))
	if err != nil || len(pages) == 0 {
		b.Skipf("no readability test pages (%v)", err)
	}
	dir := b.TempDir()
	var size int64
	for _, p := range pages {
		body, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		size += int64(len(body))
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(filepath.Dir(p))+".html"), body, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("%d pages, %.1f MB", len(pages), float64(size)/(1<<20))
	b.Run("store", func(b *testing.B) { b.SetBytes(size); benchIngest(b, dir, false) })
	b.Run("code", func(b *testing.B) { b.SetBytes(size); benchIngest(b, dir, true) })
}

// BenchmarkCodeText runs the coder alone on extracted ~4 KB articles, in as
// many goroutines as GOMAXPROCS (-cpu 1,2 compares one core with two).
func BenchmarkCodeText(b *testing.B) {
	ctx := context.Background()
	texts := genArticles(b, loadBaseDocs(b), 200, 1)
	arts := make([]*article.Article, len(texts))
	var size int64
	for i, t := range texts {
		a, err := extract.Extract(ctx, extract.Input{Source: "gen-" + strconv.Itoa(i), Body: []byte(t)})
		if err != nil {
			b.Fatal(err)
		}
		arts[i] = a
		size += int64(len(a.Text))
	}
	c := loadCoder(b)
	var next atomic.Int64
	var mentions atomic.Int64
	b.SetBytes(size / int64(len(arts)))
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			a := arts[int(next.Add(1))%len(arts)]
			mentions.Add(int64(len(c.Code(a).Mentions)))
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(mentions.Load())/float64(b.N), "mentions/article")
}

// BenchmarkGate compares, in one run, the coder alone with Code (the
// relevance gate, then the coder) and the gate alone, on the same ~4 KB
// news articles:
//
//	go test ./internal/pipeline -run '^$' -bench Gate -benchmem
func BenchmarkGate(b *testing.B) {
	ctx := context.Background()
	texts := genArticles(b, loadBaseDocs(b), 50, 1)
	arts := make([]*article.Article, len(texts))
	for i, t := range texts {
		a, err := extract.Extract(ctx, extract.Input{Source: "gen-" + strconv.Itoa(i), Body: []byte(t)})
		if err != nil {
			b.Fatal(err)
		}
		arts[i] = a
	}
	c := loadCoder(b)
	run := func(name string, code func(a *article.Article)) {
		b.Run(name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				code(arts[i%len(arts)])
				i++
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
	run("coder", func(a *article.Article) { c.Code(a) })
	run("gate+coder", func(a *article.Article) { pipeline.Code(ctx, c, a) })
	run("gate", func(a *article.Article) { relevance.Judge(a) })
}
