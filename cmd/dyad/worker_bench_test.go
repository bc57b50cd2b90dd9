package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/extract"
	"github.com/dyad-project/dyad/internal/queue"
	"github.com/dyad-project/dyad/internal/queue/queuetest"
	"github.com/dyad-project/dyad/internal/store/postgres"
	"github.com/dyad-project/dyad/internal/store/storetest"
)

// benchArticles extracts the fault corpus and makes copies of it (each a
// syndicated copy: one more line of chrome), copies × the corpus in all.
func benchArticles(b testing.TB, copies int) []*article.Article {
	var base []*article.Article
	for _, dir := range faultCorpus(b) {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			body, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			a, err := extract.Extract(context.Background(), extract.Input{Source: f, Body: body})
			if err == nil {
				base = append(base, a)
			}
		}
	}
	var out []*article.Article
	for k := range copies {
		for _, a := range base {
			c := *a
			c.Source = fmt.Sprintf("%s#%d", a.Source, k)
			c.Text = fmt.Sprintf("%s\nRepublished by mirror %d.", a.Text, k)
			c.Hash = article.ContentHash(c.Text)
			out = append(out, &c)
		}
	}
	return out
}

// BenchmarkWorkers measures articles/s through `dyad worker` loops (code,
// merge, store in PostgreSQL, ack) with 1, 2 and 4 loops in one process.
func BenchmarkWorkers(b *testing.B) {
	if os.Getenv(storetest.PostgresEnv) == "" {
		b.Skipf("%s not set", storetest.PostgresEnv)
	}
	arts := benchArticles(b, 10)
	for _, loops := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("workers=%d", loops), func(b *testing.B) {
			var total time.Duration
			for range b.N {
				b.StopTimer()
				dsn, qURL := storetest.PostgresURL(b), queuetest.URL(b)
				publishArticles(b, qURL, arts)
				db, err := postgres.Open(context.Background(), dsn)
				if err != nil {
					b.Fatal(err)
				}
				ctx, cancel := context.WithCancel(context.Background())
				done := make(chan error, 1)
				go func() {
					done <- runWorker(ctx, &globals{db: dsn, quiet: true}, &workerOptions{queue: qURL, loops: loops}, os.Stderr)
				}()
				// Timed from the first stored article, so the one-off start-up
				// (knowledge base, connections) is left out.
				var start time.Time
				for {
					n, _ := db.CountArticles(ctx)
					if n > 0 && start.IsZero() {
						start = time.Now()
						b.StartTimer()
					}
					if n == len(arts) {
						break
					}
					time.Sleep(5 * time.Millisecond)
				}
				b.StopTimer()
				total += time.Since(start)
				cancel()
				<-done
				db.Close()
			}
			b.ReportMetric(float64((len(arts)-1)*b.N)/total.Seconds(), "articles/s")
		})
	}
}

// publishArticles sends arts to the stream at qURL.
func publishArticles(t testing.TB, qURL string, arts []*article.Article) {
	t.Helper()
	cfg, err := queue.ParseURL(qURL)
	if err != nil {
		t.Fatal(err)
	}
	q, err := queue.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	for _, a := range arts {
		if _, err := q.Publish(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
}
