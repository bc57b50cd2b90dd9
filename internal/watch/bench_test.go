package watch

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/notify"
	"github.com/dyad-project/dyad/internal/source"
	"github.com/dyad-project/dyad/internal/store/sqlite"
	"github.com/dyad-project/dyad/internal/testutil"
)

// One watch round on DYAD_BENCH_ARTICLES (default 1000) new articles, all
// items of one feed on a local server: poll, fetch every item, extract,
// code, merge, store, evaluate two rules.
//
//	go test ./internal/watch -run '^$' -bench Round -benchtime 1x
func BenchmarkRound(b *testing.B) {
	n := testutil.BenchArticles(b, 1000)
	texts := genTexts(b, n)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.xml" {
			w.Header().Set("Content-Type", "application/rss+xml")
			var sb strings.Builder
			sb.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>gen</title>`)
			for i := range texts {
				fmt.Fprintf(&sb, `<item><title>a%d</title><link>/a/%d</link></item>`, i, i)
			}
			sb.WriteString(`</channel></rss>`)
			io.WriteString(w, sb.String())
			return
		}
		i, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/a/"))
		if err != nil || i < 0 || i >= len(texts) {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, texts[i])
	}))
	defer srv.Close()
	cfg, err := Parse([]byte(fmt.Sprintf(`
feeds: [%s/feed.xml]
fetch: {allow_private: true, delay: 0s}
rules:
  - {name: esc, events: [THREATEN, ASSAULT], escalation: 3}
  - {name: corroborated, min_outlets: 2, threshold: 2, window: 7d}
`, srv.URL)))
	if err != nil {
		b.Fatal(err)
	}
	c := loadCoder(b)
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "dyad.db"))
		if err != nil {
			b.Fatal(err)
		}
		w := New(cfg, db, c, []notify.Notifier{&notify.Log{ID: "log", W: io.Discard}},
			Options{Now: func() time.Time { return time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC) }, Reader: source.New(cfg.SourceOptions())})
		b.StartTimer()
		rep, err := w.Round(context.Background())
		b.StopTimer()
		if err != nil || rep.Ingest.New != n || len(rep.FeedErrors) != 0 {
			b.Fatalf("round: %v, %d new of %d, %v", err, rep.Ingest.New, n, rep.FeedErrors)
		}
		b.ReportMetric(float64(n)/rep.Took.Seconds(), "articles/s")
		b.ReportMetric(rep.Took.Seconds(), "s/round")
		db.Close()
		b.StartTimer()
	}
}

// genTexts makes n distinct ~4 KB articles from the shared corpus, the same
// ones every run: the head lines of a real article (title, date line), then
// its paragraphs shuffled, then paragraphs of others (the idea of
// internal/pipeline's generator).
func genTexts(tb testing.TB, n int) []string {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "corpus")
	var docs [][2][]string // head, paragraphs
	for _, sub := range []string{"seeds", "news-dev"} {
		files, _ := filepath.Glob(filepath.Join(root, sub, "*.txt"))
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			var d [2][]string
			for _, line := range strings.Split(string(raw), "\n") {
				switch line = strings.TrimSpace(line); {
				case line == "":
				case len(d[1]) == 0 && len(strings.Fields(line)) < 12:
					d[0] = append(d[0], line)
				default:
					d[1] = append(d[1], line)
				}
			}
			if len(d[1]) > 0 {
				docs = append(docs, d)
			}
		}
	}
	if len(docs) == 0 {
		tb.Skipf("no corpus texts under %s", root)
	}
	rng := rand.New(rand.NewPCG(1, 0x7761746368))
	out := make([]string, n)
	for i := range out {
		d := docs[i%len(docs)]
		paras := append([]string(nil), d[1]...)
		rng.Shuffle(len(paras), func(a, b int) { paras[a], paras[b] = paras[b], paras[a] })
		var sb strings.Builder
		for _, h := range d[0] {
			sb.WriteString(h + "\n\n")
		}
		for _, p := range paras {
			if sb.Len() >= 4<<10 {
				break
			}
			sb.WriteString(p + "\n\n")
		}
		for sb.Len() < 4<<10 {
			o := docs[rng.IntN(len(docs))]
			sb.WriteString(o[1][rng.IntN(len(o[1]))] + "\n\n")
		}
		fmt.Fprintf(&sb, "Dispatch %d.\n", i) // distinct content hashes
		out[i] = sb.String()
	}
	return out
}
